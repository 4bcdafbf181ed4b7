"""Primary suppression: the cells that are sensitive on their own.

A count from 1 to k-1 singles out a small group (k = `threshold`, 5 by default). A zero is
sensitive too when asked (`suppress_zeros`): a 0 next to a full row says "all of them". Totals
are never primary here: they are published unchanged, and their parts are protected instead.
"""

from __future__ import annotations

from redactor.transform.suppress.tables import Cell, CountTable

__all__ = ["is_sensitive", "primary_cells", "singletons"]


def is_sensitive(value: int, threshold: int, zeros: bool = False) -> bool:
    return 1 <= value < threshold or (zeros and value == 0)


def primary_cells(table: CountTable, threshold: int, zeros: bool = False) -> set[Cell]:
    """Inner cells whose count is sensitive."""
    out = set()
    for cell in table.inner_cells():
        value = table.value(cell)
        if value is not None and is_sensitive(value, threshold, zeros):
            out.add(cell)
    return out


def singletons(table: CountTable, cells: set[Cell]) -> set[Cell]:
    """Cells of `cells` holding exactly one person: that person knows the cell's value."""
    return {c for c in cells if table.value(c) == 1}
