"""UK phone numbers by shape: every common way of writing one, and the numbers that are not."""

from __future__ import annotations

import pytest

from redactor.detect.recognizers.phone import UKPhoneRecognizer

from . import reported

RECOGNIZER = UKPhoneRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gran's mobile is 07700 900183.", ["07700 900183"]),
        ("text 07700-900-246 after five", ["07700-900-246"]),
        ("07700.900.351 (dad)", ["07700.900.351"]),
        ("call 07700900472, not the office", ["07700900472"]),
        ("Mob +44 7700 900518", ["+44 7700 900518"]),
        ("Mob +44 (0)7700 900 629 evenings", ["+44 (0)7700 900 629"]),
        ("whatsapp +447700900731", ["+447700900731"]),
        ("from abroad dial 0044 7700 900842", ["0044 7700 900842"]),
        ("Office (01632) 960155", ["(01632) 960155"]),
        ("Office 01632 960266; fax none", ["01632 960266"]),
        ("London line 020 7946 0377.", ["020 7946 0377"]),
        ("Leeds office 0113 496 0488", ["0113 496 0488"]),
        ("Freephone 0800 123 4567 or 0845 601 2345", ["0800 123 4567", "0845 601 2345"]),
        ("Reception 01632 960599, ext. 214, then", ["01632 960599, ext. 214"]),
        ("Direct 020 7946 0612 x214", ["020 7946 0612 x214"]),
        ("Warden 0116-496-0723", ["0116-496-0723"]),
        ("International +44 116 496 0834", ["+44 116 496 0834"]),
        ("Aunt in Dublin +353 87 123 4567", ["+353 87 123 4567"]),
        ("spaced in pairs 07700 90 01 95", ["07700 90 01 95"]),
        ("Tel: 496 0531", ["496 0531"]),
        ("Mob 07700 900 477 (mum) and 07700 900 488 (dad)", ["07700 900 477", "07700 900 488"]),
        ("rang 07700900634 12 times", ["07700900634"]),
        ("07700 900123/07700 900456", ["07700 900123", "07700 900456"]),
        ("07700 900123,07700 900456", ["07700 900123", "07700 900456"]),
        ("Tel (+44) 7700 900123.", ["(+44) 7700 900123"]),
        ("(07700 900123)", ["07700 900123"]),
        ("Mob:07700900123 Tel.01632 960123", ["07700900123", "01632 960123"]),
    ],
)
def test_phone_numbers_are_found(text: str, expected: list[str]) -> None:
    assert reported(RECOGNIZER, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Meeting on 12/03/2024 at the hall",
        "Session 9.30-12.00 then lunch",
        "Trip cost £412.60 per pupil",
        "UPN A123456789012 on file",
        "In 2024 and 2025 results rose",
        "Room 101, Year 10 corridor",
        "There were 1250 pupils and 48 staff",
        "02.12.2015 10.30",
        "01.10.20 14.30",
        "ULN 4827361950",
        "reference 0123456789012345",
        "the number 496 0531 appears",
        "Year 10 set 3",
        "ISBN 978-0141036144",
        "version 2.01632960",
    ],
)
def test_other_numbers_are_not_phones(text: str) -> None:
    assert reported(RECOGNIZER, text) == []


def test_scores_say_shape_is_conclusive() -> None:
    results = RECOGNIZER.analyze("07700 900183", ["PHONE"])
    assert len(results) == 1 and results[0].score >= 0.85


def test_other_entity_requests_are_ignored() -> None:
    assert RECOGNIZER.analyze("07700 900183", ["EMAIL"]) == []
