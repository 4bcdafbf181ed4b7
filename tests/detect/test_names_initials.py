"""InitialsRecognizer: initials where the layout says they stand for a person."""

from __future__ import annotations

import pytest

from redactor.detect.names.initials import InitialsRecognizer, is_initials


@pytest.fixture(scope="module")
def recognizer() -> InitialsRecognizer:
    return InitialsRecognizer()


def spans(recognizer: InitialsRecognizer, text: str) -> list[str]:
    return sorted({text[r.start : r.end] for r in recognizer.analyze(text, ["PERSON"], None)})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Present: GT, WO, LMcK", ["GT", "LMcK", "WO"]),
        ("Apologies: RV", ["RV"]),
        ("Minutes typed up by QJ", ["QJ"]),
        ("Counted and checked – VB / OT", ["VB"]),
        ("Training given to TK, WM, BZ.", ["BZ", "TK", "WM"]),
        ("VB to ring the family on Monday.", ["VB"]),
        ("TK gave the termly report.", ["TK"]),
        ("Part-time timetable: GH (Y10) – 3 days", ["GH"]),
        ("Reviewed with the pupil Z.K. and the class.", ["Z.K."]),
        ("In art L drew a house.", ["L"]),
        ("zq trying him in the library w/ vb", ["vb", "zq"]),
        ("Ask whether J-P talks about home in French.", ["J-P"]),
        ("We think E-J has settled in well.", ["E-J"]),
        # acronym-looking pairs where the layout says person
        ("Present: DT (chair), GP, KM", ["DT", "GP", "KM"]),
        ("Meeting offered to DA and RB next week.", ["DA", "RB"]),
        ("Dwayne Carter (DC) – co-opted governor", ["DC"]),
        ("Any updates to SÓC by Friday please.", ["SÓC"]),
        ("think it's sorted, pls keep an eye on it. - bh", ["bh"]),
        ("consider alternatives — RDS will work elsewhere", ["RDS"]),
    ],
)
def test_finds_initials(recognizer: InitialsRecognizer, text: str, expected: list[str]) -> None:
    assert spans(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The SENCo and the DSL met about the EHCP.",
        "PE kit must be labelled; KS2 SATs are in May.",
        "TO DO: book the room.",
        "Plan B is to meet at the hall.",
        "Ring the NHS 111 line.",
        "Pupils with surnames A-M go to the hall; grades A-C are a pass.",
        "Use the A-Z index.",
        "Seen by the GP on Monday; DA support offered.",  # acronyms in running text
        "Please bring PE and RE books.",
    ],
)
def test_leaves_acronyms(recognizer: InitialsRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


@pytest.mark.parametrize(
    ("token", "expected"),
    [("QJ", True), ("LMcK", True), ("SEN", False), ("DSL", False), ("Mr", False), ("ABCDE", False)],
)
def test_is_initials(token: str, expected: bool) -> None:
    assert is_initials(token) is expected
