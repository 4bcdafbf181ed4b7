"""A light view of a text shared by the name recognizers: its words, their part-of-speech tags
from the spaCy document when there is one, and where sentences and lines start."""

from __future__ import annotations

import bisect
import functools
from typing import Any, NamedTuple

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from redactor.detect.names.lexicon import WORD, Lexicon, lexicon, strip_possessive

# Coarse part of speech from the tagger's fine Penn Treebank tag (what spaCy's attribute ruler
# would set; the pipeline leaves that component out for speed).
TAG_TO_POS = {
    "NNP": "PROPN",
    "NNPS": "PROPN",
    "NN": "NOUN",
    "NNS": "NOUN",
    "VB": "VERB",
    "VBD": "VERB",
    "VBG": "VERB",
    "VBN": "VERB",
    "VBP": "VERB",
    "VBZ": "VERB",
    "MD": "AUX",
    "DT": "DET",
    "PDT": "DET",
    "WDT": "DET",
    "PRP": "PRON",
    "PRP$": "PRON",
    "WP": "PRON",
    "WP$": "PRON",
    "EX": "PRON",
    "IN": "ADP",
    "RP": "ADP",
    "JJ": "ADJ",
    "JJR": "ADJ",
    "JJS": "ADJ",
    "RB": "ADV",
    "RBR": "ADV",
    "RBS": "ADV",
    "WRB": "ADV",
    "CC": "CCONJ",
    "CD": "NUM",
    "UH": "INTJ",
    "TO": "PART",
    "POS": "PART",
}
_AUXILIARIES = frozenset(
    "am is are was were be been being has have had having do does did will would shall should "
    "can could may might must".split()
)

# Characters after which a word starts a sentence or a list item (capitalised anyway).
_SENTENCE_BREAKS = set('.!?:;•*–—-"“(\n')


class Word(NamedTuple):
    """A word of the text. A named tuple, not a dataclass: a view makes one for every word of
    every document, and a tuple is the cheapest object to build."""

    start: int
    end: int
    text: str  # without a possessive 's

    @property
    def is_title(self) -> bool:
        return self.text[:1].isupper() and not self.text.isupper()

    @property
    def is_upper(self) -> bool:
        return self.text.isupper()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


class TextView:
    def __init__(self, text: str, doc: Any = None, ents: tuple[Any, ...] | None = None):
        self.text = text
        self.words: list[Word] = []
        for m in WORD.finditer(text):
            word = strip_possessive(m.group())
            if word:
                self.words.append(Word(m.start(), m.start() + len(word), word))
        self._doc = doc
        #: the model's entities (spaCy builds the list anew each time `doc.ents` is read, so the
        #: engine passes the one it read with the artifacts)
        self.ents: tuple[Any, ...] = ()
        if ents is not None:
            self.ents = ents
        elif doc is not None:
            self.ents = tuple(doc.ents)
        self._token_at: dict[int, int] = {}  # character offset -> token index, built on demand
        self._pos_at: dict[int, str] = {}  # character offset -> coarse part of speech, memo
        self._ent_starts: list[int] | None = None  # entity start offsets, built on demand

    @functools.cached_property
    def word_starts(self) -> list[int]:
        """Where each word starts, in order: for binary searches by offset."""
        return [w.start for w in self.words]

    def pos(self, word: Word) -> str:
        """Coarse part of speech of the token starting where `word` starts ("" if none).
        Looked up only for the few words the rules ask about: reading every token's tag from
        spaCy up front costs more than all the rules together."""
        pos = self._pos_at.get(word.start)
        if pos is None:
            pos = self._pos_at[word.start] = self._read_pos(word.start)
        return pos

    def _read_pos(self, start: int) -> str:
        if self._doc is None:
            return ""
        if not self._token_at:
            starts = self._doc.to_array("IDX").tolist()
            self._token_at = dict(zip(starts, range(len(starts)), strict=True))
        k = self._token_at.get(start)
        if k is None:
            return ""
        token = self._doc[k]
        pos: str = token.pos_ or TAG_TO_POS.get(token.tag_, "")
        if pos == "VERB" and token.lower_ in _AUXILIARIES:
            pos = "AUX"
        return pos

    def ent_label(self, word: Word) -> str:
        """The label of the model entity `word` starts inside of ("" if none)."""
        if self._ent_starts is None:  # few words are asked about, many documents never
            self._ent_starts = [ent.start_char for ent in self.ents]
        k = bisect.bisect_right(self._ent_starts, word.start) - 1
        if k < 0 or word.start >= self.ents[k].end_char:
            return ""
        label: str = self.ents[k].label_
        return label

    def before(self, word: Word, width: int = 40) -> str:
        return self.text[max(0, word.start - width) : word.start]

    def after(self, word: Word, width: int = 40) -> str:
        return self.text[word.end : word.end + width]

    def starts_sentence(self, word: Word) -> bool:
        i = word.start - 1
        while i >= 0 and self.text[i] in " \t":
            i -= 1
        return i < 0 or self.text[i] in _SENTENCE_BREAKS

    def has_possessive(self, word: Word) -> bool:
        return self.text[word.end : word.end + 2] in ("'s", "’s", "'S", "’S")

    def next_word(self, index: int, gap: str = " ") -> Word | None:
        """The word after words[index] if only `gap`-like characters separate them."""
        if index + 1 >= len(self.words):
            return None
        between = self.text[self.words[index].end : self.words[index + 1].start]
        if self.has_possessive(self.words[index]):
            return None
        return self.words[index + 1] if between in (" ", gap) else None


def result(
    entity: str, start: int, end: int, score: float, recognizer: str, reason: str
) -> RecognizerResult:
    explanation = AnalysisExplanation(
        recognizer=recognizer, original_score=score, textual_explanation=reason
    )
    # The analyzer drops explanations unless asked to trace; metadata survives, so the reason
    # travels there too.
    return RecognizerResult(
        entity,
        start,
        end,
        score,
        analysis_explanation=explanation,
        recognition_metadata={"recognizer_name": recognizer, "reason": reason},
    )


class NameRecognizer(EntityRecognizer):
    """What every name recognizer shares: PERSON findings in English, and the name lexicon."""

    NAME = "NameRecognizer"

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name=self.NAME, supported_language="en")

    def load(self) -> None:
        self.lexicon: Lexicon = lexicon()
