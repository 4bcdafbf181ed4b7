"""NHS numbers: modulus 11, or an NHS label."""

from __future__ import annotations

import pytest

from redactor.detect.recognizers._checksums import nhs_number_valid
from redactor.detect.recognizers.nhs_number import NHSNumberRecognizer

from . import reported

RECOGNIZER = NHSNumberRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patient 943 476 5919 seen", ["943 476 5919"]),
        ("ref 612-384-9204", ["612-384-9204"]),
        ("NHS number: 943 476 5910", ["943 476 5910"]),
        ("NHS no.\t4010232170", ["4010232170"]),
        ("Name\tNHS No\nGrace Dunn\t612 384 9205", ["612 384 9205"]),
    ],
)
def test_nhs_numbers_are_found(text: str, expected: list[str]) -> None:
    assert reported(RECOGNIZER, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Invoice 943 476 5910 paid",
        "count 943 476 59195",
        "943 476-5919 mixes separators",
        "NHS budget 2024",
        "two groups 943 4765919",
    ],
)
def test_non_nhs_numbers_are_not_found(text: str) -> None:
    assert reported(RECOGNIZER, text) == []


def test_a_label_belongs_to_the_first_number_after_it() -> None:
    text = "NHS no 943 476 5910, ULN 4827361950"
    assert reported(RECOGNIZER, text) == ["943 476 5910"]


@pytest.mark.parametrize(
    ("number", "valid"),
    [("9434765919", True), ("9434765910", False), ("4010232170", False), ("6123849204", True)],
)
def test_modulus_11(number: str, valid: bool) -> None:
    assert nhs_number_valid(number) is valid
