"""Case, referral and reference numbers tied to a person: a code after a label such as "ref",
"reference", "case no", "referral number", "LA ref (Mosaic)", "CP ref", "MASH ref", "EHCP ref",
"log number", "crime ref" ("LA ref (Mosaic): 2231907", "Ref: EH-2024-0117").

Only the code is reported, and only when it looks like a reference: it holds at least three
digits, or letters and digits together, and is not a date, a time, an amount of money or a
plain year. After a label that is also an ordinary word or a team name ("case", "log", "record",
"MASH", "ID:") the code must look like one on its own: letters with digits, digits joined by
"/" or "-", or five digits or more ("a record 1500 pupils" is no reference).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redactor.detect.recognizers._patterns import DATE_RE, UKRecognizer, folded

__all__ = ["CaseReferenceRecognizer"]

# The label: an optional owner ("LA", "MASH", "our" ...) and a reference word, then optional
# system names in brackets, "no."/"number"/"#" and punctuation up to the code.
_OWNER = (
    r"(?:(?:our|your|their|my|the|la|local\s+authority|cp|cin|cla|lac|mash|ehcp|ehc|eha|eh|"
    r"early\s+help|caf|social\s+care|children'?s\s+services|police|crime|incident|portal|"
    r"safeguarding|lado|encompass|cpoms|mosaic|lcs|liquidlogic|tribunal|court|sen|send|case|"
    r"referral|file|claim|application|tracking|booking|welfare|concern)\s+){0,3}"
)
# Strong labels say "this is a reference"; weak ones ("case", "log", "record", "MASH" ...) are
# also ordinary words or team names, so the code after them must look like one on its own
# (see `_WEAK_CODE`).
_WORD = (
    r"(?:ref(?:erence)?s?\b\.?|case\s*(?:no\b\.?|number|id\b|ref\b\.?)|"
    r"referral(?:\s*(?:no\b\.?|number|id\b|ref\b\.?))?|log\s*(?:no\b\.?|number|ref\b\.?)|"
    r"(?:crime|incident|eha|caf|cp|cin|cla|mash|ehcp|ehc|lado|police|episode|plan|tac|taf)"
    r"\)?\s*(?:no\b\.?|number|id\b|#)|"
    r"mosaic(?:\s*(?:id\b|no\b\.?|number))?|lcs(?:\s*id\b)?|"
    r"(?:person|child|pupil|student|learner|sims|client|patient)\s+id\b|"
    r"adno\b\.?|admission\s*(?:no\b\.?|number)|candidate\s*(?:no\b\.?|number)|"
    r"(?:file|claim|record|passport|exam|student|pupil|learner)\s*(?:no\b\.?|number|id\b)|"
    r"(?P<weak>case|log|record|file|mash|lado|eha|caf|cpoms|id(?=\s*[:#]))\b)"
)
_LABEL = (
    r"(?<![\w])"
    + _OWNER
    + _WORD
    + r"(?:\s*\([^()\n]{1,30}\))?"  # "(Mosaic)"
    + r"(?:\s*(?:no\b\.?|number|#|id\b))?"
    # each step is optional space and then a token, so the steps cannot overlap (a run of spaces
    # after a label would otherwise backtrack exponentially)
    + r"(?:\s*(?:(?:is|was|of|given)\b|[=:#\-–]|\([^()\n]{1,30}\)))*\s*"
)
# The code's first word holds a digit ("EH-25-0117", "2231907"), so "made 2024" is no code.
_CODE = (
    r"(?P<code>(?=[A-Z/\-.]*\d)[A-Z0-9](?:[A-Z0-9]|[/\-.](?=[A-Z0-9]))*"
    r"(?:[ \u00a0]\d{3,}(?![\w/\-]))*)"
)
# Matched case-sensitively over the lower-cased text (`folded`): much faster than IGNORECASE.
_CASE_REF_RE = re.compile((_LABEL + _CODE + r"(?![\w/\-])").replace("A-Z", "a-z"))

_LOOSE_REF_RE = re.compile(
    (
        r"(?<![\w])ref(?:erence)?s?\b(?:[ \t]+[a-z'’]+){1,5}?[ \t]+(?:is|was|are|:)[ \t]+"
        + _CODE
        + r"(?![\w/\-])"
    ).replace("A-Z", "a-z")
)
# Letters with digits ("EHCNA/25/0392", "YC-4471"); digits alone ("12/2024") may be a date.
_STRONG_CODE = re.compile(r"[A-Za-z][A-Za-z/\-]*[/\-]?\d")
_MONEY_OR_TIME = re.compile(
    r"^(?:\d{1,2}[.:]\d{2}(?:[ap]m)?|\d+(?:\.\d{2})|(?:19|20)\d{2}|\d{1,2}(?:st|nd|rd|th))$",
    re.IGNORECASE,
)
_WEAK_CODE = re.compile(r"[A-Za-z].*\d|\d.*[A-Za-z]|\d[/\-]\d|\d{5}")
_DIGITS = re.compile(r"\d")
_LETTERS = re.compile(r"[A-Za-z]")


class CaseReferenceRecognizer(UKRecognizer):
    ENTITY = "CASE_REF"

    def find(self, text: str) -> Iterator[tuple[int, int, float, str]]:
        for m in _CASE_REF_RE.finditer(folded(text)):
            code = m.group("code")
            start = m.start("code")
            if m.group("weak") and not _WEAK_CODE.search(code):
                continue
            if self._looks_like_reference(code, text, start):
                yield start, m.end("code"), 0.85, "code after a case or reference label"
        # "Our reference for the request is EHCNA/25/0392": a few words between the label and
        # the code, so the code must look like a reference by itself
        for m in _LOOSE_REF_RE.finditer(folded(text)):
            start = m.start("code")
            code = text[start : m.end("code")]
            if _STRONG_CODE.search(code) and self._looks_like_reference(code, text, start):
                yield start, m.end("code"), 0.75, "code a sentence gives as a reference"

    @staticmethod
    def _looks_like_reference(code: str, text: str, start: int) -> bool:
        digits = len(_DIGITS.findall(code))
        if digits == 0 or len(code) < 3:
            return False
        if not (digits >= 3 or (_LETTERS.search(code) and len(code) >= 4)):
            return False
        if _MONEY_OR_TIME.match(code):
            return False
        if text[start - 1 : start] in "£$€":
            return False
        date = DATE_RE.match(text, start)
        return not (date and date.end() >= start + len(code))
