"""`redactor batch`: a whole folder, in parallel, resumable, with progress and an audit log."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from redactor.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    config_option,
    handle_errors,
    people_options,
    settings_from,
)

__all__ = ["batch"]


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class _ProgressBar:
    """One self-rewriting line on stderr: bar, files done, files per second, time left.
    Drawn only on a terminal, so logs and pipes get the summary alone."""

    def __init__(self, enabled: bool, width: int = 30):
        self.enabled = enabled
        self.width = width
        self._last = 0.0

    def __call__(self, progress: object) -> None:
        from redactor.batch import BatchProgress

        if not self.enabled or not isinstance(progress, BatchProgress):
            return
        now = time.monotonic()
        if progress.done < progress.total and now - self._last < 0.1:
            return  # redraw at most ten times a second
        self._last = now
        filled = int(self.width * progress.done / max(progress.total, 1))
        bar = "#" * filled + "-" * (self.width - filled)
        line = (
            f"\r[{bar}] {progress.done}/{progress.total} files  "
            f"{progress.rate:.1f} files/s  {_clock(progress.remaining_seconds)} left "
        )
        click.echo(line, nl=False, err=True)

    def close(self) -> None:
        if self.enabled:
            click.echo("", err=True)


@click.command()
@click.argument("src", type=click.Path(path_type=Path, exists=True))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for the redacted copies (same relative names as under SRC).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: every core). Each loads the language model once.",
)
@click.option(
    "--audit-log",
    "audit_log",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="JSON-lines audit file, appended to (default: DST/.redactor-audit.jsonl).",
)
@click.option(
    "--force", is_flag=True, help="Redo every file, even those unchanged since the last run."
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; print the summary only.")
@people_options
@click.option("--password", help="Password of encrypted PDFs in the batch.")
@config_option
@handle_errors
def batch(
    src: Path,
    out: Path,
    workers: int | None,
    audit_log: Path | None,
    force: bool,
    quiet: bool,
    roster: Path | None,
    staff: Path | None,
    password: str | None,
    config_path: Path | None,
) -> None:
    """Redact every supported file under SRC into DST, in parallel.

    Files keep their relative names under DST. A file already done and unchanged since the last
    run (same content, same settings) is skipped, so an interrupted batch resumes where it
    stopped. A file that cannot be read or redacted exactly is refused with its reason and nothing
    is written for it; the rest of the batch carries on. Every file gets a line in the audit log:
    its SHA-256, the counts by entity type, the operators, the settings and the reason for a
    refusal; never the removed text. Each worker process loads the model once and is replaced
    by a fresh one after 1,000 files, so that a long batch does not grow in memory.

    Exit status: 0 every file written or unchanged, 1 some files refused, 2 usage or settings
    error.

    Example:

    \b
        redactor batch minutes/ --out redacted/ --workers 4 --audit-log audit.jsonl
    """
    from redactor.batch import run_batch

    settings = settings_from(
        config_path, workers=workers, roster=roster, staff=staff, pdf_password=password
    )
    bar = _ProgressBar(enabled=not quiet and sys.stderr.isatty())
    try:
        summary = run_batch(src, out, settings, audit_log=audit_log, progress=bar, force=force)
    finally:
        bar.close()

    rate = len(summary.outcomes) / summary.elapsed if summary.elapsed > 0 else 0.0
    click.echo(
        f"{len(summary.outcomes)} files in {_clock(summary.elapsed)} "
        f"({rate:.1f} files/s, {summary.workers} worker{'s' if summary.workers != 1 else ''}): "
        f"{len(summary.redacted)} redacted, {len(summary.skipped)} unchanged (skipped), "
        f"{len(summary.refused)} refused"
    )
    totals = summary.totals()
    if totals:
        click.echo("replaced: " + ", ".join(f"{kind} {n}" for kind, n in totals.items()))
    if summary.ignored:
        click.echo(f"{len(summary.ignored)} file(s) of unsupported types not looked at:")
        for path in summary.ignored:
            click.echo(f"  {path}")
    if summary.refused:
        click.echo("refused (nothing written for these):")
        for outcome in summary.refused:
            click.echo(f"  {outcome.reason}")
    click.echo(f"audit log: {summary.audit_log}")
    sys.exit(EXIT_FINDINGS if summary.refused else EXIT_OK)
