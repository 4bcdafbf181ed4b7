"""`redactor check`: a pre-publication check of documents and tables, for people and for hooks."""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from redactor.cli._common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    config_option,
    handle_errors,
    settings_from,
)
from redactor.errors import RedactorError
from redactor.model import Edit
from redactor.pipeline import FileResult, Redactor
from redactor.settings import Settings

__all__ = ["check", "check_paths"]

_TABLE_SUFFIXES = frozenset({".csv", ".xlsx", ".xlsm"})


@dataclass
class FileCheck:
    """The verdict on one file: findings and table issues carry places and types, never text."""

    file: str
    findings: list[dict[str, Any]] = field(default_factory=list)
    tables: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None

    @property
    def status(self) -> str:
        if self.error is not None:
            return "error"
        return "findings" if self.findings or self.tables else "clean"


# -- tables --------------------------------------------------------------------------------------


def _grids(path: Path, settings: Settings) -> list[tuple[str, list[list[str]]]]:
    """(sheet name, grid of cell strings) for each table sheet, read as `redactor suppress`
    reads them, so both commands see the same tables."""
    from redactor.transform.suppress import grid_io

    if path.suffix.lower() == ".csv":
        return [("", grid_io.read_csv(path, settings.encoding).rows)]
    book = grid_io.read_xlsx(path, settings.drop_unsupported)
    return list(book.sheets.items())


def _issue_entry(issue: object, sheet: str) -> dict[str, Any]:
    """A table issue as data: table number, row and column labels, problem (no cell values)."""
    entry: dict[str, Any] = {"sheet": sheet} if sheet else {}
    if dataclasses.is_dataclass(issue) and not isinstance(issue, type):
        entry.update(dataclasses.asdict(issue))
    parts = [f"table {entry['table']}"] if "table" in entry else []
    parts += [f"{k} '{entry[k]}'" for k in ("row", "column") if entry.get(k)]
    problem = entry.get("problem", str(issue))
    entry["description"] = f"{', '.join(parts)}: {problem}" if parts else problem
    return entry


def _audit_tables(path: Path, settings: Settings) -> list[dict[str, Any]]:
    """Every table in `path` with a small count left unprotected."""
    from redactor._registry import load

    try:
        audit_grid = load("redactor.transform.suppress:audit_grid")
    except (ImportError, AttributeError):
        # Fail closed: a table that cannot be audited is not reported clean.
        raise RedactorError(
            f"{path}: the small-cell audit is not available in this installation "
            "(redactor.transform.suppress.audit_grid); the table was not checked"
        ) from None
    grids = _grids(path, settings)
    issues: list[dict[str, Any]] = []
    for sheet, grid in grids:
        issues.extend(_issue_entry(issue, sheet) for issue in audit_grid(grid, settings))
    return issues


# -- already redacted ----------------------------------------------------------------------------

# What redactor's operators leave behind: "[CHILD 1]" (tag), "[PERSON 3fa9c01b2e]" (hash).
_TAG = re.compile(r"\[[A-Z][A-Z_]* (?:\d+|[0-9a-f]{10})\]")


def _already_redacted(result: FileResult, edit: Edit, settings: Settings) -> bool:
    """True when every letter and digit a finding covers belongs to redactor's own replacements
    (a tag, the redact marker, mask characters): the language model often calls "[CHILD 1]", or
    the word CHILD in it, a person, but a redacted file holds nothing there to find."""
    text = result.document.segments[edit.segment].text
    blank = list(text)
    spans = [m.span() for m in _TAG.finditer(text)]
    if settings.redact_marker:
        spans += [m.span() for m in re.finditer(re.escape(settings.redact_marker), text)]
    for start, end in spans:
        blank[start:end] = " " * (end - start)
    covered = "".join(blank[edit.start : edit.end]).replace(settings.mask_char, " ")
    return not any(ch.isalnum() for ch in covered)


# -- checking ------------------------------------------------------------------------------------


def check_paths(paths: list[Path], settings: Settings) -> tuple[list[FileCheck], list[Path]]:
    """Check every supported file in `paths` (folders are searched). Returns the verdicts and the
    files skipped because no reader handles their type."""
    from redactor.batch import discover
    from redactor.report import finding_entries

    files: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        found, ignored = discover(path)
        files.extend(found)
        skipped.extend(ignored)

    # A check writes nothing, so how findings would be replaced does not matter: plain tags,
    # which need no hash key even when the settings choose the keyed hash.
    settings = settings.with_changes(default_operator="tag", operators=())
    redactor = Redactor(settings)  # one engine for every file
    checks: list[FileCheck] = []
    for path in files:
        verdict = FileCheck(str(path))
        try:
            result = redactor.check_file(path)
            result = dataclasses.replace(
                result,
                edits=[e for e in result.edits if not _already_redacted(result, e, settings)],
            )
            verdict.findings = [
                {k: e[k] for k in ("where", "type", "score", "recognizer")}
                for e in finding_entries(result)
            ]
            if path.suffix.lower() in _TABLE_SUFFIXES:
                verdict.tables = _audit_tables(path, settings)
        except RedactorError as err:
            verdict.error = str(err)
        except Exception as err:
            # A reader failing in an unforeseen way; its message could quote the file.
            verdict.error = f"{path}: could not be checked ({type(err).__name__})"
        checks.append(verdict)
    return checks, skipped


def _exit_code(checks: list[FileCheck]) -> int:
    if any(c.status == "error" for c in checks):
        return EXIT_ERROR
    if any(c.status == "findings" for c in checks):
        return EXIT_FINDINGS
    return EXIT_OK


def _as_text(checks: list[FileCheck], skipped: list[Path]) -> str:
    lines: list[str] = []
    for c in checks:
        for f in c.findings:
            place = f"{f['where']}: " if f["where"] else ""
            lines.append(f"{c.file}: {place}{f['type']} (score {f['score']}, {f['recognizer']})")
        for t in c.tables:
            sheet = f"{t['sheet']}: " if t.get("sheet") else ""
            lines.append(f"{c.file}: {sheet}{t['description']}")
        if c.error is not None:
            # library messages already start with the file name
            prefix = "" if c.error.startswith(c.file) else f"{c.file}: "
            lines.append(f"error: {prefix}{c.error}")
    for path in skipped:
        lines.append(f"{path}: skipped (type not supported)")
    n_findings = sum(len(c.findings) for c in checks)
    n_tables = sum(len(c.tables) for c in checks)
    flagged = sum(1 for c in checks if c.status == "findings")
    errors = sum(1 for c in checks if c.status == "error")
    lines.append(
        f"{len(checks)} file(s) checked: {flagged} with findings ({n_findings} finding(s), "
        f"{n_tables} table issue(s)), {errors} could not be checked, "
        f"{len(checks) - flagged - errors} clean"
    )
    return "\n".join(lines)


def _as_json(checks: list[FileCheck], skipped: list[Path], code: int) -> str:
    data = {
        "verdict": {EXIT_OK: "clean", EXIT_FINDINGS: "findings", EXIT_ERROR: "error"}[code],
        "files": [
            {
                "file": c.file,
                "status": c.status,
                "findings": c.findings,
                "tables": c.tables,
                **({"error": c.error} if c.error is not None else {}),
            }
            for c in checks
        ],
        "skipped": [str(p) for p in skipped],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one line per finding; json: the same for programs.",
)
@config_option
@handle_errors
def check(paths: tuple[Path, ...], output_format: str, config_path: Path | None) -> None:
    """Check documents and tables before they are published.

    Lists every piece of personal data still found (file, place, entity type, score) and every
    table with a small count left unprotected. Nothing is written and the removed text is never
    shown. Folders are searched for supported files.

    Exit status: 0 clean, 1 findings, 2 a file could not be checked (or a usage error).

    Example:

    \b
        redactor check website/policies/ minutes.docx --format json
    """
    settings = settings_from(config_path)
    checks, skipped = check_paths(list(paths), settings)
    code = _exit_code(checks)
    if output_format == "json":
        click.echo(_as_json(checks, skipped, code))
    else:
        click.echo(_as_text(checks, skipped))
    sys.exit(code)
