"""Per-document caches are emptied once a document is done."""

from __future__ import annotations

import functools

import pytest
from tests.conftest import FakeDetector

from redactor import _memory
from redactor._memory import document_cache, forget_documents
from redactor.detect.names import lexicon as lexicon_module
from redactor.detect.names.lexicon import Lexicon, fold
from redactor.pipeline import Redactor


@pytest.fixture
def registry(monkeypatch):
    """An empty registry for the test, the real one restored after."""
    monkeypatch.setattr(_memory, "_FORGETTERS", [])
    return _memory._FORGETTERS


def test_an_lru_cache_is_registered_by_its_cache_clear(registry) -> None:
    @document_cache
    @functools.lru_cache(maxsize=8)
    def double(n: int) -> int:
        return 2 * n

    assert double(3) == 6  # still the function it decorates
    assert double.cache_info().currsize == 1
    forget_documents()
    assert double.cache_info().currsize == 0


def test_a_plain_function_is_called_to_forget(registry) -> None:
    held = {"Orlaith": True}
    document_cache(held.clear)
    forget_documents()
    assert held == {}


def test_fold_and_the_lexicon_memos_are_registered() -> None:
    lexicon = Lexicon(frozenset({"orlaith"}), frozenset(), frozenset(), frozenset(), frozenset())
    assert lexicon.is_first_name("Orlaith")
    fold("Brennick")
    assert fold.cache_info().currsize > 0
    lexicon.forget()
    assert lexicon._first_name_memo == {}
    forget_documents()
    assert fold.cache_info().currsize == 0


def test_the_loaded_lexicon_forgets_its_memos_with_the_documents(monkeypatch) -> None:
    lexicon = Lexicon(frozenset({"orlaith"}), frozenset(), frozenset(), frozenset(), frozenset())
    monkeypatch.setattr(lexicon_module, "lexicon", functools.lru_cache(maxsize=1)(lambda: lexicon))
    lexicon_module.lexicon()  # loaded
    lexicon.is_first_name("Orlaith")
    forget_documents()
    assert lexicon._first_name_memo == {}


def test_a_redacted_document_leaves_no_words_in_the_caches() -> None:
    redactor = Redactor(detector=FakeDetector({"Orlaith Brennick": "CHILD"}))
    fold("Orlaith")
    assert "Orlaith" not in redactor.redact_text("Orlaith Brennick rang.")
    assert fold.cache_info().currsize == 0
