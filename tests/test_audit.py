"""The audit log and the settings fingerprint: what each record holds, and what it never holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redactor._version import VERSION
from redactor.audit import AuditLog, AuditRecord, read_audit_log, settings_fingerprint
from redactor.settings import Settings


def test_fingerprint_is_stable_and_short() -> None:
    assert settings_fingerprint(Settings()) == settings_fingerprint(Settings())
    assert len(settings_fingerprint(Settings())) == 16


@pytest.mark.parametrize(
    "changes",
    [
        {"score_threshold": 0.8},
        {"default_operator": "redact"},
        {"operators": (("PHONE", "mask"),)},
        {"entities": frozenset({"PERSON"})},
        {"allow": ("Oakfield",)},
        {"threshold": 10},
        {"pdf_dpi": 300},
    ],
)
def test_fingerprint_changes_with_anything_that_changes_output(changes: dict) -> None:
    assert settings_fingerprint(Settings().with_changes(**changes)) != settings_fingerprint(
        Settings()
    )


def test_fingerprint_ignores_what_does_not_change_output(tmp_path: Path) -> None:
    base = settings_fingerprint(Settings())
    assert settings_fingerprint(Settings(workers=7)) == base
    assert settings_fingerprint(Settings(source=tmp_path / "redactor.toml")) == base
    assert settings_fingerprint(Settings(pdf_password="pw")) == base


def test_fingerprint_follows_the_roster_contents(tmp_path: Path) -> None:
    roster = tmp_path / "pupils.csv"
    roster.write_text("Forename,Surname\nPellam,Quorrie\n", encoding="utf-8")
    before = settings_fingerprint(Settings(roster=roster))
    roster.write_text("Forename,Surname\nPellam,Quorrie\nIsolde,Varn\n", encoding="utf-8")
    assert settings_fingerprint(Settings(roster=roster)) != before


def test_fingerprint_follows_the_hash_key_without_holding_it(monkeypatch) -> None:
    settings = Settings(default_operator="hash", hash_key_env="TEST_AUDIT_KEY")
    monkeypatch.setenv("TEST_AUDIT_KEY", "first-key")
    first = settings_fingerprint(settings)
    monkeypatch.setenv("TEST_AUDIT_KEY", "second-key")
    assert settings_fingerprint(settings) != first
    # without a hash operator the key plays no part
    plain = Settings(hash_key_env="TEST_AUDIT_KEY")
    with_key = settings_fingerprint(plain)
    monkeypatch.delenv("TEST_AUDIT_KEY")
    assert settings_fingerprint(plain) == with_key


def test_record_for_file_names_operators_per_counted_type(tmp_path: Path) -> None:
    settings = Settings(operators=(("PHONE", "mask"),))
    record = AuditRecord.for_file(
        source=tmp_path / "in.txt",
        input_sha256="ab" * 32,
        status="redacted",
        settings=settings,
        output=tmp_path / "out.txt",
        counts={"PHONE": 2, "CHILD": 3},
    )
    data = json.loads(record.to_json())
    assert data["counts"] == {"CHILD": 3, "PHONE": 2}
    assert data["operators"] == {"CHILD": "tag", "PHONE": "mask"}
    assert data["settings_fingerprint"] == settings_fingerprint(settings)
    assert data["tool_version"] == VERSION
    assert data["output"] == str(tmp_path / "out.txt")
    assert data["time"].endswith("+00:00")
    assert "reason" not in data  # only refusals carry one


def test_a_refusal_carries_its_reason(tmp_path: Path) -> None:
    record = AuditRecord.for_file(
        source=tmp_path / "in.docx",
        input_sha256="00" * 32,
        status="refused",
        settings=Settings(),
        reason="in.docx: embedded object in word/embeddings; file refused",
    )
    data = json.loads(record.to_json())
    assert data["status"] == "refused"
    assert data["output"] is None
    assert data["reason"].startswith("in.docx: embedded object")


def test_unknown_status_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        AuditRecord(input="a", input_sha256="", status="done")


def test_log_appends_one_line_per_record_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "logs" / "audit.jsonl"
    for name in ("one.txt", "two.txt"):
        with AuditLog(path) as log:
            log.write(
                AuditRecord.for_file(
                    source=Path(name), input_sha256="", status="redacted", settings=Settings()
                )
            )
    records = read_audit_log(path)
    assert [r["input"] for r in records] == ["one.txt", "two.txt"]
    assert len(path.read_text(encoding="utf-8").splitlines()) == 2


def test_writing_outside_the_with_block_is_refused(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "a.jsonl")
    with pytest.raises(RuntimeError):
        log.write(AuditRecord(input="a", input_sha256="", status="redacted"))
