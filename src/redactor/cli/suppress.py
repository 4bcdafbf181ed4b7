"""`redactor suppress`: protect small groups in tables of pupil counts (.csv, .xlsx)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from redactor.cli._common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    config_option,
    fail,
    handle_errors,
    settings_from,
)
from redactor.emit.atomic import write_bytes
from redactor.errors import ConfigError, RedactorError, UnsupportedContentError

__all__ = ["suppress"]


def _inputs(paths: tuple[Path, ...], out: Path) -> list[tuple[Path, Path]]:
    """(input file, its name relative to the output folder), skipping anything under `out`."""
    from redactor.transform.suppress.files import SUFFIXES

    found: list[tuple[Path, Path]] = []
    out_resolved = out.resolve()
    for path in paths:
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                inside_out = out_resolved in file.resolve().parents
                if file.is_file() and file.suffix.lower() in SUFFIXES and not inside_out:
                    found.append((file, file.relative_to(path)))
        else:
            found.append((path, Path(path.name)))
    return found


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for the protected copies (same relative names; never over an input).",
)
@click.option(
    "--threshold",
    type=int,
    metavar="K",
    default=None,
    help="Smallest count published as is; 1 to K-1 are hidden (default 5).",
)
@click.option("--suppress-zeros", is_flag=True, default=None, help="Hide zeros too.")
@click.option("--symbol", default=None, help="Shown in place of a hidden cell (default 'c').")
@click.option(
    "--round",
    "round_to",
    type=int,
    metavar="N",
    default=None,
    help="Round every count to a multiple of N instead of hiding (totals rounded from sums).",
)
@click.option(
    "--microdata",
    is_flag=True,
    help="Inputs are pupil-level data (one row per pupil): report small combinations.",
)
@click.option(
    "--by", "by", default=None, metavar="COLS", help="With --microdata: the columns, COL[,COL...]."
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write what was hidden and why (never the hidden values) as JSON.",
)
@config_option
@handle_errors
def suppress(
    paths: tuple[Path, ...],
    out: Path,
    threshold: int | None,
    suppress_zeros: bool | None,
    symbol: str | None,
    round_to: int | None,
    microdata: bool,
    by: str | None,
    report_path: Path | None,
    config_path: Path | None,
) -> None:
    """Hide small counts (1 to K-1) in count tables of .csv and .xlsx files, plus the fewest,
    smallest other cells so that no hidden count can be worked out from the totals, even by a
    pupil who knows they are the one in their cell. Every table is audited by an attacker's
    linear program before anything is written; a table that fails is refused.

    Percentages of hidden counts are hidden too. Hidden cells show the symbol (DfE's 'c').

    Examples:

    \b
        redactor suppress samples/fsm-by-year.csv --out protected/ --report hidden.json
        redactor suppress pupils.csv --microdata --by ethnicity,fsm --out tables/
    """
    from redactor.transform.suppress.files import suppress_file, suppress_microdata

    settings = settings_from(
        config_path,
        threshold=threshold,
        suppress_zeros=suppress_zeros,
        symbol=symbol,
        round_to=round_to,
    )
    if by and not microdata:
        raise ConfigError("--by goes with --microdata")
    columns = [c for c in (by or "").split(",") if c.strip()]
    if microdata and not columns:
        raise ConfigError("--microdata needs --by COL[,COL...]")
    reports = []
    refused = errors = 0
    for source, relative in _inputs(paths, out):
        try:
            if microdata:
                report = suppress_microdata(source, out, columns, settings)
                for group in report.small_groups:
                    click.echo(f"{source}: fewer than {settings.threshold} pupils: {group}")
            else:
                report = suppress_file(source, out / relative, settings)
        except UnsupportedContentError as err:
            click.echo(f"redactor: refused: {err}", err=True)
            refused += 1
            continue
        except RedactorError as err:
            click.echo(f"redactor: error: {err}", err=True)
            errors += 1
            continue
        reports.append(report)
        if not microdata:
            click.echo(
                f"{source} -> {out / relative}: {report.tables} table(s), "
                f"{report.count('primary')} primary, {report.count('secondary')} secondary, "
                f"{report.count('percentage')} percentage cell(s) hidden"
                + (f", {report.rounded} rounded" if report.rounded else "")
            )
            if report.narrow:
                click.echo(
                    f"  note: {len(report.narrow)} hidden cell(s) can be seen to be below "
                    f"{settings.threshold} (not recoverable; see --report)"
                )
    if report_path is not None:
        data = json.dumps({"files": [r.to_dict() for r in reports]}, indent=2)
        write_bytes(report_path, data.encode("utf-8"))
    if not reports and (refused or errors):
        fail("no file written", EXIT_ERROR)
    raise SystemExit(EXIT_FINDINGS if refused or errors else EXIT_OK)
