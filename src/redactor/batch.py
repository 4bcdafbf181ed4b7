"""Batch runs: every supported file under a folder, redacted in parallel, resumable, audited.

    summary = run_batch(Path("minutes"), Path("redacted"), settings, workers=4,
                        audit_log=Path("audit.jsonl"), progress=print)

- **Parallel**: a pool of worker processes; each builds ONE `Redactor` in its initializer (the
  spaCy pipeline loads once per worker) and reuses it for every file it is given, up to
  FILES_PER_PROCESS files: then a fresh pool takes over, so that a long batch's workers end with
  the memory they started with. With one worker and no more files than that, the files are
  processed in this process, without a pool.
- **Resumable**: `.redactor-state.json` in the output folder remembers, per file, the input's
  SHA-256 and the settings fingerprint of the run that wrote its output. A later run skips a file
  whose content and settings are unchanged and whose output is still there.
- **One bad file never stops the batch**: an unreadable or unsupported file is refused with its
  reason, and nothing is written for it (writers are atomic; an output an earlier run made from an
  older version of that input is removed, so no output is left that does not match its input).
  A worker process that crashes outright (a native library fault) is replaced, and the file that
  crashed it is found by retrying the unfinished files one at a time.
- **Audit**: one JSON line per file (`redactor.audit`).

Library code: it raises and reports through callbacks; the `batch` command prints.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import signal
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redactor.audit import AuditLog, AuditRecord, settings_fingerprint, uses_hash
from redactor.emit.atomic import write_bytes
from redactor.errors import ConfigError, InputError, OutputError, RedactorError
from redactor.ingest import supported_suffixes
from redactor.pipeline import Detector, FileResult, Redactor
from redactor.settings import Settings

__all__ = [
    "STATE_NAME",
    "BatchProgress",
    "BatchSummary",
    "FileOutcome",
    "discover",
    "run_batch",
]

STATE_NAME = ".redactor-state.json"
AUDIT_NAME = ".redactor-audit.jsonl"
_STATE_VERSION = 1
# Save the state this often while running, so an interrupted batch resumes where it stopped
# without rewriting the file after every one of thousands of documents.
_STATE_SAVE_SECONDS = 2.0

DetectorFactory = Callable[[], Detector]
#: files a worker redacts together, so that spaCy reads them in one batch; small, so that Ctrl-C
#: still stops a batch soon (the groups already handed out are finished, no more)
GROUP_SIZE = 4
#: files a worker process redacts before a fresh one replaces it. Memory zones and emptied caches
#: keep a worker nearly flat, but spaCy's hash tables still grow in steps on long runs (see
#: `redactor._memory`); a new process starts from scratch, for a model load (about 2 s) per
#: thousand files.
FILES_PER_PROCESS = 1000


# -- data ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Task:
    source: Path
    output: Path
    relative: str
    #: the input hash recorded by the last run with the same settings, if its output still exists
    known_sha256: str | None = None
    #: the output an earlier run wrote for this input (removed if the file is now refused)
    previous_output: Path | None = None


@dataclass
class FileOutcome:
    """What happened to one file. Holds types and counts, never the text that was removed."""

    source: Path
    relative: str
    status: str  # "redacted" | "refused" | "skipped-unchanged"
    output: Path | None = None
    input_sha256: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    reason: str | None = None
    words: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class BatchProgress:
    """Passed to the progress callback after each file."""

    done: int
    total: int
    elapsed: float
    #: files per second since the first file finished (0.0 until the second one); skipped files
    #: count, they are done
    rate: float
    outcome: FileOutcome

    @property
    def remaining_seconds(self) -> float | None:
        if self.rate <= 0:
            return None
        return (self.total - self.done) / self.rate


@dataclass
class BatchSummary:
    """The end of a run: every file's outcome, and the files that were not looked at."""

    source: Path
    output: Path
    outcomes: list[FileOutcome]
    #: files under the source folder that no reader handles (listed, not errors)
    ignored: list[Path]
    elapsed: float
    workers: int
    audit_log: Path | None = None

    def _with(self, status: str) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def redacted(self) -> list[FileOutcome]:
        return self._with("redacted")

    @property
    def refused(self) -> list[FileOutcome]:
        return self._with("refused")

    @property
    def skipped(self) -> list[FileOutcome]:
        return self._with("skipped-unchanged")

    @property
    def words(self) -> int:
        return sum(o.words for o in self.redacted)

    def totals(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for outcome in self.redacted:
            for kind, n in outcome.counts.items():
                totals[kind] = totals.get(kind, 0) + n
        return dict(sorted(totals.items()))


# -- discovery -----------------------------------------------------------------------------------


def discover(source: Path, exclude: tuple[Path, ...] = ()) -> tuple[list[Path], list[Path]]:
    """Supported files under `source` (or `source` itself), and the files no reader handles.

    Folders starting with "." (.git ...) and anything under `exclude` (the output folder, when it
    sits inside the source) are not entered. Office lock files ("~$minutes.docx") are not
    documents and are listed as ignored.
    """
    if source.is_file():
        supported = source.suffix.lower() in supported_suffixes()
        return ([source], []) if supported else ([], [source])
    if not source.is_dir():
        raise InputError(f"{source}: no such file or folder")
    excluded = {p.resolve() for p in exclude}
    found: list[Path] = []
    ignored: list[Path] = []
    suffixes = supported_suffixes()
    for folder, dirs, files in os.walk(source):
        here = Path(folder)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and (here / d).resolve() not in excluded
        )
        for name in sorted(files):
            path = here / name
            if name.startswith("~$") or path.suffix.lower() not in suffixes:
                if name not in (STATE_NAME, AUDIT_NAME):
                    ignored.append(path)
            else:
                found.append(path)
    return found, ignored


# -- state ---------------------------------------------------------------------------------------


class _State:
    """The resume file: relative input path -> {sha256, settings, output}."""

    def __init__(self, path: Path):
        self.path = path
        self.files: dict[str, dict[str, str]] = {}
        self._dirty = False
        self._saved_at = time.monotonic()

    @classmethod
    def load(cls, path: Path) -> _State:
        state = cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return state
        except (OSError, ValueError):
            # A damaged state file only costs a full re-run; it is rewritten at the end.
            return state
        if isinstance(data, dict) and data.get("version") == _STATE_VERSION:
            files = data.get("files")
            if isinstance(files, dict):
                state.files = {
                    k: v for k, v in files.items() if isinstance(v, dict) and "sha256" in v
                }
        return state

    def record(self, relative: str, entry: dict[str, str] | None) -> None:
        if entry is None:
            self.files.pop(relative, None)
        else:
            self.files[relative] = entry
        self._dirty = True

    def save(self, *, force: bool = False) -> None:
        if not self._dirty:
            return
        if not force and time.monotonic() - self._saved_at < _STATE_SAVE_SECONDS:
            return
        data = {"version": _STATE_VERSION, "files": dict(sorted(self.files.items()))}
        write_bytes(self.path, (json.dumps(data, indent=1) + "\n").encode("utf-8"))
        self._dirty = False
        self._saved_at = time.monotonic()


# -- worker --------------------------------------------------------------------------------------

_worker_redactor: Redactor | None = None


def _init_worker(settings: Settings, detector_factory: DetectorFactory | None) -> None:
    """Build this process's one Redactor; the detection engine loads now, not per file."""
    global _worker_redactor
    detector = detector_factory() if detector_factory is not None else None
    _worker_redactor = Redactor(settings, detector=detector)
    if detector is None:
        # Load the model before the first file; if it fails, each file reports why.
        with contextlib.suppress(RedactorError):
            _worker_redactor.detector  # noqa: B018


def _init_pool_worker(settings: Settings, detector_factory: DetectorFactory | None) -> None:
    # Ctrl-C reaches every process of the terminal's group; only the parent acts on it (it stops
    # handing out files and saves the state), so a worker finishes the file it is writing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init_worker(settings, detector_factory)


def _process(task: _Task) -> FileOutcome:
    """Redact one file with this process's Redactor; never raises for a bad file."""
    redactor = _worker_redactor
    if redactor is None:  # pragma: no cover - a pool always runs the initializer first
        raise RuntimeError("worker not initialised")
    started = time.perf_counter()
    try:
        data = task.source.read_bytes()
    except OSError as err:
        return FileOutcome(
            task.source,
            task.relative,
            "refused",
            reason=f"{task.source}: cannot be read ({err.strerror})",
        )
    sha = hashlib.sha256(data).hexdigest()
    if task.known_sha256 == sha:
        return FileOutcome(task.source, task.relative, "skipped-unchanged", task.output, sha)
    try:
        result = redactor.redact_file(task.source, task.output)
    except RedactorError as err:
        reason = str(err)
    except Exception as err:
        # A reader library failing in an unforeseen way (a corrupt file it does not expect).
        # The exception's text could quote the document, so only its kind is reported.
        reason = f"{task.source}: could not be processed ({type(err).__name__}); file refused"
    else:
        return _redacted(task, result, sha, time.perf_counter() - started)
    return _refused(task, sha, reason, time.perf_counter() - started)


def _redacted(task: _Task, result: FileResult, sha: str, seconds: float) -> FileOutcome:
    return FileOutcome(
        task.source,
        task.relative,
        "redacted",
        task.output,
        result.input_sha256 or sha,  # the content redactor actually read
        result.counts(),
        words=result.document.word_count(),
        seconds=seconds,
    )


def _refused(task: _Task, sha: str, reason: str, seconds: float) -> FileOutcome:
    return FileOutcome(
        task.source, task.relative, "refused", input_sha256=sha, reason=reason, seconds=seconds
    )


def _process_group(tasks: list[_Task]) -> list[FileOutcome]:
    """`_process` for a few files at once: their detection runs together, so spaCy reads them in
    one batch. Each file keeps its own outcome; a reader failing in a way nobody foresaw sends
    the group back to `_process`, one file at a time."""
    redactor = _worker_redactor
    if redactor is None:  # pragma: no cover - a pool always runs the initializer first
        raise RuntimeError("worker not initialised")
    outcomes: dict[int, FileOutcome] = {}
    todo: list[tuple[int, _Task, str]] = []
    for index, task in enumerate(tasks):
        try:
            sha = hashlib.sha256(task.source.read_bytes()).hexdigest()
        except OSError:
            outcomes[index] = _process(task)  # it says why the file cannot be read
            continue
        if task.known_sha256 == sha:
            outcomes[index] = FileOutcome(
                task.source, task.relative, "skipped-unchanged", task.output, sha
            )
            continue
        todo.append((index, task, sha))
    if todo:
        started = time.perf_counter()
        try:
            results = redactor.redact_files([(task.source, task.output) for _, task, _ in todo])
        except Exception:
            for index, task, _ in todo:
                outcomes[index] = _process(task)
        else:
            seconds = (time.perf_counter() - started) / len(todo)  # a share of the group's time
            for (index, task, sha), result in zip(todo, results, strict=True):
                outcomes[index] = (
                    _refused(task, sha, str(result), seconds)
                    if isinstance(result, RedactorError)
                    else _redacted(task, result, sha, seconds)
                )
    return [outcomes[index] for index in range(len(tasks))]


def _groups(tasks: list[_Task], workers: int) -> list[list[_Task]]:
    """Tasks in groups of up to GROUP_SIZE, small enough that every worker gets several."""
    size = max(1, min(GROUP_SIZE, math.ceil(len(tasks) / (workers * 4))))
    return [tasks[i : i + size] for i in range(0, len(tasks), size)]


def _crashed(task: _Task) -> FileOutcome:
    return FileOutcome(
        task.source,
        task.relative,
        "refused",
        reason=f"{task.source}: the worker process crashed while reading this file; file refused",
    )


# -- running -------------------------------------------------------------------------------------


def _in_process(
    tasks: list[_Task], settings: Settings, factory: DetectorFactory | None
) -> Iterator[FileOutcome]:
    _init_worker(settings, factory)
    try:
        for group in _groups(tasks, 1):
            yield from _process_group(group)
    finally:
        _reset_worker()


def _reset_worker() -> None:
    global _worker_redactor
    _worker_redactor = None


def _in_pool(
    tasks: list[_Task], settings: Settings, factory: DetectorFactory | None, workers: int
) -> Iterator[FileOutcome]:
    """Outcomes as files finish. Each worker holds one small group of files at a time, so that
    Ctrl-C stops the batch soon. A pool serves at most FILES_PER_PROCESS files per worker; the
    next files go to a fresh pool. If a worker dies, the pool is rebuilt: the files that were in
    the workers are retried one at a time, so the file that kills a worker is the only one lost,
    and the files not yet handed out go to the new pool."""
    pending = list(tasks)
    suspects: list[_Task] = []
    while pending:
        share = workers * FILES_PER_PROCESS
        groups = _groups(pending[:share], workers)
        later = pending[share:]
        queue = iter(groups)
        pending = []
        with ProcessPoolExecutor(
            max_workers=min(workers, len(groups)),
            initializer=_init_pool_worker,
            initargs=(settings, factory),
        ) as pool:
            running: dict[Future[list[FileOutcome]], list[_Task]] = {}
            try:
                for _ in range(workers):
                    _hand_out(pool, queue, running, pending)
                while running:
                    finished, _ = wait(set(running), return_when=FIRST_COMPLETED)
                    for future in finished:
                        group = running.pop(future)
                        try:
                            outcomes = future.result()
                        except BrokenProcessPool:
                            suspects.extend(group)
                            continue
                        # the worker is free: its next group first, then the report
                        _hand_out(pool, queue, running, pending)
                        yield from outcomes
            except BaseException:
                # Stop handing out files, and wait for the few already running. (Waiting here
                # matters: a second shutdown() from the `with` would reset the cancel flag
                # before the pool's manager thread reads it, and every file would still run.)
                pool.shutdown(wait=True, cancel_futures=True)
                raise
        pending.extend(task for group in queue for task in group)  # left when the pool broke
        pending.extend(later)
        if suspects:
            # Each suspect alone in a fresh one-worker pool: the one that crashes is refused.
            for task in suspects:
                yield from _isolated(task, settings, factory)
            suspects = []


def _hand_out(
    pool: ProcessPoolExecutor,
    queue: Iterator[list[_Task]],
    running: dict[Future[list[FileOutcome]], list[_Task]],
    pending: list[_Task],
) -> None:
    """Give the pool the next group of files, if any; a broken pool leaves it for the next."""
    group = next(queue, None)
    if group is None:
        return
    try:
        running[pool.submit(_process_group, group)] = group
    except BrokenProcessPool:
        pending.extend(group)


def _isolated(
    task: _Task, settings: Settings, factory: DetectorFactory | None
) -> Iterator[FileOutcome]:
    with ProcessPoolExecutor(
        1, initializer=_init_pool_worker, initargs=(settings, factory)
    ) as pool:
        try:
            yield pool.submit(_process, task).result()
        except BrokenProcessPool:
            yield _crashed(task)


def _cores() -> int:
    """The cores this process may run on (a container's limit, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _remove_stale(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()


def _remove_partial(tasks: list[_Task]) -> None:
    """Remove temporary files a killed worker left mid-write (`.NAME.*.part`, made by
    `redactor.emit.atomic` beside each output): a crash elsewhere in the pool ends every worker,
    and a killed process cannot clean up after itself."""
    names_by_folder: dict[Path, set[str]] = {}
    for task in tasks:
        names_by_folder.setdefault(task.output.parent, set()).add(task.output.name)
    for folder, names in names_by_folder.items():
        try:
            leftovers = [p for p in folder.glob(".*.part") if p.is_file()]
        except OSError:
            continue
        for path in leftovers:
            if path.name[1:].rsplit(".", 2)[0] in names:
                _remove_stale(path)


def run_batch(
    source: Path,
    output: Path,
    settings: Settings,
    *,
    workers: int | None = None,
    audit_log: Path | None = None,
    progress: Callable[[BatchProgress], None] | None = None,
    detector_factory: DetectorFactory | None = None,
    force: bool = False,
) -> BatchSummary:
    """Redact every supported file under `source` into `output`, keeping relative paths.

    `workers`: processes to use (default: `settings.workers`, else every core); 1 runs in this
    process, or past FILES_PER_PROCESS files in one worker process, replaced as any other.
    `audit_log`: the JSON-lines audit file (default: `.redactor-audit.jsonl` in `output`).
    `detector_factory`: builds the detector in each worker instead of the real engine (tests; it
    must be picklable when workers run in processes). `force`: redo files even if unchanged.
    """
    source_root = source if source.is_dir() else source.parent
    if output.exists() and not output.is_dir():
        raise OutputError(f"{output}: the output must be a folder")
    if output.resolve() == source_root.resolve():
        raise OutputError(f"{output}: the output folder must not be the source folder")
    if uses_hash(settings) and settings.hash_key() is None:
        # Said once, before any work, rather than as the refusal reason of every file.
        raise ConfigError(
            f"the hash operator needs a key: set the environment variable {settings.hash_key_env}"
        )
    files, ignored = discover(source, exclude=(output,))
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{output}: cannot create the output folder ({err.strerror})") from None

    fingerprint = settings_fingerprint(settings)
    state = _State.load(output / STATE_NAME)
    tasks: list[_Task] = []
    for path in files:
        relative = path.relative_to(source_root).as_posix()
        target = output / relative
        entry = state.files.get(relative)
        known = None
        previous = None
        if entry is not None:
            previous = output / entry.get("output", relative)
            if not force and entry.get("settings") == fingerprint and previous.is_file():
                known = entry["sha256"]
        tasks.append(_Task(path, target, relative, known, previous))

    count = workers or settings.workers or _cores()
    count = max(1, min(count, len(tasks) or 1))
    audit_path = audit_log or output / AUDIT_NAME
    outcomes: list[FileOutcome] = []
    started = time.perf_counter()
    first_at: float | None = None
    runner = (
        _in_process(tasks, settings, detector_factory)
        if count == 1 and len(tasks) <= FILES_PER_PROCESS  # longer: workers are replaced
        else _in_pool(tasks, settings, detector_factory, count)
    )
    by_relative = {t.relative: t for t in tasks}
    with AuditLog(audit_path) as log:
        try:
            for outcome in runner:
                task = by_relative[outcome.relative]
                if outcome.status == "redacted":
                    state.record(
                        outcome.relative,
                        {
                            "sha256": outcome.input_sha256,
                            "settings": fingerprint,
                            "output": outcome.relative,
                        },
                    )
                elif outcome.status == "refused":
                    # No output may stand for an input it was not made from.
                    if task.previous_output is not None:
                        _remove_stale(task.previous_output)
                    state.record(outcome.relative, None)
                log.write(
                    AuditRecord.for_file(
                        source=outcome.source,
                        input_sha256=outcome.input_sha256,
                        status=outcome.status,
                        settings=settings,
                        output=outcome.output,
                        counts=outcome.counts,
                        reason=outcome.reason,
                        fingerprint=fingerprint,
                    )
                )
                outcomes.append(outcome)
                state.save()
                if progress is not None:
                    elapsed = time.perf_counter() - started
                    if first_at is None:
                        first_at = elapsed
                    # Rate from the first finished file on: model loading comes before it and
                    # would make the time left far too long at the start.
                    span = elapsed - first_at
                    rate = (len(outcomes) - 1) / span if span > 0 else 0.0
                    progress(BatchProgress(len(outcomes), len(tasks), elapsed, rate, outcome))
        finally:
            close = getattr(runner, "close", None)
            if close is not None:
                close()
            state.save(force=True)
            _remove_partial(tasks)
    outcomes.sort(key=lambda o: o.relative)
    return BatchSummary(
        source=source,
        output=output,
        outcomes=outcomes,
        ignored=ignored,
        elapsed=time.perf_counter() - started,
        workers=count,
        audit_log=audit_path,
    )


def summary_dict(summary: BatchSummary) -> dict[str, Any]:
    """The run's summary as plain data (for `--format json` and tests)."""
    return {
        "files": len(summary.outcomes),
        "redacted": len(summary.redacted),
        "refused": [{"file": str(o.source), "reason": o.reason} for o in summary.refused],
        "skipped_unchanged": len(summary.skipped),
        "ignored": [str(p) for p in summary.ignored],
        "totals": summary.totals(),
        "words": summary.words,
        "seconds": round(summary.elapsed, 2),
        "workers": summary.workers,
        "audit_log": str(summary.audit_log) if summary.audit_log else None,
    }
