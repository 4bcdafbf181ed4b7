"""Keyed hashing: stable across runs with one key, different with another, refused without."""

from __future__ import annotations

import pytest

from redactor.errors import ConfigError
from redactor.settings import Settings
from redactor.transform.operators import OperatorInput, normalise, replacement_for

ITEM = OperatorInput("Zofia Nowacka", "CHILD", "CHILD 1", normalise("Zofia Nowacka"))
HASHING = Settings(default_operator="hash", hash_key_env="REDACTOR_TEST_KEY")


def test_hash_is_stable_for_one_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDACTOR_TEST_KEY", "first key")
    first = replacement_for(ITEM, HASHING)
    again = replacement_for(OperatorInput("ZOFIA NOWACKA", "CHILD", "CHILD 7", ITEM.key), HASHING)
    assert first == again and first.startswith("[CHILD ") and "Zofia" not in first


def test_hash_changes_with_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDACTOR_TEST_KEY", "first key")
    first = replacement_for(ITEM, HASHING)
    monkeypatch.setenv("REDACTOR_TEST_KEY", "second key")
    assert replacement_for(ITEM, HASHING) != first


def test_no_key_no_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDACTOR_TEST_KEY", raising=False)
    with pytest.raises(ConfigError, match="REDACTOR_TEST_KEY"):
        replacement_for(ITEM, HASHING)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Zoë  O’Neill", "zoe o'neill"), ("ŁUKASZ", "łukasz")],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected
