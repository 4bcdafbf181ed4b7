"""Make samples/clinic-letter.pdf: an invented school letter about a clinic appointment.

    python samples/make_pdf_sample.py

Everyone and everything in it is made up. It has what the PDF reader has to cope with: a letter
head, an address block, a wrapped paragraph, two columns, a small table, a signature and a
sticky-note comment naming the pupil (which the redacted copy drops).
"""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

OUT = Path(__file__).with_name("clinic-letter.pdf")
WIDTH, HEIGHT = 595.0, 842.0


def text(
    pdf: pdfium.PdfDocument,
    page: pdfium.PdfPage,
    x: float,
    top: float,
    value: str,
    size: float = 10.0,
    bold: bool = False,
) -> None:
    """Black Helvetica text with its baseline `top` points below the top of the page."""
    font = b"Helvetica-Bold" if bold else b"Helvetica"
    obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, font, ctypes.c_float(size))
    buffer = ctypes.create_string_buffer((value + "\x00").encode("utf-16-le"))
    pdfium_c.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
    pdfium_c.FPDFPageObj_SetFillColor(obj, 0, 0, 0, 255)
    pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, HEIGHT - top)
    pdfium_c.FPDFPage_InsertObject(page.raw, obj)


def rule(page: pdfium.PdfPage, x0: float, top: float, x1: float) -> None:
    path = pdfium_c.FPDFPageObj_CreateNewPath(x0, HEIGHT - top)
    pdfium_c.FPDFPath_LineTo(path, x1, HEIGHT - top)
    pdfium_c.FPDFPageObj_SetStrokeColor(path, 0, 0, 0, 255)
    pdfium_c.FPDFPageObj_SetStrokeWidth(path, ctypes.c_float(0.6))
    pdfium_c.FPDFPath_SetDrawMode(path, pdfium_c.FPDF_FILLMODE_NONE, True)
    pdfium_c.FPDFPage_InsertObject(page.raw, path)


def lines(
    pdf: pdfium.PdfDocument,
    page: pdfium.PdfPage,
    x: float,
    top: float,
    rows: list[str],
    size: float = 10.0,
) -> float:
    for i, row in enumerate(rows):
        text(pdf, page, x, top + i * size * 1.35, row, size)
    return top + len(rows) * size * 1.35


def width(pdf: pdfium.PdfDocument, value: str, size: float) -> float:
    """How wide `value` is in Helvetica at `size` (measured on a throw-away text object)."""
    obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(size))
    buffer = ctypes.create_string_buffer((value + "\x00").encode("utf-16-le"))
    pdfium_c.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    pdfium_c.FPDFPageObj_Destroy(obj)
    return right.value - left.value


def wrap(pdf: pdfium.PdfDocument, paragraph: str, measure: float, size: float) -> list[str]:
    """Break a paragraph into lines no wider than `measure`, as a word processor would."""
    rows = [""]
    for word in paragraph.split():
        candidate = f"{rows[-1]} {word}".strip()
        if rows[-1] and width(pdf, candidate, size) > measure:
            rows.append(word)
        else:
            rows[-1] = candidate
    return rows


def main() -> None:
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(WIDTH, HEIGHT)
    text(pdf, page, 56, 60, "Larkspur Lane Primary School", 16, bold=True)
    text(pdf, page, 56, 76, "Hollin Road, Brackenford BF4 2QT   01632 960 771", 9)
    rule(page, 56, 84, 539)
    top = lines(
        pdf, page, 56, 110, ["Mr and Mrs Penhallow", "14 Tansy Close", "Brackenford", "BF4 7LW"]
    )
    text(pdf, page, 440, 110, "3 March 2025", 10)
    top = lines(pdf, page, 56, top + 16, ["Dear Mr and Mrs Penhallow,"])
    top = lines(
        pdf,
        page,
        56,
        top + 8,
        wrap(
            pdf,
            "I am writing to confirm the hearing clinic appointment for Marigold Penhallow "
            "(Year 2, date of birth 14/09/2017) on Thursday 13 March at 10:40. The school nurse, "
            "Ms Delphine Ashworth-Vane, will meet you in the Willow Room. Marigold's class "
            "teacher, Mr Osric Fenwick, knows that she will miss the start of the phonics lesson "
            "and will make sure she catches up in the afternoon.",
            483,
            10,
        ),
    )
    # two columns
    col_top = top + 18
    text(pdf, page, 56, col_top, "Before the visit", 11, bold=True)
    text(pdf, page, 310, col_top, "After the visit", 11, bold=True)
    lines(
        pdf,
        page,
        56,
        col_top + 16,
        [
            "Please bring the red health book and any",
            "letters from the audiology team. If you",
            "cannot come, ring the office on 01632",
            "960 771 before 9am that morning.",
        ],
        9,
    )
    lines(
        pdf,
        page,
        310,
        col_top + 16,
        [
            "Ms Ashworth-Vane will send a short note",
            "home with Marigold. Results usually reach",
            "the school within two weeks and we will",
            "share them with you at parents' evening.",
        ],
        9,
    )
    # a small table
    table_top = col_top + 90
    rule(page, 56, table_top - 12, 539)
    for i, row in enumerate(
        [
            ("Who", "Role", "Contact"),
            ("Delphine Ashworth-Vane", "School nurse", "d.ashworth@larkspur.example.sch.uk"),
            ("Osric Fenwick", "Class teacher", "Ext. 214"),
        ]
    ):
        y = table_top + i * 18
        for x, cell in zip((56, 220, 330), row, strict=True):
            text(pdf, page, x, y, cell, 9, bold=i == 0)
        rule(page, 56, y + 6, 539)
    lines(
        pdf, page, 56, table_top + 80, ["Yours sincerely,", "", "Harriet Quennell", "Headteacher"]
    )
    note = pdfium_c.FPDFPage_CreateAnnot(page.raw, pdfium_c.FPDF_ANNOT_TEXT)
    rect = pdfium_c.FS_RECTF(520, 780, 540, 800)
    pdfium_c.FPDFAnnot_SetRect(note, rect)
    contents = ctypes.create_string_buffer(
        "Marigold Penhallow: parents asked for a morning slot\x00".encode("utf-16-le")
    )
    pdfium_c.FPDFAnnot_SetStringValue(
        note, b"Contents", ctypes.cast(contents, ctypes.POINTER(pdfium_c.FPDF_WCHAR))
    )
    pdfium_c.FPDFPage_CloseAnnot(note)
    page.gen_content()
    page.close()
    pdf.save(OUT)
    pdf.close()
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
