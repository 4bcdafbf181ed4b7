"""Planning: overlaps merged, one tag per person across every way they are written."""

from __future__ import annotations

import pytest

from redactor.ingest.text import document_from_text
from redactor.model import Finding
from redactor.settings import Settings
from redactor.transform.apply import apply_edits_to_segments
from redactor.transform.plan import merge_overlaps, plan_edits


def find(doc_text: str, entity: str, *surfaces: str) -> list[Finding]:
    document = document_from_text(doc_text)
    out = []
    for index, segment in enumerate(document.segments):
        for surface in surfaces:
            start = 0
            while (pos := segment.text.find(surface, start)) >= 0:
                out.append(Finding(entity, index, pos, pos + len(surface), 0.9, "test"))
                start = pos + len(surface)
    return out


def redact(text: str, findings: list[Finding], **settings: object) -> str:
    document = document_from_text(text)
    edits = plan_edits(document, findings, Settings().with_changes(**settings))
    return "\n".join(apply_edits_to_segments(document, edits))


def test_same_person_same_tag_in_every_form() -> None:
    text = "Wiktoria Nowacka (Y4) arrived.\nLater WIKTORIA said hi and Nowacka's mum rang."
    findings = find(text, "PERSON", "Wiktoria Nowacka", "WIKTORIA", "Nowacka")
    findings = [f for f in findings if not (f.segment == 0 and f.start == 9)]  # inner overlap
    out = redact(text, findings)
    assert out == "[PERSON 1] (Y4) arrived.\nLater [PERSON 1] said hi and [PERSON 1]'s mum rang."


def test_child_anywhere_makes_the_person_a_child() -> None:
    text = "Kacper Lis is new.\nKacper's mum rang."
    findings = find(text, "PERSON", "Kacper Lis") + find(text, "CHILD", "Kacper")[1:]
    assert redact(text, findings) == "[CHILD 1] is new.\n[CHILD 1]'s mum rang."


def test_different_people_different_tags() -> None:
    text = "Zofia and Tobiasz and Zofia"
    findings = find(text, "PERSON", "Zofia", "Tobiasz")
    assert redact(text, findings) == "[PERSON 1] and [PERSON 2] and [PERSON 1]"


def test_phones_match_by_digits() -> None:
    text = "Ring 07700 900123 or +44 7700 900123 or 01632 960000."
    findings = find(text, "PHONE", "07700 900123", "+44 7700 900123", "01632 960000")
    assert redact(text, findings) == "Ring [PHONE 1] or [PHONE 1] or [PHONE 2]."


def test_overlaps_merge_to_their_union() -> None:
    merged = merge_overlaps(
        [
            Finding("PERSON", 0, 0, 5, 0.6, "a"),
            Finding("ADDRESS", 0, 3, 12, 0.9, "b"),
            Finding("PHONE", 0, 20, 25, 0.9, "c"),
        ]
    )
    assert [(f.start, f.end, f.entity_type) for f in merged] == [
        (0, 12, "ADDRESS"),
        (20, 25, "PHONE"),
    ]


@pytest.mark.parametrize(
    ("operator", "expected"),
    [
        ("tag", "Call [PERSON 1] on [PHONE 1]."),
        ("redact", "Call [REDACTED] on [REDACTED]."),
        ("mask", "Call ***** on ***** ******."),
    ],
)
def test_operators(operator: str, expected: str) -> None:
    text = "Call Zofia on 07700 900123."
    findings = find(text, "PERSON", "Zofia") + find(text, "PHONE", "07700 900123")
    assert redact(text, findings, default_operator=operator) == expected


def test_operator_per_entity_type() -> None:
    text = "Call Zofia on 07700 900123."
    findings = find(text, "PERSON", "Zofia") + find(text, "PHONE", "07700 900123")
    out = redact(text, findings, operators=(("PHONE", "mask"),))
    assert out == "Call [PERSON 1] on ***** ******."


def test_surname_first_is_the_same_person() -> None:
    text = "Zofia Nowacka (Y4) joined.\nNOWACKA, Zofia is on the register."
    findings = find(text, "CHILD", "Zofia Nowacka") + find(text, "PERSON", "NOWACKA, Zofia")
    assert redact(text, findings) == "[CHILD 1] (Y4) joined.\n[CHILD 1] is on the register."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short form of one person's first name is that person
        (
            "Alexander Brockway (Y5) won.\nAlex was proud.",
            "[CHILD 1] (Y5) won.\n[CHILD 1] was proud.",
        ),
        # two people it could shorten: it stays a person of its own
        (
            "Alexander Brockway and Alexandra Pike won.\nAlex was proud.",
            "[CHILD 1] and [CHILD 2] won.\n[CHILD 3] was proud.",
        ),
    ],
)
def test_short_form_shares_the_tag_of_the_only_person_it_shortens(text: str, expected: str) -> None:
    alex = Finding("CHILD", 1, 0, 4, 0.9, "test")  # "Alex" opening the second line
    findings = [*find(text, "CHILD", "Alexander Brockway", "Alexandra Pike"), alex]
    assert redact(text, findings) == expected
