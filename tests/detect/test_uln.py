"""Unique Learner Numbers: check digit, or a ULN label."""

from __future__ import annotations

import pytest

from redactor.detect.recognizers._checksums import uln_valid
from redactor.detect.recognizers.uln import ULNRecognizer

from . import reported

RECOGNIZER = ULNRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("learner 4827361958 enrolled", ["4827361958"]),
        ("ULN: 7310045628", ["7310045628"]),
        ("ULN 4827361950 (typed from the form)", ["4827361950"]),
        ("Name\tULN\nOwen Price\t9102847361", ["9102847361"]),
    ],
)
def test_ulns_are_found(text: str, expected: list[str]) -> None:
    assert reported(RECOGNIZER, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "order 4827361950 dispatched",
        "ULN 482736195",
        "0827361958",
        "total 48273619580",
        "£4827361958",
    ],
)
def test_non_ulns_are_not_found(text: str) -> None:
    assert reported(RECOGNIZER, text) == []


@pytest.mark.parametrize(
    ("uln", "valid"), [("4827361958", True), ("4827361950", False), ("0000000000", False)]
)
def test_check_digit(uln: str, valid: bool) -> None:
    assert uln_valid(uln) is valid
