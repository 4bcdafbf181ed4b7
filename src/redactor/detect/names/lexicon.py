"""Name and word lists, loaded once from models/names/ (see the card there for provenance)."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources

from redactor._memory import document_cache

#: a word as names are written: letters, with inner hyphens or apostrophes (O'Neill, Ana-María)
WORD = re.compile(r"(?<![\w'’])[^\W\d_]+(?:[-'’][^\W\d_]+)*")
POSSESSIVE_END = re.compile(r"['’]s$", re.IGNORECASE)


@document_cache  # emptied after each document; the size bounds it within a large one
@functools.lru_cache(maxsize=8192)
def fold(word: str) -> str:
    """Case- and accent-insensitive form: "Łukasz" and "lukasz" fold alike."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return base.replace("ł", "l").replace("’", "'").replace("ı", "i").replace("ø", "o")


class _CharFold(dict[int, str]):
    """code point -> its fold's first character (itself when the fold is empty), filled on
    demand: a table `str.translate` reads, one entry per distinct character ever seen."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = fold(ch)
        self[code] = value = folded[0] if folded else ch
        return value


_CHAR_FOLD = _CharFold()


def fold_same_length(text: str) -> str:
    """`fold` applied character by character, so offsets in the result match `text`."""
    # One translate call instead of a Python loop over every character of the document.
    return text.translate(_CHAR_FOLD)


def strip_possessive(word: str) -> str:
    """`word` without a final 's ("Tobi's" -> "Tobi")."""
    # Most words have no apostrophe at all: they skip the regex.
    if "'" not in word and "’" not in word:
        return word
    return POSSESSIVE_END.sub("", word)


def read_list(name: str, folded: bool = True) -> frozenset[str]:
    """One entry per line of models/names/NAME (lines starting with # are comments)."""
    text = resources.files("redactor.models").joinpath("names", name).read_text("utf-8")
    lines = [line.strip() for line in text.splitlines()]
    return frozenset(fold(x) if folded else x for x in lines if x and not x.startswith("#"))


# Days, months, subjects, roles ...: never taken for names (models/names/school_words.txt).
SCHOOL_WORDS = read_list("school_words.txt")


@dataclass(frozen=True)
class Lexicon:
    first_names: frozenset[str]
    surnames: frozenset[str]
    common_words: frozenset[str]
    english_words: frozenset[str]
    #: first names in common use (census lists and our curated ones), not every rare entry
    popular_first_names: frozenset[str]
    # The rules ask about the same words again and again: the answers to `is_first_name`,
    # `is_surname` and `is_english` are remembered per word as written (`_remember` bounds them).
    _first_name_memo: dict[str, bool] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _surname_memo: dict[str, bool] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _english_memo: dict[str, bool] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def forget(self) -> None:
        """Empty the memos (see `redactor._memory`)."""
        self._first_name_memo.clear()
        self._surname_memo.clear()
        self._english_memo.clear()

    def is_first_name(self, word: str) -> bool:
        known = self._first_name_memo.get(word)
        if known is None:
            known = _remember(self._first_name_memo, word, self._is_first_name(word))
        return known

    def _is_first_name(self, word: str) -> bool:
        key = fold(word)
        if key in self.first_names:
            return True
        if "-" not in key:
            return False
        # Lily-Rose, Darcy-Mae: every part a first name, and not a phrase like "go-to"
        parts = [p for p in re.split(r"-", key) if p]
        if len(parts) < 2 or not all(p in self.first_names for p in parts):
            return False
        # "Lily-Rose" is a name even though lily and rose are words; "go-to" is not.
        written = [p for p in word.split("-") if p]
        return all(p[:1].isupper() for p in written) or not all(
            p in self.common_words for p in parts
        )

    def is_english(self, word: str) -> bool:
        """Any English dictionary word or stop word, however rare (WordNet's index)."""
        known = self._english_memo.get(word)
        if known is None:
            known = _remember(self._english_memo, word, self._is_english(word))
        return known

    def _is_english(self, word: str) -> bool:
        key = fold(strip_possessive(word))
        return key in self.english_words or key in SCHOOL_WORDS

    def is_surname(self, word: str) -> bool:
        known = self._surname_memo.get(word)
        if known is None:
            known = _remember(self._surname_memo, word, self._is_surname(word))
        return known

    def _is_surname(self, word: str) -> bool:
        key = fold(word)
        if key in self.surnames:
            return True
        if "-" not in key:
            return False
        parts = [p for p in re.split(r"-", key) if p]
        return len(parts) > 1 and all(p in self.surnames or p in self.first_names for p in parts)

    def is_common(self, word: str) -> bool:
        """An ordinary English word (grace, will, mark, reading) or a school word."""
        key = fold(strip_possessive(word))
        return key in self.common_words or key in SCHOOL_WORDS

    def is_school_word(self, word: str) -> bool:
        return fold(word) in SCHOOL_WORDS


_MEMO_SIZE = 4096  # words; a document with more new names starts the memo afresh at this size


def _remember(memo: dict[str, bool], word: str, answer: bool) -> bool:
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[word] = answer
    return answer


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(
        first_names=read_list("first_names.txt"),
        surnames=read_list("surnames.txt"),
        common_words=read_list("common_words.txt"),
        english_words=read_list("english_words.txt"),
        popular_first_names=read_list("popular_first_names.txt"),
    )


@document_cache
def _forget_memos() -> None:
    if lexicon.cache_info().currsize:  # only a loaded lexicon has memos to empty
        lexicon().forget()
