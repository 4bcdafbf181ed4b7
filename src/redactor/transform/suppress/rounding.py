"""The rounding alternative to suppression (`--round N`), as HESA and Ofqual publish.

Every count is rounded to the nearest multiple of N, halves up (with N = 5: 0-2 become 0, 3-7
become 5). Totals are rounded from the true sums, not summed from rounded parts, so a reader
cannot take rounded parts away from a total to recover a small cell exactly.
"""

from __future__ import annotations

from redactor.transform.suppress.tables import CountTable

__all__ = ["round_count", "rounded_values"]


def round_count(value: int, base: int) -> int:
    return ((2 * value + base) // (2 * base)) * base


def rounded_values(table: CountTable, base: int) -> list[list[int | None]]:
    """The table's counts rounded (unknown cells stay unknown)."""
    return [[None if v is None else round_count(v, base) for v in row] for row in table.values]
