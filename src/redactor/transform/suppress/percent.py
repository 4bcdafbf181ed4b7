"""Percentages follow their counts.

A percentage is hidden when the count it belongs to is hidden (with the base it would give the
count back) or when its base, the row total, is small (a percentage of 3 pupils is a count in
disguise). A percentage whose base is hidden or unknown is hidden too.
"""

from __future__ import annotations

from redactor.transform.suppress.tables import Cell, CountTable

__all__ = ["hidden_percentages"]


def hidden_percentages(
    table: CountTable, hidden: set[Cell], threshold: int
) -> list[tuple[int, int]]:
    """(body row index, grid column) of every percentage cell to hide."""
    total_col = min(table.total_cols) if table.total_cols else None
    out = []
    for grid_col, j in sorted(table.percent_cols.items()):
        for i in range(len(table.row_labels)):
            count_hidden = (i, j) in hidden or table.value((i, j)) is None
            base_small = False
            if total_col is not None:
                base = table.value((i, total_col))
                base_small = base is None or (i, total_col) in hidden or 0 < base < threshold
            if count_hidden or base_small:
                out.append((i, grid_col))
    return out
