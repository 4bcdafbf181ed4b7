"""The school's own lists: pupils (a MIS export) and staff.

Accepted column headers (any case; spaces, underscores and hyphens ignored):

| what              | headers                                                                   |
|-------------------|---------------------------------------------------------------------------|
| UPN               | upn, unique pupil number                                                  |
| legal forename    | legal_forename, forename, first_name, given_name, legal_first_name        |
| preferred name    | preferred_forename, preferred_name, preferred_first_name, known_as, nickname |
| middle names      | middle_name, middle_names                                                 |
| surname           | surname, legal_surname, last_name, lastname, family_name                  |
| preferred surname | preferred_surname                                                         |
| date of birth     | dob, date_of_birth, birth_date                                            |
| year group        | year_group, year, ncyear, nc_year                                         |
| initials (staff)  | initials, staff_code                                                      |
| full name         | name, full_name, pupil_name, staff_name  (split on the last space)        |

A pupil file needs a forename and a surname column (or a full name column); a staff file too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from redactor.errors import ConfigError

_ALIASES: dict[str, tuple[str, ...]] = {
    "upn": ("upn", "uniquepupilnumber"),
    "forename": (
        "legalforename",
        "forename",
        "firstname",
        "givenname",
        "legalfirstname",
        "forenames",
    ),
    "preferred": (
        "preferredforename",
        "preferredname",
        "preferredfirstname",
        "knownas",
        "nickname",
    ),
    "middle": ("middlename", "middlenames"),
    "surname": ("surname", "legalsurname", "lastname", "familyname"),
    "preferred_surname": ("preferredsurname",),
    "dob": ("dob", "dateofbirth", "birthdate"),
    "year": ("yeargroup", "year", "ncyear"),
    "initials": ("initials", "staffcode"),
    "name": ("name", "fullname", "pupilname", "staffname"),
}


@dataclass(frozen=True)
class RosterPerson:
    entity_type: str  # CHILD or ADULT
    names: tuple[str, ...]  # every written form: full names, forenames, surnames
    upn: str = ""
    dob: dt.date | None = None
    initials: str = ""


@dataclass
class Roster:
    people: list[RosterPerson] = field(default_factory=list)

    def by_upn(self, upn: str) -> RosterPerson | None:
        key = upn.strip().upper()
        return next((p for p in self.people if p.upn == key), None)


def _key(header: str) -> str:
    return "".join(ch for ch in header.lower() if ch.isalnum())


def _parse_date(value: str) -> dt.date | None:
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def load_roster(path: Path, entity_type: str) -> Roster:
    """Read a pupil (CHILD) or staff (ADULT) list. Errors name the file and column, never data."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ConfigError(f"{path}: roster cannot be read ({err.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise ConfigError(f"{path}: roster is empty")
    columns: dict[str, int] = {}
    for index, header in enumerate(rows[0]):
        for field_name, aliases in _ALIASES.items():
            if _key(header) in aliases and field_name not in columns:
                columns[field_name] = index
    if not ({"forename", "surname"} <= columns.keys() or "name" in columns):
        raise ConfigError(
            f"{path}: roster needs 'forename' and 'surname' columns (or 'name'); "
            "see `redactor redact --help` for the headers accepted"
        )

    def cell(row: list[str], name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    people = []
    for row in rows[1:]:
        if not any(c.strip() for c in row):
            continue
        forename, surname = cell(row, "forename"), cell(row, "surname")
        if not (forename and surname) and cell(row, "name"):
            parts = cell(row, "name").rsplit(" ", 1)
            forename, surname = (parts[0], parts[1]) if len(parts) == 2 else (parts[0], "")
        preferred = cell(row, "preferred")
        names = {forename, surname, preferred, cell(row, "middle"), cell(row, "preferred_surname")}
        for first in {forename, preferred} - {""}:
            for last in {surname, cell(row, "preferred_surname")} - {""}:
                names.add(f"{first} {last}")
        people.append(
            RosterPerson(
                entity_type=entity_type,
                names=tuple(sorted(n for n in names if n)),
                upn=cell(row, "upn").upper(),
                dob=_parse_date(cell(row, "dob")),
                initials=cell(row, "initials"),
            )
        )
    return Roster(people)


def date_forms(day: dt.date) -> list[str]:
    """The ways a date of birth is commonly written in UK school documents."""
    month = day.strftime("%B")
    suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return [
        f"{day:%d/%m/%Y}",
        f"{day.day}/{day.month}/{day.year}",
        f"{day:%d/%m/%y}",
        f"{day:%d-%m-%Y}",
        f"{day:%d.%m.%Y}",
        f"{day:%Y-%m-%d}",
        f"{day.day} {month} {day.year}",
        f"{day.day}{suffix} {month} {day.year}",
        f"{day.day} {month[:3]} {day.year}",
        f"{day.day}{suffix} {month[:3]} {day.year}",
        f"{month} {day.day}, {day.year}",
    ]
