"""Shared pieces of the UK recognizers: the base class every one of them builds on, the regex
fragments more than one needs (dates, postcodes) and the context look-ups (a keyword shortly
before a match, or in the header of the table column the match sits in).

Everything here is compiled once at import time: recognizers run over whole documents, many
times per batch, so nothing may be compiled per call.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable
from typing import ClassVar

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

__all__ = [
    "DATE_RE",
    "MONTHS",
    "OTHER_IDENTIFIER",
    "POSTCODE_CORE",
    "POSTCODE_OUTWARD",
    "REPORT_THRESHOLD",
    "UKRecognizer",
    "column_header_matches",
    "context_before",
    "folded",
    "is_valid_date",
    "keyword_nearby",
]

#: Scores below this are not reported by the engine (Settings.score_threshold defaults to it).
REPORT_THRESHOLD = 0.5


class UKRecognizer(EntityRecognizer):
    """A recognizer of one entity type that needs no NLP artifacts.

    Subclasses set `ENTITY` and implement `find(text)`, yielding `(start, end, score, reason)`.
    The reason names the rule that fired ("UK mobile by shape"), never the matched text, because
    it ends up in reports.
    """

    ENTITY: ClassVar[str] = ""

    def __init__(self) -> None:
        # No `context` words: scores here already weigh context, and an empty list stops
        # Presidio's context enhancer from boosting them a second time.
        super().__init__(
            supported_entities=[self.ENTITY],
            name=type(self).__name__,
            supported_language="en",
        )

    def load(self) -> None:
        """Nothing to load: the patterns are compiled at import."""

    def find(self, text: str) -> Iterable[tuple[int, int, float, str]]:
        raise NotImplementedError

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        return [self._result(*found) for found in self.find(text)]

    def _result(self, start: int, end: int, score: float, reason: str) -> RecognizerResult:
        explanation = AnalysisExplanation(
            recognizer=type(self).__name__,
            original_score=score,
            textual_explanation=reason,
        )
        return RecognizerResult(
            entity_type=self.ENTITY,
            start=start,
            end=end,
            score=score,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                # the engine drops `analysis_explanation` unless asked for the decision process
                "reason": reason,
            },
        )


@functools.lru_cache(maxsize=4)
def folded(text: str) -> str:
    """`text` in lower case with every offset unchanged, shared by the recognizers that match
    labels in any case: a case-sensitive regex over it is several times faster than IGNORECASE.
    """
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer ("İ"): ASCII only
        low = text.translate(_ASCII_LOWER)
    return low


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


# -- context -----------------------------------------------------------------------------------

# What may separate a label from its value when the value sits on the next line ("DOB:\n2/3/15").
_LABEL_GAP = re.compile(r"[\s:.\-–—|=]*")


def context_before(text: str, start: int, window: int = 40) -> str:
    """The text shortly before `start`: the same line, or the end of the previous line when
    nothing but whitespace and label punctuation separates them (a label above its value)."""
    lo = max(0, start - window)
    before = text[lo:start]
    newline = before.rfind("\n")
    if newline < 0:
        return before
    tail = before[newline + 1 :]
    if tail.strip(" \t:-–|") == "":
        # value at the start of its line: its label may end the line above
        above_end = lo + newline
        above_start = text.rfind("\n", 0, above_end) + 1
        return text[max(above_start, above_end - window) : above_end] + "\n" + tail
    return tail


# Between a label and a number: another number or another identifier's label means the label
# belongs to something else ("NHS 943 476 5919, ULN 1234567890").
OTHER_IDENTIFIER = re.compile(r"\d{3}|\b(?:UPN|ULN|NHS|NI|DOB)\b", re.IGNORECASE)


def keyword_nearby(
    text: str,
    start: int,
    end: int,
    keywords: re.Pattern[str],
    before: int = 40,
    after: int = 0,
    blocker: re.Pattern[str] | None = None,
) -> bool:
    """Is there a keyword shortly before the span (or just after it, on the same line)?

    `blocker` matches things that must not sit between the keyword and the span (another date
    between "DOB" and this one means the keyword belongs to the other date).
    """
    # a label straight before its value, even across blank lines ("Date of birth\n\n2/3/15")
    lead = text[max(0, start - before) : start]
    for hit in keywords.finditer(lead):
        if _LABEL_GAP.fullmatch(lead, hit.end()):
            return True
    window = context_before(text, start, before)
    hits = list(keywords.finditer(window))
    if hits:
        gap = window[hits[-1].end() :]
        if blocker is None or not blocker.search(gap):
            return True
    if after:
        line_end = text.find("\n", end)
        tail = text[end : (len(text) if line_end < 0 else line_end)][:after]
        m = keywords.search(tail)
        if m and (blocker is None or not blocker.search(tail[: m.start()])):
            return True
    return False


# Cells of a table row: split on each tab (empty cells keep their place), or on runs of tabs
# (tabs repeated to line columns up). Pipes and wide runs of spaces separate cells too.
_CELL_SPLITS = (
    re.compile(r"\t| {3,}|[ \t]*\|[ \t]*"),
    re.compile(r"\t+| {3,}|[ \t]*\|[ \t]*"),
)


_TAG = re.compile(r"\[[A-Z_]+(?: [0-9a-f]+)?\]")


def column_header_matches(
    text: str, start: int, keywords: re.Pattern[str], max_rows: int = 40
) -> bool:
    """Does the table column holding `start` have a header matching `keywords`?

    Tables reach detection as lines of cells separated by tabs, pipes or wide runs of spaces.
    We find the cell index of the match in its line, then walk up to the nearest line with the
    same cell count whose cell at that index matches (a header row), stopping at a blank line.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return any(
        _header_above(text, line_start, line, start, split, keywords, max_rows)
        for split in _CELL_SPLITS
    )


def _header_above(
    text: str,
    line_start: int,
    line: str,
    start: int,
    split: re.Pattern[str],
    keywords: re.Pattern[str],
    max_rows: int,
) -> bool:
    cells = split.split(line)
    if len(cells) < 2 or cells[0].rstrip().endswith(":"):
        return False  # "Label:<tab>value" lines are a form, not a table with a header row
    index = len(split.split(line[: start - line_start])) - 1
    cursor = line_start - 1
    for _ in range(max_rows):
        if cursor <= 0:
            return False
        above_start = text.rfind("\n", 0, cursor) + 1
        above = text[above_start:cursor]
        cursor = above_start - 1
        if not above.strip():
            return False
        above_cells = split.split(above)
        header = above_cells[index] if len(above_cells) == len(cells) else ""
        # a redaction tag ("[DOB 1]") is a value that was removed, never a header
        if header and not _TAG.fullmatch(header.strip()) and keywords.search(header):
            return True
    return False


# -- dates -------------------------------------------------------------------------------------

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

_MONTH = r"(?P<{g}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"

#: Every common UK way of writing a full date. Named groups give day, month and year so that
#: `is_valid_date` can reject 31/02 and 45/13; the alternatives are tried longest first.
DATE_RE = re.compile(
    r"(?<![\w/.\-])(?:"
    # 02/12/2015, 2/12/15, 02-12-2015, 02.12.2015 (the same separator twice)
    r"(?P<d1>\d{1,2})(?P<sep>[/.\-])(?P<m1>\d{1,2})(?P=sep)(?P<y1>\d{4}|\d{2})"
    # 2015-12-02
    r"|(?P<y2>(?:19|20)\d{2})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})"
    # 2 December 2015, 2nd Dec 2015, 2nd of December, 2015, 02-Dec-2015, 2 Dec 15
    r"|(?P<d3>\d{1,2})"
    + _ORDINAL
    + r"(?:\s+of)?(?:\s+|-|/)"
    + _MONTH.format(g="mn3")
    + r"(?:,?\s+|-|/)(?P<y3>(?:19|20)\d{2}|\d{2}(?![:.]\d))"
    # December 2, 2015 / December 2nd 2015
    r"|" + _MONTH.format(g="mn4") + r"\s+(?P<d4>\d{1,2})" + _ORDINAL + r",?\s+"
    r"(?P<y4>(?:19|20)\d{2})"
    r")(?![\w/]|\.\d|-\d)",
    re.IGNORECASE,
)


def is_valid_date(match: re.Match[str]) -> bool:
    """Day and month in range for a `DATE_RE` match (no calendar lookup: 30/02 is let through,
    which costs nothing and keeps the check cheap)."""
    groups = match.groupdict()
    day = groups["d1"] or groups["d2"] or groups["d3"] or groups["d4"]
    if groups["m1"] or groups["m2"]:
        month = int(groups["m1"] or groups["m2"])
    else:
        name = (groups["mn3"] or groups["mn4"]).lower()
        month = MONTHS[name]
    return 1 <= int(day) <= 31 and 1 <= month <= 12


# -- postcodes ---------------------------------------------------------------------------------

#: UK postcode areas (the letters before the first digit). Using the real list, not "one or two
#: letters", keeps "Y11", "KS2 4" and similar school codes from looking like postcodes.
POSTCODE_AREAS = tuple(
    str.split(
        "AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE "
        "DG DH DL DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM "
        "IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX "
        "PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF "
        "TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE"
    )
)

_AREA = "(?:" + "|".join(sorted(POSTCODE_AREAS, key=len, reverse=True)) + ")"

#: Outward code: area + district (A9, A99, A9A, AA9, AA99, AA9A).
POSTCODE_OUTWARD = _AREA + r"(?:\d[A-Z]|\d{1,2})"

#: A full postcode: outward, optional space, inward (9AA; the inward letters never use
#: C I K M O V). No anchors: users add their own boundaries.
POSTCODE_CORE = r"(?:GIR[ \u00a0]?0AA|" + POSTCODE_OUTWARD + r"[ \u00a0]{0,2}\d[ABD-HJLNP-UW-Z]{2})"
