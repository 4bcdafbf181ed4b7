"""National Insurance numbers: two prefix letters, six digits, a suffix letter A-D (spaces
optional, usually in pairs: "QQ 12 34 56 C").

HMRC never issues prefixes whose first letter is D, F, I, Q, U or V, whose second is D, F, I,
O, Q, U or V, nor BG, GB, KN, NK, NT, TN or ZZ. A number with a valid prefix is reported by shape;
one with an unissued prefix (made-up examples use "QQ") or without its suffix letter only
after an "NI" label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redactor.detect.recognizers._patterns import UKRecognizer, keyword_nearby

__all__ = ["NINumberRecognizer"]

_S = r"[ \u00a0]?"
_NINO_RE = re.compile(
    rf"(?<![\w\-/])(?P<prefix>[A-Z]{{2}}){_S}\d{{2}}{_S}\d{{2}}{_S}\d{{2}}{_S}(?P<suffix>[A-D])?"
    r"(?![\w\-/])",
    re.IGNORECASE,
)
_VALID_PREFIX = re.compile(r"(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]")
_NI_LABEL = re.compile(
    r"\b(?:NI|NINO|N\.I\.|national\s+insurance)(?:\s+(?:no|number))?\b", re.IGNORECASE
)


class NINumberRecognizer(UKRecognizer):
    ENTITY = "NI_NUMBER"

    def find(self, text: str) -> Iterator[tuple[int, int, float, str]]:
        for m in _NINO_RE.finditer(text):
            start, end = m.span()
            prefix = m.group("prefix")
            upper = prefix.isupper() and (m.group("suffix") or "A").isupper()
            labelled = keyword_nearby(text, start, end, _NI_LABEL, before=40)
            if labelled:
                yield start, end, 0.9, "NI number shape after an NI label"
            elif _VALID_PREFIX.fullmatch(prefix.upper()) and upper and m.group("suffix"):
                yield start, end, 0.85, "NI number by shape"
            elif _VALID_PREFIX.fullmatch(prefix.upper()) and upper:
                yield start, end, 0.45, "NI number shape without suffix"
