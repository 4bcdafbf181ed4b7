"""`redactor redact`: files, folders or stdin in; redacted copies and a report out."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from redactor.cli._common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    config_option,
    handle_errors,
    people_options,
    settings_from,
)
from redactor.errors import OutputError, RedactorError
from redactor.files import plan_outputs

OPERATOR_CHOICE = click.Choice(["tag", "redact", "mask", "hash"])


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for the redacted files (same relative names). Required unless PATH is -.",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write a JSON report of findings (types, places, scores; no removed text).",
)
@click.option(
    "--show-text",
    is_flag=True,
    default=None,
    help="Include the removed text in the report (it then holds personal data).",
)
@people_options
@click.option(
    "--keep-child",
    metavar="UPN",
    help="With --roster: leave this pupil's own name and details readable.",
)
@click.option(
    "--allow",
    multiple=True,
    metavar="TEXT",
    help="Text never removed (repeatable), e.g. the school's name.",
)
@click.option(
    "--deny",
    multiple=True,
    metavar="TEXT",
    help="Name always removed wherever it appears (repeatable).",
)
@click.option(
    "--operator",
    type=OPERATOR_CHOICE,
    help="How to replace what is found: tag (default), redact, mask or hash.",
)
@click.option(
    "--entities",
    metavar="LIST",
    help="Comma-separated types to look for: PERSON,ADDRESS,PHONE,EMAIL,DOB,ID.",
)
@click.option(
    "--threshold",
    "score_threshold",
    type=float,
    help="Lowest detection score reported, 0-1 (default 0.5).",
)
@click.option("--encoding", help="Encoding of .txt input (default utf-8).")
@click.option("--drop-images", is_flag=True, default=None, help="Word: remove pictures too.")
@click.option(
    "--drop-embedded",
    is_flag=True,
    default=None,
    help="Word: remove embedded objects the tool cannot redact instead of refusing.",
)
@click.option(
    "--drop-unsupported",
    is_flag=True,
    default=None,
    help="Excel: remove pivot caches, macros, external links instead of refusing.",
)
@click.option("--password", help="PDF: password of an encrypted file.")
@click.option("--dpi", "pdf_dpi", type=int, help="PDF: resolution of output pages (default 200).")
@click.option(
    "--text",
    "pdf_text",
    is_flag=True,
    default=None,
    help="PDF: also write the redacted plain text next to the PDF.",
)
@click.option(
    "--print-tags",
    "pdf_print_tags",
    is_flag=True,
    default=None,
    help="PDF: print the tag small inside each box.",
)
@click.option(
    "--suppress",
    is_flag=True,
    default=None,
    help="Also protect small groups in count tables inside documents.",
)
@config_option
@handle_errors
def redact(
    paths: tuple[Path, ...],
    out_dir: Path | None,
    report_path: Path | None,
    config_path: Path | None,
    entities: str | None,
    operator: str | None,
    allow: tuple[str, ...],
    deny: tuple[str, ...],
    password: str | None,
    **options: object,
) -> None:
    """Redact personal data from PATHS (files or folders; - for stdin to stdout).

    Each file is written under --out with the same relative name; inputs are never changed.
    Types the tool does not handle are skipped and listed. A file that cannot be read or
    redacted exactly is refused with a reason, and the others are still written.

    Exit codes: 0 all written, 1 some files refused, 2 usage or configuration error.

    Examples:

        redactor redact samples/staff-briefing.txt --out redacted/

        redactor redact minutes/ --out clean/ --roster pupils.csv --report report.json

        cat note.txt | redactor redact - > note-clean.txt
    """
    from redactor.pipeline import Redactor
    from redactor.report import write_report

    changes: dict[str, object] = {k: v for k, v in options.items() if v is not None}
    if entities:
        changes["entities"] = frozenset(e.strip().upper() for e in entities.split(",") if e.strip())
    if operator:
        changes["default_operator"] = operator
    if password:
        changes["pdf_password"] = password
    settings = settings_from(config_path, **changes)
    if allow or deny:
        settings = settings.with_changes(allow=settings.allow + allow, deny=settings.deny + deny)
    redactor = Redactor(settings)

    if paths == (Path("-"),):
        data = sys.stdin.buffer.read()
        from redactor.ingest.text import decode

        text = decode(data, "stdin", settings.encoding)
        redacted, result = redactor.redact_text_result(text)
        sys.stdout.write(redacted)
        if report_path:
            write_report(report_path, [result], show_text=settings.show_text)
        sys.exit(EXIT_OK)
    if Path("-") in paths:
        raise click.UsageError("'-' (stdin) cannot be mixed with file paths")
    if out_dir is None:
        raise click.UsageError("give --out DIR for the redacted files")

    jobs, skipped = plan_outputs(list(paths), out_dir)
    if not jobs and not skipped:
        raise OutputError("nothing to redact: no files found")
    results, refused = [], []
    for source, target in jobs:
        try:
            result = redactor.redact_file(source, target)
        except RedactorError as err:
            refused.append((source, str(err)))
            click.echo(f"refused: {err}", err=True)
            continue
        except Exception as err:
            # A library failing in a way nobody foresaw: refuse this file and go on. Only the
            # kind of error is named: its message could quote the document.
            reason = f"{source}: could not be processed ({type(err).__name__}); file refused"
            refused.append((source, reason))
            click.echo(f"refused: {reason}", err=True)
            continue
        results.append(result)
        counts = ", ".join(f"{n} {kind}" for kind, n in result.counts().items()) or "nothing found"
        click.echo(f"{source} -> {target} ({counts})", err=True)
    for path in skipped:
        click.echo(f"skipped (type not handled): {path}", err=True)
    if report_path:
        write_report(report_path, results, refused, skipped, show_text=settings.show_text)
    click.echo(f"{len(results)} written, {len(refused)} refused, {len(skipped)} skipped", err=True)
    if refused:
        sys.exit(EXIT_FINDINGS if results else EXIT_ERROR)
    sys.exit(EXIT_OK)
