"""UK phone numbers, recognised by shape.

A mistyped or unallocated number still identifies a family, and Ofcom's drama ranges (07700
900xxx, 01632 960xxx, 020 7946 0xxx ...) fail libphonenumber's allocation check, so the number
is judged on its digits and grouping alone:

- national: a leading 0 + 9 or 10 more digits, the first group (area code) at least 3 digits,
  every later group at least 3 ("07700 900 477", "0116-496-0531", "(01632) 960400");
- international: +44 / 0044, optional "(0)", then 9 or 10 digits; other country codes with
  7-12 digits score lower;
- local numbers without an area code ("496 0531") only after "tel", "phone", "mob" ...;
- an extension ("ext. 214", "x214") is part of the span.

Dates (12/03/2024), times (9.30-12.00), money and IDs never match: slashes and colons are not
separators, a number must start with 0 or +, and digits glued to letters or currency are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redactor.detect.recognizers._patterns import UKRecognizer, context_before

__all__ = ["UKPhoneRecognizer"]

_SEP = r"[ \u00a0.\-]"
_GROUP_TAIL = rf"(?:{_SEP}?\d{{2,5}}){{1,4}}"

_PHONE_RE = re.compile(
    r"(?<![\w+£$€¥\-])"  # "Mob:07700 900123" and "Tel.07700 900123" are numbers too
    r"(?P<number>"
    r"(?P<intl>(?P<open>\()?(?:\+|\b00)(?P<cc>44|[1-9]\d{0,2})(?(open)\))"  # "(+44)" too
    r"[ \u00a0.\-]?(?:\(0\)[ \u00a0.\-]?)?"
    r"(?:\(\d{1,5}\)[ \u00a0]?|\d{1,5}))"
    r"|(?P<paren>\(0\d{2,5}\)[ \u00a0.\-]?)"
    r"|(?P<plain>0\d{2,5})"
    r")"
    rf"(?P<rest>{_GROUP_TAIL})?"
    r"(?P<ext>,?[ \u00a0]*(?:ext(?:ension|n)?\.?|x)[ \u00a0]?\d{1,5})?"
    r"(?!\w|[.\-]\d)",
    re.IGNORECASE,
)

_LOCAL_RE = re.compile(r"(?<![\w+£$€/.,:\-])\d{3,4}[ \u00a0]?\d{3,4}(?![\w/]|[.,\-:]\d)")
_TEL_CONTEXT = re.compile(
    r"\b(?:tel(?:ephone)?|phone|ph|mob(?:ile)?|mob\.|landline|call(?:ed)?|ring|text|contact "
    r"(?:no|number))\b[\s.:#]*(?:no\.?|number)?[\s.:#]*$",
    re.IGNORECASE,
)
_DIGIT_GROUP = re.compile(r"\d+")


def _groups(text: str) -> list[str]:
    return _DIGIT_GROUP.findall(text)


class UKPhoneRecognizer(UKRecognizer):
    ENTITY = "PHONE"

    def find(self, text: str) -> Iterator[tuple[int, int, float, str]]:
        taken: list[tuple[int, int]] = []
        for m in _PHONE_RE.finditer(text):
            found = self._longest_valid(m)
            if found is None:
                continue
            end, score, reason = found
            taken.append((m.start(), end))
            yield m.start(), end, score, reason
        for m in _LOCAL_RE.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            digits = "".join(_groups(m.group()))
            if 6 <= len(digits) <= 8 and _TEL_CONTEXT.search(context_before(text, m.start(), 30)):
                yield m.start(), m.end(), 0.6, "local number after a phone label"

    def _longest_valid(self, m: re.Match[str]) -> tuple[int, float, str] | None:
        """The regex is greedy and may swallow a count that follows the number ("07700 900477
        12 pupils"): drop trailing digit groups until what is left is a valid shape."""
        rest_start = m.start("rest") if m.group("rest") else m.end("number")
        tails = list(_DIGIT_GROUP.finditer(m.group("rest") or ""))
        for keep in range(len(tails), -1, -1):
            if keep < len(tails) and tails[keep].start() == (tails[keep - 1].end() if keep else 0):
                continue  # would cut a run of digits in two
            rest = [t.group() for t in tails[:keep]]
            verdict = self._judge(m, rest)
            if verdict is None:
                continue
            if keep == len(tails) and m.group("ext"):
                return m.end("ext"), verdict[0], verdict[1]
            end = rest_start + tails[keep - 1].end() if keep else m.end("number")
            return end, verdict[0], verdict[1]
        return None

    @staticmethod
    def _judge(m: re.Match[str], rest: list[str]) -> tuple[float, str] | None:
        intl = m.group("intl")
        if intl:
            after_cc = m.string[m.end("cc") : m.end("intl")].replace("(0)", "", 1)
            digits = "".join(_groups(after_cc) + rest)
            if m.group("cc") == "44":
                if not 9 <= len(digits) <= 10 or digits[0] == "0":
                    return None
                if digits[0] == "7":
                    return 0.95, "UK mobile in international form"
                return 0.9, "UK number in international form"
            if 7 <= len(digits) <= 12 and intl.lstrip("(").startswith("+"):
                return 0.75, "international number by shape"
            return None
        area = _groups(m.group("paren") or m.group("plain"))[0]
        digits = area + "".join(rest)
        if area[1] == "0" or not 10 <= len(digits) <= 11:
            return None
        if any(len(g) < 3 for g in rest) and not (len(digits) == 11 and len(area) >= 4):
            # pairs ("07700 90 01 23") only in a full-length number: short groups are how
            # dates and times are written
            return None
        if digits.startswith("07"):
            if len(digits) == 11:
                return 0.95, "UK mobile by shape"
            return 0.6, "UK mobile shape with a digit missing"
        if digits.startswith(("080", "084", "087", "03", "09")):
            return 0.85, "UK non-geographic number by shape"
        if digits.startswith(("01", "02")):
            return 0.9, "UK landline by shape"
        return 0.85, "UK number by shape"
