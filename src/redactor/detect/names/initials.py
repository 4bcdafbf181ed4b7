"""Staff and pupil initials: "Present: HW, DK, PR", "Typed up by JS", "(RH)", "ND to ring mum",
"J.S.". Two to four capitals are usually acronyms in school writing (SEN, DSL, EHCP), so
initials are reported only where the layout says they stand for a person; the engine then finds
the same initials everywhere else in the document."""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import RecognizerResult

from redactor.detect.names._regex import finditer_at
from redactor.detect.names._text import NameRecognizer, result
from redactor.detect.names.lexicon import read_list

NAME = "InitialsRecognizer"

# School and public-service acronyms that are never somebody's initials
# (models/names/acronyms.txt: one per line, as written).
ACRONYMS = read_list("acronyms.txt", folded=False)
# Two-letter words that may be written in capitals in headings ("TO DO", "AS NEEDED").
TWO_LETTER_WORDS = frozenset(
    "AM AN AS AT BE BY DO GO HE HI IF IN IS IT ME MY NO OF OH OK ON OR SO TO UP US WE".split()
)
# Capitals, with the accented ones Irish, Polish, Turkish ... initials carry ("SÓC", "ŁW").
_UP = "A-ZÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÄËÏÖÜÇÑŁŚŻŹĆŃŞȘȚĞİ"
_INITIALS = rf"[{_UP}](?:[a-z]{{1,2}}[{_UP}]|[{_UP}]){{1,3}}"  # HW, CMacT, JMcG, ABC, SÓC
_TOKEN = re.compile(rf"(?<![\w.]){_INITIALS}(?![\w])")
_LIST_LINE = re.compile(
    r"(?im)^[ \t*•-]*(present|apologies|attendees|in attendance|absent|staff present|"
    r"also present|attending|cc|distribution|circulation|initials)\b[^:\n]*:[^\n]*$"
)
_BY = re.compile(
    rf"\b(?:by|from|with|to|cc|per|for|and|or|via|ask|asked|tell|told)\s*:?\s*({_INITIALS})\b"
)
_PAREN = re.compile(rf"\(\s*({_INITIALS})\s*(?:[,;)]|\d)")
_ACTION = re.compile(
    rf"(?m)(?:^|[.;]\s+|[-•*–—]\s*|\bAction:\s*)({_INITIALS})(?:\s*(?:/|and|&)\s*({_INITIALS}))?"
    r"\s+(?:to|will|has|had|is|was|said|says|agreed|asked|reported|confirmed|noted|explained)\b"
)
_DASH_END = re.compile(rf"\s[–—-]\s*({_INITIALS})\s*$", re.MULTILINE)
# Lower-case initials signing off a handwritten-style entry: "... pls keep an eye. - bh"
_LOWER_SIGN_OFF = re.compile(r"[.!)][ \t]+[–—-][ \t]*([a-z]{2,3})[ \t]*$", re.MULTILINE)
_DOTTED = re.compile(
    r"(?<![\w.])([A-Z]\.\s?-?[A-Z]\.(?:\s?-?[A-Z]\.)?|[A-Z]\.[A-Z]-[A-Z]\.)(?![\w])"
)
# A pupil named by one letter: "L drew a house", "B is on his Xbox", "K's nan", "– P" signing off
_LETTER = re.compile(
    r"(?:(?<=^)|(?<=[.!?]\s)|(?<=\n)|(?<=\bart\s)|(?<=\bthat\s)|(?<=\bthinks\s)|(?<=\band\s))"
    r"([B-HJ-Z])(?=['’]s\s|\s+(?:is|was|has|had|said|says|drew|told|asked|wants|went|came|"
    r"got|hit|kicked|ran|cried|seemed|needs|likes)\b)"
    r"|[–—-]\s*([A-Z])\s*$|!\s+([A-Z])\s*$|(?<![\w.])([B-HJ-Z])(?=['’]s\s+[a-z])",
    re.MULTILINE,
)
# Where a _LETTER match can start: a capital before an apostrophe or a space, a dash, a "!".
_LETTER_START = re.compile(r"[B-HJ-Z](?=['’\s])|[–—!-]")
# Two or more initials in a row: "ND, MG, PY", "JS / DK", "BP + KW", "JS\tPY" (table columns)
_SEP = r"(?:\s*[,/+&]\s*|\s+and\s+|\t+)"
_RUN = re.compile(rf"(?<![\w.]){_INITIALS}(?:{_SEP}{_INITIALS})+(?![\w])")
# Initials with a year group or a role in brackets: "DA (Y11)", "AR (governor)"
_WITH_BRACKET = re.compile(
    rf"(?<![\w.])({_INITIALS})\s*\(\s*(?:Y|Yr|Year)\s?\d{{1,2}}\b"
    rf"|(?<![\w.])({_INITIALS})\s*\(\s*(?:governor|pupil|parent|staff|DSL|SENCo|TA|HLTA|SW|"
    rf"chair|clerk|head|teacher|Y\d)"
)
# Where a _WITH_BRACKET match can start: a capital, at most nine more letters, a bracket.
_WITH_BRACKET_START = re.compile(r"[A-Z](?=[A-Za-z]{1,9}\s*\()")
# Initials opening a line or sentence before a verb: "DK gave the report", "FA typing"
_BEFORE_VERB = re.compile(
    rf"(?m)(?:^|[.!?]\s+|[-•*–]\s+)({_INITIALS})\s+(?:[a-z]+(?:ed|ing|s)|gave|told|said|says|"
    rf"took|made|met|sent|rang|spoke|led|leads|will|to|has|had|is|was|noted|notes|agreed)\b"
)
# Two capitals standing alone are nearly always someone's initials in school notes once the
# acronyms above are set aside: "Seen by Head HW", "JJ check-in", "cover for Deniz: SE".
_PAIR = re.compile(r"(?<![\w.&/'’-])([A-Z]{2})(?![\w&'’]|-[A-Za-z]|\.[A-Z])")
# Lower-case initials in informal notes: "zf trying", "w/ dk", "mg, se pls finish"
_LOWER = re.compile(
    r"(?<![\w./@-])([a-z]{2})(?=\s+(?:[a-z]+ing|says|said|told|to\s+[a-z]+|doing|leads|pls)\b"
    r"|\s*,\s*[a-z]{2}\s+pls\b)"
    r"|(?:\bw/\s*|\bthx\s+)([a-z]{2})\b"
)
_LOWER_WORDS = frozenset(
    "am an as at be by do go he if in is it me my no of oh ok on or so to up us we ye yo "
    "hi ha eh ah uh um pm vm rm wk bc pe re mr ms dr".split()
)

# Initials of a hyphenated first name before what a person does: "whether A-M talks", "J-P was".
# Only before a verb, since letter ranges ("surnames A-M", "grades A-C") look the same.
_HYPHENATED = re.compile(
    r"(?<![\w.'’-])([A-Z]-[A-Z])(?![\w-])(?=\s+(?:is|was|has|had|said|says|talks|talked|"
    r"told|tells|went|goes|likes|liked|loves|wants|wanted|needs|needed|seems|seemed|gets|got|"
    r"came|comes|did|does|will|would|can|could|refused|refuses|cried|asked)\b|['’]s\s+[a-z])"
)

# Two-letter acronyms that are also common initials (DA, DC, GP, DT, GB ...): taken for a person
# only in an attendance list, a run of other initials, or right after the full name.
_NEVER_INITIALS = frozenset(
    "PE RE IT UK US EU OK TV ID IQ KS NB PM AM QR WC VR AI HQ NZ UN HI YR CD PO IV IM EQ ER "
    "LA HR TA SW HT OT EP PA PP QA QC MP NI PC DS FS GB".split()
)
_AMBIGUOUS_ACRONYMS = frozenset(
    a for a in ACRONYMS if len(a) == 2 and a.isalpha() and a.isupper() and a not in _NEVER_INITIALS
)
# "Winston Bailey (WB)", "Dr Hyun-woo Park (HP)": a name, then its initials in brackets.
_DEFINED = re.compile(
    r"(?P<name>[A-Z][^\W\d_]+(?:[ -][A-Za-z][^\W\d_]*){1,3})[ \t]*\([ \t]*"
    rf"(?P<initials>{_INITIALS})[ \t]*[),]"
)


def _initials_of_name(name: str, initials: str) -> bool:
    """Are `initials` the capitals of `name`, in order, one per word or part?"""
    capitals = [part[0] for part in re.split(r"[ -]", name) if part[:1].isupper()]
    letters = [ch for ch in initials if ch.isupper()]
    it = iter(capitals)
    return len(letters) >= 2 and letters[0] == capitals[0] and all(ch in it for ch in letters)


def is_initials(token: str) -> bool:
    return (
        bool(re.fullmatch(_INITIALS, token))
        and token not in ACRONYMS
        and token.upper() not in ACRONYMS
    )


class InitialsRecognizer(NameRecognizer):
    NAME = NAME

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []

        def add(start: int, end: int, score: float, reason: str, strong: bool = False) -> None:
            # where the layout leaves no doubt, a two-letter acronym is someone's initials too
            token = text[start:end]
            if is_initials(token) or (strong and token in _AMBIGUOUS_ACRONYMS):
                out.append(result("PERSON", start, end, score, NAME, reason))

        for line in _LIST_LINE.finditer(text):
            body_start = text.index(":", line.start()) + 1
            for m in _TOKEN.finditer(text, body_start, line.end()):
                add(m.start(), m.end(), 0.8, "initials in an attendance list", strong=True)
        for m in _DEFINED.finditer(text):
            if _initials_of_name(m.group("name"), m.group("initials")):
                reason = "initials given after a full name"
                add(m.start("initials"), m.end("initials"), 0.8, reason, strong=True)
        for pattern, score, reason in (
            (_BY, 0.65, "initials after 'by', 'with' ..."),
            (_PAREN, 0.65, "initials in brackets"),
            (_ACTION, 0.7, "initials before an action"),
            (_DASH_END, 0.6, "initials closing a heading"),
        ):
            for m in pattern.finditer(text):
                for group in range(1, (m.lastindex or 0) + 1):
                    if m.group(group):
                        add(m.start(group), m.end(group), score, reason)
        for m in _PAIR.finditer(text):
            if m.group(1) not in TWO_LETTER_WORDS:
                add(m.start(1), m.end(1), 0.55, "two capitals standing alone")
        for m in _RUN.finditer(text):
            tokens = list(_TOKEN.finditer(m.group()))
            # "DC and AB": beside real initials, an acronym-looking pair is initials as well
            strong = any(is_initials(t.group()) for t in tokens)
            for token in tokens:
                start, end = m.start() + token.start(), m.start() + token.end()
                add(start, end, 0.7, "a run of initials", strong=strong)
        bracket_starts = (m.start() for m in _WITH_BRACKET_START.finditer(text))
        for m in finditer_at(_WITH_BRACKET, text, bracket_starts):
            group = 1 if m.group(1) else 2
            # "DA (Y11)": a year group in brackets says person even for a usual acronym
            if m.group(1) or is_initials(m.group(group)):
                out.append(
                    result(
                        "PERSON",
                        m.start(group),
                        m.end(group),
                        0.7,
                        NAME,
                        "initials with a year group or role",
                    )
                )
        for m in _BEFORE_VERB.finditer(text):
            add(m.start(1), m.end(1), 0.65, "initials before a verb")
        for m in _LOWER.finditer(text):
            group = 1 if m.group(1) else 2
            letters = m.group(group)
            if letters not in _LOWER_WORDS and not letters.isdigit():
                out.append(
                    result("PERSON", m.start(group), m.end(group), 0.6, NAME, "lower-case initials")
                )
        letter_starts = (m.start() for m in _LETTER_START.finditer(text))
        for m in finditer_at(_LETTER, text, letter_starts):
            group = next(g for g in (1, 2, 3, 4) if m.group(g))
            out.append(
                result(
                    "PERSON",
                    m.start(group),
                    m.end(group),
                    0.55,
                    NAME,
                    "a person named by one letter",
                )
            )
        for m in _DOTTED.finditer(text):
            if m.group(1).replace(" ", "") not in (
                "U.K.",
                "E.G.",
                "I.E.",
                "P.S.",
                "N.B.",
                "A.M.",
                "P.M.",
            ):
                out.append(result("PERSON", m.start(1), m.end(1), 0.6, NAME, "dotted initials"))
        for m in _LOWER_SIGN_OFF.finditer(text):
            if m.group(1) not in _LOWER_WORDS and m.group(1) not in ("etc", "pls", "thx", "ta"):
                reason = "lower-case initials signing off"
                out.append(result("PERSON", m.start(1), m.end(1), 0.6, NAME, reason))
        for m in _HYPHENATED.finditer(text):
            out.append(
                result(
                    "PERSON", m.start(1), m.end(1), 0.6, NAME, "hyphenated initials before a verb"
                )
            )
        return out
