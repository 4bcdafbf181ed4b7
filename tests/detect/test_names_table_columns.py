"""TableColumnRecognizer: whole cells under a name header in tables typed into text."""

from __future__ import annotations

import pytest

from redactor.detect.names.table_columns import TableColumnRecognizer


def found(text: str) -> list[tuple[str, str]]:
    results = TableColumnRecognizer().analyze(text, ["PERSON"], None)
    return sorted((text[r.start : r.end], r.recognition_metadata["person_kind"]) for r in results)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # tab-separated export: every surname and forename, however unusual
            "Surname\tForename\tDOB\n"
            "Quillfeather\tMaelis\t03/04/2016\n"
            "de la Vega\tIone\t09/01/2016",
            [
                ("Ione", "CHILD"),
                ("Maelis", "CHILD"),
                ("Quillfeather", "CHILD"),
                ("de la Vega", "CHILD"),
            ],
        ),
        (  # a pipe table with a separator row; the staff column is adults
            "| Pupil | Form | Staff |\n"
            "|---|---|---|\n"
            "| Odhran Penhallow | 8KB | Tamsin Achterberg |",
            [("Odhran Penhallow", "CHILD"), ("Tamsin Achterberg", "ADULT")],
        ),
        (  # titles and notes in brackets are not the name; "Who" cells may be words
            "Time   Item        Who                   Notes\n"
            "1.45   Walk in     all of Y6             music\n"
            "1.50   Welcome     Mr Penhallow (head)   mic 1\n"
            "2.05   Reading     Noor + Idris          lectern",
            [("Idris", "PERSON"), ("Noor", "PERSON"), ("Penhallow", "PERSON")],
        ),
        (  # fixed-width printout
            "Name        Class     Paid\nNoor Idris   4W        yes",
            [("Noor Idris", "PERSON")],
        ),
        (  # the table ends at a blank line; the note below is left to the other rules
            "Surname\tForename\nAchterberg\tGwen\n\nDunmore\tstays after club",
            [("Achterberg", "CHILD"), ("Gwen", "CHILD")],
        ),
    ],
)
def test_name_columns(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Item\tCost\tPaid\nCoach\t£120\tyes",  # no name column
        "Surname\tForename\tDOB\n–\tn/a\t",  # placeholders
        "Notes:\tAsk the office\nName\t2 pupils, 3 staff, 14 parents, 9 governors",  # a form
        "Plain prose with no table at all, mentioning Surname and Forename.",
        "Name of child:\tNoor Idris\nDate of birth:\t3 May 2016",  # a form, not a table
    ],
)
def test_no_names(text: str) -> None:
    assert found(text) == []
