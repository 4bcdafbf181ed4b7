"""The lexicon's answers, and its memo of them: the same answer every time, in bounded memory."""

from __future__ import annotations

import pytest

from redactor.detect.names import lexicon as lexicon_module
from redactor.detect.names.lexicon import fold, fold_same_length, lexicon


def test_answers_do_not_change_when_remembered() -> None:
    lex = lexicon()
    words = ["Grace", "grace", "Lily-Rose", "go-to", "Okonkwo", "O'Neill", "Tobi's", "table"]
    first = [(lex.is_first_name(w), lex.is_surname(w), lex.is_english(w)) for w in words]
    again = [(lex.is_first_name(w), lex.is_surname(w), lex.is_english(w)) for w in words]
    assert first == again
    assert lex.is_first_name("Lily-Rose") and not lex.is_first_name("go-to")
    assert lex.is_english("table") and not lex.is_english("Okonkwo")


def test_the_memo_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon_module, "_MEMO_SIZE", 10)
    lex = lexicon()
    for n in range(50):
        lex.is_surname(f"Zzq{n}x")
        assert len(lex._surname_memo) <= 10


def test_fold_same_length_keeps_offsets() -> None:
    text = "Łukasz, Zoë and ŁUKASZ met İpek ß"
    folded = fold_same_length(text)
    assert len(folded) == len(text)
    assert folded.startswith("lukasz, zoe and lukasz met i")
    assert all(folded[i] == (fold(ch) or ch)[0] for i, ch in enumerate(text))
