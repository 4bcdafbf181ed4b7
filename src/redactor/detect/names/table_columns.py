"""Names in the columns of tables typed or pasted into text: a class list exported as tab-separated
lines, a register drawn with pipes, a fixed-width printout.

A header cell that says what its column holds ("Surname", "Forename", "Pupil", "Parent/Carer",
"Staff") makes every cell below it, down to the first blank line or a line with another number
of cells, a name of that kind, however short or unusual ("Alves", "Lăcătuș", "de la Cruz").
The spreadsheet readers do the same for .csv and .xlsx through segment hints; here the table
is found in the text itself. The header words are the same table (`redactor.ingest.columns`).
"""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import RecognizerResult

from redactor.detect.names._text import NameRecognizer, result
from redactor.ingest.columns import hint_for_header, hint_for_value

NAME = "TableColumnRecognizer"

_PERSON_HINTS = frozenset({"CHILD", "ADULT", "PERSON"})
_SEPARATOR_ROW = re.compile(r"^[\s|:+-]*$")
_NOT_A_NAME = re.compile(r"^[\W\d_]*$")  # "–", "12", "n/a" is handled by hint_for_value


class TableColumnRecognizer(NameRecognizer):
    NAME = NAME

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        if "\t" not in text and "|" not in text and "   " not in text:
            return []  # no table of any kind: most documents
        out: list[RecognizerResult] = []
        columns: dict[int, str] = {}  # cell index -> person kind, under the current header
        width = 0
        for line_start, line in _lines(text):
            cells = _cells(line)
            if not line.strip():
                columns, width = {}, 0
                continue
            if _SEPARATOR_ROW.match(line) and "-" in line:
                continue  # "|----|----|" under a pipe header
            hinted = {
                i: hint
                for i, (_, cell) in enumerate(cells)
                if (hint := hint_for_header(cell)) in _PERSON_HINTS
            }
            if len(cells) >= 2 and hinted and not _looks_like_data(cells):
                columns, width = hinted, len(cells)
                continue
            if not columns or len(cells) != width:
                columns, width = {}, 0
                continue
            for index, kind in columns.items():
                offset, cell = cells[index]
                value = cell.strip()
                if not value or _NOT_A_NAME.match(value) or hint_for_value(kind, value) is None:
                    continue
                start = line_start + offset + cell.index(value)
                found = result("PERSON", start, start + len(value), 0.9, NAME, _REASON)
                found.recognition_metadata["person_kind"] = kind
                out.append(found)
        return out


_REASON = "column header says what the column holds"


def _lines(text: str) -> list[tuple[int, str]]:
    out, position = [], 0
    for line in text.split("\n"):
        out.append((position, line))
        position += len(line) + 1
    return out


def _cells(line: str) -> list[tuple[int, str]]:
    """(offset in the line, text) of each cell; a pipe table's outer pipes open no cell."""
    body = line
    shift = 0
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        shift = line.index("|") + 1
        body = line[shift : line.rindex("|")]
    if "\t" in body or "|" in body:
        parts = re.split(r"(\t|\|)", body)
    else:
        parts = re.split(r"( {3,})", body)
    cells, position = [], shift
    for k, part in enumerate(parts):
        if k % 2 == 0:
            cells.append((position, part))
        position += len(part)
    return cells


def _looks_like_data(cells: list[tuple[int, str]]) -> bool:
    """A row of values is no header even if one value happens to be a header word: a header
    has at most one cell with a digit ("Contact 1 name") and no cell of more than four words;
    "Name of child:<tab>value" is a form's label and its value, not a header."""
    with_digits = sum(1 for _, cell in cells if any(ch.isdigit() for ch in cell))
    return (
        with_digits > 1
        or any(len(cell.split()) > 4 for _, cell in cells)
        or cells[0][1].rstrip().endswith(":")
    )
