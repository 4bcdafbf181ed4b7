"""Small-group suppression for tables of pupil counts: primary and secondary, audited.

    from redactor.transform.suppress import protect_grid, audit_grid
    result = protect_grid(rows_of_cell_strings, settings)   # -> GridResult
    issues = audit_grid(rows_of_cell_strings, settings)     # -> list[TableIssue]

Modules: `tables` finds count tables in a grid; `primary` marks small cells; `secondary` adds
complementary cells (optimal MILP on small tables, heuristic on large ones); `audit` is the
attacker's LP; `percent` and `rounding` handle percentages and the rounding alternative;
`microdata` counts combinations in pupil-level data; `grid_io` and `files` read and write
.csv/.xlsx for `redactor suppress`.
"""

from __future__ import annotations

from redactor.transform.suppress.protect import (
    GridResult,
    HiddenCell,
    TableIssue,
    audit_grid,
    protect_grid,
    protect_table,
)
from redactor.transform.suppress.tables import CountTable, find_tables

__all__ = [
    "CountTable",
    "FileReport",
    "GridResult",
    "HiddenCell",
    "TableIssue",
    "audit_grid",
    "find_tables",
    "protect_grid",
    "protect_table",
    "suppress_file",
]


def __getattr__(name: str) -> object:
    # file handling pulls in openpyxl: import it only when asked for
    if name in ("FileReport", "suppress_file"):
        from redactor.transform.suppress import files

        return getattr(files, name)
    raise AttributeError(name)
