"""Two ways to make the name rules' regular expressions faster without changing what they match,
and a way to find a document's own words without making a pattern of them.

**any_case.** `(?i:mum|dad|...)` after `\\b` is tried at every word boundary of a document,
and Python's engine enters each of its branches in turn, because a case-insensitive letter gives
it nothing to check cheaply first. `any_case("mum|dad|...")` is the same alternation with each
group of words that share a first letter behind a plain character class of that letter's cases
(`[Mm](?i:um|...)`): the engine rejects a branch on the first character without entering it.
It matches exactly what `(?i:...)` does.

**finditer_at.** A pattern that opens with lookbehinds or `\\b` is tried at every position of
the text. When a cheap scan can list the places where a match may start (a capital letter
followed by a space, say), `finditer_at` tries the pattern only there, and returns what
`pattern.finditer` would.

**occurrences.** Where a document's own word (a name, a street) appears in it, found with
`str.find`: a pattern made of that word would stay in Python's regex cache after the document.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator

# Beyond the two ASCII cases, what a case-insensitive ASCII letter matches in Python's `re`:
# the dotless and dotted I, the long s and the Kelvin sign (tests check this stays complete).
_MORE_CASES = {"i": "\u0131\u0130", "s": "\u017f", "k": "\u212a"}


def letter_cases(letter: str) -> str:
    """Every character that `(?i:letter)` matches, for an ASCII letter."""
    if len(letter) != 1 or letter not in string.ascii_letters:
        raise ValueError("letter_cases takes one ASCII letter")
    low = letter.lower()
    return low + low.upper() + _MORE_CASES.get(low, "")


def any_case(alternation: str) -> str:
    """`(?i:alternation)` rewritten for speed; `alternation` is "word|word|..." whose branches
    start with an ASCII letter and hold no `|` of their own. Branches that share a first letter
    keep their order (the first that matches wins, as before); branches with different first
    letters can never match at the same place, so their order does not matter."""
    by_letter: dict[str, list[str]] = {}
    for branch in alternation.split("|"):
        if not branch or branch[0] not in string.ascii_letters or branch[1:2] in tuple("?*+{"):
            raise ValueError("any_case takes branches that start with a plain ASCII letter")
        by_letter.setdefault(branch[0].lower(), []).append(branch[1:])
    groups = [
        f"[{letter_cases(letter)}](?i:{'|'.join(rests)})" for letter, rests in by_letter.items()
    ]
    return f"(?:{'|'.join(groups)})"


def finditer_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, trying `pattern` only at `starts` (ascending), which must hold
    every position where a match of `pattern` can start. `pattern` must never match the empty
    string. Like finditer, the search goes on where the previous match ended, so matches never
    overlap; `pattern.match(text, start)` still sees the text before `start` for `^`, `\\b` and
    lookbehinds."""
    resume = 0
    for start in starts:
        if start < resume:
            continue
        m = pattern.match(text, start)
        if m is not None:
            if m.end() == start:
                raise ValueError("finditer_at takes patterns that never match the empty string")
            resume = m.end()
            yield m


def occurrences(text: str, part: str) -> Iterator[int]:
    """Every start of `part` in `text` (ascending; they may overlap)."""
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)
