"""Document-level propagation: a name found once with confidence is found everywhere else in the
same document, whole or in part — first name alone, surname alone, possessive, any case, accents
typed or not ("Zoe" for "Zoë").

Words that are also ordinary English words (Grace, Will, Brown) are matched only when written
with a capital, so "grace period" and "will" stay; initials are matched only in capitals.

A first name also brings the short forms people use for it: the diminutives of the `nicknames`
package (Isabella: Bella, Issy; Thomas: Tom, Tommy) and its first three or four letters when
those are a first name in their own right (Finlay: Fin; Alexander: Alex), so that "Fin" or
"alex" later in the notes is the same child.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from nicknames import NickNamer

from redactor._memory import document_cache
from redactor.detect.names._regex import occurrences
from redactor.detect.names.lexicon import WORD, Lexicon, fold, fold_same_length

_TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "mx", "dr", "mister", "master", "prof", "sir", "dame", "rev"]
)


@dataclass(frozen=True)
class NameForm:
    """One way a known person may be written, and how strictly it must match."""

    folded: str  # the form, folded (case and accents)
    entity_type: str  # PERSON, CHILD or ADULT
    needs_capital: bool  # ordinary word: must start with a capital where it is found
    exact_case: str | None = None  # initials: must match this exact text


def name_forms(surface: str, entity_type: str, lexicon: Lexicon) -> list[NameForm]:
    """The full name and each of its parts (of two letters or more) as separate forms."""
    words = [w for w in re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", surface)]
    words = [re.sub(r"['’]s$", "", w) for w in words]
    titled = len(words) > 1 and words[0].lower().rstrip(".") in _TITLES
    words = [w for w in words if w.lower().rstrip(".") not in _TITLES]
    if not words:
        return []
    if len(words) == 1 and words[0].isupper() and len(words[0]) <= 5:
        return [NameForm(fold(words[0]), entity_type, True, exact_case=words[0])]
    forms = []
    full = " ".join(words)
    if len(words) > 1:
        forms.append(NameForm(fold(full), entity_type, any(lexicon.is_common(w) for w in words)))
    # "Mrs Adebayo": after a title comes a surname, which has no short forms
    if not titled and len(words) <= 3 and lexicon.is_first_name(words[0]):
        for short in short_forms(words[0], lexicon):
            forms.append(NameForm(fold(short), entity_type, lexicon.is_common(short)))
    for w in words:
        if len(w) < 2 or lexicon.is_school_word(w):
            continue
        # A part of a longer name is worth finding alone only if it can be a name on its own.
        if (
            len(words) > 1
            and lexicon.is_english(w)
            and not (lexicon.is_first_name(w) or lexicon.is_surname(w))
        ):
            continue
        forms.append(NameForm(fold(w), entity_type, lexicon.is_common(w)))
        if "-" in w:  # "Darcy-Mae": also "Darcy Mae" and the parts as written alone
            forms.append(NameForm(fold(w.replace("-", " ")), entity_type, lexicon.is_common(w)))
    return forms


# Short forms that are also words every sentence may start with: never taken for a name.
_NOT_SHORT_FORMS = frozenset(
    "will may can art bell rich bill mark rob sue pat don dot kit ray jack ben".split()
)


def short_forms(first_name: str, lexicon: Lexicon) -> list[str]:
    """What `first_name` may be shortened to in notes (not the name itself)."""
    key = fold(first_name)
    if "-" in key or len(key) < 4:
        return []
    # clipped forms only when in common use as names themselves: "Fin", "Alex", not "Har"
    candidates = {
        key[:n] for n in (3, 4) if len(key) >= n + 2 and key[:n] in lexicon.popular_first_names
    }
    candidates.update(
        short
        for short in _diminutives(key)
        if not lexicon.is_english(short) or lexicon.is_first_name(short)  # "Issy", "Bella"
    )
    return [
        short
        for short in sorted(candidates - {key})
        if len(short) >= 3
        and short not in _NOT_SHORT_FORMS
        and not lexicon.is_school_word(short)
        # a short form that is also a word ("fin", "sandy") only if it is a name in common use
        and (not lexicon.is_common(short) or short in lexicon.popular_first_names)
    ]


@document_cache
@functools.lru_cache(maxsize=1024)
def _diminutives(folded_name: str) -> frozenset[str]:
    return frozenset(fold(n) for n in _nicknamer().nicknames_of(folded_name))


@functools.lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity_type: str


def find_mentions(text: str, forms: Iterable[NameForm]) -> list[Mention]:
    """Every mention of any form in `text` (offsets in `text`).

    A mention starts a word and ends one: not inside "Annabel" for Ann, nor in "Darcy-Mae" for
    Darcy, but "Ann's" is Ann. Where several forms start at the same place, the longest wins.
    The forms are looked for with `str.find` and checked with fixed patterns: a pattern made of
    a document's names would stay in Python's regex cache after the document.
    """
    folded = fold_same_length(text)
    if len(folded) != len(text):  # cannot happen with fold_same_length; kept as a guard
        return []
    by_form: dict[str, NameForm] = {}
    for form in forms:
        current = by_form.get(form.folded)
        # The strictest wins when the same form comes from several names.
        if current is None or (form.needs_capital and not current.needs_capital):
            by_form[form.folded] = form
    if not by_form:
        return []
    by_first: dict[str, list[list[str]]] = {}
    for key in sorted(by_form, key=len, reverse=True):  # longest first
        words = key.split(" ")
        by_first.setdefault(words[0], []).append(words)
    # where a form's first word appears (found by str.find, far faster than a look at every
    # word), in order; each is read as a mention only if a word starts there
    starts = sorted({at for first in by_first for at in occurrences(folded, first)})
    mentions = []
    after = 0
    for at in starts:
        if at < after or not _WORD_START.match(folded, at):
            continue  # inside the mention just found, or inside a word
        matched = _form_at(folded, at, by_first)
        if matched is None:
            continue
        key, end = matched
        after = end
        found = by_form[key]
        original = text[at:end]
        if found.exact_case is not None and original != found.exact_case:
            continue
        if found.needs_capital and not original[:1].isupper() and not _opens_sentence(text, at):
            continue
        if found.folded in _MODAL_NAMES and _after_sentence_break(text, at):
            continue  # "Will you sign?" is not Will
        mentions.append(Mention(at, end, found.entity_type))
    return mentions


_WORD_START = re.compile(r"(?<![\w'’-])[^\W\d_]")
_SPACES = re.compile(r"\s+")
# after a mention: no letter, digit or hyphen, and no apostrophe but the possessive's
_MENTION_END = re.compile(r"(?![\w-]|['’][a-rt-z])")


def _form_at(folded: str, at: int, by_first: dict[str, list[list[str]]]) -> tuple[str, int] | None:
    """The longest form (its key and end) that `folded` holds at `at`, a word start."""
    word = WORD.match(folded, at)
    assert word is not None  # `at` starts a letter
    ends = [word.end()]
    # a form may end before an apostrophe inside the word: "ann" in "ann's"
    ends += [at + i for i in range(len(word.group()) - 1, 0, -1) if word.group()[i] in "'’"]
    best: tuple[str, int] | None = None
    for first_end in ends:
        for words in by_first.get(folded[at:first_end], ()):
            end = first_end
            for next_word in words[1:]:
                gap = _SPACES.match(folded, end)
                if gap is None or not folded.startswith(next_word, gap.end()):
                    break
                end = gap.end() + len(next_word)
            else:
                if _MENTION_END.match(folded, end):
                    key = " ".join(words)
                    if best is None or len(key) > len(best[0]):
                        best = (key, end)
                    break  # the others under this first word are shorter
    return best


# Names that are also words opening questions, requests and sentences ("Will you", "He said"):
# found only inside a sentence.
_MODAL_NAMES = frozenset(
    ["will", "may", "can", "june", "april", "he", "she", "we", "his", "her", "him", "it", "an"]
)


def _after_sentence_break(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:;\n•*-–—"


def _opens_sentence(text: str, start: int) -> bool:
    """Where any English sentence would have a capital: a known name written in lower case there
    ("ivy back after 3 days off") is informal writing, not the ordinary word."""
    before = text[max(0, start - 3) : start]
    return start == 0 or before.endswith(("\n", ". ", "- ", "• ", "! ", "? ", "\t"))
