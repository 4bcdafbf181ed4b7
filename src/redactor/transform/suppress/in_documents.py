"""Count tables inside documents (`redactor redact --suppress`): the same protection as
`redactor suppress`, applied through edits so the writer replaces hidden cells in place.

A format takes part by registering a function that returns its tables as grids of cells, each
cell the list of segment indexes whose text makes it up. Word tables (every `w:tbl`, nested ones
as tables of their own) are read from the reader's parsed XML; PDF tables are the ruled tables
the PDF reader found, whose cells it located. A hidden PDF cell is boxed like any finding.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from redactor.model import Document, Edit
from redactor.settings import Settings
from redactor.transform.suppress.protect import protect_grid

__all__ = ["SUPPRESSED", "TABLE_READERS", "table_edits"]

SUPPRESSED = "SMALL_GROUP"  # entity type of the edits this makes, so reports count them


@dataclass(frozen=True)
class TableCells:
    """One table of a document: for each row, for each cell, the segments holding its text."""

    rows: list[list[list[int]]]


def _docx_tables(document: Document) -> list[TableCells]:
    from redactor.ingest._docx_xml import W_P, w
    from redactor.ingest.docx import PARAGRAPH_KINDS

    payload: Any = document.payload
    segment_of: dict[tuple[str, int], int] = {}
    for index, segment in enumerate(document.segments):
        loc: Any = segment.locator
        if getattr(loc, "kind", None) in PARAGRAPH_KINDS:
            segment_of[(loc.part, loc.index)] = index
    tables: list[TableCells] = []
    for part in payload.parts("story"):
        root = payload.package.xml[part]
        paragraph_index = {p: n for n, p in enumerate(root.iter(W_P))}
        for table in root.iter(w("tbl")):
            rows = []
            for tr in table.findall(w("tr")):
                row = []
                for tc in tr.findall(w("tc")):
                    # paragraphs of this cell, not of a table nested inside it
                    paragraphs = [p for p in tc.iter(W_P) if _owner_cell(p, w("tc")) is tc]
                    keys = [(part, paragraph_index[p]) for p in paragraphs]
                    row.append([segment_of[k] for k in keys if k in segment_of])
                rows.append(row)
            tables.append(TableCells(rows))
    return tables


def _pdf_tables(document: Document) -> list[TableCells]:
    """Ruled tables the PDF reader found: each cell a segment with (table, row, column)."""
    cells: dict[tuple[int, str], dict[tuple[int, int], list[int]]] = {}
    for index, segment in enumerate(document.segments):
        loc: Any = segment.locator
        cell = getattr(loc, "cell", None)
        if cell is not None:
            table, row, column = cell
            cells.setdefault((loc.page, table), {}).setdefault((row, column), []).append(index)
    tables = []
    for _, grid in sorted(cells.items()):
        height = max(r for r, _ in grid) + 1
        width = max(c for _, c in grid) + 1
        rows = [[grid.get((r, c), []) for c in range(width)] for r in range(height)]
        tables.append(TableCells(rows))
    return tables


def _owner_cell(element: Any, cell_tag: str) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != cell_tag:
        parent = parent.getparent()
    return parent


#: Document.format -> function listing its tables
TABLE_READERS: dict[str, Callable[[Document], list[TableCells]]] = {
    "docx": _docx_tables,
    "pdf": _pdf_tables,
}


def table_edits(document: Document, settings: Settings) -> list[Edit]:
    """Edits hiding small groups in every count table of `document` (none for other formats).

    Raises `UnsupportedContentError` (from `protect_grid`) when a table cannot be protected, so
    the file fails closed rather than going out with a small group visible."""
    reader = TABLE_READERS.get(document.format)
    if reader is None:
        return []
    edits: list[Edit] = []
    for table in reader(document):
        grid = [
            [" ".join(document.segments[i].text.strip() for i in cell).strip() for cell in row]
            for row in table.rows
        ]
        width = max((len(row) for row in grid), default=0)
        padded = [row + [""] * (width - len(row)) for row in grid]
        result = protect_grid(padded, settings)
        reasons = {(h.grid_row, h.grid_col): h.reason for h in result.hidden}
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                new = result.grid[r][c]
                if new == padded[r][c] or not cell:
                    continue
                reason = reasons.get((r, c), "percentage")
                for k, segment_index in enumerate(cell):
                    text = document.segments[segment_index].text
                    edits.append(
                        Edit(segment_index, 0, len(text), new if k == 0 else "", SUPPRESSED, reason)
                    )
    return edits
