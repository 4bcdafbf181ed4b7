"""Tables shared by the spreadsheet readers (xlsx, csv): cell locators and column hints.

A column header often says what every cell below it holds: "Surname" holds a child's name in a
pupil list, "Mobile" a phone number. Detection then treats each cell of that column as one finding
of the hinted type, so short or odd values a sentence model would miss ("Wong", "Mei Lin") are
still removed. Free-text columns (Notes, Comments, Concern, Action ...) get no hint and go through
full text detection, with the names of the same row as evidence (`Segment.group`).

`HEADER_HINTS` below is the table, in the order it is tried:

1. *Data phrases* (`DATA_PHRASES`): a header containing one of these phrases hints that type,
   whatever else it says: "Parent email" -> EMAIL, "Emergency contact number" -> PHONE,
   "Date of birth" -> DOB, "UPN" -> UPN. Checked first so that "Contact number" is a PHONE
   column, not a contact's name.
2. *Name columns* (`NAME_WORDS`): a header made only of person words and filler words
   ("Parent/Carer", "Contact 1 name", "Child's surname", "Legal forename") hints the kind of
   person; an adult word wins over a child word ("Parent surname" -> ADULT). A header that adds
   any other word ("Pupil premium", "Parent consent", "Staff present?") is not a name column.
3. A plain "Name" / "Full name" column gets PERSON: the header cannot tell a child from an adult.

Everything else (Year group, Class, Paid, Date, counts, Notes ...) gets no hint.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from redactor._memory import document_cache
from redactor.model import Locator

__all__ = [
    "DATA_PHRASES",
    "HEADER_HINTS",
    "NAME_WORDS",
    "CellLocator",
    "column_letter",
    "find_header_row",
    "hint_for_header",
    "hint_for_value",
]


@dataclass(frozen=True)
class CellLocator(Locator):
    """A place in a spreadsheet: sheet, cell coordinate and what kind of text lives there.

    `kind` is "cell", "comment", "comment-author", "sheet-name", "header-footer", "hyperlink",
    "validation", "conditional-format", "filter", "scenario", "defined-name" or "property";
    `detail` says which attribute of that place (e.g. "oddHeader.center", "core.creator").
    `sheet_index` (1-based, 0 for workbook-wide places) names the sheet in reports: a sheet's
    title can itself be personal data (a tab per pupil), so `describe()` never shows it.
    """

    sheet: str = ""
    cell: str = ""
    kind: str = "cell"
    detail: str = ""
    sheet_index: int = 0

    def describe(self) -> str:
        if self.sheet_index:
            place = (
                f"sheet{self.sheet_index}!{self.cell}" if self.cell else f"sheet{self.sheet_index}"
            )
        else:
            place = self.cell or "workbook"
        if self.kind == "cell":
            return place
        extra = f" {self.detail}" if self.kind in ("property", "header-footer") else ""
        return f"{place} {self.kind}{extra}"


#: Phrase (as normalised words) -> hint. A header holding the phrase hints the type.
DATA_PHRASES: tuple[tuple[str, str], ...] = (
    ("email", "EMAIL"),
    ("e mail", "EMAIL"),
    ("date of birth", "DOB"),
    ("birth date", "DOB"),
    ("birthdate", "DOB"),
    ("birthday", "DOB"),
    ("dob", "DOB"),
    ("d o b", "DOB"),
    ("unique pupil number", "UPN"),
    ("upn", "UPN"),
    ("unique learner number", "ULN"),
    ("uln", "ULN"),
    ("nhs number", "NHS_NUMBER"),
    ("nhs no", "NHS_NUMBER"),
    ("nhs", "NHS_NUMBER"),
    ("national insurance", "NI_NUMBER"),
    ("ni number", "NI_NUMBER"),
    ("ni no", "NI_NUMBER"),
    ("nino", "NI_NUMBER"),
    ("phone", "PHONE"),
    ("telephone", "PHONE"),
    ("tel", "PHONE"),
    ("mobile", "PHONE"),
    ("contact number", "PHONE"),
    ("contact no", "PHONE"),
    ("landline", "PHONE"),
    ("postcode", "POSTCODE"),
    ("post code", "POSTCODE"),
    ("address", "ADDRESS"),
    ("street", "ADDRESS"),
)

#: Words that name a kind of person in a header, with the hint they give.
NAME_WORDS: dict[str, str] = {
    # adults
    "parent": "ADULT",
    "parents": "ADULT",
    "carer": "ADULT",
    "carers": "ADULT",
    "guardian": "ADULT",
    "contact": "ADULT",
    "staff": "ADULT",
    "teacher": "ADULT",
    "keyworker": "ADULT",
    "worker": "ADULT",
    "tutor": "ADULT",
    "mother": "ADULT",
    "father": "ADULT",
    "mum": "ADULT",
    "dad": "ADULT",
    "adult": "ADULT",
    "senco": "ADULT",
    "author": "ADULT",
    "recorded": "ADULT",  # "Recorded by"
    "reported": "ADULT",
    "gp": "ADULT",
    "doctor": "ADULT",
    # children
    "pupil": "CHILD",
    "pupils": "CHILD",
    "child": "CHILD",
    "children": "CHILD",
    "student": "CHILD",
    "learner": "CHILD",
    "forename": "CHILD",
    "forenames": "CHILD",
    "firstname": "CHILD",
    "surname": "CHILD",
    "lastname": "CHILD",
    "legal": "CHILD",
    "preferred": "CHILD",
    "given": "CHILD",
    "family": "CHILD",
    "middle": "CHILD",
    "known": "CHILD",  # "Known as"
    "sibling": "CHILD",
    "siblings": "CHILD",
    # neither: a plain name
    "name": "PERSON",
    "names": "PERSON",
}

#: Words allowed around the person words without changing what the column holds.
_FILLER = frozenset(
    {
        "first", "last", "full", "s", "the", "of", "as", "by", "and", "or", "1", "2", "3",
        "main", "primary", "secondary", "member", "class", "form", "key", "lead", "emergency",
        "responsible", "other", "second", "in", "charge", "social", "initials",
    }
)  # fmt: skip

#: "<verb> by" headers whose cells are the member of staff who did it ("Given by", "Set by");
#: not "Paid by" (cash, card) or "Sorted by".
_DONE_BY = frozenset(
    "given set logged recorded reported entered completed checked signed administered covered "
    "witnessed seen taken written typed authorised approved collected issued agreed led "
    "referred raised made".split()
)

#: Person words that only qualify a name ("Given name", "Legal surname"), never alone.
_QUALIFIERS = frozenset({"legal", "preferred", "given", "family", "middle"})

_RANK = {"ADULT": 2, "CHILD": 1, "PERSON": 0}

#: The whole table, for documentation and tests: phrases first, then name words.
HEADER_HINTS: dict[str, str] = {**dict(DATA_PHRASES), **NAME_WORDS}

#: Cell values in a hinted column that are plainly not personal data (placeholders, totals).
_NON_VALUES = frozenset(
    {
        "", "-", "--", "n/a", "na", "none", "nil", "tbc", "tba", "unknown", "not known",
        "total", "totals", "yes", "no", "y", "n", "?", "x", "none given", "not given",
    }
)  # fmt: skip


def _words(header: str) -> list[str]:
    text = header.casefold().replace("’", "'")
    text = re.sub(r"'s\b", " s", text)
    return re.findall(r"[a-z0-9]+", text)


@document_cache  # a header can be a pupil's name (one column per child)
@functools.lru_cache(maxsize=1024)
def hint_for_header(header: str) -> str | None:
    """The entity type every cell under `header` holds, or None (free text or not personal)."""
    words = _words(header)
    if not words:
        return None
    # "Given by", "Set by", "Witness", "Who": the member of staff who did something
    if (len(words) == 2 and words[1] == "by" and words[0] in _DONE_BY) or words in (
        ["witness"],
        ["witnessed"],
        ["staff", "initials"],
    ):
        return "ADULT"
    if words[0] == "who" or words in (["for"], ["caller"], ["called", "by"]):
        return "PERSON"  # "Who", "Who is out", "For" (a message): people, perhaps among words
    joined = f" {' '.join(words)} "
    for phrase, hint in DATA_PHRASES:
        if f" {phrase} " in joined:
            return hint
    kinds = [NAME_WORDS[w] for w in words if w in NAME_WORDS]
    if not kinds or any(w not in NAME_WORDS and w not in _FILLER for w in words):
        return None
    if all(w in _QUALIFIERS for w in words if w in NAME_WORDS):
        return None  # "Family", "Legal": a qualifier needs a name beside it
    # "First name", "Last name": child words in a pupil list even though "name" alone is PERSON.
    if set(words) & {"first", "last"} and kinds == ["PERSON"]:
        kinds.append("CHILD")
    return max(kinds, key=lambda k: _RANK[k])


def hint_for_value(hint: str | None, value: str) -> str | None:
    """The hint for one cell of a hinted column: none for placeholders such as "n/a" or "Total"."""
    if hint is None or value.strip().casefold() in _NON_VALUES:
        return None
    return hint


def find_header_row(rows: Sequence[Sequence[str]], look: int = 10) -> int | None:
    """Index of the header row among the first `look` rows: the first row with a header that
    hints a column type, else the first row with two or more text cells; None if neither."""
    candidates = list(rows[:look])
    for index, row in enumerate(candidates):
        if sum(1 for v in row if v.strip()) >= 2 and any(hint_for_header(v) for v in row):
            return index
    for index, row in enumerate(candidates):
        if sum(1 for v in row if v.strip() and not _is_number(v)) >= 2:
            return index
    return None


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[\d\s.,£%/:-]+", text.strip()))


def column_letter(index: int) -> str:
    """1 -> "A", 27 -> "AA"."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
