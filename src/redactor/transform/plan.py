"""Planning: the one place that turns findings into edits. Format-blind.

1. Overlapping findings in a segment are merged into one span (the union: when two recognizers
   disagree on where a name ends, the larger span is the safe one).
2. Mentions of the same entity share a tag: "Charlotte Whitehouse", "Charlotte", "WHITEHOUSE"
   and "Charlotte's" are all [CHILD 1], and so is "Lottie", a short form of Charlotte; a person
   mentioned anywhere as a child is a CHILD.
3. The operator chosen for the entity type makes the replacement text.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from redactor._memory import document_cache
from redactor.detect.names.lexicon import fold, lexicon
from redactor.detect.names.propagation import short_forms
from redactor.model import PERSON_TYPES, Document, Edit, Finding
from redactor.settings import Settings, entity_group
from redactor.transform.operators import OperatorInput, normalise, replacement_for

__all__ = ["merge_overlaps", "plan_edits"]

_POSSESSIVE = re.compile(r"['’]s?$", re.IGNORECASE)
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "mister", "master"}
_PERSON_RANK = {"CHILD": 2, "ADULT": 1, "PERSON": 0}


def merge_overlaps(findings: list[Finding]) -> list[Finding]:
    """One finding per stretch of text: overlapping or touching-inside spans become their union."""
    by_segment: dict[int, list[Finding]] = defaultdict(list)
    for f in findings:
        by_segment[f.segment].append(f)
    merged: list[Finding] = []
    for segment in sorted(by_segment):
        current: Finding | None = None
        for f in sorted(by_segment[segment], key=lambda f: (f.start, -f.end)):
            if current is not None and f.start < current.end:
                best = max((current, f), key=_priority)
                current = Finding(
                    entity_type=_merged_type(current, f, best),
                    segment=segment,
                    start=current.start,
                    end=max(current.end, f.end),
                    score=max(current.score, f.score),
                    recognizer=best.recognizer,
                    reason=best.reason,
                )
            else:
                if current is not None:
                    merged.append(current)
                current = f
        if current is not None:
            merged.append(current)
    return merged


def _priority(f: Finding) -> tuple[float, int]:
    return (f.score, f.length)


def _merged_type(a: Finding, b: Finding, best: Finding) -> str:
    # Two person findings over the same words: keep the most specific kind (CHILD > ADULT > PERSON).
    if a.entity_type in PERSON_TYPES and b.entity_type in PERSON_TYPES:
        return max((a.entity_type, b.entity_type), key=lambda t: _PERSON_RANK[t])
    return best.entity_type


_SURNAME_FIRST = re.compile(r"^\s*([^,]+?),\s*([^,]+?)\s*$")


def _name_words(text: str) -> list[str]:
    # "WHITEHOUSE, Charlotte" as registers write it is the same person as "Charlotte Whitehouse"
    swapped = _SURNAME_FIRST.match(text)
    if swapped:
        text = f"{swapped.group(2)} {swapped.group(1)}"
    words = [_POSSESSIVE.sub("", w) for w in re.findall(r"[\w'’.-]+", normalise(text))]
    words = [w.strip(".-") for w in words]
    return [w for w in words if w and w not in _TITLES]


def _shortens(word: str, person: _Entity) -> bool:
    names = person.key.split()
    return len(names) > 1 and fold(word) in _short_forms_of(names[0])


@document_cache
@functools.lru_cache(maxsize=1024)
def _short_forms_of(first_name: str) -> frozenset[str]:
    return frozenset(short_forms(first_name, lexicon()))


def _identity(entity_type: str, text: str) -> str:
    if entity_type in ("PHONE",):
        digits = re.sub(r"\D", "", text)
        return re.sub(r"^(44|0)", "", digits)
    if entity_type in ("POSTCODE", "UPN", "ULN", "NHS_NUMBER", "NI_NUMBER", "CASE_REF"):
        return re.sub(r"[\s-]", "", normalise(text))
    return normalise(text)


@dataclass
class _Entity:
    label: str
    key: str
    words: set[str] = field(default_factory=set)


def plan_edits(document: Document, findings: list[Finding], settings: Settings) -> list[Edit]:
    """Edits for `findings` (already filtered by score and entity switches)."""
    merged = merge_overlaps(findings)
    texts = [document.segments[f.segment].text[f.start : f.end] for f in merged]

    # People: full names first, so a later "Charlotte" or "Whitehouse" joins the full name.
    people: list[_Entity] = []
    person_of: dict[int, _Entity] = {}
    words_of = {
        i: _name_words(texts[i]) for i, f in enumerate(merged) if f.entity_type in PERSON_TYPES
    }
    order = sorted(words_of, key=lambda i: (-len(words_of[i]), merged[i].segment, merged[i].start))
    for i in order:
        words = words_of[i]
        key = " ".join(words) or normalise(texts[i])
        kind = merged[i].entity_type
        entity = next((p for p in people if p.key == key and _same_kind(p.label, kind)), None)
        if entity is None and len(words) == 1:
            # "Nowacka" joins "Zofia Nowacka" — unless it is "Mrs Nowacka", an adult, and Zofia
            # a child: family members share surnames, not tags.
            entity = next(
                (p for p in people if words[0] in p.words and _same_kind(p.label, kind)), None
            )
        if entity is None and len(words) == 1:
            # "Alex" after "Alexander Brockway": a short form of exactly one person's first name
            shortened = [p for p in people if _shortens(words[0], p) and _same_kind(p.label, kind)]
            entity = shortened[0] if len(shortened) == 1 else None
        if entity is None and len(words) > 1:
            # "J. Smith" / "Jo Smith" after "Joanne Smith": same surname and matching initial
            entity = next((p for p in people if _compatible(words, p)), None)
        if entity is None:
            entity = _Entity(label="PERSON", key=key, words=set(words))
            people.append(entity)
        entity.words.update(w for w in words if len(w) > 1)
        if _PERSON_RANK[merged[i].entity_type] > _PERSON_RANK[entity.label]:
            entity.label = merged[i].entity_type
        person_of[i] = entity

    # Numbers per label, in order of first appearance in the document.
    counters: dict[str, int] = defaultdict(int)
    tag_of_entity: dict[int, str] = {}
    tag_of_key: dict[tuple[str, str], str] = {}
    edits: list[Edit] = []
    for i, f in enumerate(merged):
        text = texts[i]
        if i in person_of:
            entity = person_of[i]
            if id(entity) not in tag_of_entity:
                counters[entity.label] += 1
                tag_of_entity[id(entity)] = f"{entity.label} {counters[entity.label]}"
            tag, label, key = tag_of_entity[id(entity)], entity.label, entity.key
        else:
            label = _tag_label(f.entity_type)
            key = _identity(f.entity_type, text)
            if (label, key) not in tag_of_key:
                counters[label] += 1
                tag_of_key[(label, key)] = f"{label} {counters[label]}"
            tag = tag_of_key[(label, key)]
        replacement = replacement_for(OperatorInput(text, label, tag, key), settings)
        edits.append(Edit(f.segment, f.start, f.end, replacement, label, tag, f))
    return edits


def _same_kind(label: str, kind: str) -> bool:
    return "PERSON" in (label, kind) or label == kind


def _compatible(words: list[str], entity: _Entity) -> bool:
    first, last = words[0], words[-1]
    if last not in entity.words or len(entity.key.split()) < 2:
        return False
    entity_first = entity.key.split()[0]
    initial_matches = len(first) == 1 and first.startswith(entity_first[:1])
    return entity_first.startswith(first) or initial_matches


def _tag_label(entity_type: str) -> str:
    group = entity_group(entity_type)
    return "ADDRESS" if group == "ADDRESS" else entity_type
