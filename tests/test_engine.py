"""The whole text pipeline with the real spaCy model: detection, propagation, roster, allow
and deny lists, keep-child, column hints. Marked `model`: slower, still run in CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.errors import ConfigError
from redactor.model import Document, Segment
from redactor.pipeline import Redactor
from redactor.settings import Settings

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor()


NOTE = """Year 5 briefing
Tobiasz Wrona (Y5) had a hard morning. Tobiasz's mum (Renata) rang at 8.10 on 07700 900461.
Mrs Okafor will ring her back. Later TOBIASZ settled and read with Amara.
Home: 14 Larkspur Close, Hinckley, LE10 3QT. DOB 03/05/2015.
The grace period for trip money ends Friday; please mark the register.
"""


def test_note_is_cleaned(redactor: Redactor) -> None:
    out = redactor.redact_text(NOTE)
    for gone in (
        "Tobiasz",
        "TOBIASZ",
        "Wrona",
        "Renata",
        "Okafor",
        "Amara",
        "07700 900461",
        "Larkspur",
        "LE10 3QT",
        "03/05/2015",
    ):
        assert gone not in out, gone
    for kept in ("Year 5 briefing", "grace period", "mark the register", "rang at 8.10"):
        assert kept in out, kept


def test_one_tag_per_child(redactor: Redactor) -> None:
    out = redactor.redact_text(NOTE)
    first_line = out.splitlines()[1]
    tag = first_line.split(" (Y5)")[0]
    assert tag.startswith("[CHILD ")
    assert out.count(tag) == 3  # full name, possessive, capitals


def test_adults_and_children_told_apart(redactor: Redactor) -> None:
    out = redactor.redact_text("Kacper Lis (Y3) was upset. Mrs Adeyemi spoke to him.")
    assert "[CHILD 1]" in out and "Mrs [ADULT 1]" in out


def test_staff_initials_found_everywhere(redactor: Redactor) -> None:
    out = redactor.redact_text("Present: QJ, VB, WO\n\nQJ opened the meeting. Thanks to VB.")
    assert "QJ" not in out and "VB" not in out and "WO" not in out


def test_allow_and_deny(tmp_path: Path) -> None:
    settings = Settings().with_changes(allow=("Wren",), deny=("Bluebell",))
    r = Redactor(settings)
    out = r.redact_text("Wren class went out. Bluebell stayed in with Mr Hale.")
    assert "Wren class" in out and "Bluebell" not in out and "Hale" not in out


def write_roster(tmp_path: Path) -> Path:
    path = tmp_path / "pupils.csv"
    path.write_text(
        "UPN,Legal Forename,Preferred Forename,Surname,DOB,Year Group\n"
        "K801234567012,Charlotte,Lottie,Ashworth,2015-02-11,Year 5\n"
        "M801234567029,Hope,Hope,King,2016-06-01,Year 4\n",
        encoding="utf-8",
    )
    return path


def test_roster_finds_every_form(tmp_path: Path) -> None:
    r = Redactor(Settings().with_changes(roster=write_roster(tmp_path)))
    out = r.redact_text("Lottie A. and hope were late. CA laughed. Lottie's UPN K801234567012.")
    assert "Lottie" not in out and "CA" not in out and "K801234567012" not in out
    assert "[CHILD" in out


def test_keep_child_leaves_that_child_only(tmp_path: Path) -> None:
    settings = Settings().with_changes(roster=write_roster(tmp_path), keep_child="K801234567012")
    out = Redactor(settings).redact_text("Lottie Ashworth sat with Hope King. Lottie was happy.")
    assert "Lottie Ashworth" in out and "Lottie was happy" in out
    assert "Hope" not in out and "King" not in out


def test_keep_child_needs_a_known_upn(tmp_path: Path) -> None:
    settings = Settings().with_changes(roster=write_roster(tmp_path), keep_child="X000000000000")
    with pytest.raises(ConfigError, match="UPN"):
        Redactor(settings).redact_text("anything")


def test_column_hints_make_whole_cells_findings(redactor: Redactor) -> None:
    document = Document(
        [
            Segment("Surname"),
            Segment("Ng", hint="CHILD", group="row2"),
            Segment("Needs reminding about Ng's inhaler", group="row2"),
        ],
        format="text",
    )
    _, edits = redactor.process(document)
    replaced = {(e.segment, document.segments[e.segment].text[e.start : e.end]) for e in edits}
    assert (1, "Ng") in replaced and (2, "Ng") in replaced


def test_report_reasons_hold_no_text(redactor: Redactor) -> None:
    _, result = redactor.redact_text_result(NOTE)
    for finding in result.findings:
        assert "Tobiasz" not in finding.reason and "Renata" not in finding.reason


def test_names_in_table_cells_and_class_names(redactor: Redactor) -> None:
    document = Document(
        [
            Segment("Handwriting – Cian Gallagher", group="row1"),
            Segment("Lego therapy – Wei, Cian", group="row1"),
            Segment("Class support", group="row1"),
            Segment("Tobiasz joins Maple class on Monday."),
        ],
        format="text",
    )
    _, edits = redactor.process(document)
    replaced = {document.segments[e.segment].text[e.start : e.end] for e in edits}
    assert {"Cian Gallagher", "Cian", "Tobiasz"} <= replaced
    assert "Maple" not in replaced and "Class" not in replaced


def test_batched_redaction_matches_one_by_one(redactor: Redactor) -> None:
    texts = [NOTE, "Kacper Lis (Y3) was upset.", "Nothing personal here.", NOTE.upper()]
    assert redactor.redact_texts(texts) == [redactor.redact_text(t) for t in texts]


def test_keep_child_is_reported_without_the_name(tmp_path: Path) -> None:
    settings = Settings().with_changes(roster=write_roster(tmp_path), keep_child="K801234567012")
    _, result = Redactor(settings).redact_text_result("Lottie Ashworth sat with Hope King.")
    assert any("keep-child" in note for note in result.notes)
    assert not any("Lottie" in note or "Ashworth" in note for note in result.notes)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ('Ibrahim Haddad ("Ibby") was calm. Ibby sat down.', ["Ibby"], ["was calm"]),
        ("We spoke about Tobiasz (Wrona, Y5, DOB 03/05/2015).", ["Wrona"], ["Y5"]),
        (
            "Mrs Meera Joshi (Safeguarding & SEND governor) joined.",
            ["Joshi"],
            ["Safeguarding & SEND governor"],
        ),
        ("Cedar Science – Grace B + Kai Z pairs", ["Grace", "Kai"], ["Cedar Science"]),
        ("- tomasz – good week. thx to dariusz in the office", ["tomasz", "dariusz"], ["office"]),
    ],
)
def test_nicknames_initials_and_lower_case(
    redactor: Redactor, text: str, gone: list[str], kept: list[str]
) -> None:
    out = redactor.redact_text(text)
    assert not [g for g in gone if g in out]
    assert all(k in out for k in kept)


def test_notes_typed_without_capitals(redactor: Redactor) -> None:
    notes = (
        "fri notes\n"
        "- zofia + hope fell out again at lunch, sorted\n"
        "- mark covering the minibus run, we will label the bags\n"
        "- kacper off mon, mum says chickenpox\n"
        "- please keep rm 3 free and well done everyone\n"
        "- we hope the trip goes ahead\n"
    )
    out = redactor.redact_text(notes)
    assert "zofia" not in out and "kacper" not in out and "mark covering" not in out
    assert "+ hope fell" not in out  # a name here
    assert "we hope the trip" in out and "we will label" in out  # words there
    assert "rm 3 free" in out and "well done" in out


def test_chat_export_typed_without_capitals(redactor: Redactor) -> None:
    # a pasted chat: speakers capitalised by the app, messages in lower case after time stamps
    chat = (
        "[08:02] Gwen Achterberg: morning all, anyone got the minibus keys\n"
        "[08:05] Tamsin Dunmore: in the office drawer as always\n"
        "[08:10] Gwen Achterberg: thx. heads up – summer's mum rang, she's in late\n"
        "[08:12] Tamsin Dunmore: will do. brooke crying by the gate again, i'll go\n"
        "[08:20] Gwen Achterberg: can you log it pls, we will talk at break\n"
        "[08:31] Tamsin Dunmore: done, logged it\n"
    )
    out = redactor.redact_text(chat)
    assert "summer's" not in out and "brooke" not in out
    assert "will do" in out and "we will talk" in out and "can you log" in out


def test_a_street_of_the_home_address_is_found_again_alone(redactor: Redactor) -> None:
    text = (
        "Address: 14 Saltash Street, Hebden, HX7 1AB\n"
        "Mum says they walk home up Saltash Street after club.\n"
        "The trip goes along Canal Street."
    )
    out = redactor.redact_text(text)
    assert "Saltash" not in out
    assert "Canal Street" in out  # a street no address named stays


def test_lower_case_first_name_brings_its_surname_in_notes(redactor: Redactor) -> None:
    notes = (
        "mon 12.25 top yard\n"
        "ollie szczepanik and kai fell out over the football, sorted\n"
        "tues wet play, all fine\n"
        "weds milo in a mood again, spoke to him\n"
        "thurs nothing to report\n"
    )
    out = redactor.redact_text(notes)
    assert "szczepanik" not in out and "ollie" not in out
    assert "fell out over the football" in out


def test_a_class_name_before_a_year_group_is_no_nickname(redactor: Redactor) -> None:
    out = redactor.redact_text("Quotes from Zofia Nowacka (Willow, Y5) and the Willow class.")
    assert "Zofia" not in out and "Willow class" in out


def test_ordinary_words_stay_in_the_vocabulary_and_names_do_not(redactor: Redactor) -> None:
    # Ordinary words keep their spaCy entry (spaCy is faster when it knows them); a new name
    # goes with its memory zone, so a long batch of new names does not grow the vocabulary.
    redactor.redact_text("Quillondra Vexhaven walked to the harbour with her umbrella.")
    vocab = redactor.detector.analyzer.nlp_engine.get_nlp("en").vocab  # type: ignore[attr-defined]
    assert "harbour" in vocab and "umbrella" in vocab
    assert "Quillondra" not in vocab and "Vexhaven" not in vocab
