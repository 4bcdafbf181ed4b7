"""`redactor redact`: files, folders, stdin, the report, refusals and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from redactor.cli import main

pytestmark = pytest.mark.model

NOTE = "Kacper Lis (Y3) was upset. Ring his mum on 07700 900461.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_file(tmp_path: Path, runner: CliRunner) -> None:
    source = tmp_path / "note.txt"
    source.write_text(NOTE, encoding="utf-8")
    result = runner.invoke(main, ["redact", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    out = (tmp_path / "out" / "note.txt").read_text(encoding="utf-8")
    assert "Kacper" not in out and "07700" not in out and "[CHILD 1]" in out
    assert source.read_text(encoding="utf-8") == NOTE  # the original is untouched


def test_folder_keeps_relative_names_and_skips_other_types(
    tmp_path: Path, runner: CliRunner
) -> None:
    (tmp_path / "in" / "term1").mkdir(parents=True)
    (tmp_path / "in" / "term1" / "a.txt").write_text(NOTE, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Nothing personal here.\n", encoding="utf-8")
    (tmp_path / "in" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    result = runner.invoke(main, ["redact", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "term1" / "a.txt").exists()
    assert (tmp_path / "out" / "b.txt").read_text(encoding="utf-8") == "Nothing personal here.\n"
    assert "skipped" in result.output and "photo.jpg" in result.output


def test_stdin_to_stdout(runner: CliRunner) -> None:
    result = runner.invoke(main, ["redact", "-"], input=NOTE)
    assert result.exit_code == 0
    assert "Kacper" not in result.stdout and "[PHONE 1]" in result.stdout


def test_report_without_text(tmp_path: Path, runner: CliRunner) -> None:
    source = tmp_path / "note.txt"
    source.write_text(NOTE, encoding="utf-8")
    report = tmp_path / "report.json"
    args = ["redact", str(source), "--out", str(tmp_path / "out"), "--report", str(report)]
    assert runner.invoke(main, args).exit_code == 0
    text = report.read_text(encoding="utf-8")
    data = json.loads(text)
    assert "Kacper" not in text and "07700" not in text
    finding = data["files"][0]["findings"][0]
    assert {"type", "where", "start", "end", "score", "recognizer"} <= finding.keys()
    assert data["totals"]["PHONE"] == 1


def test_report_with_text_when_asked(tmp_path: Path, runner: CliRunner) -> None:
    source = tmp_path / "note.txt"
    source.write_text(NOTE, encoding="utf-8")
    report = tmp_path / "report.json"
    args = [
        "redact",
        str(source),
        "--out",
        str(tmp_path / "o"),
        "--report",
        str(report),
        "--show-text",
    ]
    assert runner.invoke(main, args).exit_code == 0
    assert "Kacper" in report.read_text(encoding="utf-8")


def test_refuses_to_overwrite_the_input(tmp_path: Path, runner: CliRunner) -> None:
    source = tmp_path / "note.txt"
    source.write_text(NOTE, encoding="utf-8")
    result = runner.invoke(main, ["redact", str(source), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "overwrite" in result.output
    assert source.read_text(encoding="utf-8") == NOTE


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x00\x01binary\x00", "binary"), ("Zoë".encode("cp1252"), "UTF-8")],
)
def test_unreadable_input_is_refused_clearly(
    tmp_path: Path, runner: CliRunner, content: bytes, message: str
) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    result = runner.invoke(main, ["redact", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert message.lower() in result.output.lower()
    assert "Traceback" not in result.output
    assert not (tmp_path / "out" / "bad.txt").exists()


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(NOTE, encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    result = runner.invoke(main, ["redact", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert (tmp_path / "out" / "good.txt").exists()
    assert not (tmp_path / "out" / "empty.txt").exists()


def test_usage_errors_exit_2(tmp_path: Path, runner: CliRunner) -> None:
    assert (
        runner.invoke(main, ["redact", str(tmp_path / "missing.txt"), "--out", "x"]).exit_code == 2
    )
    source = tmp_path / "note.txt"
    source.write_text(NOTE, encoding="utf-8")
    assert runner.invoke(main, ["redact", str(source)]).exit_code == 2  # no --out
    bad = ["redact", str(source), "--out", str(tmp_path / "o"), "--threshold", "7"]
    assert runner.invoke(main, bad).exit_code == 2


def test_help_has_an_example(runner: CliRunner) -> None:
    result = runner.invoke(main, ["redact", "--help"])
    assert result.exit_code == 0 and "Example" in result.output


def test_an_unexpected_failure_refuses_that_file_only(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from redactor.pipeline import Redactor

    original = Redactor.redact_file

    def flaky(self: Redactor, source: Path, output: Path):  # type: ignore[no-untyped-def]
        if source.name == "bad.txt":
            raise RuntimeError("Kacper Lis")  # a message that quotes the document
        return original(self, source, output)

    monkeypatch.setattr(Redactor, "redact_file", flaky)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(NOTE, encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_text(NOTE, encoding="utf-8")
    result = runner.invoke(main, ["redact", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "RuntimeError" in result.output and "Kacper" not in result.output
    assert (tmp_path / "out" / "good.txt").exists()
    assert not (tmp_path / "out" / "bad.txt").exists()
