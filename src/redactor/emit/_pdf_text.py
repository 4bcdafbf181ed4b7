"""Text objects for the PDF writer, through pypdfium2's raw PDFium API.

Only the standard Helvetica font is used (nothing embedded, nothing from the system), so text is
limited to what its WinAnsi encoding holds: other letters are written without their accents
("ą" -> "a") or as "?". The text is either invisible (render mode 3: the searchable layer over the
page image) or filled black (form field values).
"""

from __future__ import annotations

import ctypes
import unicodedata

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

__all__ = ["advance", "place_text", "winansi"]

_FONT = b"Helvetica"

# Helvetica advance widths (thousandths of an em, from its AFM) for printable ASCII; other
# characters take their base letter's width, else 556. PDFium's object bounds measure ink, not
# advance, so they cannot size a run to the box it replaces.
_ASCII_WIDTHS = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 "
    "556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 "
    "556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 "
    "500 500 500 334 260 334 584"
)
_WIDTHS = {chr(32 + i): int(w) for i, w in enumerate(_ASCII_WIDTHS.split())}
_WIDTHS.update(
    {
        "\u2013": 556,
        "\u2014": 1000,
        "\u2018": 222,
        "\u2019": 222,
        "\u201c": 333,
        "\u201d": 333,
        "\u2022": 350,
        "\u2026": 1000,
        "\u20ac": 556,
        "\u00a3": 556,
    }
)


def advance(text: str, size: float) -> float:
    """Width of `text` set in Helvetica at `size` points."""
    total = 0
    for ch in text:
        width = _WIDTHS.get(ch)
        if width is None:
            base = unicodedata.normalize("NFKD", ch)[:1]
            width = _WIDTHS.get(base, 556)
        total += width
    return total * size / 1000


def winansi(text: str) -> str:
    """`text` reduced to characters Helvetica's WinAnsi encoding can show."""
    out = []
    for ch in text:
        if ch in "\t\n\r":
            out.append(" ")
            continue
        if unicodedata.category(ch).startswith("C"):
            continue
        try:
            ch.encode("cp1252")
            out.append(ch)
            continue
        except UnicodeEncodeError:
            pass
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        try:
            base.encode("cp1252")
            out.append(base)
        except UnicodeEncodeError:
            out.append("?")
    return "".join(out)


def _set_text(obj: ctypes.c_void_p, text: str) -> None:
    buffer = ctypes.create_string_buffer((text + "\x00").encode("utf-16-le"))
    if not pdfium_c.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR))):
        raise RuntimeError("PDFium could not set a text object's text")


def place_text(
    pdf: pdfium.PdfDocument,
    page: pdfium.PdfPage,
    text: str,
    *,
    x: float,
    baseline: float,
    size: float,
    width: float | None = None,
    max_width: float | None = None,
    invisible: bool = True,
) -> None:
    """Add `text` to `page` with its baseline at (`x`, `baseline`) in PDF space (y up), squeezed
    or stretched sideways to `width`, or only squeezed to fit `max_width`, when given."""
    text = winansi(text)
    if not text or size <= 0:
        return
    obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, _FONT, ctypes.c_float(size))
    if not obj:
        raise RuntimeError("PDFium could not make a text object")
    _set_text(obj, text)
    if invisible:
        pdfium_c.FPDFTextObj_SetTextRenderMode(obj, pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE)
    else:
        pdfium_c.FPDFPageObj_SetFillColor(obj, 0, 0, 0, 255)
    scale = 1.0
    if width or max_width:
        natural = advance(text, size)
        if natural > 0 and width:
            scale = min(max(width / natural, 0.1), 10.0)
        elif natural > 0 and max_width and natural > max_width:
            scale = max(max_width / natural, 0.2)
    pdfium_c.FPDFPageObj_Transform(obj, scale, 0, 0, 1, x, baseline)
    pdfium_c.FPDFPage_InsertObject(page.raw, obj)
