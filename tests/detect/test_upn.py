"""Unique Pupil Numbers: check letter validated; a mistyped one is still found when labelled."""

from __future__ import annotations

import pytest

from redactor.detect.recognizers._checksums import upn_check_letter, upn_valid
from redactor.detect.recognizers.upn import UPNRecognizer

from . import reported, scores

RECOGNIZER = UPNRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UPN: M938201455012", ["M938201455012"]),
        ("pupil Y855210911047 transferred", ["Y855210911047"]),
        ("temporary Q30120190300A until the LA replies", ["Q30120190300A"]),
        ("K372400518093, M938201455012", ["K372400518093", "M938201455012"]),
        # check letter wrong (A instead of M), but labelled: a mistyped UPN still identifies
        ("UPN A938201455012", ["A938201455012"]),
        ("U.P.N. A938201455012", ["A938201455012"]),
        ("CTF file for Zara: UPN S938201455012", ["S938201455012"]),  # S is never issued
        ("Name\tYear\tUPN\nTia Ward\tY3\tA938201455012", ["A938201455012"]),
    ],
)
def test_upns_are_found(text: str, expected: list[str]) -> None:
    assert reported(RECOGNIZER, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I938201455012 uses a letter never issued",
        "M93820145501 is one digit short",
        "M9382014550123 is one digit long",
        "ABC938201455012",
        "order 938201455012",
    ],
)
def test_non_upns_are_not_found(text: str) -> None:
    assert reported(RECOGNIZER, text) == []


def test_scores_rank_valid_over_labelled_over_bare() -> None:
    valid = scores(RECOGNIZER, "M938201455012")[0]
    labelled = scores(RECOGNIZER, "UPN A938201455012")[0]
    bare = scores(RECOGNIZER, "code A938201455012")[0]
    assert valid >= 0.85 and labelled >= 0.6 and valid > labelled > bare


@pytest.mark.parametrize(
    ("upn", "valid"),
    [("M938201455012", True), ("Q30120190300A", True), ("N938201455012", False)],
)
def test_check_letter(upn: str, valid: bool) -> None:
    assert upn_valid(upn) is valid
    assert upn_check_letter("93820145501I") is None  # I is never a UPN character
