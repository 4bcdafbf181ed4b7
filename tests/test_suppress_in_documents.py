"""`redact --suppress`: count tables inside Word documents are protected in place."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from redactor.errors import UnsupportedContentError

COUNTS = [
    ["Ethnicity", "Boys", "Girls", "Total"],
    ["White British", "12", "14", "26"],
    ["Pakistani", "2", "9", "11"],
    ["Black African", "8", "7", "15"],
    ["Total", "22", "30", "52"],
]


def write_table(path: Path, rows: list[list[str]]) -> None:
    document = docx.Document()
    document.add_paragraph("Pupils by ethnicity, written by Amelia Thornbury")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(str(path))


def read_table(path: Path) -> list[list[str]]:
    table = docx.Document(str(path)).tables[0]
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_small_cells_hidden_with_their_complements(fake_redactor, tmp_path: Path) -> None:
    source, out = tmp_path / "table.docx", tmp_path / "out.docx"
    write_table(source, COUNTS)
    result = fake_redactor({"Amelia Thornbury": "ADULT"}, suppress=True).redact_file(source, out)
    cells = read_table(out)
    assert cells[2][1] == "c"  # the 2 is a primary cell
    hidden = [(r, c) for r, row in enumerate(cells) for c, v in enumerate(row) if v == "c"]
    assert len(hidden) >= 4  # a lone hidden cell in a row with a total is recoverable
    for r, row in enumerate(cells):  # visible cells and totals unchanged
        for c, value in enumerate(row):
            assert value in (COUNTS[r][c], "c")
    assert cells[4] == COUNTS[4]
    assert "Amelia" not in docx.Document(str(out)).paragraphs[0].text
    assert result.counts()["SMALL_GROUP"] == len(hidden)


def test_without_the_option_tables_are_left(fake_redactor, tmp_path: Path) -> None:
    source, out = tmp_path / "table.docx", tmp_path / "out.docx"
    write_table(source, COUNTS)
    fake_redactor({}).redact_file(source, out)
    assert read_table(out) == COUNTS


def test_a_table_that_cannot_be_protected_fails_closed(fake_redactor, tmp_path: Path) -> None:
    source, out = tmp_path / "table.docx", tmp_path / "out.docx"
    write_table(source, [["Group", "Count", "Total"], ["A", "1", "1"], ["Total", "1", "1"]])
    with pytest.raises(UnsupportedContentError):
        fake_redactor({}, suppress=True).redact_file(source, out)
    assert not out.exists()


def test_small_cells_in_a_pdf_table_are_boxed(fake_redactor, tmp_path: Path) -> None:
    import pdfplumber

    from pdf_builders import Page, build_pdf, ruled_table

    texts, rules = ruled_table(56, 100, [110, 60, 60, 60], COUNTS)
    source = build_pdf(tmp_path / "table.pdf", [Page(texts=texts, rules=rules)])
    out = tmp_path / "out.pdf"
    result = fake_redactor({}, suppress=True).redact_file(source, out)
    hidden = result.counts()["SMALL_GROUP"]
    assert hidden >= 4
    with pdfplumber.open(out) as pdf:
        text = pdf.pages[0].extract_text()
    words = text.split()
    assert "2" not in words  # the primary cell is gone from the text layer
    assert "52" in words and "White" in words  # totals and labels stay
