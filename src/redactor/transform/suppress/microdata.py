"""Pupil-level data: one row per pupil, with category columns (ethnicity, FSM, SEN ...).

`small_groups` lists every combination of the chosen characteristics shared by fewer than k
pupils (the combinations, never the pupils or their counts). `aggregate` builds the count table
of those characteristics (the last one across, the others down, with totals), ready for
`protect_grid`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from redactor.errors import ConfigError, InputError

__all__ = ["SmallGroup", "aggregate", "count_combinations", "small_groups"]


@dataclass(frozen=True)
class SmallGroup:
    """A combination of category values shared by fewer than the threshold of pupils."""

    columns: tuple[str, ...]
    values: tuple[str, ...]

    def describe(self) -> str:
        return ", ".join(f"{c}={v}" for c, v in zip(self.columns, self.values, strict=True))


def _columns(grid: list[list[str]], by: list[str]) -> list[int]:
    if not grid:
        raise InputError("the pupil-level data has no header row")
    header = [h.strip().lower() for h in grid[0]]
    out = []
    for name in by:
        if name.strip().lower() not in header:
            raise ConfigError(f"--by: no column named '{name}'; columns are: {', '.join(grid[0])}")
        out.append(header.index(name.strip().lower()))
    return out


def count_combinations(grid: list[list[str]], by: list[str]) -> Counter[tuple[str, ...]]:
    """How many pupils share each combination of the `by` columns (blank rows skipped)."""
    cols = _columns(grid, by)
    counts: Counter[tuple[str, ...]] = Counter()
    for row in grid[1:]:
        if not any(cell.strip() for cell in row):
            continue
        counts[tuple(row[c].strip() if c < len(row) else "" for c in cols)] += 1
    return counts


def small_groups(grid: list[list[str]], by: list[str], threshold: int) -> list[SmallGroup]:
    names = tuple(grid[0][c].strip() for c in _columns(grid, by))
    counts = count_combinations(grid, by)
    return [SmallGroup(names, key) for key in sorted(counts) if counts[key] < threshold]


def aggregate(grid: list[list[str]], by: list[str]) -> list[list[str]]:
    """The count table of the `by` columns with a Total row and column (one column: 1-D)."""
    counts = count_combinations(grid, by)
    names = [grid[0][c].strip() for c in _columns(grid, by)]
    if len(by) == 1:
        keys = sorted(counts)
        rows = [[names[0], "count"]]
        rows += [[k[0] or "(blank)", str(counts[k])] for k in keys]
        rows.append(["Total", str(sum(counts.values()))])
        return rows
    down = sorted({k[:-1] for k in counts})
    across = sorted({k[-1] for k in counts})
    rows = [[" / ".join(names[:-1]), *[a or "(blank)" for a in across], "Total"]]
    for d in down:
        line = [counts.get((*d, a), 0) for a in across]
        label = " / ".join(v or "(blank)" for v in d)
        rows.append([label, *[str(v) for v in line], str(sum(line))])
    totals = [sum(counts.get((*d, a), 0) for d in down) for a in across]
    rows.append(["Total", *[str(v) for v in totals], str(sum(totals))])
    return rows
