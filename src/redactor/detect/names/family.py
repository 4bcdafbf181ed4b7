"""Names next to family words: "Tobi's mum", "nan of Ellie", "mum (Lucía)", "nanny sue".

A name written in lower case is still a name after a family word ("nanny sue"), so here a known
first name counts in any case; ordinary words ("mum said", "dad will") do not."""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import RecognizerResult

from redactor.detect.names._regex import any_case, finditer_at
from redactor.detect.names._text import NameRecognizer, result

NAME = "FamilyRecognizer"

FAMILY = (
    r"mum|mom|mummy|mother|dad|daddy|father|nan|nana|nanny|gran|granny|grandma|grandmother|"
    r"grandad|grandpa|grandfather|auntie|aunty|aunt|uncle|brother|sister|cousin|step-?dad|"
    r"step-?mum|stepfather|stepmother|carer|foster carer|partner|boyfriend|girlfriend|son|"
    r"daughter|sibling|twin|half-brother|half-sister|niece|nephew|guardian|buddy|best friend"
)
# Relatives whose first name often follows in lower case in notes ("nanny sue", "uncle dave").
_RELATIVES = "nan|nana|nanny|gran|granny|grandma|grandad|grandpa|auntie|aunty|aunt|uncle|cousin"
_RELATIVE_BEFORE_NAME = re.compile(
    rf"\b{any_case(_RELATIVES)}(?i:\s+([^\W\d_]{{2,}}(?:-[^\W\d_]+)?))"
)
_NAME_WORD = r"[A-Z][^\W\d_]+(?:[-'’][A-Z]?[^\W\d_]+)*"
_ANY_WORD = r"[^\W\d_]+(?:[-'’][^\W\d_]+)*"
# Family words in any case (see `any_case`: it is `(?i:...)`, faster); names as written (a capital,
# except where said otherwise).
_FAMILY_WORD = any_case(FAMILY)
# Every place a family word starts (relatives are family words too): the patterns that open with
# one are tried only there (see `finditer_at`).
_FAMILY_START = re.compile(rf"\b(?={_FAMILY_WORD})")
_POSSESSIVE_FAMILY = re.compile(rf"\b({_NAME_WORD})['’]s\s+{_FAMILY_WORD}\b")
_FAMILY_PAREN = re.compile(rf"\b{_FAMILY_WORD}\s*\(\s*({_ANY_WORD}(?:\s+{_NAME_WORD})?)\s*\)")
_FAMILY_OF = re.compile(rf"\b{_FAMILY_WORD}\s+of\s+({_NAME_WORD}(?:\s+{_NAME_WORD})?)")
# The same in notes typed without capitals ("river's mum rang"), but not "the boy's mum".
_LOWER_POSSESSIVE_FAMILY = re.compile(
    rf"(?<![\w'’-])([a-z][^\W\d_]+(?:-[^\W\d_]+)?)['’]s\s+(?:{FAMILY})\b"
)
_IS_FAMILY_WORD = re.compile(rf"(?:{FAMILY})", re.IGNORECASE)
# Lower-case words before "'s mum" that are first names somewhere but not here. Any other first
# name there is a name, even one that is also a word ("river's mum"): things have no mums.
_NOT_NAMES_BEFORE_FAMILY = frozenset("baby child kid friend pupil everyone nobody".split())
_MODALS = frozenset(["will", "may", "can", "must", "shall", "would", "could", "should", "might"])
# "maternal grandmother Britannia Loveridge", "Dad Tyson Boswell", "Mum: Lucía Gómez"
_FAMILY_NAME = re.compile(rf"\b{_FAMILY_WORD}\s*:?\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})")
# People named by their role: "key worker, Precious", "class teacher Mr Eze", "TA: Joy Mensah"
ROLES = (
    r"key ?worker|key person|class teacher|teacher|teaching assistant|TA|HLTA|SENCo|social worker|"
    r"family support worker|support worker|school nurse|nurse|therapist|tutor|mentor|coach|"
    r"interpreter|translator|escort|driver|childminder"
)
_ROLE_NAME = re.compile(rf"\b{any_case(ROLES)}\s*[:,]?\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})")


class FamilyRecognizer(NameRecognizer):
    NAME = NAME

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        lex = self.lexicon
        out = []
        family_starts = [m.start() for m in _FAMILY_START.finditer(text)]
        for m in _POSSESSIVE_FAMILY.finditer(text):
            word = m.group(1)
            if not word[0].isupper() or lex.is_school_word(word) or _IS_FAMILY_WORD.fullmatch(word):
                continue
            if lex.is_common(word) and not lex.is_first_name(word):
                continue
            out.append(
                result("PERSON", m.start(1), m.end(1), 0.75, NAME, "name before family word")
            )
        for m in _LOWER_POSSESSIVE_FAMILY.finditer(text):
            word = m.group(1)
            if (
                len(word) > 2
                and lex.is_first_name(word)
                and word not in _NOT_NAMES_BEFORE_FAMILY
                and not lex.is_school_word(word)
                and not _IS_FAMILY_WORD.fullmatch(word)  # "buddy's dad", "sister's mum"
                and not _after_determiner(text, m.start(1))  # "the boy's mum"
            ):
                reason = "name before family word"
                out.append(result("PERSON", m.start(1), m.end(1), 0.65, NAME, reason))
        for pattern, reason in (
            (_FAMILY_PAREN, "name in brackets after family word"),
            (_FAMILY_OF, "family word of a name"),
        ):
            for m in finditer_at(pattern, text, family_starts):
                words = m.group(1).split()
                if not words[0][0].isupper() and not lex.is_first_name(words[0]):
                    continue
                if all(lex.is_common(w) and not lex.is_first_name(w) for w in words):
                    continue
                out.append(result("PERSON", m.start(1), m.end(1), 0.75, NAME, reason))
        for m in (*finditer_at(_FAMILY_NAME, text, family_starts), *_ROLE_NAME.finditer(text)):
            words = m.group(1).split()
            # Stop at the first ordinary word: "mum Rosie-Lee Boswell" but not "Mum Rang".
            kept = []
            for w in words:
                if lex.is_common(w) and not lex.is_first_name(w) and not lex.is_surname(w):
                    break
                if lex.is_school_word(w):
                    break
                kept.append(w)
            if kept and (
                len(kept) > 1 or not lex.is_english(kept[0]) or lex.is_first_name(kept[0])
            ):
                end = m.start(1) + len(" ".join(kept)) if len(kept) < len(words) else m.end(1)
                span = text[m.start(1) : end]
                if " ".join(span.split()) == " ".join(kept):
                    out.append(
                        result("PERSON", m.start(1), end, 0.7, NAME, "name after family word")
                    )
        for m in finditer_at(_RELATIVE_BEFORE_NAME, text, family_starts):
            word = m.group(1)
            if word.lower() in _MODALS or lex.is_school_word(word):
                continue
            if lex.is_first_name(word) and (word[0].isupper() or word.islower()):
                out.append(result("PERSON", m.start(1), m.end(1), 0.65, NAME, "relative's name"))
        return out


_DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|the|this|that|every|each|any|some|one|his|her|my|our|your|their)\s+$",
    re.IGNORECASE,
)


def _after_determiner(text: str, start: int) -> bool:
    return _DETERMINER_BEFORE.search(text[max(0, start - 12) : start]) is not None
