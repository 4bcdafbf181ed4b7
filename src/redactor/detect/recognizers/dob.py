"""Dates of birth: a date with birth context, never just any date.

The date may be written in any common UK form (02/12/2015, 2/12/15, 02-12-2015, 02.12.2015,
2015-12-02, 2 December 2015, 2nd Dec 2015, December 2, 2015). It is reported when

- a birth label ("DOB", "D.O.B.", "date of birth", "born (on)", "birthday") comes shortly before
  it on the same line, or ends a line above, with no other date and no sentence end in between
  (so the keyword in "DOB 3/6/19, seen 12/3/24" belongs to the first date only); or just after
  it ("3/6/19 (DOB)");
- or it is listed straight after such a date ("DOBs: 3/3/15, 12/12/17 and 1/5/19");
- or it sits in a table column headed by such a label (cells split by tabs, pipes or wide
  spaces).

A month and year alone ("born March 2015") counts only right after "born".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redactor.detect.recognizers._patterns import (
    DATE_RE,
    MONTHS,
    UKRecognizer,
    column_header_matches,
    context_before,
    folded,
    is_valid_date,
    keyword_nearby,
)

__all__ = ["DateOfBirthRecognizer"]

_BIRTH = re.compile(
    r"(?<![A-Za-z])(?:d\.?\s?o\.?\s?b(?:s\b|\b\.?)|date\s+of\s+birth|birth\s?date|birthday|born"
    r"|b\.(?=\s*\d))",
    re.IGNORECASE,
)
# Every label above contains one of these (checked on the lower-cased text, before any date scan).
_ANY_BIRTH_WORD = re.compile(r"birth|born|dob|d\.\s?o\.|d o b|\bb\.\s*\d")
# Between dates listed after one label ("DOBs: 3/3/15, 12/12/17 and 1/5/19").
_LIST_GAP = re.compile(r"\s*(?:[,;&/]|and)?\s*")
_BIRTH_AFTER = re.compile(r"^[\s(\[,–-]*(?:d\.?o\.?b\b|date\s+of\s+birth|birthday)", re.IGNORECASE)
# Between a birth label and its date there is no other date and no sentence end.
_NOT_BETWEEN = re.compile(DATE_RE.pattern + r"|[.!?]\s+[A-Z]", re.IGNORECASE)
_BORN_MONTH_YEAR = re.compile(
    r"(?<![\w])(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?,?\s+(?:19|20)\d{2}"
    r"(?![\w/])",
    re.IGNORECASE,
)
_BORN_RIGHT_BEFORE = re.compile(r"\bborn\s+(?:in\s+)?$", re.IGNORECASE)


class DateOfBirthRecognizer(UKRecognizer):
    ENTITY = "DOB"

    def find(self, text: str) -> Iterator[tuple[int, int, float, str]]:
        if not _ANY_BIRTH_WORD.search(folded(text)):
            return  # most documents hold no birth label: skip the date scan
        taken: list[tuple[int, int]] = []
        for m in DATE_RE.finditer(text):
            if not is_valid_date(m):
                continue
            start, end = m.span()
            if taken and _LIST_GAP.fullmatch(text, taken[-1][1], start):
                taken.append((start, end))
                yield start, end, 0.85, "date listed after a date of birth"
            elif keyword_nearby(text, start, end, _BIRTH, before=48, blocker=_NOT_BETWEEN):
                taken.append((start, end))
                yield start, end, 0.9, "date after a birth label"
            elif _BIRTH_AFTER.search(text[end : end + 20]):
                taken.append((start, end))
                yield start, end, 0.85, "date before a birth label"
            elif column_header_matches(text, start, _BIRTH):
                taken.append((start, end))
                yield start, end, 0.85, "date in a date-of-birth column"
        for m in _BORN_MONTH_YEAR.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            if _BORN_RIGHT_BEFORE.search(context_before(text, m.start(), 12)):
                yield m.start(), m.end(), 0.7, "month and year after born"
