"""NHS numbers: 10 digits, usually written 3-3-4, the last a modulus 11 check digit.

A number that passes the check is reported on its shape (more confidently when spaced 3-3-4, the
way NHS numbers are printed); any 10-digit number after an "NHS" label, or in an NHS column, is
reported even when the check fails, because a mistyped NHS number still identifies a patient.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redactor.detect.recognizers._checksums import nhs_number_valid
from redactor.detect.recognizers._patterns import (
    OTHER_IDENTIFIER,
    UKRecognizer,
    column_header_matches,
    keyword_nearby,
)

__all__ = ["NHSNumberRecognizer"]

_NHS_RE = re.compile(
    r"(?<![\w\-/.,£$+])(?:\d{3}(?P<sep>[ \u00a0\-])\d{3}(?P=sep)\d{4}|\d{10})(?![\w\-/]|[.,]\d)"
)
_NHS_LABEL = re.compile(r"\b(?:NHS|CHI|health\s+service)\b", re.IGNORECASE)


class NHSNumberRecognizer(UKRecognizer):
    ENTITY = "NHS_NUMBER"

    def find(self, text: str) -> Iterator[tuple[int, int, float, str]]:
        for m in _NHS_RE.finditer(text):
            start, end = m.span()
            digits = re.sub(r"\D", "", m.group())
            labelled = keyword_nearby(
                text, start, end, _NHS_LABEL, before=40, blocker=OTHER_IDENTIFIER
            ) or column_header_matches(text, start, _NHS_LABEL)
            valid = nhs_number_valid(digits)
            if labelled:
                yield start, end, 0.95 if valid else 0.8, "ten digits after an NHS label"
            elif valid and m.group("sep"):
                yield start, end, 0.85, "NHS number: 3-3-4 digits, modulus 11 valid"
            elif valid:
                yield start, end, 0.55, "ten digits, modulus 11 valid"
