"""`redactor check`: verdicts, places, exit codes, formats, tables, and the pre-commit hook."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from tests.conftest import FakeDetector

from redactor.cli import main

TERMS = {"Wenna Carrow": "CHILD", "Wenna": "CHILD", "07700 900461": "PHONE"}
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def fake_engine(monkeypatch):
    monkeypatch.setattr("redactor.detect.build_detector", lambda settings: FakeDetector(TERMS))


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "newsletter.txt").write_text(
        "Sports day is on Friday.\nWell done Wenna Carrow!\nCall 07700 900461 to help.\n",
        encoding="utf-8",
    )
    (root / "menu.txt").write_text("Monday: pasta bake.\nTuesday: curry.\n", encoding="utf-8")
    return root


def run(*args: str):
    return CliRunner().invoke(main, ["check", *args])


def test_clean_file_exits_0(docs: Path) -> None:
    result = run(str(docs / "menu.txt"))
    assert result.exit_code == 0, result.output
    assert "1 file(s) checked: 0 with findings" in result.output
    assert "1 clean" in result.output


def test_findings_list_file_place_type_and_score_without_the_text(docs: Path) -> None:
    result = run(str(docs / "newsletter.txt"))
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert f"{docs / 'newsletter.txt'}: line 2: CHILD (score 1.0, fake)" in lines
    assert f"{docs / 'newsletter.txt'}: line 3: PHONE (score 1.0, fake)" in lines
    assert "Wenna" not in result.output and "900461" not in result.output


def test_a_folder_is_searched_and_unsupported_files_listed(docs: Path) -> None:
    (docs / "logo.png").write_bytes(b"\x89PNG")
    result = run(str(docs))
    assert result.exit_code == 1
    assert "2 file(s) checked: 1 with findings (2 finding(s)" in result.output
    assert "logo.png: skipped (type not supported)" in result.output


def test_json_format(docs: Path) -> None:
    result = run(str(docs), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["verdict"] == "findings"
    by_name = {Path(f["file"]).name: f for f in data["files"]}
    assert by_name["menu.txt"]["status"] == "clean"
    news = by_name["newsletter.txt"]
    assert news["status"] == "findings"
    assert [(f["where"], f["type"], f["score"]) for f in news["findings"]] == [
        ("line 2", "CHILD", 1.0),
        ("line 3", "PHONE", 1.0),
    ]
    assert "Wenna" not in result.output


def test_an_unreadable_file_exits_2_and_the_others_are_still_checked(docs: Path) -> None:
    (docs / "blank.txt").write_bytes(b"")
    result = run(str(docs), "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.output)
    assert data["verdict"] == "error"
    status = {Path(f["file"]).name: f["status"] for f in data["files"]}
    assert status == {"blank.txt": "error", "menu.txt": "clean", "newsletter.txt": "findings"}
    text = run(str(docs / "blank.txt"))
    assert f"error: {docs / 'blank.txt'}: the file is empty" in text.output


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    assert run(str(tmp_path / "nope.txt")).exit_code == 2


def test_settings_apply_to_the_check(docs: Path, tmp_path: Path) -> None:
    config = tmp_path / "redactor.toml"
    config.write_text('[detect]\nentities = ["PHONE"]\n', encoding="utf-8")
    result = run(str(docs / "newsletter.txt"), "--config", str(config), "--format", "json")
    found = json.loads(result.output)["files"][0]["findings"]
    assert [f["type"] for f in found] == ["PHONE"]


COUNTS = [
    ["Year group", "Boys", "Girls", "Total"],
    ["Year 3", "12", "2", "14"],
    ["Year 4", "9", "11", "20"],
    ["Year 5", "15", "13", "28"],
    ["Total", "36", "26", "62"],
]


def write_csv(path: Path, grid: list[list[str]]) -> Path:
    path.write_text("".join(",".join(row) + "\n" for row in grid), encoding="utf-8")
    return path


def test_a_table_with_a_visible_small_count_is_a_finding(tmp_path: Path) -> None:
    table = write_csv(tmp_path / "counts.csv", COUNTS)
    result = run(str(table), "--format", "json")
    assert result.exit_code == 1, result.output
    (issue,) = json.loads(result.output)["files"][0]["tables"]
    assert (issue["table"], issue["row"], issue["column"]) == (1, "Year 3", "Girls")
    assert issue["problem"] == "small count visible"
    text = run(str(table)).output
    assert "counts.csv: table 1, row 'Year 3', column 'Girls': small count visible" in text


def test_a_protected_table_is_clean(tmp_path: Path) -> None:
    from redactor.settings import Settings
    from redactor.transform.suppress import protect_grid

    protected = protect_grid(COUNTS, Settings())
    assert protected.hidden  # the small cell and its complements
    table = write_csv(tmp_path / "published.csv", protected.grid)
    result = run(str(table))
    assert result.exit_code == 0, result.output


def test_a_hidden_cell_the_totals_give_away_is_a_finding(tmp_path: Path) -> None:
    grid = [row[:] for row in COUNTS]
    grid[1][2] = "c"  # the small count alone hidden: row and column totals give it back
    table = write_csv(tmp_path / "leaky.csv", grid)
    result = run(str(table), "--format", "json")
    assert result.exit_code == 1
    problems = {t["problem"] for t in json.loads(result.output)["files"][0]["tables"]}
    assert "hidden cell can be worked out" in problems


def test_a_table_that_cannot_be_audited_is_not_called_clean(tmp_path: Path, monkeypatch) -> None:
    # Without the small-cell audit a table must not pass: the check fails closed.
    monkeypatch.setitem(sys.modules, "redactor.transform.suppress", None)
    table = write_csv(tmp_path / "counts.csv", COUNTS)
    result = run(str(table))
    assert result.exit_code == 2
    assert "small-cell audit is not available" in result.output


def test_checking_needs_no_hash_key(docs: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("TEST_CHECK_KEY", raising=False)
    config = tmp_path / "redactor.toml"
    config.write_text('[operators]\ndefault = "hash"\n[hash]\nkey_env = "TEST_CHECK_KEY"\n')
    result = run(str(docs / "newsletter.txt"), "--config", str(config))
    assert result.exit_code == 1, result.output
    assert "line 2: CHILD" in result.output


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["check", "--help"])
    assert result.exit_code == 0
    assert "redactor check website/policies/" in result.output


def test_pre_commit_hook_runs_check_on_the_supported_types() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["entry"] == "redactor check"
    import re

    pattern = re.compile(hook["files"])
    for name in ("a.txt", "b.docx", "c.PDF", "d.xlsx", "e.csv"):
        assert pattern.search(name), name
    for name in ("a.png", "b.docx.bak", "c.md"):
        assert not pattern.search(name), name


def test_redactors_own_replacements_are_not_findings(tmp_path: Path, monkeypatch) -> None:
    # The language model often calls a tag such as "[CHILD 1]" a person; a redacted file has
    # nothing there to find. Whatever covers a real word next to a tag still counts.
    terms = {
        "[CHILD 1]": "PERSON",
        "CHILD": "PERSON",
        "[REDACTED]": "PERSON",
        "*****": "PERSON",
        "[PERSON 0a1b2c3d4e]": "PERSON",
        "Wenna [CHILD 2]": "PERSON",
    }
    monkeypatch.setattr("redactor.detect.build_detector", lambda settings: FakeDetector(terms))
    done = tmp_path / "done.txt"
    done.write_text(
        "Thanks to [CHILD 1], [REDACTED] and *****.\nSigned [PERSON 0a1b2c3d4e].\n", "utf-8"
    )
    assert run(str(done)).exit_code == 0
    leaky = tmp_path / "leaky.txt"
    leaky.write_text("Thanks to [CHILD 1].\nAlso Wenna [CHILD 2] came.\n", "utf-8")
    result = run(str(leaky), "--format", "json")
    assert result.exit_code == 1
    found = json.loads(result.output)["files"][0]["findings"]
    assert [f["where"] for f in found] == ["line 2"]


@pytest.mark.model
def test_check_finds_data_in_a_document_and_none_in_its_redacted_copy(
    tmp_path: Path, monkeypatch
) -> None:
    from redactor.pipeline import Redactor

    monkeypatch.undo()  # the real detection engine, not the fake one
    original = tmp_path / "incident.txt"
    original.write_text(
        "Incident log, Tuesday lunchtime.\n"
        "Corvin Altamira (Year 5) pushed Isolde Pennyworth near the climbing frame.\n"
        "Mrs Harriet Quenby spoke to both children and phoned Corvin's dad on 07700 900218.\n"
        "Isolde's mum can be reached at isolde.family@example.org.\n",
        encoding="utf-8",
    )
    redacted = tmp_path / "out" / "incident.txt"
    Redactor().redact_file(original, redacted)
    before = run(str(original), "--format", "json")
    assert before.exit_code == 1, before.output
    kinds = {f["type"] for f in json.loads(before.output)["files"][0]["findings"]}
    assert {"PHONE", "EMAIL"} <= kinds
    after = run(str(redacted))
    assert after.exit_code == 0, after.output
