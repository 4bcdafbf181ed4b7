"""UK postcodes in each format, any case, with or without the space."""

from __future__ import annotations

import pytest

from redactor.detect.recognizers.postcode import UKPostcodeRecognizer

from . import reported

RECOGNIZER = UKPostcodeRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Manchester M1 1AE today", ["M1 1AE"]),  # A9 9AA
        ("Birmingham B33 8TH.", ["B33 8TH"]),  # A99 9AA
        ("London W1A 0AX", ["W1A 0AX"]),  # A9A 9AA
        ("Carlisle CR2 6XH,", ["CR2 6XH"]),  # AA9 9AA
        ("Hinckley LE10 4PX", ["LE10 4PX"]),  # AA99 9AA
        ("Westminster SW1A 1AA", ["SW1A 1AA"]),  # AA9A 9AA
        ("post to GIR 0AA", ["GIR 0AA"]),
        ("lower case le10 4px please", ["le10 4px"]),
        ("no space LE104PX here", ["LE104PX"]),
        ("two: DE1 3QT and NG7 2RD", ["DE1 3QT", "NG7 2RD"]),
        ("(EC1A 1BB)", ["EC1A 1BB"]),
    ],
)
def test_postcodes_are_found(text: str, expected: list[str]) -> None:
    assert reported(RECOGNIZER, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Bus B12 stops outside",
        "Pupils in Y11 sat mocks",
        "KS2 results improved",
        "KS2 4 pupils",
        "Please RSVP by Friday",
        "Form QQ1 1AA is not a postcode area",
        "code LE10-4PX-77",
        "room LE10",
    ],
)
def test_non_postcodes_are_not_found(text: str) -> None:
    assert reported(RECOGNIZER, text) == []
