"""Recall per entity type and per name-origin group on our own annotated documents
(tests/eval/): a regression in detection fails CI. Floors sit a little below what the tool
measures today, so that they catch a real drop, not noise."""

from __future__ import annotations

import pytest

from eval_markup import Score, load, parse, score
from redactor.pipeline import Redactor

pytestmark = pytest.mark.model

LABEL_FLOORS = {
    "CHILD": 0.96,
    "ADULT": 0.96,
    "ADDRESS": 0.9,
    "PHONE": 1.0,
    "EMAIL": 1.0,
    "DOB": 0.95,
    "ID": 1.0,
}
GROUP_FLOOR = 0.9
OVER_REDACTION_CEILING = 0.02


@pytest.fixture(scope="module")
def measured() -> Score:
    redactor = Redactor()
    documents = [(plain, spans, redactor.redact_text(plain)) for _, plain, spans in load()]
    return score(documents)


@pytest.mark.parametrize("label", sorted(LABEL_FLOORS))
def test_recall_per_label(measured: Score, label: str) -> None:
    assert measured.recall(label) >= LABEL_FLOORS[label]


def test_every_name_group_is_covered_and_above_the_floor(measured: Score) -> None:
    expected = {
        "white_british",
        "irish",
        "eastern_european",
        "south_asian",
        "east_asian",
        "black_african",
        "black_caribbean",
        "arabic",
        "turkish",
        "southern_european",
        "traveller",
        "word_name",
    }
    assert expected <= set(measured.groups)
    low = {
        g: round(measured.group_recall(g), 3)
        for g in measured.groups
        if measured.group_recall(g) < GROUP_FLOOR
    }
    assert not low


def test_over_redaction(measured: Score) -> None:
    assert measured.over_redaction <= OVER_REDACTION_CEILING


def test_scorer_counts_a_leak() -> None:
    plain, spans = parse("Ring [[ADULT/irish|Niamh]] on [[PHONE|07700 900111]] today.")
    leaked = score([(plain, spans, "Ring Niamh on [PHONE 1] today.")])
    assert leaked.recall("ADULT") == 0.0 and leaked.recall("PHONE") == 1.0
    assert leaked.over_redaction == 0.0
    over = score([(plain, spans, "[X] [X] on [PHONE 1] [X].")])
    assert over.recall("ADULT") == 1.0 and over.over_redaction == pytest.approx(2 / 3)
