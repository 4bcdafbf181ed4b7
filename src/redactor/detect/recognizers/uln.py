"""Unique Learner Numbers: 10 digits, the last a check digit (DfE: weights 10..2, mod 11).

A valid ULN is reported on its own; any 10-digit number after a "ULN" label or in a ULN column
is reported too, since a mistyped ULN still identifies a learner.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redactor.detect.recognizers._checksums import uln_valid
from redactor.detect.recognizers._patterns import (
    OTHER_IDENTIFIER,
    UKRecognizer,
    column_header_matches,
    keyword_nearby,
)

__all__ = ["ULNRecognizer"]

_ULN_RE = re.compile(r"(?<![\w\-/.,£$+])[1-9]\d{9}(?![\w\-/]|[.,]\d)")
_ULN_LABEL = re.compile(r"\b(?:ULN|unique\s+learner\s+(?:number|no))s?\b", re.IGNORECASE)


class ULNRecognizer(UKRecognizer):
    ENTITY = "ULN"

    def find(self, text: str) -> Iterator[tuple[int, int, float, str]]:
        for m in _ULN_RE.finditer(text):
            start, end = m.span()
            labelled = keyword_nearby(
                text, start, end, _ULN_LABEL, before=40, blocker=OTHER_IDENTIFIER
            ) or column_header_matches(text, start, _ULN_LABEL)
            valid = uln_valid(m.group())
            if labelled:
                yield start, end, 0.95 if valid else 0.8, "ten digits after a ULN label"
            elif valid:
                yield start, end, 0.6, "ULN check digit valid"
