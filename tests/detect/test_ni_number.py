"""National Insurance numbers: allocated prefixes by shape; unissued prefixes only when labelled."""

from __future__ import annotations

import pytest

from redactor.detect.recognizers.ni_number import NINumberRecognizer

from . import reported

RECOGNIZER = NINumberRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("carer JT 48 21 06 B on the form", ["JT 48 21 06 B"]),
        ("JT482106B", ["JT482106B"]),
        ("NI number: QQ 12 34 56 C", ["QQ 12 34 56 C"]),
        ("National Insurance no jt482106b", ["jt482106b"]),
        ("(AB 12 34 56 D)", ["AB 12 34 56 D"]),
    ],
)
def test_ni_numbers_are_found(text: str, expected: list[str]) -> None:
    assert reported(RECOGNIZER, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "QQ 12 34 56 C without a label",
        "GB 12 34 56 A is never issued",
        "DA 12 34 56 A has a barred first letter",
        "JT 48 21 06 E has a bad suffix",
        "KS 12 34 5 short",
        "Y6 12 34 56",
    ],
)
def test_non_ni_numbers_are_not_found(text: str) -> None:
    assert reported(RECOGNIZER, text) == []
