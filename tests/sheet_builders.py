"""Small invented workbooks and CSV files for the spreadsheet tests, and a way to see every piece
of text a workbook holds (every XML part of the zip), so tests can assert that a name is gone
from the whole file, not only from the place the reader looked."""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook


def register(
    headers: Sequence[str], rows: Sequence[Sequence[Any]], title: str = "Register"
) -> Workbook:
    """A workbook whose first sheet holds a header row and the given rows."""
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = title
    ws.append(list(headers))
    for row in rows:
        ws.append(list(row))
    return workbook


def save(workbook: Workbook, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def package_text(path: Path) -> str:
    """Every XML part's text and attribute values, unescaped, plus other parts' readable bytes."""
    pieces = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            text = data.decode("utf-8", errors="ignore")
            if name.endswith((".xml", ".rels", ".vml")):
                text = html.unescape(text)
            pieces.append(f"--- {name}\n{text}")
    return "\n".join(pieces)


def add_part(path: Path, name: str, data: bytes, content_type: str | None = None) -> None:
    """Add a part to a saved workbook (and its content type), as another program would."""
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts[name] = data
    if content_type:
        types = parts["[Content_Types].xml"].decode("utf-8")
        override = f'<Override PartName="/{name}" ContentType="{content_type}"/>'
        parts["[Content_Types].xml"] = re.sub("</Types>", override + "</Types>", types).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part_name, part_data in parts.items():
            archive.writestr(part_name, part_data)


def part_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def csv_bytes(lines: Sequence[str], encoding: str, newline: str = "\r\n") -> bytes:
    """CSV file bytes from ready-made lines, as a school system would save them."""
    return (newline.join(lines) + newline).encode(encoding)


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def link_to_other_workbook(path: Path, coordinate: str, cached: str) -> None:
    """Make `coordinate` on the first sheet read cell A1 of another workbook (as "[1]Contacts!A1")
    with `cached` as its cached value, as Excel saves such a link: an externalLink part holding
    a copy of the other workbook's values. The cell must already hold "=[1]Contacts!A1"."""
    external = (
        f'<externalLink xmlns="{_MAIN}" xmlns:r="{_REL}"><externalBook r:id="rId1">'
        '<sheetNames><sheetName val="Contacts"/></sheetNames><sheetDataSet>'
        f'<sheetData sheetId="0"><row r="1"><cell r="A1" t="str"><v>{cached}</v></cell></row>'
        "</sheetData></sheetDataSet></externalBook></externalLink>"
    )
    external_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/externalLinkPath" '
        'Target="file:///C:/Office/contacts.xlsx" TargetMode="External"/></Relationships>'
    )
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = sheet.replace(
        f'<c r="{coordinate}"><f>[1]Contacts!A1</f><v></v></c>',
        f'<c r="{coordinate}" t="str"><f>[1]Contacts!A1</f><v>{cached}</v></c>',
    )
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    book = parts["xl/workbook.xml"].decode()
    book = book.replace(
        "</sheets>",
        f'</sheets><externalReferences><externalReference xmlns:r="{_REL}" r:id="rId99"/>'
        "</externalReferences>",
    )
    parts["xl/workbook.xml"] = book.encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rId99" Type="{_REL}/externalLink" '
        'Target="externalLinks/externalLink1.xml"/></Relationships>',
    )
    parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    parts["xl/externalLinks/externalLink1.xml"] = external.encode()
    parts["xl/externalLinks/_rels/externalLink1.xml.rels"] = external_rels.encode()
    types = parts["[Content_Types].xml"].decode()
    override = (
        '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>'
    )
    parts["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


_THREAD_REL = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment"
_THREAD_TYPE = "application/vnd.ms-excel.threadedcomments+xml"
_PERSON_TYPE = "application/vnd.ms-excel.person+xml"


def add_threaded_comment(path: Path, ref: str, text: str, author: str) -> None:
    """Add an Excel 365 threaded comment on `ref` of the first sheet, and its author, as Excel
    writes them (Excel also keeps a plain note copy, which the caller adds with openpyxl)."""
    ns = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"
    person_id = "{00000000-0000-0000-0000-000000000001}"
    thread = (
        f'<ThreadedComments xmlns="{ns}"><threadedComment ref="{ref}" '
        f'dT="2025-01-14T10:00:00.00" personId="{person_id}" '
        f'id="{{00000000-0000-0000-0000-000000000002}}"><text>{text}</text></threadedComment>'
        "</ThreadedComments>"
    )
    persons = (
        f'<personList xmlns="{ns}"><person displayName="{author}" id="{person_id}" '
        'userId="u1" providerId="None"/></personList>'
    )
    add_part(path, "xl/threadedComments/threadedComment1.xml", thread.encode(), _THREAD_TYPE)
    add_part(path, "xl/persons/person.xml", persons.encode(), _PERSON_TYPE)
    rels_name = "xl/worksheets/_rels/sheet1.xml.rels"
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    rels = parts.get(rels_name, b"").decode() or (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        "</Relationships>"
    )
    rel = (
        f'<Relationship Id="rIdThread" Type="{_THREAD_REL}" '
        'Target="../threadedComments/threadedComment1.xml"/>'
    )
    parts[rels_name] = rels.replace("</Relationships>", rel + "</Relationships>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
