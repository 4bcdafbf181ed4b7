"""Protect every count table in a grid, and audit a grid that is about to be published.

`protect_grid` runs, per table: primary cells -> secondary cells -> the attacker's LP audit
(fail closed: a table whose audit fails raises, nothing is returned) -> percentages. With
`settings.round_to` it rounds instead of suppressing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from redactor.errors import UnsupportedContentError
from redactor.settings import Settings
from redactor.transform.suppress.audit import attacker_bounds, find_exposures
from redactor.transform.suppress.percent import hidden_percentages
from redactor.transform.suppress.primary import is_sensitive, primary_cells, singletons
from redactor.transform.suppress.rounding import rounded_values
from redactor.transform.suppress.secondary import secondary_cells
from redactor.transform.suppress.tables import (
    Cell,
    CountTable,
    find_tables,
)

__all__ = [
    "GridResult",
    "HiddenCell",
    "TableIssue",
    "audit_grid",
    "narrow_cells",
    "protect_grid",
    "protect_table",
]


#: above this many attacker LPs per table the final audit uses the null-space check instead
AUDIT_LP_LIMIT = 3000


@dataclass(frozen=True)
class HiddenCell:
    """One cell replaced by the symbol, and why. Never holds the hidden value.

    `table` counts from 1 in reading order; `grid_row`/`grid_col` index the input grid.
    """

    table: int
    row: str
    column: str
    reason: str  # "primary" | "secondary" | "percentage"
    grid_row: int
    grid_col: int

    def to_dict(self) -> dict[str, Any]:
        return {"table": self.table, "row": self.row, "column": self.column, "reason": self.reason}


@dataclass
class GridResult:
    """The protected grid and what was hidden (or rounded) in it."""

    grid: list[list[str]]
    hidden: list[HiddenCell] = field(default_factory=list)
    tables: int = 0
    rounded: int = 0
    #: hidden small cells whose attacker's interval stays below the threshold: nothing is
    #: recovered, but a reader learns the group is small (reported, as statistical offices do)
    narrow: list[TableIssue] = field(default_factory=list)

    def count(self, reason: str) -> int:
        return sum(1 for h in self.hidden if h.reason == reason)


@dataclass(frozen=True)
class TableIssue:
    """A problem in a table about to be published. `table` counts from 1 in reading order."""

    table: int
    row: str
    column: str
    problem: str


def protect_table(
    table: CountTable, threshold: int, zeros: bool = False, optimal: bool | None = None
) -> tuple[set[Cell], set[Cell]]:
    """(primary, secondary) cells of one table, audited: raises if any stays recoverable."""
    primary = primary_cells(table, threshold, zeros)
    unknown = {c for c in table.cells() if table.value(c) is None}
    insiders = singletons(table, primary)
    secondary = secondary_cells(table, primary | unknown, primary, insiders, optimal)
    hidden = primary | unknown | secondary
    # the final audit, independent of how the cells were chosen: attacker's LP on true values
    if primary - hidden:
        raise UnsupportedContentError(f"table {table.index + 1}: a small cell would stay visible")
    # the LP per cell and insider is the reference; on very large tables the null-space form of
    # the same question (exact for tables with margins, see `audit`) keeps the time in check
    lp_count = len(primary) * (1 + len(insiders))
    method = "bounds" if lp_count <= AUDIT_LP_LIMIT else "deviations"
    problems = find_exposures(table, hidden, primary, insiders, method=method)
    if problems:
        row, column = table.label(problems[0].cell)
        raise UnsupportedContentError(
            f"table {table.index + 1}: audit failed, cell at row '{row}', column '{column}' "
            f"could be worked out ({problems[0].kind}); nothing written"
        )
    return primary, secondary


def narrow_cells(
    table: CountTable, hidden: set[Cell], primary: set[Cell], threshold: int
) -> list[TableIssue]:
    """Hidden primary cells that a reader can tell are below the threshold."""
    if not primary or any(table.value(c) is None for c in table.cells()):
        return []
    ranges = attacker_bounds(table, hidden, targets=primary) or {}
    out = []
    for cell in sorted(primary):
        if cell in ranges and ranges[cell][1] < threshold:
            row, column = table.label(cell)
            out.append(TableIssue(table.index + 1, row, column, "hidden, but known to be small"))
    return out


def protect_grid(grid: list[list[str]], settings: Settings) -> GridResult:
    """Find every count table in `grid` and protect it; the new grid has hidden cells replaced by
    `settings.symbol`. Raises `UnsupportedContentError` when a table cannot be protected."""
    symbol = settings.symbol
    threshold = settings.threshold
    zeros = settings.suppress_zeros
    round_to = settings.round_to
    out = [list(row) for row in grid]
    result = GridResult(out)
    tables = find_tables(grid, symbol)
    result.tables = len(tables)
    for table in tables:
        number = table.index + 1
        if round_to:
            result.rounded += _round(table, out, round_to)
            hidden: set[Cell] = set()
        else:
            primary, secondary = protect_table(table, threshold, zeros)
            hidden = primary | secondary
            result.narrow += narrow_cells(table, hidden, primary, threshold)
            for cell in sorted(hidden):
                r, c = table.grid_rows[cell[0]], table.grid_cols[cell[1]]
                row, column = table.label(cell)
                reason = "primary" if cell in primary else "secondary"
                out[r][c] = symbol
                result.hidden.append(HiddenCell(number, row, column, reason, r, c))
        for i, grid_col in hidden_percentages(table, hidden, threshold):
            r = table.grid_rows[i]
            if out[r][grid_col].strip() in ("", symbol):
                continue
            out[r][grid_col] = symbol
            result.hidden.append(
                HiddenCell(
                    number,
                    table.row_labels[i],
                    table.percent_labels[grid_col],
                    "percentage",
                    r,
                    grid_col,
                )
            )
        if round_to:
            _hide_small_percentages(table, out, threshold, zeros, symbol, result)
    return result


def _round(table: CountTable, out: list[list[str]], base: int) -> int:
    rounded = rounded_values(table, base)
    changed = 0
    for i, row in enumerate(rounded):
        for j, value in enumerate(row):
            if value is None:
                continue
            r, c = table.grid_rows[i], table.grid_cols[j]
            if value % base:
                raise UnsupportedContentError(f"table {table.index + 1}: rounding failed")
            out[r][c] = str(value)
            changed += 1
    return changed


def _hide_small_percentages(
    table: CountTable,
    out: list[list[str]],
    threshold: int,
    zeros: bool,
    symbol: str,
    result: GridResult,
) -> None:
    for grid_col, j in sorted(table.percent_cols.items()):
        for i in range(len(table.row_labels)):
            value = table.value((i, j))
            if value is None or not is_sensitive(value, threshold, zeros):
                continue
            r = table.grid_rows[i]
            if out[r][grid_col].strip() in ("", symbol):
                continue
            out[r][grid_col] = symbol
            result.hidden.append(
                HiddenCell(
                    table.index + 1,
                    table.row_labels[i],
                    table.percent_labels[grid_col],
                    "percentage",
                    r,
                    grid_col,
                )
            )


def audit_grid(grid: list[list[str]], settings: Settings) -> list[TableIssue]:
    """Problems in the count tables of a grid about to be published: small counts left visible,
    and hidden cells a reader can work out exactly from the visible cells and the totals.

    The insider case is not checked here: without the original figures nobody can tell which
    hidden cell holds a single pupil (`protect_grid` checks it on the true values)."""
    symbol = settings.symbol
    threshold = settings.threshold
    zeros = settings.suppress_zeros
    issues: list[TableIssue] = []
    for table in find_tables(grid, symbol):
        number = table.index + 1
        for cell in table.inner_cells():
            value = table.value(cell)
            if value is not None and is_sensitive(value, threshold, zeros):
                row, column = table.label(cell)
                issues.append(TableIssue(number, row, column, "small count visible"))
        hidden = {
            c
            for c in table.cells()
            if table.value(c) is None
            and _text_at(grid, table.grid_rows[c[0]], table.grid_cols[c[1]]).strip() != ""
        }
        for grid_col, j in sorted(table.percent_cols.items()):
            for i in range(len(table.row_labels)):
                shown = _text_at(grid, table.grid_rows[i], grid_col).strip()
                if (i, j) in hidden and shown and shown.lower() != symbol.lower():
                    issues.append(
                        TableIssue(
                            number,
                            table.row_labels[i],
                            table.percent_labels[grid_col],
                            "percentage shown for a hidden count",
                        )
                    )
        if not hidden:
            continue
        # blank cells are neither visible numbers nor hidden ones: leave them out of the model
        ranges = attacker_bounds(table, hidden, remainders=False)
        if ranges is None:
            issues.append(TableIssue(number, "", "", "totals do not add up with visible cells"))
            continue
        for cell in sorted(hidden):
            lo, hi = ranges[cell]
            if hi - lo < 0.5:
                row, column = table.label(cell)
                issues.append(TableIssue(number, row, column, "hidden cell can be worked out"))
    return _unique(issues)


def _text_at(grid: list[list[str]], row: int, col: int) -> str:
    return grid[row][col] if row < len(grid) and col < len(grid[row]) else ""


def _unique(issues: list[TableIssue]) -> list[TableIssue]:
    seen: set[TableIssue] = set()
    out = []
    for issue in issues:
        if issue not in seen:
            seen.add(issue)
            out.append(issue)
    return out
