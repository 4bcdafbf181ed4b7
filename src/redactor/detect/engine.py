"""The detection engine: Presidio's AnalyzerEngine over the spaCy pipeline, with the project's UK
recognizers and name recognizers, then document-level work the analyzer cannot do alone:

1. segments the reader says hold one kind of data (a "Surname" column) become findings whole;
2. the other segments are joined (so context crosses a header and the body, or the cells of a
   row), cut into chunks spaCy handles comfortably, run through `nlp.pipe` and the analyzer;
   notes typed without capitals are read a second time with first names capitalised;
3. names found with confidence, the school's roster and the deny list are looked for everywhere
   else in the document (propagation);
4. each person mention is classed CHILD, ADULT or PERSON from its context or the roster;
5. allow-listed text and the child kept with `keep_child` are left alone;
6. spans are mapped back to segments (one finding per segment a span touches).

The AnalyzerEngine and spaCy pipeline are built once per process and shared by every detector.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

from redactor._registry import load
from redactor.detect.names import NAME_RECOGNIZERS
from redactor.detect.names._regex import occurrences
from redactor.detect.names.initials import TWO_LETTER_WORDS
from redactor.detect.names.lexicon import WORD, fold, lexicon, strip_possessive
from redactor.detect.names.propagation import NameForm, find_mentions, name_forms
from redactor.detect.names.roles import classify
from redactor.detect.names.roster import Roster, RosterPerson, date_forms, load_roster
from redactor.detect.nlp import MODEL_NAME, SchoolNlpEngine, keep_common_words
from redactor.detect.recognizers.address import street_names
from redactor.errors import ConfigError, DetectionError
from redactor.model import PERSON_TYPES, Document, Finding
from redactor.settings import ENTITY_GROUPS, Settings

__all__ = ["SchoolDetector", "analyzer_engine"]

SEPARATOR = "\n"
CHUNK_CHARS = 100_000  # spaCy's small model is comfortable well below its 1,000,000 limit
PROPAGATION_MIN_SCORE = 0.6
NLP_BATCH = 8  # documents per spaCy batch; see benchmarks/throughput.py
PROPAGATED_SCORE = 0.8
ROSTER_SCORE = 0.95


class _NoContextEnhancer(ContextAwareEnhancer):
    """Presidio's lemma-based context boost, switched off: every recognizer here weighs its own
    context (and the pipeline has no lemmatizer), so the boost would only cost a deep copy."""

    def __init__(self) -> None:
        super().__init__(0.0, 0.0, 0, 0)

    def enhance_using_context(
        self, text: str, raw_results: list[Any], *args: Any, **kwargs: Any
    ) -> list[Any]:
        return raw_results


@functools.lru_cache(maxsize=1)
def analyzer_engine(model_name: str = MODEL_NAME) -> Any:
    """Presidio's AnalyzerEngine with only the recognizers UK school documents need. Cached."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    from redactor.detect.recognizers import load_recognizers

    nlp_engine = SchoolNlpEngine(model_name)
    try:
        nlp_engine.load()
    except DetectionError:
        raise
    except Exception as err:  # a broken model install: say so, not a traceback
        raise DetectionError(
            f"the spaCy model could not be loaded ({type(err).__name__})"
        ) from None
    registry = RecognizerRegistry(supported_languages=["en"])
    for recognizer in load_recognizers():
        registry.add_recognizer(recognizer)
    for dotted in NAME_RECOGNIZERS.values():
        registry.add_recognizer(load(dotted)())
    return AnalyzerEngine(
        context_aware_enhancer=_NoContextEnhancer(),
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=["en"],
        log_decision_process=False,
    )


@dataclass(frozen=True)
class _Span:
    """A finding in a chunk's joined text, before mapping back to segments."""

    entity_type: str
    start: int
    end: int
    score: float
    recognizer: str
    reason: str


@dataclass
class _Chunk:
    text: str
    segment_ids: list[int]
    offsets: list[int]  # start of each segment in text
    lengths: list[int]  # length of each segment's text


class SchoolDetector:
    """Finds personal data in documents. Build once (per settings) and reuse."""

    def __init__(self, settings: Settings, analyzer: Any = None) -> None:
        self.settings = settings
        self._analyzer = analyzer
        self.people: list[RosterPerson] = []
        if settings.roster is not None:
            self.people += load_roster(settings.roster, "CHILD").people
        if settings.staff is not None:
            self.people += load_roster(settings.staff, "ADULT").people
        self.kept: RosterPerson | None = None
        if settings.keep_child:
            if settings.roster is None:
                raise ConfigError("--keep-child needs --roster: the child is found by UPN there")
            self.kept = Roster(self.people).by_upn(settings.keep_child)
            if self.kept is None:
                raise ConfigError("--keep-child: no pupil with that UPN in the roster")
        self._allow = {fold(a) for a in settings.allow}
        self._entities = sorted(
            {e for group in settings.entities for e in ENTITY_GROUPS[group]} - {"CHILD", "ADULT"}
        )

    @property
    def analyzer(self) -> Any:
        if self._analyzer is None:
            self._analyzer = analyzer_engine()
        return self._analyzer

    # -- the flow ------------------------------------------------------------------------------

    def detect(self, document: Document) -> list[Finding]:
        return self.detect_many([document])[0]

    def detect_many(self, documents: list[Document]) -> list[list[Finding]]:
        """Findings for each document. The chunks of all documents go through spaCy together
        (`nlp.pipe` batches them), which is faster than one document at a time."""
        chunks_of = [list(self._chunks(document)) for document in documents]
        spans_of = self._analyze([c for chunks in chunks_of for c in chunks])
        results = []
        position = 0
        for document, chunks in zip(documents, chunks_of, strict=True):
            per_chunk = spans_of[position : position + len(chunks)]
            position += len(chunks)
            results.append(self._document_findings(document, chunks, per_chunk))
        return results

    def _document_findings(
        self, document: Document, chunks: list[_Chunk], per_chunk: list[list[_Span]]
    ) -> list[Finding]:
        findings: list[Finding] = []
        hinted_forms: list[NameForm] = []
        lex = lexicon()
        for index, segment in enumerate(document.segments):
            if segment.hint and segment.text.strip():
                start = len(segment.text) - len(segment.text.lstrip())
                end = len(segment.text.rstrip())
                reason = "column header says what the column holds"
                findings.append(Finding(segment.hint, index, start, end, 1.0, "column", reason))
                if segment.hint in PERSON_TYPES:
                    hinted_forms += name_forms(segment.text, segment.hint, lex)

        forms = hinted_forms + self._roster_forms + self._deny_forms
        # A name found again adds nothing: find_mentions keeps the first form of each spelling
        # (or the first strict one), so each name and type is made into forms once.
        named: set[tuple[str, str]] = set()
        kept: dict[str, int] = {}
        for chunk, spans in zip(chunks, per_chunk, strict=True):
            spans.extend(_nicknames(chunk.text, spans))
            for span in spans:
                if span.entity_type in PERSON_TYPES and span.score >= PROPAGATION_MIN_SCORE:
                    name = (chunk.text[span.start : span.end], span.entity_type)
                    if name not in named:
                        named.add(name)
                        forms += name_forms(*name, lex)
        for chunk, spans in zip(chunks, per_chunk, strict=True):
            spans.extend(self._propagate(chunk, forms))
            spans.extend(_street_mentions(chunk.text, spans))
            spans.extend(self._roster_details(chunk))
            spans[:] = [s for s in spans if not _names_a_thing(chunk.text, s)]
            # Several recognizers often report the same mention: its context is read once.
            roles: dict[tuple[int, int], str] = {}
            spans[:] = [self._with_role(chunk.text, s, roles) for s in spans]
            reasons = [self._left_readable(chunk.text, s) for s in spans]
            for reason in filter(None, reasons):
                kept[reason] = kept.get(reason, 0) + 1
            spans[:] = [s for s, reason in zip(spans, reasons, strict=True) if not reason]
            findings.extend(self._to_segments(chunk, spans))
        # The report says what was left readable on purpose, and why (never the text itself).
        notes = document.info.setdefault("notes", [])
        for reason, mentions in sorted(kept.items()):
            notes.append(f"left readable: {mentions} mention(s) {reason}")
        return findings

    def _chunks(self, document: Document) -> Iterator[_Chunk]:
        """Segments joined into texts of at most CHUNK_CHARS: the cells of one row (segments of
        one group, one after another) with tabs, so "DOB" and "UPN" headers and names read along
        the row; everything else with line breaks."""
        ids: list[int] = []
        offsets: list[int] = []
        lengths: list[int] = []
        parts: list[str] = []
        size = 0
        previous_group: str | None = None
        for index, segment in enumerate(document.segments):
            if segment.hint or not segment.text.strip():
                previous_group = None
                continue
            if size and size + len(segment.text) > CHUNK_CHARS:
                yield _Chunk("".join(parts), ids, offsets, lengths)
                ids, offsets, lengths, parts, size = [], [], [], [], 0
            if parts:
                same_row = segment.group is not None and segment.group == previous_group
                separator = "\t" if same_row else SEPARATOR
                parts.append(separator)
                size += len(separator)
            ids.append(index)
            offsets.append(size)
            lengths.append(len(segment.text))
            parts.append(segment.text)
            size += len(segment.text)
            previous_group = segment.group
        if parts:
            yield _Chunk("".join(parts), ids, offsets, lengths)

    def _analyze(self, chunks: list[_Chunk]) -> list[list[_Span]]:
        if not chunks:
            return []
        # spaCy keeps every new string it meets in its vocabulary, so a long batch would grow
        # without bound; in a memory zone they are freed once these documents are done. Nothing
        # spaCy made may leave the zone: results leave it as plain _Spans.
        texts = [c.text for c in chunks]
        informal = [i for i, text in enumerate(texts) if _is_informal(text)]
        nlp = self.analyzer.nlp_engine.get_nlp("en")
        # Ordinary words are kept, though: a bounded list, and spaCy is faster when it knows them.
        keep_common_words(nlp, texts, lexicon().common_words)
        with nlp.memory_zone():
            out = self._analyze_in_zone(texts + [_truecase(texts[i]) for i in informal])
        # Notes typed all in lower case ("- hope + amber fell out", "helen booked him") hide
        # names from capital-letter cues. Those texts are read a second time with known first
        # names capitalised, same length, so that the model and the rules judge them in context;
        # what that second reading finds on lower-case words is added to the first.
        for k, i in enumerate(informal):
            extra = out[len(texts) + k]
            out[i].extend(
                s
                for s in extra
                if s.entity_type in PERSON_TYPES
                and texts[i][s.start : s.end][:1].islower()
                and not _capitals_only(texts[i], s)
            )
        return out[: len(texts)]

    def _analyze_in_zone(self, texts: list[str]) -> list[list[_Span]]:
        analyzer = self.analyzer
        # spaCy is fastest on a few documents at a time (measured: 8 beat 1 and 32 here)
        artifacts = analyzer.nlp_engine.artifacts(texts, batch_size=NLP_BATCH)
        out = []
        for text, nlp_artifacts in zip(texts, artifacts, strict=True):
            results = analyzer.analyze(
                text=text,
                language="en",
                entities=self._entities,
                nlp_artifacts=nlp_artifacts,
                score_threshold=self.settings.score_threshold,
            )
            spans = []
            for r in results:
                start, end = _trim(text, r.start, r.end)
                if end <= start:
                    continue
                meta = r.recognition_metadata or {}
                explanation = r.analysis_explanation
                reason = meta.get("reason") or (
                    explanation.textual_explanation if explanation else ""
                )
                recognizer = meta.get("recognizer_name") or "presidio"
                # a recognizer that knows the kind of person says so ("Surname" column: CHILD)
                kind = meta.get("person_kind") if r.entity_type == "PERSON" else None
                entity = kind or r.entity_type
                spans.append(_Span(entity, start, end, r.score, recognizer, reason or ""))
            out.append(spans)
        return out

    # -- names everywhere ------------------------------------------------------------------------

    @functools.cached_property
    def _roster_forms(self) -> list[NameForm]:
        lex = lexicon()
        forms: list[NameForm] = []
        for person in self.people:
            for name in person.names:
                forms += name_forms(name, person.entity_type, lex)
            if person.initials:
                forms.append(NameForm(fold(person.initials), "ADULT", True, person.initials))
            for initials in _initials_of(person):
                forms.append(NameForm(fold(initials), person.entity_type, True, initials))
        return forms

    @functools.cached_property
    def _deny_forms(self) -> list[NameForm]:
        lex = lexicon()
        return [f for term in self.settings.deny for f in name_forms(term, "PERSON", lex)]

    def _propagate(self, chunk: _Chunk, forms: list[NameForm]) -> list[_Span]:
        return [
            _Span(
                m.entity_type,
                m.start,
                m.end,
                PROPAGATED_SCORE,
                "propagation",
                "another mention of a name found in this document",
            )
            for m in find_mentions(chunk.text, forms)
        ]

    @functools.cached_property
    def _roster_detail_kinds(self) -> dict[str, str]:
        """Every rostered pupil's UPN and date of birth (in each common format) -> its type."""
        kinds: dict[str, str] = {}
        for person in self.people:
            if person.upn:
                kinds[person.upn] = "UPN"
            if person.dob:
                kinds.update((d, "DOB") for d in date_forms(person.dob))
        return kinds

    @functools.cached_property
    def _roster_detail_pattern(self) -> re.Pattern[str] | None:
        needles = sorted(self._roster_detail_kinds, key=len, reverse=True)
        if not needles:
            return None
        return re.compile(rf"(?<![\w/.-])(?:{'|'.join(map(re.escape, needles))})(?![\w/-])")

    def _roster_details(self, chunk: _Chunk) -> list[_Span]:
        pattern = self._roster_detail_pattern
        if pattern is None:
            return []
        reason = "a rostered pupil's detail"
        kinds = self._roster_detail_kinds
        return [
            _Span(kinds[m.group()], m.start(), m.end(), ROSTER_SCORE, "roster", reason)
            for m in pattern.finditer(chunk.text)
        ]

    def _with_role(self, text: str, span: _Span, roles: dict[tuple[int, int], str]) -> _Span:
        """`span` as CHILD or ADULT when the roster or its context says so. `roles` remembers
        what the context said for each (start, end) of `text`."""
        if span.entity_type not in PERSON_TYPES:
            return span
        kind = self._roster_kind(text[span.start : span.end]) or span.entity_type
        if kind == "PERSON":
            where = (span.start, span.end)
            if where not in roles:
                roles[where] = classify(text, span.start, span.end)
            kind = roles[where]
        if kind == span.entity_type:
            return span
        return _Span(kind, span.start, span.end, span.score, span.recognizer, span.reason)

    @functools.cached_property
    def _roster_index(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for person in self.people:
            for name in person.names:
                for key in (fold(name), *map(fold, name.split())):
                    # A child's name wins over an adult's when both share it.
                    if index.get(key) != "CHILD":
                        index[key] = person.entity_type
        return index

    def _roster_kind(self, surface: str) -> str | None:
        if not self.people:
            return None
        key = fold(re.sub(r"['’]s$", "", surface.strip()))
        return self._roster_index.get(key)

    # -- what stays ------------------------------------------------------------------------------

    @functools.cached_property
    def _kept_forms(self) -> set[str]:
        if self.kept is None:
            return set()
        forms = {fold(n) for n in self.kept.names}
        forms |= {fold(w) for n in self.kept.names for w in n.split()}
        if self.kept.upn:
            forms.add(fold(self.kept.upn))
        if self.kept.dob:
            forms |= {fold(d) for d in date_forms(self.kept.dob)}
        return forms

    def _left_readable(self, text: str, span: _Span) -> str:
        """Why this span stays as it is ("" when it does not): the allow list, or the pupil
        kept with `keep_child` (a parent's request for their own child's records)."""
        if not self._allow and not self._kept_forms:
            return ""  # nothing is kept: no need to read the span
        surface = fold(re.sub(r"['’]s$", "", text[span.start : span.end].strip()))
        if surface in self._kept_forms:
            return "of the pupil kept with --keep-child (a parent's request for their own child)"
        if surface in self._allow or (
            self._allow and all(w in self._allow for w in surface.split())
        ):
            return "on the allow list"
        return ""

    # -- back to segments ------------------------------------------------------------------------

    def _to_segments(self, chunk: _Chunk, spans: Iterable[_Span]) -> list[Finding]:
        out = []
        for span in spans:
            first = bisect.bisect_right(chunk.offsets, span.start) - 1
            for k in range(max(first, 0), len(chunk.segment_ids)):
                seg_start = chunk.offsets[k]
                if seg_start >= span.end:
                    break
                seg_end = seg_start + chunk.lengths[k]
                start, end = max(span.start, seg_start), min(span.end, seg_end)
                start, end = _trim(chunk.text, start, end)
                if end > start:
                    out.append(
                        Finding(
                            span.entity_type,
                            chunk.segment_ids[k],
                            start - seg_start,
                            end - seg_start,
                            span.score,
                            span.recognizer,
                            span.reason,
                        )
                    )
        return out


# A word before these is the name of a class, house, room or place, not a person:
# "Maple class", "Wren group", "Kestrel base", "Nightingale ward", "Elm Road".
_THING_AFTER = re.compile(
    r" +(?:class|classes|group|groups|house|team|room|base|ward|site|hub|unit|block|wing|"
    r"road|street|lane|avenue|close|drive|primary|school|academy|college|nursery|centre|center|"
    r"surgery|hospital|library|park|trust|term|terms|fair|fete|holiday|holidays|camp|club|"
    r"concert|assembly|carers)\b",
    re.IGNORECASE,
)
_NAMED_SOURCES = frozenset({"roster", "column"})


def _street_mentions(text: str, spans: list[_Span]) -> list[_Span]:
    """Every other mention of a street that is part of an address found in this text: "they
    walk back up Lower Mill Lane" once the address block named it."""
    streets = {
        street
        for s in spans
        if s.entity_type == "ADDRESS"
        for street in street_names(text[s.start : s.end])
    }
    out = []
    reason = "another mention of an address found in this document"
    for street in streets:
        after = 0
        for at in occurrences(text, street):
            end = at + len(street)
            if at >= after and _WORD_BEFORE.match(text, at) and _WORD_AFTER.match(text, end):
                out.append(_Span("ADDRESS", at, end, PROPAGATED_SCORE, "propagation", reason))
                after = end
    return out


# a whole mention: no letter, digit, hyphen or apostrophe right before, no letter, digit or
# hyphen right after (zero-width: matched where a mention starts and where it ends)
_WORD_BEFORE = re.compile(r"(?<![\w'’-])")
_WORD_AFTER = re.compile(r"(?![\w-])")


def _names_a_thing(text: str, span: _Span) -> bool:
    if span.entity_type not in PERSON_TYPES or span.recognizer in _NAMED_SOURCES:
        return False
    surface = text[span.start : span.end]
    if " " in surface.strip():
        return False
    return _THING_AFTER.match(text, span.end) is not None


def _initials_of(person: RosterPerson) -> set[str]:
    """A rostered person's initials as notes write them: "DA", "A-M" (Ana-María), "LW"."""
    out: set[str] = set()
    firsts = [n for n in person.names if " " not in n]
    fulls = [n.split() for n in person.names if " " in n]
    for words in fulls:
        letters = "".join(w[0] for w in words if w[:1].isalpha()).upper()
        if 2 <= len(letters) <= 4 and letters not in TWO_LETTER_WORDS:
            out.add(letters)
    for first in firsts:
        if "-" in first:  # "Ana-María" -> "A-M"
            out.add("-".join(p[0].upper() for p in first.split("-") if p))
    return out


# A nickname given right after a name: 'Ibrahim Al-Sayed ("Ibby")', 'Samantha (Sam) Bradbury',
# 'Charlotte "Lottie" Whitehouse', 'Harpreet, known as Harps'.
_NICK = r"([A-Z][^\W\d_]+(?:[-'’][A-Z]?[^\W\d_]+)?)"
_NICKNAME = re.compile(
    # first in brackets, alone or before a comma ("(Doherty, Y9)", not "(Safeguarding & SEND
    # governor)"), in quotes, or after "known as"
    rf"\s*\(\s*[\"“‘']?{_NICK}[\"”’']?\s*[),]"
    rf"|\s*[\"“‘]{_NICK}[\"”’]"
    rf"|,?\s+(?:known as|aka|a\.k\.a\.|prefers|called)\s+[\"“‘']?{_NICK}"
)


_CLASS_BEFORE_YEAR = re.compile(r"[^\W\d_]+[\"”’']?\s*,\s*(?:Y|Yr|Year)\s?\d", re.IGNORECASE)


def _is_class_name(text: str, word: str) -> bool:
    """Does the text name a class `word` somewhere ("Oak class", "Willow (Y5)", "Willow, Y5")?"""
    return (
        re.search(
            rf"\b{re.escape(word)}(?:\s+class\b|\s*[(,]\s*(?:Y|Yr|Year)\s?\d)",
            text,
            re.IGNORECASE,
        )
        is not None
    )


def _nicknames(text: str, spans: list[_Span]) -> list[_Span]:
    lex = lexicon()
    out = []
    for span in spans:
        if span.entity_type not in PERSON_TYPES or span.score < PROPAGATION_MIN_SCORE:
            continue
        m = _NICKNAME.match(text, span.end)
        if m is None:
            continue
        group = next(g for g in (1, 2, 3) if m.group(g))
        word = m.group(group)
        if lex.is_school_word(word) or (lex.is_common(word) and not lex.is_first_name(word)):
            continue
        if word.isupper() and len(word) <= 5:
            continue  # "(SW)", "(TA)", "(SENCo)": a role, not a nickname
        if lex.is_common(word) and (
            _CLASS_BEFORE_YEAR.match(text, m.start(group)) or _is_class_name(text, word)
        ):
            continue  # "Sofia (Willow, Y5)", "Zakaria (Oak)" where "Oak class" is written
        out.append(
            _Span(
                span.entity_type,
                m.start(group),
                m.end(group),
                span.score,
                "nickname",
                "nickname given after a name",
            )
        )
        # 'Charlotte "Lottie" Whitehouse': the surname comes after the nickname
        after = re.match(r"[\"”’')]?[ \t]*([A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)\b", text[m.end() :])
        if after and (lex.is_surname(after.group(1)) or not lex.is_english(after.group(1))):
            start = m.end() + after.start(1)
            out.append(
                _Span(
                    span.entity_type,
                    start,
                    start + len(after.group(1)),
                    span.score,
                    "nickname",
                    "surname after a nickname",
                )
            )
    return out


# Where a sentence starts: a line (after a bullet, a time stamp such as "4.10" or "[08:14]" and
# a chat speaker's "Name:"), or after a full stop. Its first letter is what the test reads.
_SENTENCE_START = re.compile(
    r"(?m)(?:^[ \t]*(?:[-•*>][ \t]*)?(?:\[?\d{1,2}[:.]\d{2}\]?[ \t]+(?:[^:\n]{1,30}:[ \t]+)?)?"
    r"|(?<=[.!?])[ \t]+)([^\W\d_])"
)


# What the second, capitalised reading may say of a word only because it now has a capital.
_CAPITAL_EVIDENCE = frozenset({"spaCy PERSON", "known first name as proper noun"})
# A word used as a verb with an object ("mark the register") or as a noun after a determiner
# ("the summer", "parents eve") is that word, whatever the capital made the model think.
_OBJECT_AFTER = re.compile(
    r"[ \t]+(?:the|a|an|his|her|their|its|our|your|my|this|that|these|those|them|him|it|us|me|"
    r"every|all|some)\b",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|next|last|every|our|your|their|his|her|my|its|parents['’]?)"
    r"[ \t]+$",
    re.IGNORECASE,
)


def _capitals_only(text: str, span: _Span) -> bool:
    """A word that is also an ordinary word, found in the capitalised reading by nothing but
    its new capital, where the sentence uses it as a word."""
    surface = text[span.start : span.end]
    if span.reason not in _CAPITAL_EVIDENCE or not all(
        lexicon().is_common(word) for word in surface.split()
    ):
        return False
    return bool(
        _OBJECT_AFTER.match(text, span.end)
        or _DETERMINER_BEFORE.search(text, max(0, span.start - 12), span.start)
    )


def _is_informal(text: str) -> bool:
    """Most sentences start in lower case: notes or chat typed without capitals."""
    starts = [m.group(1) for m in _SENTENCE_START.finditer(text)]
    lower = sum(1 for ch in starts if ch.islower())
    return len(starts) >= 5 and lower * 5 >= len(starts) * 2


# Function words that are somebody's first name somewhere ("Can", "Will"): in notes, the word.
_NEVER_TRUECASED = frozenset(
    "can will may did does has had was are the and but for not you all any new one see say "
    "buddy baby til till tho thru pls plz thx cos coz lol omg btw fyi tmrw".split()
)


def _truecase(text: str) -> str:
    """`text` with every lower-case known first name capitalised, and a surname no dictionary
    knows right after one ("levi loveridge"); the length is unchanged."""
    lex = lexicon()
    chars = list(text)
    after_name = -1  # where the last capitalised first name ended
    for m in WORD.finditer(text):
        word = strip_possessive(m.group())  # "sonny's dad" -> "Sonny's dad"
        if word in _NEVER_TRUECASED or lex.is_school_word(word):
            continue
        if (
            m.start() == after_name + 1
            and text[after_name] == " "
            and word.islower()
            and lex.is_surname(word)
            and not lex.is_english(word)
        ):
            chars[m.start()] = word[0].upper()  # "levi loveridge" -> "Levi Loveridge"
            continue
        # names that are words ("hope", "mark") only when they are names in common use, so
        # that "free", "said" or "run" (rare first names somewhere) stay as they are
        parts = word.split("-")
        popular = all(
            lex.is_first_name(p) and (not lex.is_english(p) or fold(p) in lex.popular_first_names)
            for p in parts
        )
        if word.islower() and len(word) > 2 and popular:
            chars[m.start()] = word[0].upper()
            for part in re.finditer(r"-([^\W\d_])", word):  # lily-rose -> Lily-Rose
                chars[m.start() + part.start(1)] = part.group(1).upper()
            after_name = m.start() + len(word)
    return "".join(chars)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and trailing punctuation a recognizer took in with the entity."""
    while start < end and text[start] in " \t\n\r,;:":
        start += 1
    while end > start and text[end - 1] in " \t\n\r,;:":
        end -= 1
    return start, end
