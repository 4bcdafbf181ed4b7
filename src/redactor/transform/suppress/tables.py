"""Find count tables in a grid of cell strings.

A grid is what a sheet or a CSV file holds: rows of cell strings. Tables on one sheet are
separated by blank rows. In each block:

- leading rows with a single text cell are titles, trailing ones are notes;
- the first remaining row is the header (column labels), the rest are body rows;
- the leftmost used column holds row labels (so do the next columns when they hold text);
- a *count* column holds whole numbers >= 0 (blank and already-suppressed cells allowed);
- a *percentage* column is headed "%" / "percent" / "rate" or holds values like "12.5%" or
  decimals; it belongs to the nearest count column on its left;
- a row or column labelled "Total" / "All" / "All pupils" ... is the sum of the others. A total
  that is smaller than the sum of its parts (subtotals, overlapping groups) cannot be modelled
  exactly, so the table is refused (fail closed); a larger total (an unlisted remainder) is
  modelled as sum + a remainder the attacker is assumed to know, which only makes him stronger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from redactor.errors import UnsupportedContentError

__all__ = [
    "TOTAL_LABELS",
    "Cell",
    "CountTable",
    "Relation",
    "find_tables",
    "is_total_label",
    "parse_count",
]

#: Labels that mark a total row or column (compared lower-cased, stripped).
TOTAL_LABELS = frozenset(
    {"total", "totals", "all", "all pupils", "all students", "grand total", "total pupils"}
)
#: Cell texts that already mean "suppressed" in UK statistics (DfE, ONS, HESA conventions).
SUPPRESSED_MARKS = frozenset({"c", "x", "*", "**", "~", ":", "..", "z", "u", "<5", "supp"})

Cell = tuple[int, int]  # (row index, column index) inside a CountTable's value matrix

_INT = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
_DECIMAL = re.compile(r"^-?\d+(\.\d+)?%?$|^-?\.\d+%?$")
_PERCENT_HEADER = re.compile(r"%|\bper ?cent|\bpct\b|\bproportion\b|\brate\b|\bshare\b", re.I)


def parse_count(text: str) -> int | None:
    """A whole number >= 0 written as a count ("12", "1,204", "3.0"), else None."""
    s = text.strip()
    if _INT.match(s):
        return int(s.replace(",", ""))
    if re.match(r"^\d+\.0+$", s):
        return int(float(s))
    return None


def is_total_label(text: str) -> bool:
    return text.strip().lower() in TOTAL_LABELS


def _is_blank(text: str) -> bool:
    return not text.strip()


def _is_mark(text: str, symbol: str) -> bool:
    s = text.strip().lower()
    return s == symbol.lower() or s in SUPPRESSED_MARKS


def _is_decimal(text: str) -> bool:
    return bool(_DECIMAL.match(text.strip().replace(",", "")))


@dataclass(frozen=True)
class Relation:
    """`total` = sum of `parts` (+ a remainder the attacker is assumed to know)."""

    total: Cell
    parts: tuple[Cell, ...]


@dataclass
class CountTable:
    """One count table found in a grid.

    `values[i][j]` is the count in body row i, count column j; None where the cell is blank or
    already suppressed (its value is unknown). `grid_rows[i]` / `grid_cols[j]` say where each
    sits in the grid. Percentage columns are kept apart: `percent_cols` maps a grid column to
    the index of the count column it belongs to.
    """

    index: int
    row_labels: list[str]
    col_labels: list[str]
    values: list[list[int | None]]
    grid_rows: list[int]
    grid_cols: list[int]
    total_rows: frozenset[int] = frozenset()
    total_cols: frozenset[int] = frozenset()
    percent_cols: dict[int, int] = field(default_factory=dict)
    percent_labels: dict[int, str] = field(default_factory=dict)

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.row_labels), len(self.col_labels)

    def cells(self) -> list[Cell]:
        return [(i, j) for i in range(len(self.row_labels)) for j in range(len(self.col_labels))]

    def is_total(self, cell: Cell) -> bool:
        return cell[0] in self.total_rows or cell[1] in self.total_cols

    def inner_cells(self) -> list[Cell]:
        return [c for c in self.cells() if not self.is_total(c)]

    def value(self, cell: Cell) -> int | None:
        return self.values[cell[0]][cell[1]]

    def relations(self) -> list[Relation]:
        """Every total cell as the sum of its parts (the attacker's equations)."""
        n_rows, n_cols = self.shape
        rows = [i for i in range(n_rows) if i not in self.total_rows]
        cols = [j for j in range(n_cols) if j not in self.total_cols]
        out = []
        for i in range(n_rows):
            for t in sorted(self.total_cols):
                out.append(Relation((i, t), tuple((i, j) for j in cols)))
        for j in range(n_cols):
            for t in sorted(self.total_rows):
                out.append(Relation((t, j), tuple((i, j) for i in rows)))
        return out

    def label(self, cell: Cell) -> tuple[str, str]:
        return self.row_labels[cell[0]], self.col_labels[cell[1]]


def _blocks(grid: list[list[str]]) -> list[list[int]]:
    """Runs of non-blank rows (their grid indices)."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for r, row in enumerate(grid):
        if any(not _is_blank(c) for c in row):
            current.append(r)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _filled(row: list[str]) -> list[int]:
    return [c for c, text in enumerate(row) if not _is_blank(text)]


def find_tables(grid: list[list[str]], symbol: str = "c") -> list[CountTable]:
    """Every count table in `grid`, numbered from 0 in reading order."""
    width = max((len(r) for r in grid), default=0)
    rows = [list(r) + [""] * (width - len(r)) for r in grid]
    tables: list[CountTable] = []
    for block in _blocks(rows):
        for lo, hi in _column_runs(rows, block, symbol):
            sub = [row[lo : hi + 1] for row in rows]
            table = _table_in_block(sub, block, len(tables), symbol)
            if table is not None:
                table.grid_cols = [c + lo for c in table.grid_cols]
                table.percent_cols = {c + lo: j for c, j in table.percent_cols.items()}
                table.percent_labels = {c + lo: t for c, t in table.percent_labels.items()}
                tables.append(table)
    return tables


def _column_runs(rows: list[list[str]], block: list[int], symbol: str) -> list[tuple[int, int]]:
    """Tables side by side: runs of used columns split by blank columns. A run that does not
    start with text labels is a spacer inside one table, so it joins the run on its left."""
    used = sorted({c for r in block for c in _filled(rows[r])})
    runs: list[list[int]] = []
    for c in used:
        if runs and c == runs[-1][-1] + 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    merged: list[tuple[int, int]] = []
    for run in runs:
        texts = [rows[r][run[0]] for r in block[1:] if not _is_blank(rows[r][run[0]])]
        labels = any(
            parse_count(t) is None and not _is_mark(t, symbol) and not _is_decimal(t) for t in texts
        )
        if merged and not labels:
            merged[-1] = (merged[-1][0], run[-1])
        else:
            merged.append((run[0], run[-1]))
    return merged


def _table_in_block(
    rows: list[list[str]], block: list[int], index: int, symbol: str
) -> CountTable | None:
    # titles above and notes below: rows with a single text cell
    def single_text(r: int) -> bool:
        filled = _filled(rows[r])
        return len(filled) <= 1 and (not filled or parse_count(rows[r][filled[0]]) is None)

    while block and single_text(block[0]):
        block = block[1:]
    while block and single_text(block[-1]) and len(block) > 2:
        block = block[:-1]
    if len(block) < 2:
        return None
    header_row, body = block[0], block[1:]
    used = sorted({c for r in block for c in _filled(rows[r])})
    if len(used) < 2:
        return None
    first, last = used[0], used[-1]

    def column_cells(c: int) -> list[str]:
        return [rows[r][c] for r in body]

    # label columns: the first used column, and the next ones while they hold text. A first
    # column of plain numbers is labels only when it reads like years or year groups; otherwise
    # it is counts (a table without labels), so its small cells are protected too.
    next_is_text = first + 1 <= last and any(
        parse_count(t) is None and not _is_mark(t, symbol) and not _is_decimal(t)
        for t in column_cells(first + 1)
        if not _is_blank(t)
    )
    if not next_is_text and _numeric_not_labels(
        rows[header_row][first], column_cells(first), symbol
    ):
        label_cols = [first - 1]
    else:
        label_cols = [first]
    for c in range(label_cols[-1] + 1, last + 1):
        texts = [t for t in column_cells(c) if not _is_blank(t)]
        if texts and all(
            parse_count(t) is None and not _is_mark(t, symbol) and not _is_decimal(t) for t in texts
        ):
            label_cols.append(c)
        else:
            break
    count_cols: list[int] = []
    percent_cols: list[int] = []
    for c in range(label_cols[-1] + 1, last + 1):
        texts = column_cells(c)
        heading = rows[header_row][c]
        numbers = [t for t in texts if parse_count(t) is not None]
        unknown = [t for t in texts if parse_count(t) is None]
        if not all(_is_blank(t) or _is_mark(t, symbol) or _is_decimal(t) for t in unknown):
            continue  # a text column: not part of the table
        if not numbers and not any(_is_decimal(t) for t in texts):
            continue
        percentish = _PERCENT_HEADER.search(heading) or any(
            t.strip().endswith("%") or (_is_decimal(t) and parse_count(t) is None)
            for t in texts
            if not _is_blank(t) and not _is_mark(t, symbol)
        )
        if percentish:
            percent_cols.append(c)
        elif numbers:
            count_cols.append(c)
    if not count_cols:
        return None

    def row_label(r: int) -> str:
        parts = [rows[r][c].strip() for c in label_cols if c >= 0 and not _is_blank(rows[r][c])]
        return " / ".join(parts) or f"row {r + 1}"

    row_labels = [row_label(r) for r in body]
    col_labels = [rows[header_row][c].strip() for c in count_cols]
    values = [[parse_count(rows[r][c]) for c in count_cols] for r in body]
    total_rows = frozenset(
        i for i, r in enumerate(body) if any(is_total_label(rows[r][c]) for c in label_cols)
    )
    total_cols = frozenset(j for j, label in enumerate(col_labels) if is_total_label(label))
    links: dict[int, int] = {}
    for p in percent_cols:
        links[p] = _owner(rows[header_row][p], p, count_cols, col_labels, total_cols)
    table = CountTable(
        index=index,
        row_labels=row_labels,
        col_labels=col_labels,
        values=values,
        grid_rows=list(body),
        grid_cols=count_cols,
        total_rows=total_rows,
        total_cols=total_cols,
        percent_cols=links,
        percent_labels={p: rows[header_row][p].strip() for p in percent_cols},
    )
    _check_totals(table)
    return table


_LABEL_HEADER = re.compile(r"year|age|group|stage|\bks\d?\b|\bnc\b|class|form|cohort", re.I)


def _numeric_not_labels(heading: str, cells: list[str], symbol: str) -> bool:
    """True when a first column of numbers holds counts rather than labels."""
    texts = [t.strip() for t in cells if not _is_blank(t)]
    if not texts or any(parse_count(t) is None and not _is_mark(t, symbol) for t in texts):
        return False  # it holds text: labels
    values = [parse_count(t) for t in texts]
    if all(v is not None and 1900 <= v <= 2100 for v in values):
        return False  # years
    return not (_LABEL_HEADER.search(heading) and len(set(values)) == len(values))


def _owner(
    heading: str,
    grid_col: int,
    count_cols: list[int],
    col_labels: list[str],
    total_cols: frozenset[int],
) -> int:
    """The count column a percentage column belongs to: the one its heading names (the longest
    name, so "Not FSM %" goes with "Not FSM", not "FSM"), else the nearest non-total on its
    left, else the first."""
    text = heading.lower()
    named = [
        j
        for j, label in enumerate(col_labels)
        if label and j not in total_cols and re.search(rf"(?<!\w){re.escape(label.lower())}", text)
    ]
    if named:
        return max(named, key=lambda j: len(col_labels[j]))
    left = [j for j, c in enumerate(count_cols) if c < grid_col and j not in total_cols]
    if left:
        return left[-1]
    others = [j for j in range(len(count_cols)) if j not in total_cols]
    return others[0] if others else 0


def _check_totals(table: CountTable) -> None:
    """Refuse totals smaller than the sum of their parts: the table has subtotals or overlapping
    groups, and equations we cannot see would let an attacker work cells out."""
    for relation in table.relations():
        total = table.value(relation.total)
        parts = [table.value(p) for p in relation.parts]
        if total is None or any(v is None for v in parts):
            continue
        if sum(v for v in parts if v is not None) > total:
            row, col = table.label(relation.total)
            raise UnsupportedContentError(
                f"table {table.index + 1}: the total at row '{row}', column '{col}' is smaller "
                "than the sum of its parts (subtotals or overlapping groups are not supported)"
            )
