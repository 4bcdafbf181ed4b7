"""Names in email headers and signatures, and in lists of pupils.

- "From: Jane Okafor <j.okafor@...>", "To: Mr P Hale; Sam Idowu"
- the name line under "Kind regards," / "Many thanks" / "Best wishes"
- "Group: Kofi, Ivy, Jack and Hope": when most items of a list are known first names, all are
"""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import RecognizerResult

from redactor.detect.names._text import NameRecognizer, result

NAME = "HeaderNameRecognizer"

_NAME = r"[A-Z][^\W\d_]*\.?(?:[-'’][A-Z]?[^\W\d_]+)*"
_FULL = rf"{_NAME}(?:[ \t]+{_NAME}){{0,3}}"
_HEADER_LINE = re.compile(
    r"(?im)^[ \t>]*(from|to|cc|bcc|sent by|reply-to|on behalf of)[ \t]*:[ \t]*(.+)$"
)
_ANGLE = re.compile(rf"({_FULL})[ \t]*<[^>\n]+@[^>\n]+>")
_CLOSING = re.compile(
    r"(?im)^[ \t]*(?:kind regards|best regards|warm regards|many thanks|thanks|thank you|"
    r"best wishes|regards|cheers|yours sincerely|yours faithfully|with thanks|all the best|best)"
    r"[ \t]*,?[ \t]*\n[ \t]*\n?[ \t]*([^\n]{2,60})$"
)
_LIST = re.compile(
    rf"({_NAME}(?:[ \t]+{_NAME})?)((?:[ \t]*,[ \t]*{_NAME}(?:[ \t]+{_NAME})?)+)"
    rf"(?:[ \t]*,?[ \t]+(?:and|&)[ \t]+({_NAME}(?:[ \t]+{_NAME})?))?"
)
_TITLES = frozenset(["mr", "mrs", "ms", "miss", "mx", "dr"])


class HeaderNameRecognizer(NameRecognizer):
    NAME = NAME

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for header in _HEADER_LINE.finditer(text):
            value_start = header.start(2)
            for part in re.finditer(r"[^,;<]+", header.group(2)):
                chunk = part.group()
                m = re.search(_FULL, chunk)
                if m and "@" not in chunk[: m.start()] and self._plausible(m.group()):
                    start = value_start + part.start() + m.start()
                    out.extend(
                        self._name_span(
                            text, start, start + len(m.group()), 0.8, "name in an email header"
                        )
                    )
        # (most documents hold no "<" at all: they skip the search, which tries every capital)
        for m in _ANGLE.finditer(text) if "<" in text else ():
            if self._plausible(m.group(1)):
                out.extend(self._name_span(text, m.start(1), m.end(1), 0.8, "name before an email"))
        for m in _CLOSING.finditer(text):
            line = m.group(1).strip()
            words = line.split()
            if (
                1 <= len(words) <= 4
                and all(w[0].isupper() for w in words)
                and self._plausible(line)
            ):
                start = m.start(1) + m.group(1).index(line)
                out.extend(self._name_span(text, start, start + len(line), 0.8, "signature"))
        for m in _LIST.finditer(text):
            items = [m.group(1)] + [i.strip() for i in m.group(2).split(",") if i.strip()]
            if m.group(3):
                items.append(m.group(3))
            known = sum(
                1
                for item in items
                if self.lexicon.is_first_name(item.split()[0])
                and not self.lexicon.is_common(item.split()[0])
            )
            if len(items) >= 3 and known * 2 >= len(items) + 1:
                for item in re.finditer(rf"{_NAME}(?:[ \t]+{_NAME})?", m.group()):
                    s = m.start() + item.start()
                    if not self.lexicon.is_school_word(item.group()):
                        out.append(
                            result("PERSON", s, s + len(item.group()), 0.6, NAME, "list of names")
                        )
        return out

    def _plausible(self, candidate: str) -> bool:
        words = [w.strip(".") for w in candidate.split()]
        words = [w for w in words if w.lower() not in _TITLES]
        if not words:
            return False
        lex = self.lexicon
        if all(lex.is_school_word(w) for w in words):
            return False
        return any(lex.is_first_name(w) or lex.is_surname(w) or not lex.is_common(w) for w in words)

    def _name_span(
        self, text: str, start: int, end: int, score: float, reason: str
    ) -> list[RecognizerResult]:
        # Leave a title outside the span ("Mr [PERSON 1]").
        m = re.match(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+", text[start:end])
        if m:
            start += m.end()
        return [result("PERSON", start, end, score, NAME, reason)] if end > start else []
