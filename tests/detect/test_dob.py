"""Dates of birth: a date with birth context in any common UK format; other dates are not."""

from __future__ import annotations

import pytest

from redactor.detect.recognizers.dob import DateOfBirthRecognizer

from . import reported

RECOGNIZER = DateOfBirthRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DOB 02/12/2015", ["02/12/2015"]),
        ("D.O.B.: 2/12/15, Year 4", ["2/12/15"]),
        ("dob 02-12-2015", ["02-12-2015"]),
        ("Date of birth 02.12.2015", ["02.12.2015"]),
        ("DOB: 2015-12-02", ["2015-12-02"]),
        ("Date of Birth:\t2 December 2015", ["2 December 2015"]),
        ("She was born on 2nd Dec 2015 in Leicester", ["2nd Dec 2015"]),
        ("birthday: December 2, 2015", ["December 2, 2015"]),
        ("born the 2nd of December 2015", ["2nd of December 2015"]),
        ("DOB 02-Dec-2015 (MIS export)", ["02-Dec-2015"]),
        ("DOB 14 Sept 2016.", ["14 Sept 2016"]),
        ("Date of birth\n07/03/2014\nAddress", ["07/03/2014"]),
        ("Date of birth\n\n07/03/2014", ["07/03/2014"]),
        ("Siblings' DOBs: 3/3/15, 12/12/17 and 1/5/19.", ["3/3/15", "12/12/17", "1/5/19"]),
        ("DOB 02/12/2015. Reviewed 12/03/2024, 19/03/2024", ["02/12/2015"]),
        ("Samir Haddad 07/03/2014 (DOB)", ["07/03/2014"]),
        ("twins born March 2017", ["March 2017"]),
        ("Date of birth of the child named above: 04/09/2013", ["04/09/2013"]),
        ("DOB 03/06/2019 (age 5), reviewed 12/03/2024", ["03/06/2019"]),
        (
            "Name\tDOB\tClass\nAva Nowak\t11/04/2016\tRowan\nLeo Byrne\t3 May 2016\tAsh",
            ["11/04/2016", "3 May 2016"],
        ),
        ("Name\tClass\tDOB\nAva Nowak\t\t11/04/2016", ["11/04/2016"]),  # an empty cell
        ("| Name | DOB |\n| Leo Byrne | 03/05/2016 |", ["03/05/2016"]),
    ],
)
def test_dates_of_birth_are_found(text: str, expected: list[str]) -> None:
    assert reported(RECOGNIZER, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Meeting held on 02/12/2015 in the library",
        "Review date: 14 March 2025",
        "Next TAF 2025-01-20 at 10.00",
        "DOB 31/13/2015 is no date",
        "born in 2015",
        "Name\tStart date\tClass\nAva Nowak\t11/04/2016\tRowan",
        "Her birthday party is on Saturday. The trip is on 12/07/2025 and costs £10.",
    ],
)
def test_other_dates_are_not_found(text: str) -> None:
    assert reported(RECOGNIZER, text) == []
