"""`any_case` must match exactly what `(?i:...)` matches: it only makes the regex faster."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.detect.names._any_case import any_case, letter_cases
from redactor.detect.names.family import FAMILY, ROLES

# Every code point once, surrogates included: what a document could hold.
_ALL_CHARACTERS = "".join(map(chr, range(0x110000)))


@pytest.mark.parametrize("letter", string.ascii_lowercase)
def test_letter_cases_are_what_ignorecase_matches(letter: str) -> None:
    matched = set(re.findall(f"(?i:{letter})", _ALL_CHARACTERS))
    assert set(letter_cases(letter)) == matched
    assert set(letter_cases(letter.upper())) == matched


def test_branches_sharing_a_letter_keep_their_order() -> None:
    # "mum" comes before "mummy": the first branch that lets the rest match wins, as in (?i:)
    pattern = re.compile(rf"\b{any_case('mum|dad|mummy')}(\s*\()?")
    assert pattern.match("Mummy (").group() == "Mum"
    assert re.compile(r"\b(?i:mum|dad|mummy)(\s*\()?").match("Mummy (").group() == "Mum"


def test_bad_branches_are_refused() -> None:
    for bad in ("mum||dad", "1st|mum", "s?tep|dad", "(?:a|b)"):
        with pytest.raises(ValueError):
            any_case(bad)


# Text made of the family and role words' own letters in both cases, the other characters
# (?i:) treats as letters, and the separators the recognizers look for.
_WORDS = [*FAMILY.split("|")[:12], "TA", "SENCo", "key worker", "keyworker", "Teacher", "ſon"]
_OTHERS = ["\u0130", "\u0131", "\u212a", " ", "  ", "\n", "(", ")", ":", ",", "-", "of", "Ada"]
_PIECES = st.tuples(st.sampled_from(_WORDS + _OTHERS), st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14))
def test_any_case_matches_like_ignorecase(pieces: list[tuple[str, bool]]) -> None:
    text = "".join(piece.upper() if upper else piece for piece, upper in pieces)
    for words in (FAMILY, ROLES):
        tail = r"\s*[:(,]?\s*(\w+)?"
        fast = re.compile(rf"\b{any_case(words)}{tail}")
        slow = re.compile(rf"\b(?i:{words}){tail}")
        assert [m.span(0) + m.span(1) for m in fast.finditer(text)] == [
            m.span(0) + m.span(1) for m in slow.finditer(text)
        ]
