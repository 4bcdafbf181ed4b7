"""FamilyRecognizer and HeaderNameRecognizer: names next to family words, in email headers,
signatures and lists of pupils."""

from __future__ import annotations

import pytest

from redactor.detect.names.family import FamilyRecognizer
from redactor.detect.names.headers import HeaderNameRecognizer


def spans(recognizer: object, text: str) -> list[str]:
    results = recognizer.analyze(text, ["PERSON"], None)  # type: ignore[attr-defined]
    return sorted({text[r.start : r.end] for r in results})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tobiasz's mum rang at 8.", ["Tobiasz"]),
        ("Spoke with mum (Renata) at the gate.", ["Renata"]),
        ("He stays with nanny pauline at weekends.", ["pauline"]),
        ("The nan of Kacper will collect him.", ["Kacper"]),
        ("Maternal grandmother Esmerelda Lovell lives nearby.", ["Esmerelda Lovell"]),
        ("dad (yusuf) collected the parcel", ["yusuf"]),
        ("Meet his key worker, Precious, at nine.", ["Precious"]),
        ("Class teacher: Tendai Moyo", ["Tendai Moyo"]),
        # notes typed without capitals: a first name owning a relative, even one that is a word
        ("heads up - wren's mum rang the office", ["wren"]),
        ("Reading buddy: Oyelaran.", ["Oyelaran"]),
    ],
)
def test_family_names(text: str, expected: list[str]) -> None:
    assert spans(FamilyRecognizer(), text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mum said it was fine.",
        "Dad will ring back.",
        "His uncle may come.",
        "Mum rang twice.",
        "the boy's mum came in",  # a determiner: not a name
        "her reading buddy's dad helped",  # a family word is no name
    ],
)
def test_family_words_alone(text: str) -> None:
    assert spans(FamilyRecognizer(), text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("From: Imelda Ostrowska <i.ostrowska@example.org>", ["Imelda Ostrowska"]),
        ("To: Mr P Hale; Sunita Gill", ["P Hale", "Sunita Gill"]),
        ("Thanks for this.\n\nKind regards,\nBartosz Wrona\nSENCo", ["Bartosz Wrona"]),
        ("Group: Kacper, Zofia, Amara and Tobiasz", ["Amara", "Kacper", "Tobiasz", "Zofia"]),
    ],
)
def test_header_names(text: str, expected: list[str]) -> None:
    assert spans(HeaderNameRecognizer(), text) == expected


def test_header_without_names() -> None:
    assert (
        spans(HeaderNameRecognizer(), "Subject: Trip to the museum\nFrom: office@example.org") == []
    )
