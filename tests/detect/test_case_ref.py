"""Case and referral numbers after a label; not plain numbers, money, dates or times."""

from __future__ import annotations

import pytest

from redactor.detect.recognizers.case_ref import CaseReferenceRecognizer

from . import reported

RECOGNIZER = CaseReferenceRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LA ref (Mosaic): 5512093", ["5512093"]),
        ("Ref: EH-2024-0117", ["EH-2024-0117"]),
        ("Our reference for this request is SENA/26/0114.", ["SENA/26/0114"]),
        ("MASH ref MASH-24-118820, strategy meeting", ["MASH-24-118820"]),
        ("CP ref CP/2291/B", ["CP/2291/B"]),
        ("EHCP ref: EHC/NT/40112", ["EHC/NT/40112"]),
        ("police log number 0456 of 14/02", ["0456"]),
        ("Case no. 4471 2290 was closed", ["4471 2290"]),
        ("referral number is 7720331.", ["7720331"]),
        ("Our ref: ADM/KL/0932", ["ADM/KL/0932"]),
        ("Crime ref 41/12345/25 given", ["41/12345/25"]),
        ("Adno 004512", ["004512"]),
        ("exam number 4412", ["4412"]),
        ("Early Help Assessment (EHA) no. EHA-5521", ["EHA-5521"]),
    ],
)
def test_case_references_are_found(text: str, expected: list[str]) -> None:
    assert reported(RECOGNIZER, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The reference we were given is 12/2024.",  # digits alone after loose wording
        "Please see the reference guide",
        "ref 12/03/2024",
        "reference 3",
        "ref £40.00",
        "Ref: 10:30",
        "referral made 2024",
        "log in at 9.30",
        "references: Hughes 2019",
        "The case for change",
        "Room 2231907",
        "We spent 2231907 on books",
        "School URN: 120345",
    ],
)
def test_non_references_are_not_found(text: str) -> None:
    assert reported(RECOGNIZER, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("welfare record RCP-WC-2025-118 opened", ["RCP-WC-2025-118"]),
        ("see log PR-0311-2207.", ["PR-0311-2207"]),
        ("a record 1500 pupils attended", []),
        ("in case 300 more arrive", []),
        ("MASH: 2024-5531 (threshold met)", ["2024-5531"]),
        ("the MASH 2024 review", []),
        ("ID: 55120931", ["55120931"]),
        ("ID: 12", []),
    ],
)
def test_weak_labels_need_a_code_shaped_reference(text: str, expected: list[str]) -> None:
    assert reported(RECOGNIZER, text) == expected
