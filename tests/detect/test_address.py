"""Street addresses, house names, flats, postal blocks, streets where a family lives, and
Traveller site pitches; and the streets, rooms and schools that are not home addresses."""

from __future__ import annotations

import pytest

from redactor.detect.recognizers.address import UKAddressRecognizer, street_names

from . import reported, scores

RECOGNIZER = UKAddressRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They live at 22 Oak Court.", ["22 Oak Court"]),
        ('Family moved to "Larchmont", Kiln Bank in May.', ['"Larchmont", Kiln Bank']),
        ("They have moved to Top Flat, 9 Saltash Street.", ["Top Flat, 9 Saltash Street"]),
        ('Address: "Heather Cottage", Nab Lane, Hebden', ['"Heather Cottage", Nab Lane']),
        ("The cousins live on the Greystones site.", ["Greystones site"]),
        ("Post to 7a Sandpiper Rd, please", ["7a Sandpiper Rd"]),
        ("Moved to 3-5 Upper Mill Street", ["3-5 Upper Mill Street"]),
        ("Flat 3, 22 Oak Court", ["Flat 3, 22 Oak Court"]),
        ("visit Flat 2B Mill House on Monday", ["Flat 2B Mill House"]),
        ("Rose Cottage, Mill Road", ["Rose Cottage, Mill Road"]),
        ("Visit Ivy Cottage, 3 Green Lane today", ["Ivy Cottage, 3 Green Lane"]),
        ("Apartment 5, The Maltings, 2 Quay Street", ["Apartment 5, The Maltings, 2 Quay Street"]),
        ("Flat 6, 14 Heron Court, Butts Lane", ["Flat 6, 14 Heron Court, Butts Lane"]),
        ("12 St Anne's Road", ["12 St Anne's Road"]),
        ("No. 10 Kingfisher Walk", ["10 Kingfisher Walk"]),
        ("at 3 Poplar St. on Monday", ["3 Poplar St"]),
        (
            "Mrs Kaur\n19 Thistle Grove\nBarwell\nLE9 8ZZ\n\nDear Mrs Kaur",
            ["19 Thistle Grove\nBarwell\nLE9 8ZZ"],
        ),
        (
            "Home: 4 Larch Drive, Earl Shilton, Leics, LE9 7QQ.",
            ["4 Larch Drive, Earl Shilton, Leics, LE9 7QQ"],
        ),
        ("19 THISTLE GROVE\nBARWELL\nLE9 8ZZ", ["19 THISTLE GROVE\nBARWELL\nLE9 8ZZ"]),
        ("Osprey Way, LE10 3AB", ["Osprey Way, LE10 3AB"]),
        ("she lives with nan on Wren Close", ["Wren Close"]),
        ("The family moved to Beech Avenue in May", ["Beech Avenue"]),
        ("address: Hawthorn Way", ["Hawthorn Way"]),
        ("at home on Clover Rise all week", ["Clover Rise"]),
        ("Dad's flat on Tanners Row", ["Tanners Row"]),
        ("lives at 4 wren close with nan", ["4 wren close"]),
        ("Pitch 6, Meadow Lane site", ["Pitch 6, Meadow Lane site"]),
        ("on plot 4 at the Oakfield site since", ["plot 4 at the Oakfield site"]),
        ("council site; family have been on pitch 9 since 2020", ["pitch 9"]),
        ("Mum's caravan is on pitch 2", ["pitch 2"]),
        (
            "had been on plot 9 at the Charnwood caravan site",
            ["plot 9 at the Charnwood caravan site"],
        ),
        ("The Old Rectory, Church Lane", ["The Old Rectory, Church Lane"]),
        ("Flat C, 40 Linden Grove", ["Flat C, 40 Linden Grove"]),
        ("they live at Ivy Cottage now", ["Ivy Cottage"]),
        ("staying at Meadow View Cottage with her aunt", ["Meadow View Cottage"]),
        ("lives on Wren Close's top end", ["Wren Close"]),  # possessive stays outside
        ("we sleep at auntie's now, on\nThistle Road", ["Thistle Road"]),
        ("Room 14, Elm Hotel, 9-11 Bath Road", ["Room 14, Elm Hotel, 9-11 Bath Road"]),
        ("Home address: 7 The Crescent, Burbage, LE10 2AB", ["7 The Crescent, Burbage, LE10 2AB"]),
        ("Bramble Farm\nMarket Bosworth\nCV13 0ZZ", ["Bramble Farm\nMarket Bosworth\nCV13 0ZZ"]),
        ("MRS J COLE\nCHURCH LANE\nQUORN\nLE12 8ZZ", ["CHURCH LANE\nQUORN\nLE12 8ZZ"]),
    ],
)
def test_addresses_are_found(text: str, expected: list[str]) -> None:
    assert reported(RECOGNIZER, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the taxi firm on Rugby Road",
        "Meeting at Larchmont, Kiln Bank.",  # no residence before the house name
        "We visited the Greystones site for a meeting.",  # a site nobody is said to live on
        "Room 6",
        "Year 4 Close reading",
        "Street Dance club on Tuesdays",
        "Year 5 played on pitch 2 at lunch",
        "Year 4 Park Lane trip",
        "Chapter 3 Oak Road",
        "2 very close friends",
        "The Avenue",
        "Dr Patel saw him",
        "St Mary's CE Primary",
        "The trip to Tudor House was fun",
        "Interviews in Room 4, Kestrel House",
        "SCHOOL NEWS FROM CHURCH LANE",
    ],
)
def test_non_addresses_are_not_reported(text: str) -> None:
    assert reported(RECOGNIZER, text) == []


def test_a_school_named_after_its_street_scores_low() -> None:
    assert max(scores(RECOGNIZER, "He joined Park Lane Primary in Year 3"), default=0) < 0.5


def test_a_street_without_residence_context_scores_below_reporting() -> None:
    found = scores(RECOGNIZER, "the taxi firm on Rugby Road")
    assert found and max(found) < 0.5


def test_a_pitch_in_a_postal_block_is_one_span() -> None:
    text = "Mr T Lee\nPitch 11, Brookside Park\nOld Fen Road\nEly CB7 4ZZ\n"
    assert reported(RECOGNIZER, text) == ["Pitch 11, Brookside Park\nOld Fen Road\nEly CB7 4ZZ"]


def test_a_football_pitch_in_a_park_is_not_an_address() -> None:
    assert reported(RECOGNIZER, "Year 5 football on pitch 2, Victoria Park") == []


@pytest.mark.parametrize(
    "text",
    ["She lives with Mark Green and the twins", "moved in with Rosie Hill last week"],
)
def test_a_person_whose_surname_is_a_street_type_is_not_an_address(text: str) -> None:
    assert reported(RECOGNIZER, text) == []


def test_street_names_inside_an_address() -> None:
    assert street_names('"Heather Cottage", Nab Lane, Hebden, HX7 1AB') == ["Nab Lane"]
