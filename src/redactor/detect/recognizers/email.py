"""Email addresses.

Presidio's own EmailRecognizer validates the top-level domain with tldextract, which fetches the
public suffix list over the network on first use. We need no suffix list: a dotted domain ending
in two or more letters is conclusive enough in school documents, and nothing is ever downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redactor.detect.recognizers._patterns import UKRecognizer

__all__ = ["OfflineEmailRecognizer"]

# Local part: dot-separated atoms (no leading, trailing or double dot); domain: labels of letters,
# digits and inner hyphens; a letters-only top-level domain, so a trailing full stop stays out.
_EMAIL_RE = re.compile(
    r"(?<![\w.%+\-'])"
    r"[A-Za-z0-9_%+\-'](?:[A-Za-z0-9_%+\-']|\.(?=[A-Za-z0-9_%+\-']))*"
    r"@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+"
    r"[A-Za-z]{2,24}"
    r"(?![\w\-@]|\.[A-Za-z0-9])"
)


class OfflineEmailRecognizer(UKRecognizer):
    ENTITY = "EMAIL"

    def find(self, text: str) -> Iterator[tuple[int, int, float, str]]:
        for m in _EMAIL_RE.finditer(text):
            yield m.start(), m.end(), 0.95, "email address by shape"
