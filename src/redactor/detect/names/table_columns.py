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
        # cell index -> (person kind, whether the cell is only a name), under the current header
        columns: dict[int, tuple[str, bool]] = {}
        width = 0
        for line_start, line in _lines(text):
            cells = _cells(line)
            if not line.strip():
                columns, width = {}, 0
                continue
            if _SEPARATOR_ROW.match(line) and "-" in line:
                continue  # "|----|----|" under a pipe header
            hinted = {
                i: (hint, _is_pure_name_header(cell))
                for i, (_, cell) in enumerate(cells)
                if (hint := hint_for_header(cell)) in _PERSON_HINTS
            }
            if len(cells) >= 2 and hinted and not _looks_like_data(cells):
                columns, width = hinted, len(cells)
                continue
            if not columns or len(cells) != width:
                columns, width = {}, 0
                continue
            for index, (kind, pure) in columns.items():
                offset, cell = cells[index]
                value = cell.strip()
                if not value or _NOT_A_NAME.match(value) or hint_for_value(kind, value) is None:
                    continue
                base = line_start + offset + cell.index(value)
                for start, end in self._names_in_cell(value, pure):
                    found = result("PERSON", base + start, base + end, 0.9, NAME, _REASON)
                    found.recognition_metadata["person_kind"] = kind
                    out.append(found)
        return out

    def _names_in_cell(self, value: str, pure: bool) -> list[tuple[int, int]]:
        """Where the names are in a cell. Under "Surname" or "Pupil" the cell is the name,
        less a title before it and a note in brackets after it ("Mr Ridley", "Ms Nair (SALT)").
        Under "Who", "For" or "Given by" a cell may be words ("whole year group", "JHT to
        run"), so only runs of capitalised words that are no ordinary words are names."""
        lex = self.lexicon
        runs = []
        for m in _NAME_RUN.finditer(value):
            words = m.group().split()
            start = m.start()
            while words and words[0].lower().rstrip(".") in _TITLES:
                start = value.index(words[1], start + len(words[0])) if len(words) > 1 else -1
                words = words[1:]
            if not words or start < 0:
                continue
            if not pure and any(ch.isdigit() for ch in m.group()):
                continue  # "Y6", "3P": a year group or a class
            if not pure and all(
                lex.is_school_word(w) or (lex.is_common(w) and not lex.is_first_name(w))
                for w in words
            ):
                continue  # "Awards", "See list below"
            runs.append((start, m.end()))
        if pure and not runs:
            return [(0, len(value))] if not value[:1].isdigit() else []
        return runs


_REASON = "column header says what the column holds"
_TITLES = frozenset(["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "revd"])
# A run of name-like words: capitalised words, initials, particles ("de la Cruz", "Mac Giolla"),
# "KOWALCZYK, Zuzanna"
_CAP = r"(?:[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŞȘȚĞİÓ][\w'’.-]*)"
_PARTICLE = (
    r"(?:de|da|das|do|dos|del|della|di|du|la|le|van|von|der|den|al|el|bin|mac|mc|ni|nic|ó|ua)"
)
_NAME_RUN = re.compile(rf"(?:{_PARTICLE}[ ])*{_CAP}(?:(?:[ ]|,[ ])(?:{_PARTICLE}[ ])*{_CAP})*")
# Headers whose cells hold a name and nothing else.
_ACTIVITY_HEADER = re.compile(r"^\s*(?:who\b|for\s*$|caller\s*$|\w+\s+by\s*$|witness)", re.I)


def _is_pure_name_header(header: str) -> bool:
    return _ACTIVITY_HEADER.match(header) is None


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
