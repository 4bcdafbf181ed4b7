"""Roster files: accepted headers, name forms, errors that name no data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from redactor.detect.names.roster import date_forms, load_roster
from redactor.errors import ConfigError


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "roster.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_mis_export_headers(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "UPN,Legal Forename,Preferred Forename,Surname,DOB,Year Group\n"
        "A123456789012,Wiktoria,Wiki,Nowacka,2016-04-02,Year 4\n",
    )
    [person] = load_roster(path, "CHILD").people
    assert person.entity_type == "CHILD"
    assert {"Wiktoria", "Wiki", "Nowacka", "Wiktoria Nowacka", "Wiki Nowacka"} <= set(person.names)
    assert person.upn == "A123456789012"
    assert person.dob == dt.date(2016, 4, 2)


def test_semicolon_windows_export(tmp_path: Path) -> None:
    path = write(tmp_path, "forename;surname;dob\nZoë;Ashworth;02/03/2015\n", "cp1252")
    [person] = load_roster(path, "CHILD").people
    assert "Zoë Ashworth" in person.names
    assert person.dob == dt.date(2015, 3, 2)


def test_full_name_column(tmp_path: Path) -> None:
    path = write(tmp_path, "Staff Name,Initials\nMarta Kowalczyk,MK\n")
    [person] = load_roster(path, "ADULT").people
    assert "Marta Kowalczyk" in person.names and person.initials == "MK"


def test_missing_columns_error_names_no_data(tmp_path: Path) -> None:
    path = write(tmp_path, "id,colour\n1,Wiktoria Nowacka\n")
    with pytest.raises(ConfigError) as err:
        load_roster(path, "CHILD")
    assert "forename" in str(err.value) and "Wiktoria" not in str(err.value)


def test_date_forms() -> None:
    forms = date_forms(dt.date(2015, 3, 2))
    assert {"02/03/2015", "2/3/2015", "2015-03-02", "2 March 2015", "2nd March 2015"} <= set(forms)
