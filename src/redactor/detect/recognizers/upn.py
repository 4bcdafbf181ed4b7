"""Unique Pupil Numbers (DfE): a check letter and 12 characters (11 digits and a digit, or a
letter for a temporary UPN).

A UPN whose check letter validates is reported by shape alone. One that fails its check is
still a pupil's identifier when it is labelled (a mistyped UPN still points at one child), so it
is reported after a "UPN" label or in a "UPN" column, and at the reporting threshold on its shape
alone: a letter followed by twelve digits is rarely anything else in a school document. A first
letter that is never issued (I, O, S) needs the label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redactor.detect.recognizers._checksums import UPN_CHECK_ALPHABET, upn_valid
from redactor.detect.recognizers._patterns import (
    UKRecognizer,
    column_header_matches,
    keyword_nearby,
)

__all__ = ["UPNRecognizer"]

# Any capital first: a UPN typed with a letter never issued (I, O, S) is still a pupil's UPN
# when labelled as one; unlabelled, only letters of the check alphabet count.
_UPN_RE = re.compile(r"(?<![\w\-/])[A-Z]\d{11}[0-9A-Z](?![\w\-/])", re.IGNORECASE)
_UPN_LABEL = re.compile(
    r"\b(?:U\.?P\.?N|unique\s+pupil\s+(?:number|no))(?:s\b|\b|(?<=\.))", re.IGNORECASE
)


class UPNRecognizer(UKRecognizer):
    ENTITY = "UPN"

    def find(self, text: str) -> Iterator[tuple[int, int, float, str]]:
        for m in _UPN_RE.finditer(text):
            start, end = m.span()
            temporary = not m.group()[-1].isdigit()
            if upn_valid(m.group()):
                kind = "temporary UPN" if temporary else "UPN"
                yield start, end, 0.95, f"{kind}, check letter valid"
            elif keyword_nearby(text, start, end, _UPN_LABEL, before=60):
                yield start, end, 0.75, "UPN shape after a UPN label, check letter fails"
            elif column_header_matches(text, start, _UPN_LABEL):
                yield start, end, 0.7, "UPN shape in a UPN column, check letter fails"
            elif m.group()[0].upper() in UPN_CHECK_ALPHABET:
                yield start, end, 0.5, "UPN shape, check letter fails"
            else:
                yield start, end, 0.4, "UPN shape with a letter never issued, no label"
