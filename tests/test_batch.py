"""Batch runs: outputs, bad files, resuming, workers, crashes, the audit log and the command."""

from __future__ import annotations

import functools
import json
import os
import re
import time
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner
from tests.conftest import FakeDetector

from redactor.audit import read_audit_log, settings_fingerprint
from redactor.batch import FILES_PER_PROCESS, STATE_NAME, BatchProgress, discover, run_batch
from redactor.cli import main
from redactor.errors import ConfigError, InputError, OutputError, RedactorError
from redactor.model import Document, Finding
from redactor.pipeline import Redactor
from redactor.settings import Settings

TERMS = {"Orlaith Brennick": "CHILD", "Orlaith": "CHILD", "Mr Tavish": "ADULT"}
fake = functools.partial(FakeDetector, TERMS)


class CrashingDetector(FakeDetector):
    """Kills its process on a document holding CRASH-ME, as a native library fault would."""

    def detect(self, document: Document) -> list[Finding]:
        if "CRASH-ME" in document.text:
            os._exit(3)
        return super().detect(document)


def crashing() -> CrashingDetector:
    return CrashingDetector(TERMS)


class Counter:
    """A detector factory that counts how often it builds a detector (in this process)."""

    def __init__(self) -> None:
        self.built = 0

    def __call__(self) -> FakeDetector:
        self.built += 1
        return FakeDetector(TERMS)


@pytest.fixture
def src(tmp_path: Path) -> Path:
    root = tmp_path / "src"
    (root / "year3" / "autumn").mkdir(parents=True)
    (root / "minutes.txt").write_text(
        "Present: Mr Tavish (chair).\nOrlaith Brennick joined late.\n", encoding="utf-8"
    )
    (root / "year3" / "letter.txt").write_text("Dear parent of Orlaith,\nThanks.\n", "utf-8")
    (root / "year3" / "autumn" / "plan.md").write_text("No names in this plan.\n", "utf-8")
    (root / "year3" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    return root


def add_bad_files(root: Path) -> None:
    (root / "empty.txt").write_bytes(b"")
    (root / "year3" / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00binary\x00data")


def outputs(folder: Path) -> list[str]:
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".redactor-")
    )


# -- discovery ------------------------------------------------------------------------------------


def test_discover_finds_supported_files_and_lists_the_rest(src: Path) -> None:
    (src / ".git").mkdir()
    (src / ".git" / "notes.txt").write_text("not a document\n", "utf-8")
    (src / "~$minutes.docx").write_bytes(b"lock")
    found, ignored = discover(src)
    assert sorted(p.relative_to(src).as_posix() for p in found) == [
        "minutes.txt",
        "year3/autumn/plan.md",
        "year3/letter.txt",
    ]
    assert sorted(p.name for p in ignored) == ["photo.jpg", "~$minutes.docx"]


def test_discover_a_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        discover(tmp_path / "nowhere")


# -- running --------------------------------------------------------------------------------------


def test_every_file_is_written_under_the_same_relative_name(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = run_batch(src, out, Settings(), workers=1, detector_factory=fake)
    assert outputs(out) == ["minutes.txt", "year3/autumn/plan.md", "year3/letter.txt"]
    assert (out / "minutes.txt").read_text("utf-8") == (
        "Present: [ADULT 1] (chair).\n[CHILD 1] joined late.\n"
    )
    assert len(summary.redacted) == 3 and not summary.refused
    assert summary.totals() == {"ADULT": 1, "CHILD": 2}
    assert [p.name for p in summary.ignored] == ["photo.jpg"]
    assert summary.words > 0
    # the originals are untouched
    assert "Orlaith Brennick" in (src / "minutes.txt").read_text("utf-8")


def test_bad_files_are_refused_with_reasons_and_the_batch_carries_on(
    src: Path, tmp_path: Path
) -> None:
    add_bad_files(src)
    out = tmp_path / "out"
    summary = run_batch(src, out, Settings(), workers=1, detector_factory=fake)
    refused = {o.relative: o.reason or "" for o in summary.refused}
    assert set(refused) == {"empty.txt", "year3/binary.txt"}
    assert "empty" in refused["empty.txt"]
    assert "binary" in refused["year3/binary.txt"]
    assert len(summary.redacted) == 3
    # nothing half-written: no output and no temporary file for the bad ones
    assert outputs(out) == ["minutes.txt", "year3/autumn/plan.md", "year3/letter.txt"]
    assert not list(out.rglob("*.part"))


def test_an_unexpected_reader_failure_refuses_the_file_without_its_message(
    src: Path, tmp_path: Path
) -> None:
    class Leaky(FakeDetector):
        def detect(self, document: Document) -> list[Finding]:
            if "Tavish" in document.text:
                raise KeyError("Orlaith Brennick")  # a library echoing document text
            return super().detect(document)

    summary = run_batch(
        src, tmp_path / "out", Settings(), workers=1, detector_factory=lambda: Leaky(TERMS)
    )
    (refused,) = summary.refused
    assert refused.relative == "minutes.txt"
    assert "KeyError" in (refused.reason or "")
    assert "Orlaith" not in (refused.reason or "")
    assert not (tmp_path / "out" / "minutes.txt").exists()


def test_one_redactor_is_built_and_reused_for_every_file(src: Path, tmp_path: Path) -> None:
    factory = Counter()
    run_batch(src, tmp_path / "out", Settings(), workers=1, detector_factory=factory)
    assert factory.built == 1


def test_two_workers_write_the_same_outputs_as_one(src: Path, tmp_path: Path) -> None:
    add_bad_files(src)
    one = run_batch(src, tmp_path / "one", Settings(), workers=1, detector_factory=fake)
    two = run_batch(src, tmp_path / "two", Settings(), workers=2, detector_factory=fake)
    assert two.workers == 2
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    for name in outputs(tmp_path / "one"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert [(o.relative, o.status) for o in one.outcomes] == [
        (o.relative, o.status) for o in two.outcomes
    ]


def test_a_crashing_worker_loses_only_its_own_file(src: Path, tmp_path: Path) -> None:
    (src / "year3" / "poison.txt").write_text("CRASH-ME\n", "utf-8")
    out = tmp_path / "out"
    summary = run_batch(src, out, Settings(), workers=2, detector_factory=crashing)
    (refused,) = summary.refused
    assert refused.relative == "year3/poison.txt"
    assert "crashed" in (refused.reason or "")
    assert outputs(out) == ["minutes.txt", "year3/autumn/plan.md", "year3/letter.txt"]
    assert not list(out.rglob("*.part"))  # nothing left by the workers the crash ended


class MarkingFactory:
    """A detector factory that leaves one file per worker process that builds a detector."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __call__(self) -> FakeDetector:
        (self.folder / f"worker-{os.getpid()}").touch()
        return FakeDetector(TERMS)


def test_a_worker_process_is_replaced_after_its_share_of_files(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("redactor.batch.FILES_PER_PROCESS", 3)
    src = tmp_path / "many"
    src.mkdir()
    for i in range(13):
        (src / f"note-{i:02d}.txt").write_text(f"Orlaith came in at {i}.\n", "utf-8")
    marks = tmp_path / "marks"
    marks.mkdir()
    summary = run_batch(
        src, tmp_path / "out", Settings(), workers=2, detector_factory=MarkingFactory(marks)
    )
    assert [o.status for o in summary.outcomes] == ["redacted"] * 13
    # 13 files, at most 2 x 3 per pool: three pools, the last with one file (one worker)
    assert len(list(marks.iterdir())) == 5
    for i in range(13):
        assert "Orlaith" not in (tmp_path / "out" / f"note-{i:02d}.txt").read_text("utf-8")


def test_one_worker_runs_a_long_batch_in_replaceable_processes(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("redactor.batch.FILES_PER_PROCESS", 2)
    src = tmp_path / "many"
    src.mkdir()
    for i in range(5):
        (src / f"note-{i}.txt").write_text("Orlaith came in.\n", "utf-8")
    marks = tmp_path / "marks"
    marks.mkdir()
    summary = run_batch(
        src, tmp_path / "out", Settings(), workers=1, detector_factory=MarkingFactory(marks)
    )
    assert summary.workers == 1
    assert [o.status for o in summary.outcomes] == ["redacted"] * 5
    built = {p.name for p in marks.iterdir()}
    assert len(built) == 3 and f"worker-{os.getpid()}" not in built  # 2 + 2 + 1, not here


def test_a_crash_in_one_pool_leaves_the_later_pools_their_files(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("redactor.batch.FILES_PER_PROCESS", 2)
    src = tmp_path / "many"
    src.mkdir()
    for i in range(9):
        text = "CRASH-ME\n" if i == 1 else f"Orlaith came in at {i}.\n"
        (src / f"note-{i}.txt").write_text(text, "utf-8")
    summary = run_batch(src, tmp_path / "out", Settings(), workers=2, detector_factory=crashing)
    assert statuses(summary) == {
        f"note-{i}.txt": "refused" if i == 1 else "redacted" for i in range(9)
    }


class SlowDetector(FakeDetector):
    def detect(self, document: Document) -> list[Finding]:
        time.sleep(0.2)
        return super().detect(document)


def slow() -> SlowDetector:
    return SlowDetector(TERMS)


def test_an_interrupted_batch_stops_soon_and_resumes(tmp_path: Path) -> None:
    src = tmp_path / "many"
    src.mkdir()
    for i in range(40):
        (src / f"note-{i:02d}.txt").write_text(f"Orlaith came in at {i}.\n", "utf-8")
    out = tmp_path / "out"

    def stop_after_three(p: BatchProgress) -> None:
        if p.done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(src, out, Settings(), workers=2, detector_factory=slow,
                  progress=stop_after_three)  # fmt: skip
    written = outputs(out)
    # only the files already handed to a worker finish; the rest are never started
    assert 3 <= len(written) <= 12  # done + those running or queued to a worker; not all 40
    recorded = json.loads((out / STATE_NAME).read_text("utf-8"))["files"]
    assert len(recorded) == 3
    again = run_batch(src, out, Settings(), workers=2, detector_factory=slow)
    assert statuses(again) == {
        **{name: "skipped-unchanged" for name in recorded},
        **{
            f"note-{i:02d}.txt": "redacted"
            for i in range(40)
            if f"note-{i:02d}.txt" not in recorded
        },
    }


def test_progress_reports_every_file(src: Path, tmp_path: Path) -> None:
    seen: list[BatchProgress] = []
    run_batch(src, tmp_path / "out", Settings(), workers=1, detector_factory=fake,
              progress=seen.append)  # fmt: skip
    assert [p.done for p in seen] == [1, 2, 3]
    assert {p.total for p in seen} == {3}
    assert seen[0].rate == 0.0 and seen[0].remaining_seconds is None  # not known yet
    assert all(p.rate > 0 for p in seen[1:])
    assert seen[-1].remaining_seconds == 0


# -- resuming -------------------------------------------------------------------------------------


def statuses(summary) -> dict[str, str]:
    return {o.relative: o.status for o in summary.outcomes}


def test_a_second_run_skips_unchanged_files(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(src, out, Settings(), workers=1, detector_factory=fake)
    (src / "year3" / "letter.txt").write_text("Dear Mr Tavish,\n", "utf-8")
    (out / "year3" / "autumn" / "plan.md").unlink()  # an output removed by hand is redone
    again = run_batch(src, out, Settings(), workers=1, detector_factory=fake)
    assert statuses(again) == {
        "minutes.txt": "skipped-unchanged",
        "year3/autumn/plan.md": "redacted",
        "year3/letter.txt": "redacted",
    }
    assert (out / "year3" / "letter.txt").read_text("utf-8") == "Dear [ADULT 1],\n"
    state = json.loads((out / STATE_NAME).read_text("utf-8"))
    assert state["files"]["minutes.txt"]["settings"] == settings_fingerprint(Settings())


def test_changed_settings_or_force_redo_every_file(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(src, out, Settings(), workers=1, detector_factory=fake)
    masked = Settings(default_operator="mask")
    changed = run_batch(src, out, masked, workers=1, detector_factory=fake)
    assert set(statuses(changed).values()) == {"redacted"}
    assert "[CHILD" not in (out / "minutes.txt").read_text("utf-8")
    forced = run_batch(src, out, masked, workers=1, detector_factory=fake, force=True)
    assert set(statuses(forced).values()) == {"redacted"}
    same = run_batch(src, out, masked, workers=1, detector_factory=fake)
    assert set(statuses(same).values()) == {"skipped-unchanged"}


def test_a_file_that_turns_bad_loses_its_old_output(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(src, out, Settings(), workers=1, detector_factory=fake)
    (src / "minutes.txt").write_bytes(b"")
    summary = run_batch(src, out, Settings(), workers=1, detector_factory=fake)
    assert statuses(summary)["minutes.txt"] == "refused"
    assert not (out / "minutes.txt").exists()
    state = json.loads((out / STATE_NAME).read_text("utf-8"))
    assert "minutes.txt" not in state["files"]


def test_a_damaged_state_file_means_a_full_rerun(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(src, out, Settings(), workers=1, detector_factory=fake)
    (out / STATE_NAME).write_text("{not json", "utf-8")
    summary = run_batch(src, out, Settings(), workers=1, detector_factory=fake)
    assert set(statuses(summary).values()) == {"redacted"}


# -- output folder --------------------------------------------------------------------------------


def test_an_output_folder_inside_the_source_is_not_read_as_input(src: Path) -> None:
    out = src / "redacted"
    run_batch(src, out, Settings(), workers=1, detector_factory=fake)
    again = run_batch(src, out, Settings(), workers=1, detector_factory=fake, force=True)
    assert not any(o.relative.startswith("redacted/") for o in again.outcomes)


def test_the_output_folder_may_not_be_the_source(src: Path) -> None:
    with pytest.raises(OutputError, match="must not be the source"):
        run_batch(src, src, Settings(), workers=1, detector_factory=fake)


def test_a_hash_operator_without_its_key_stops_before_any_work(
    src: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.delenv("TEST_BATCH_KEY", raising=False)
    settings = Settings(operators=(("PERSON", "hash"),), hash_key_env="TEST_BATCH_KEY")
    with pytest.raises(ConfigError, match="TEST_BATCH_KEY"):
        run_batch(src, tmp_path / "out", settings, workers=1, detector_factory=fake)
    assert not (tmp_path / "out").exists()
    monkeypatch.setenv("TEST_BATCH_KEY", "a-test-key")
    summary = run_batch(src, tmp_path / "out", settings, workers=1, detector_factory=fake)
    assert len(summary.redacted) == 3
    text = (tmp_path / "out" / "minutes.txt").read_text("utf-8")
    assert re.search(r"\[CHILD [0-9a-f]{10}\] joined late", text)


def test_the_output_may_not_be_a_file(src: Path) -> None:
    with pytest.raises(OutputError, match="must be a folder"):
        run_batch(src, src / "minutes.txt", Settings(), workers=1, detector_factory=fake)


# -- audit log ------------------------------------------------------------------------------------


def test_the_audit_log_has_one_line_per_file_and_no_removed_text(src: Path, tmp_path: Path) -> None:
    add_bad_files(src)
    out = tmp_path / "out"
    audit = tmp_path / "audit.jsonl"
    run_batch(src, out, Settings(), workers=1, detector_factory=fake, audit_log=audit)
    run_batch(src, out, Settings(), workers=1, detector_factory=fake, audit_log=audit)
    records = read_audit_log(audit)
    assert len(records) == 10  # five files, two runs
    first = {Path(r["input"]).relative_to(src).as_posix(): r for r in records[:5]}
    assert first["minutes.txt"]["status"] == "redacted"
    assert first["minutes.txt"]["counts"] == {"ADULT": 1, "CHILD": 1}
    assert first["minutes.txt"]["operators"] == {"ADULT": "tag", "CHILD": "tag"}
    assert first["minutes.txt"]["output"] == str(out / "minutes.txt")
    assert len(first["minutes.txt"]["input_sha256"]) == 64
    assert first["empty.txt"]["status"] == "refused" and "empty" in first["empty.txt"]["reason"]
    assert {r["status"] for r in records[5:]} == {"skipped-unchanged", "refused"}
    text = audit.read_text("utf-8")
    assert "Orlaith" not in text and "Tavish" not in text


def test_the_audit_log_defaults_to_the_output_folder(src: Path, tmp_path: Path) -> None:
    summary = run_batch(src, tmp_path / "out", Settings(), workers=1, detector_factory=fake)
    assert summary.audit_log == tmp_path / "out" / ".redactor-audit.jsonl"
    assert len(read_audit_log(summary.audit_log)) == 3


# -- the command ----------------------------------------------------------------------------------


@pytest.fixture
def fake_engine(monkeypatch):
    """Make the real detector factory build the fake one, for the command-line tests."""
    monkeypatch.setattr("redactor.detect.build_detector", lambda settings: FakeDetector(TERMS))


def test_command_writes_outputs_and_exits_0(src: Path, tmp_path: Path, fake_engine) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(src), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "3 redacted, 0 unchanged (skipped), 0 refused" in result.output
    assert "photo.jpg" in result.output  # unsupported files are listed
    assert outputs(out) == ["minutes.txt", "year3/autumn/plan.md", "year3/letter.txt"]
    again = CliRunner().invoke(main, ["batch", str(src), "--out", str(out), "--workers", "1"])
    assert "0 redacted, 3 unchanged (skipped)" in again.output


def test_command_lists_refused_files_and_exits_1(src: Path, tmp_path: Path, fake_engine) -> None:
    add_bad_files(src)
    audit = tmp_path / "audit.jsonl"
    args = ["batch", str(src), "--out", str(tmp_path / "out"), "--audit-log", str(audit)]
    result = CliRunner().invoke(main, [*args, "--workers", "2"])
    assert result.exit_code == 1, result.output
    assert "2 refused" in result.output
    assert "empty.txt: the file is empty" in result.output
    assert "binary.txt: this looks like a binary file" in result.output
    assert len(read_audit_log(audit)) == 5
    assert "Orlaith" not in result.output


def test_command_takes_workers_and_operators_from_the_config(
    src: Path, tmp_path: Path, fake_engine
) -> None:
    config = tmp_path / "school.toml"
    config.write_text('[operators]\nCHILD = "redact"\n[batch]\nworkers = 1\n', "utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(src), "--out", str(out), "--config", config])
    assert result.exit_code == 0, result.output
    assert "1 worker)" in result.output
    assert (out / "year3" / "letter.txt").read_text(
        "utf-8"
    ) == "Dear parent of [REDACTED],\nThanks.\n"


def test_command_reports_a_bad_config_in_one_line(src: Path, tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[batch]\nworkers = 0\n", "utf-8")
    result = CliRunner().invoke(
        main, ["batch", str(src), "--out", str(tmp_path / "o"), "--config", str(config)]
    )
    assert result.exit_code == 2
    assert "workers must be 1 or more" in result.output
    assert "Traceback" not in result.output


def test_command_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["batch", "--help"])
    assert result.exit_code == 0
    assert "redactor batch minutes/ --out redacted/" in result.output
    # the help tells how often a worker is replaced, as the code does it
    assert f"after {FILES_PER_PROCESS:,} files" in " ".join(result.output.split())


# -- every format together ------------------------------------------------------------------------


def test_a_mixed_folder_with_a_corrupt_docx_an_encrypted_pdf_and_an_empty_file(
    tmp_path: Path,
) -> None:
    import docx
    import openpyxl
    from tests.pdf_builders import Page, build_pdf, encrypt_pdf, paragraph

    src = tmp_path / "term"
    src.mkdir()
    letter = docx.Document()
    letter.add_paragraph("Orlaith Brennick has settled well.")
    letter.save(str(src / "letter.docx"))
    build_pdf(src / "minutes.pdf", [Page(texts=paragraph(72, 72, ["Chair: Mr Tavish."]))])
    book = openpyxl.Workbook()
    book.active.append(["Pupil", "Club"])  # type: ignore[union-attr]
    book.active.append(["Orlaith Brennick", "Chess"])  # type: ignore[union-attr]
    book.save(src / "clubs.xlsx")
    (src / "register.csv").write_text("Pupil,Club\nOrlaith Brennick,Choir\n", "utf-8")
    (src / "notes.txt").write_text("Mr Tavish rang.\n", "utf-8")
    # the three bad files
    (src / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip archive")
    encrypt_pdf(src / "minutes.pdf", src / "locked.pdf", "s3cret-pw")
    (src / "empty.txt").write_bytes(b"")

    out = tmp_path / "out"
    summary = run_batch(src, out, Settings(), workers=2, detector_factory=fake)
    refused = {o.relative: o.reason or "" for o in summary.refused}
    assert set(refused) == {"broken.docx", "locked.pdf", "empty.txt"}
    assert "docx" in refused["broken.docx"]
    assert "encrypted" in refused["locked.pdf"]
    assert "empty" in refused["empty.txt"]
    assert outputs(out) == ["clubs.xlsx", "letter.docx", "minutes.pdf", "notes.txt", "register.csv"]
    assert not list(out.rglob("*.part"))
    redacted = docx.Document(str(out / "letter.docx"))
    assert "Orlaith" not in " ".join(p.text for p in redacted.paragraphs)
    assert "Orlaith" not in (out / "register.csv").read_text("utf-8")


class BatchingDetector(FakeDetector):
    """Records how many documents each detection call was given."""

    sizes: ClassVar[list[int]] = []

    def detect_many(self, documents: list[Document]) -> list[list[Finding]]:
        BatchingDetector.sizes.append(len(documents))
        return [self.detect(d) for d in documents]


def test_a_worker_detects_a_few_files_together(tmp_path: Path) -> None:
    src = tmp_path / "notes"
    src.mkdir()
    for i in range(8):
        (src / f"note-{i}.txt").write_text(f"Orlaith came in at {i}.\n", "utf-8")
    (src / "empty.txt").write_text("", "utf-8")
    BatchingDetector.sizes = []
    summary = run_batch(src, tmp_path / "out", Settings(), workers=1,
                        detector_factory=lambda: BatchingDetector(TERMS))  # fmt: skip
    assert sum(BatchingDetector.sizes) == 8 and max(BatchingDetector.sizes) > 1
    got = statuses(summary)
    assert got.pop("empty.txt") == "refused"  # one bad file fails alone, inside its group
    assert set(got.values()) == {"redacted"} and len(got) == 8
    assert "Orlaith" not in (tmp_path / "out" / "note-3.txt").read_text("utf-8")


def test_redact_files_fails_each_file_on_its_own(tmp_path: Path) -> None:
    good, empty = tmp_path / "good.txt", tmp_path / "empty.txt"
    good.write_text("Orlaith rang.\n", "utf-8")
    empty.write_text("", "utf-8")
    redactor = Redactor(detector=FakeDetector({"Orlaith": "CHILD"}))
    out = tmp_path / "out"
    out.mkdir()
    results = redactor.redact_files([(good, out / "good.txt"), (empty, out / "empty.txt")])
    assert not isinstance(results[0], RedactorError)
    assert results[0].counts() == {"CHILD": 1}
    assert isinstance(results[1], RedactorError) and not (out / "empty.txt").exists()
    assert (out / "good.txt").read_text("utf-8") == "[CHILD 1] rang.\n"
