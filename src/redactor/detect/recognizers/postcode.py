"""UK postcodes in every valid format (A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA and
GIR 0AA), any case, with or without the space.

The outward code must start with a real postcode area ("LE", "B", "SW" ...), which keeps school
codes such as "Y11", "KS2" or "B12" (an outward code alone) from being reported. Lower-case
forms written without a space look like ordinary codes more often, so they score lower.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redactor.detect.recognizers._patterns import POSTCODE_CORE, UKRecognizer

__all__ = ["UKPostcodeRecognizer"]

# A loose shape finds candidates fast; the strict pattern (real areas, inward letters) decides.
_CANDIDATE_RE = re.compile(
    r"(?<![\w\-/])(?:GIR[ \u00a0]?0AA|[A-Za-z]{1,2}\d[A-Za-z\d]?[ \u00a0]{0,2}\d[A-Za-z]{2})"
    r"(?![\w\-/])",
    re.IGNORECASE,
)
_POSTCODE_RE = re.compile(POSTCODE_CORE, re.IGNORECASE)


class UKPostcodeRecognizer(UKRecognizer):
    ENTITY = "POSTCODE"

    def find(self, text: str) -> Iterator[tuple[int, int, float, str]]:
        for m in _CANDIDATE_RE.finditer(text):
            value = m.group()
            if not _POSTCODE_RE.fullmatch(value):
                continue
            spaced = not value.isalnum()
            if value.isupper():
                yield m.start(), m.end(), 0.95 if spaced else 0.85, "UK postcode by shape"
            elif spaced:
                yield m.start(), m.end(), 0.85, "UK postcode by shape, not in capitals"
            else:
                yield m.start(), m.end(), 0.55, "UK postcode shape, lower case and unspaced"
