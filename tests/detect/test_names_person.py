"""PersonRecognizer rules that need no spaCy model: titles, known names, initials + surname,
lower-case names, SURNAME, Forename. (Rules using part-of-speech tags are covered by the model
tests in tests/test_engine.py.)"""

from __future__ import annotations

import pytest

from redactor.detect.names.person import PersonRecognizer


@pytest.fixture(scope="module")
def recognizer() -> PersonRecognizer:
    return PersonRecognizer()


def spans(recognizer: PersonRecognizer, text: str) -> list[str]:
    return sorted({text[r.start : r.end] for r in recognizer.analyze(text, ["PERSON"], None)})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please ask Mrs Okonjo-Hale about the form.", ["Okonjo-Hale"]),
        ("Call Mr. Brennan tomorrow.", ["Brennan"]),
        ("Seen by Dr Priyanka Sethi today.", ["Priyanka Sethi"]),
        ("Ms D. Kowalska will attend.", ["D. Kowalska"]),
        ("Spoke to Mr Mac an tSaoir at length.", ["Mac an tSaoir"]),
        ("Tobiasz sat with Wiktoria at lunch.", ["Tobiasz", "Wiktoria"]),
        ("Oluwaseun Adeyemi joined the group.", ["Oluwaseun Adeyemi"]),
        ("Marisol de Souza is new.", ["Marisol de Souza"]),
        ("Signed: R. Okafor", ["R. Okafor"]),
        ("Given by J Pennington at 12.00", ["J Pennington"]),
        ("Export row: KOWALCZYK, Zuzanna", ["KOWALCZYK, Zuzanna"]),
        ("Export row: ASHWORTH, Grace", ["ASHWORTH, Grace"]),
        ("- tomasz – settled well this week", ["tomasz"]),
        ("thx priyanka for the cakes", ["priyanka"]),
        ("Maisie-Rose Pike arrived late.", ["Maisie-Rose Pike"]),
        # the register's name before the name a child goes by, in any case
        ("- tj okonkwo-baptiste (chidi) – inhaler in office", ["chidi", "tj okonkwo-baptiste"]),
        ("Meds for Kaz Wierzbicki (Kazimierz) are due.", ["Kaz Wierzbicki", "Kazimierz"]),
        # the head of a line of notes: time stamp or year group, name, then a dash or colon
        ("3.40 ollie marsh – mum came, all fine", ["ollie", "ollie marsh"]),
        ("Y4 – Tamsin Quillfeather: new glasses", ["Tamsin Quillfeather"]),
        # titles typed in lower case
        ("told him to ask mrs achterberg in yr 5", ["achterberg"]),
        ("mr p asked about the trip", ["p"]),
        # what a child is called, greetings, a month that is a first name before a surname
        ("At home she is called Didi by everyone.", ["Didi"]),
        ("Dear Mrs Raghunathan,", ["Raghunathan"]),
        ("Hi Odhran, thanks for this.", ["Odhran"]),
        ("Jun Szczepanik (Y4) joined on Monday.", ["Jun", "Szczepanik"]),
        ("I spoke to Mr Dos Santos after school.", ["Dos Santos"]),
        ('"Nobody lets us play" — Sunniva, Ash (Y6).', ["Sunniva"]),
        ("wren (yr3) stung by a wasp", ["wren"]),
        ("concerned Wiktoria\n   Nowacka, who", ["Wiktoria\n   Nowacka"]),
    ],
)
def test_finds_names(recognizer: PersonRecognizer, text: str, expected: list[str]) -> None:
    assert spans(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The grace period ends on Friday.",
        "Please mark the register before nine.",
        "We hope the trip goes ahead.",
        "Reading and Maths results are attached.",
        "Transition info from St Peter's CE Primary is attached.",
        "The go-to plan is on the one-page profile.",
        "Take an A Level course next year.",
        "He ran to the gate and back.",
        "Monday: INSET day. Tuesday: Christmas fair.",
        "- spellings due (Tobiasz) on friday",  # an ordinary word before a bracketed name
        "- Hope House – quiet room for the afternoon",  # a room, not a person
        "Hi All, thanks Everyone for coming.",
        "I will miss assembly tomorrow.",
        "A game called Tag at break.",
        '"Best day ever" – Anonymous',
    ],
)
def test_leaves_ordinary_words(recognizer: PersonRecognizer, text: str) -> None:
    assert spans(recognizer, text) == []


def test_possessive_is_outside_the_span(recognizer: PersonRecognizer) -> None:
    text = "Please check Tobiasz's reading book."
    assert spans(recognizer, text) == ["Tobiasz"]


def test_results_explain_themselves_without_text(recognizer: PersonRecognizer) -> None:
    text = "Mrs Okonjo-Hale rang."
    result = recognizer.analyze(text, ["PERSON"], None)[0]
    reason = result.recognition_metadata["reason"]
    assert reason and "Okonjo" not in reason


def test_speaker_before_a_verb_of_speech_needs_no_tag(recognizer: PersonRecognizer) -> None:
    # no spaCy document here, so no part-of-speech tag: the verb of speech is the evidence
    text = "The group went quiet after Zuzu said it was unfair."
    assert spans(recognizer, text) == ["Zuzu"]
    assert spans(recognizer, "The group went quiet after Zuzu left.") == []


def test_a_role_before_a_bracketed_name_is_not_part_of_it(recognizer: PersonRecognizer) -> None:
    assert spans(recognizer, "Contact the DSL (Kazimierz) first.") == ["Kazimierz"]
