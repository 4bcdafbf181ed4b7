"""CSV files: encoding, delimiter, quoting and line endings are kept; only personal data changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.emit.csv import render
from redactor.errors import InputError
from redactor.ingest.csv import decode_csv, parse, read, sniff_delimiter
from redactor.settings import Settings
from sheet_builders import csv_bytes


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_semicolon_windows_1252_export(fake_redactor, tmp_path, tmp_out) -> None:
    # As a school's MIS writes it on a UK/European Windows machine: cp1252, ";" and CRLF.
    lines = [
        "UPN;Surname;Forename;Year;Notes",
        "A123456789012;Lefèvre;Zoë;5;Zoë’s mum rang – late pick-up",
        'B123456789013;Ó Briain;Seán;5;"Allergy; see plan"',
    ]
    src = _write(tmp_path / "export.csv", csv_bytes(lines, "cp1252"))
    with pytest.raises(UnicodeDecodeError):
        src.read_bytes().decode("utf-8")  # really a Windows-1252 file

    document = read(src, Settings())
    assert document.info["encoding"] == "cp1252" and document.info["delimiter"] == ";"
    hints = {s.locator.cell: s.hint for s in document.segments}
    assert hints["B2"] == "CHILD" and hints["C3"] == "CHILD" and hints["A2"] == "UPN"
    assert hints["D2"] is None and hints["E2"] is None and hints["B1"] is None

    out = tmp_out / "export.csv"
    terms = {"Lefèvre": "CHILD", "Zoë": "CHILD", "Ó Briain": "CHILD", "Seán": "CHILD"}
    fake_redactor(terms).redact_file(src, out)
    data = out.read_bytes()
    text = data.decode("cp1252")
    for name in terms:
        assert name not in text
    assert data.count(b"\r\n") == 3 and text.count(";") == 13  # 12 delimiters, 1 quoted
    assert "pick-up" in text and '"Allergy; see plan"' in text  # untouched fields kept as-is
    assert text.splitlines()[0] == lines[0]


def test_utf8_bom_commas_quotes_and_lf_are_kept(fake_redactor, tmp_path, tmp_out) -> None:
    original = (
        '\ufeff"Name","Class","Comment"\n"Wren Hollis","3A","Wren, again"\n"Ada Moss","3A",""\n'
    )
    src = _write(tmp_path / "list.csv", original.encode("utf-8"))
    out = tmp_out / "list.csv"
    fake_redactor({"Wren Hollis": "PERSON", "Wren": "PERSON"}).redact_file(src, out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "Wren" not in text
    assert "\r" not in text
    first, second, third = text.splitlines()
    assert first == '"Name","Class","Comment"' and third == '"Ada Moss","3A",""'
    assert second.startswith('"[PERSON 1]","3A","[PERSON 1], again"')


def test_tab_delimited_with_a_line_break_inside_a_field(fake_redactor, tmp_path, tmp_out) -> None:
    original = 'Pupil\tConcern\r\nIvo Stannard\t"Said Ivo Stannard\r\nwas upset"\r\n'
    src = _write(tmp_path / "log.csv", original.encode("utf-8"))
    document = read(src, Settings())
    assert document.info["delimiter"] == "\t"
    assert [s.text for s in document.segments][-1] == "Said Ivo Stannard\r\nwas upset"
    out = tmp_out / "log.csv"
    fake_redactor({"Ivo Stannard": "CHILD"}).redact_file(src, out)
    assert out.read_bytes().decode("utf-8") == (
        'Pupil\tConcern\r\n[CHILD 1]\t"Said [CHILD 1]\r\nwas upset"\r\n'
    )


def test_user_encoding_and_output_encoding(fake_redactor, tmp_path, tmp_out) -> None:
    src = _write(tmp_path / "old.csv", "Name,Note\nJosé Peña,ok\n".encode("latin-1"))
    out = tmp_out / "old.csv"
    fake_redactor({"José Peña": "PERSON"}, encoding="latin-1", output_encoding="utf-8").redact_file(
        src, out
    )
    assert out.read_bytes().decode("utf-8") == "Name,Note\n[PERSON 1],ok\n"


def test_a_field_that_now_needs_quotes_gets_them(tmp_path) -> None:
    src = _write(tmp_path / "a.csv", b"Pupil;Class\nNell Varga;2C\n")
    document = read(src, Settings())
    from redactor.model import Edit

    index = next(i for i, s in enumerate(document.segments) if s.text == "Nell Varga")
    edit = Edit(index, 0, 10, "[CHILD; 1]", "CHILD")
    assert render(document, [edit]) == 'Pupil;Class\n"[CHILD; 1]";2C\n'


def test_no_edits_gives_the_same_text(tmp_path) -> None:
    original = 'a,b\r\n"x ""y""",z\r\n\r\n1,2'
    src = _write(tmp_path / "same.csv", original.encode("utf-8"))
    assert render(read(src, Settings()), []) == original


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1,5;2;3\n", ";"),
        ("a\tb\n1\t2\n", "\t"),
        ("single column\nvalue\n", ","),
    ],
)
def test_delimiter_sniffing(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


def test_encoding_rule() -> None:
    assert decode_csv("é".encode(), "f")[1:] == ("utf-8", False)
    assert decode_csv(b"\xef\xbb\xbfx", "f") == ("x", "utf-8", True)
    assert decode_csv("é".encode("cp1252"), "f")[1] == "cp1252"
    utf16 = b"\xff\xfe" + "x,y".encode("utf-16-le")  # Excel's "Unicode text"
    assert decode_csv(utf16, "f") == ("x,y", "utf-16-le", True)


@pytest.mark.parametrize(
    "data", [b"", b"   \n", b'a,"never closed\n1,2\n', b"Name\n\x81\x8d\x8f\x90\x9d\n"]
)
def test_bad_files_are_refused(tmp_path, data: bytes) -> None:
    src = _write(tmp_path / "bad.csv", data)
    with pytest.raises(InputError):
        read(src, Settings())


def test_parse_keeps_offsets() -> None:
    text = 'x,"y,z"\n'
    rows = parse(text, ",", "t")
    assert [(f.value, text[f.start : f.end], f.quoted) for f in rows[0]] == [
        ("x", "x", False),
        ("y,z", '"y,z"', True),
    ]
