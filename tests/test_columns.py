"""Column headers -> entity hints (ingest.columns), and the header row finder."""

from __future__ import annotations

import pytest

from redactor.ingest.columns import (
    CellLocator,
    column_letter,
    find_header_row,
    hint_for_header,
    hint_for_value,
)

HEADER_TABLE = [
    # children
    ("Pupil", "CHILD"),
    ("Pupil name", "CHILD"),
    ("Child", "CHILD"),
    ("Child's name", "CHILD"),
    ("Student", "CHILD"),
    ("Forename", "CHILD"),
    ("First name", "CHILD"),
    ("Surname", "CHILD"),
    ("Last Name", "CHILD"),
    ("Legal surname", "CHILD"),
    ("Preferred forename", "CHILD"),
    ("Known as", "CHILD"),
    ("Given name", "CHILD"),
    ("Given by", "ADULT"),  # a medicine log: the member of staff who gave the dose
    ("Set by", "ADULT"),
    ("Witness", "ADULT"),
    ("Who", "PERSON"),  # an action table's owner
    ("Paid by", None),  # cash or card, not a person
    ("Family", None),
    ("Name of pupil", "CHILD"),
    # adults
    ("Parent", "ADULT"),
    ("Parent/Carer", "ADULT"),
    ("Parent / carer name", "ADULT"),
    ("Contact", "ADULT"),
    ("Contact 1 name", "ADULT"),
    ("Emergency contact", "ADULT"),
    ("Staff", "ADULT"),
    ("Staff member", "ADULT"),
    ("Class teacher", "ADULT"),
    ("Key worker", "ADULT"),
    ("Keyworker", "ADULT"),
    ("Parent surname", "ADULT"),
    ("Recorded by", "ADULT"),
    ("Social worker", "ADULT"),
    ("GP name", "ADULT"),
    ("Staff initials", "ADULT"),
    ("Form tutor", "ADULT"),
    ("Siblings", "CHILD"),
    # a plain name
    ("Name", "PERSON"),
    ("Full name", "PERSON"),
    ("NAME", "PERSON"),
    # data columns
    ("Address", "ADDRESS"),
    ("Home address", "ADDRESS"),
    ("Postcode", "POSTCODE"),
    ("Post code", "POSTCODE"),
    ("Phone", "PHONE"),
    ("Mobile", "PHONE"),
    ("Parent mobile", "PHONE"),
    ("Tel.", "PHONE"),
    ("Contact number", "PHONE"),
    ("Emergency contact phone", "PHONE"),
    ("Email", "EMAIL"),
    ("E-mail", "EMAIL"),
    ("Email address", "EMAIL"),
    ("Parent email", "EMAIL"),
    ("DOB", "DOB"),
    ("D.O.B.", "DOB"),
    ("Date of birth", "DOB"),
    ("Birth date", "DOB"),
    ("UPN", "UPN"),
    ("Unique Pupil Number", "UPN"),
    ("ULN", "ULN"),
    ("NHS number", "NHS_NUMBER"),
    ("NHS No", "NHS_NUMBER"),
    ("NI number", "NI_NUMBER"),
    ("National Insurance number", "NI_NUMBER"),
    # free text: full text detection
    ("Notes", None),
    ("Comments", None),
    ("Concern", None),
    ("Action", None),
    ("Action taken", None),
    ("Details", None),
    # not personal
    ("Year group", None),
    ("Class", None),
    ("Consent", None),
    ("Parent consent", None),
    ("Pupil premium", None),
    ("Staff present?", None),
    ("Date", None),
    ("Attendance %", None),
    ("Sessions missed", None),
    ("Tutor group", None),
    ("Form", None),
    ("Contact 1 relationship", None),
    ("Initials", None),
    ("", None),
]


@pytest.mark.parametrize(("header", "expected"), HEADER_TABLE)
def test_header_hint(header: str, expected: str | None) -> None:
    assert hint_for_header(header) == expected


@pytest.mark.parametrize("value", ["n/a", "N/A", "-", "Total", "  ", "tbc", "Yes"])
def test_placeholders_in_hinted_columns_are_not_hinted(value: str) -> None:
    assert hint_for_value("CHILD", value) is None


def test_values_in_hinted_columns_take_the_hint() -> None:
    assert hint_for_value("CHILD", "Wren") == "CHILD"
    assert hint_for_value(None, "Wren") is None


def test_header_row_is_found_below_a_title() -> None:
    rows = [
        ["Year 4 swimming register", ""],
        ["", ""],
        ["Surname", "Forename", "Class"],
        ["Oakes", "Tamsin", "4B"],
    ]
    assert find_header_row(rows) == 2


def test_header_row_without_known_headers_is_the_first_text_row() -> None:
    rows = [["12", "14"], ["Colour", "Shape"], ["red", "round"]]
    assert find_header_row(rows) == 1
    assert find_header_row([["only one"]]) is None


def test_column_letters() -> None:
    assert [column_letter(n) for n in (1, 2, 26, 27, 52, 703)] == ["A", "B", "Z", "AA", "AZ", "AAA"]


def test_describe_names_the_sheet_by_position_not_title() -> None:
    loc = CellLocator(sheet="Tamsin Oakes", cell="B4", kind="cell", sheet_index=2)
    assert loc.describe() == "sheet2!B4"
    comment = CellLocator(sheet="Tamsin Oakes", cell="B4", kind="comment", sheet_index=2)
    assert comment.describe() == "sheet2!B4 comment"
    assert "Tamsin" not in CellLocator("Tamsin", "", "sheet-name", "", 3).describe()
    assert CellLocator(cell="C7").describe() == "C7"
