"""Propagation and roles: every mention of a name found once, and children told from adults."""

from __future__ import annotations

import pytest

from redactor.detect.names.lexicon import lexicon
from redactor.detect.names.propagation import find_mentions, name_forms, short_forms
from redactor.detect.names.roles import classify


def mentions(text: str, *names: str) -> list[str]:
    forms = [f for n in names for f in name_forms(n, "PERSON", lexicon())]
    return [text[m.start : m.end] for m in find_mentions(text, forms)]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Zofia Nowacka arrived. Later ZOFIA said hi; zofia's bag",
            ["Zofia Nowacka"],
            ["Zofia Nowacka", "ZOFIA", "zofia"],
        ),
        ("Nowacka was absent.", ["Zofia Nowacka"], ["Nowacka"]),
        ("Zoe came in. Zoë left.", ["Zoë"], ["Zoe", "Zoë"]),
        ("Lukasz and Łukasz", ["Łukasz"], ["Lukasz", "Łukasz"]),
        ("Grace was late. The grace period.", ["Grace Mbeki"], ["Grace"]),
        ("Darcy-Mae said hello", ["Darcy-Mae Pike"], ["Darcy-Mae"]),
        ("QJ and qj", ["QJ"], ["QJ"]),
        # short forms of a first name found once: diminutives and clipped names
        ("Later alex and Alex came.", ["Alexander Dunmore"], ["alex", "Alex"]),
        ("Bella said no. Issy too.", ["Isabella Ferreira"], ["Bella", "Issy"]),
        ("Fin was upset. A fin and a tail.", ["Finnian Rourke"], ["Fin"]),
        ("Will you sign? Bill sent.", ["William Achterberg"], []),
        # mentions start and end words; the possessive is allowed, other endings are not
        ("Annabel and Ann'll and Ann's coat; Ann-Marie", ["Ann Quorley"], ["Ann"]),
        ("Zofia2 and _Zofia and x-Zofia but Zofia.", ["Zofia Nowacka"], ["Zofia"]),
        ("O'Dwyer's bag and O'Dwyer", ["Siobhan O'Dwyer"], ["O'Dwyer", "O'Dwyer"]),
        # the longest form wins, and spacing inside a full name may vary
        (
            "Zofia\n  Nowacka left; then Nowacka.",
            ["Zofia Nowacka"],
            ["Zofia\n  Nowacka", "Nowacka"],
        ),
    ],
)
def test_mentions(text: str, names: list[str], expected: list[str]) -> None:
    assert mentions(text, *names) == expected


def test_titles_are_not_name_forms() -> None:
    forms = name_forms("Mrs Adebayo", "ADULT", lexicon())
    assert [f.folded for f in forms] == ["adebayo"]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Kacper's mum rang.", "Kacper", "CHILD"),
        ("Kacper (Y4) was late.", "Kacper", "CHILD"),
        ("Kacper (8JG) was late.", "Kacper", "CHILD"),
        ("the pupil Kacper moved seats", "Kacper", "CHILD"),
        ("Spoke with Mrs Adebayo today.", "Adebayo", "ADULT"),
        ("Renata (SW) called.", "Renata", "ADULT"),
        ("mum (Renata) called.", "Renata", "ADULT"),
        ("Renata called.", "Renata", "PERSON"),
    ],
)
def test_roles(text: str, name: str, expected: str) -> None:
    start = text.index(name)
    assert classify(text, start, start + len(name)) == expected


@pytest.mark.parametrize(
    ("name", "expected", "absent"),
    [
        ("Alexander", {"alex", "alec"}, set()),
        ("Finnian", {"fin"}, set()),
        ("William", {"billy"}, {"will", "bill"}),  # words every sentence may start with
        ("Harper", set(), {"har"}),  # a clipped form no one uses as a name
        ("Oluwaseun", set(), set()),
    ],
)
def test_short_forms(name: str, expected: set[str], absent: set[str]) -> None:
    forms = set(short_forms(name, lexicon()))
    assert expected <= forms and not (absent & forms)
