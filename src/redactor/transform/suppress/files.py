"""One file through `redactor suppress`: read the grids, protect them, check, then write.

Nothing is written until every table of the file has passed the attacker's audit (inside
`protect_grid`) and two more checks on the finished grid: no small count left visible and no
hidden cell recoverable from what is published (`audit_grid`), and no visible cell changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redactor.emit.atomic import check_target
from redactor.errors import InputError, UnsupportedContentError
from redactor.settings import Settings
from redactor.transform.suppress import grid_io
from redactor.transform.suppress.microdata import aggregate, small_groups
from redactor.transform.suppress.protect import GridResult, audit_grid, protect_grid

__all__ = ["SUFFIXES", "FileReport", "suppress_file", "suppress_microdata"]

SUFFIXES = (".csv", ".xlsx")


@dataclass
class FileReport:
    """What one file went through. `hidden` holds places and reasons, never values."""

    source: Path
    out: Path | None
    tables: int = 0
    hidden: list[dict[str, Any]] = field(default_factory=list)
    rounded: int = 0
    small_groups: list[str] = field(default_factory=list)
    narrow: list[dict[str, Any]] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)

    def count(self, reason: str) -> int:
        return sum(1 for h in self.hidden if h["reason"] == reason)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": str(self.source),
            "outputs": [str(p) for p in self.outputs],
            "tables": self.tables,
            "primary": self.count("primary"),
            "secondary": self.count("secondary"),
            "percentage": self.count("percentage"),
            "rounded": self.rounded,
            "hidden": self.hidden,
            "narrow": self.narrow,
            "small_groups": self.small_groups,
        }


def _protect_checked(grid: list[list[str]], settings: Settings, where: str) -> GridResult:
    result = protect_grid(grid, settings)
    if settings.round_to:
        return result
    issues = audit_grid(result.grid, settings)
    if issues:
        first = issues[0]
        raise UnsupportedContentError(
            f"{where}: audit failed in table {first.table} (row '{first.row}', column "
            f"'{first.column}': {first.problem}); nothing written"
        )
    changed = {h.grid_row * 1_000_003 + h.grid_col for h in result.hidden}
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text != result.grid[r][c] and r * 1_000_003 + c not in changed:
                raise UnsupportedContentError(
                    f"{where}: a visible cell would change; nothing written"
                )
    return result


def suppress_file(path: Path, out: Path, settings: Settings) -> FileReport:
    """Protect every count table in a .csv or .xlsx file and write the copy to `out`."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{path}: not a .csv or .xlsx file")
    check_target(out, [path])
    report = FileReport(path, out)
    if suffix == ".csv":
        source = grid_io.read_csv(path, settings.encoding)
        result = _protect_checked(source.rows, settings, str(path))
        _collect(report, result, None)
        grid_io.write_csv(out, source, result.grid)
    else:
        book = grid_io.read_xlsx(path, settings.drop_unsupported)
        grids = {}
        for name, grid in book.sheets.items():
            result = _protect_checked(grid, settings, f"{path} sheet '{name}'")
            _collect(report, result, name)
            grids[name] = result.grid
        grid_io.write_xlsx(out, book, grids)
    report.outputs.append(out)
    return report


def _collect(report: FileReport, result: GridResult, sheet: str | None) -> None:
    report.tables += result.tables
    report.rounded += result.rounded
    for issue in result.narrow:
        place = {"table": issue.table, "row": issue.row, "column": issue.column}
        report.narrow.append(place if sheet is None else {"sheet": sheet, **place})
    for h in result.hidden:
        entry = h.to_dict()
        if sheet is not None:
            entry = {"sheet": sheet, **entry}
        report.hidden.append(entry)


def suppress_microdata(
    path: Path, out_dir: Path | None, by: list[str], settings: Settings
) -> FileReport:
    """Small combinations of the `by` columns in pupil-level data; with `out_dir`, also the
    protected count table of those columns as `NAME-by-COLS.csv`."""
    if path.suffix.lower() == ".csv":
        grids = {"": grid_io.read_csv(path, settings.encoding).rows}
    elif path.suffix.lower() == ".xlsx":
        book = grid_io.read_xlsx(path, settings.drop_unsupported)
        first = next(iter(book.sheets))
        grids = {first: book.sheets[first]}
    else:
        raise InputError(f"{path}: not a .csv or .xlsx file")
    grid = next(iter(grids.values()))
    report = FileReport(path, out_dir)
    report.small_groups = [g.describe() for g in small_groups(grid, by, settings.threshold)]
    if out_dir is not None:
        table = aggregate(grid, by)
        name = "-".join(b.strip().lower().replace(" ", "_") for b in by)
        target = out_dir / f"{path.stem}-by-{name}.csv"
        check_target(target, [path])
        result = _protect_checked(table, settings, str(path))
        _collect(report, result, None)
        grid_io.write_csv(target, grid_io.CsvGrid(table), result.grid)
        report.outputs.append(target)
    return report
