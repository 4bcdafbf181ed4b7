"""The regex helpers only make the name rules faster: `any_case` must match exactly what
`(?i:...)` matches, and `finditer_at` find exactly what `finditer` finds."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.detect.names import family, initials
from redactor.detect.names._regex import any_case, finditer_at, letter_cases
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


# -- finditer_at --------------------------------------------------------------------------------


def test_finditer_at_skips_overlaps_like_finditer() -> None:
    pattern = re.compile(r"ab+")
    text = "abbb ab xab"
    starts = [i for i, ch in enumerate(text) if ch == "a"]
    assert [m.span() for m in finditer_at(pattern, text, starts)] == [
        m.span() for m in pattern.finditer(text)
    ]
    # positions inside an earlier match are not tried again
    assert [m.span() for m in finditer_at(re.compile(r"a\w*"), "abab", [0, 2])] == [(0, 4)]


def test_finditer_at_refuses_empty_matches() -> None:
    with pytest.raises(ValueError):
        list(finditer_at(re.compile(r"x*"), "abc", [0]))


# Pieces of school notes around the family words and one-letter names the patterns look for.
_NOTE_PIECES = st.sampled_from(
    "mum|Mum|NAN|nanny|step-dad|foster carer|of|(|)|:|'s|’s| |  |\n|. |! | – |-|Ada|Bo|sue|Lee"
    "|K|P|B|and|is|said|drew|art|that|thinks|uncle|grandma|x|7|\u017f"
    "|DA|AR|JMcG|CMacT|ABCDE|Y11|Year 4|governor|TA|.".split("|")
)


def _spans(matches: Iterator[re.Match[str]]) -> list[tuple[int | None, ...]]:
    return [tuple(i for g in range(len(m.groups()) + 1) for i in m.span(g)) for m in matches]


@settings(max_examples=400, deadline=None)
@given(st.lists(_NOTE_PIECES, max_size=16))
def test_finditer_at_finds_what_finditer_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    family_starts = [m.start() for m in family._FAMILY_START.finditer(text)]
    for pattern in (
        family._FAMILY_PAREN,
        family._FAMILY_OF,
        family._FAMILY_NAME,
        family._RELATIVE_BEFORE_NAME,
    ):
        fast = finditer_at(pattern, text, family_starts)
        assert _spans(fast) == _spans(pattern.finditer(text))
    for pattern, scan in (
        (initials._LETTER, initials._LETTER_START),
        (initials._WITH_BRACKET, initials._WITH_BRACKET_START),
    ):
        fast = finditer_at(pattern, text, (m.start() for m in scan.finditer(text)))
        assert _spans(fast) == _spans(pattern.finditer(text))
