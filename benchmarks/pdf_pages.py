"""PDF reader and writer speed and output size: seconds per page and output bytes per page.

    python benchmarks/pdf_pages.py [--pages 20] [--dpi 200] [FILE.pdf ...]

Without files it builds a test document of dense text pages (one column, two columns and a table
on each, 40-odd lines) in a temporary folder. Detection is left out (it has its own benchmark):
a stand-in marks every capitalised word after "Mr", "Mrs" or "Ms" and every phone-like number, so
the writer draws a realistic number of boxes (about 50 a page). Reading and writing are timed
separately; the writer is timed at the chosen dpi and also at 150 and 300 for comparison.
"""

from __future__ import annotations

import argparse
import ctypes
import re
import statistics
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from redactor.emit.pdf import write
from redactor.ingest.pdf import read
from redactor.model import Document, Finding
from redactor.settings import Settings
from redactor.transform.plan import plan_edits

WORDS = (
    "the class will visit the museum on Friday and parents are asked to send a packed lunch "
    "with a named water bottle while the reading group meets in the library after break"
).split()
PEOPLE = ["Mr Alder", "Mrs Brook", "Ms Corran", "Mr Dunmore", "Mrs Elswick", "Ms Farrow"]


def _text(pdf: pdfium.PdfDocument, page: pdfium.PdfPage, x: float, y: float, value: str) -> None:
    obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(9))
    buffer = ctypes.create_string_buffer((value + "\x00").encode("utf-16-le"))
    pdfium_c.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
    pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
    pdfium_c.FPDFPage_InsertObject(page.raw, obj)


def _line(n: int, words: int) -> str:
    out = [WORDS[(n * 7 + i) % len(WORDS)] for i in range(words)]
    if n % 2 == 0:
        out.insert(3, PEOPLE[n % len(PEOPLE)])
    if n % 5 == 0:
        out.append(f"07700 900 {100 + n % 900:03d}")
    return " ".join(out)


def build(path: Path, pages: int) -> Path:
    pdf = pdfium.PdfDocument.new()
    for p in range(pages):
        page = pdf.new_page(595, 842)
        y, n = 790.0, p * 100
        for _ in range(16):  # one column
            _text(pdf, page, 56, y, _line(n, 13))
            y, n = y - 12, n + 1
        y -= 14
        for row in range(14):  # two columns
            _text(pdf, page, 56, y - row * 12, _line(n + row, 6))
            _text(pdf, page, 310, y - row * 12, _line(n + 40 + row, 6))
        y -= 14 * 12 + 14
        for row in range(12):  # a table
            for col, x in enumerate((56, 200, 400)):
                _text(pdf, page, x, y - row * 12, _line(n + 60 + row * 3 + col, 3))
        page.gen_content()
        page.close()
    pdf.save(path)
    pdf.close()
    return path


_FIND = re.compile(r"\b(?:Mr|Mrs|Ms) [A-Z][a-z]+|\b07\d{3} \d{3} \d{3}\b")


def findings(document: Document) -> list[Finding]:
    return [
        Finding("PHONE" if m.group()[0].isdigit() else "PERSON", i, m.start(), m.end(), 1.0, "x")
        for i, segment in enumerate(document.segments)
        for m in _FIND.finditer(segment.text)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--dpi", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = args.files or [build(folder / "bench.pdf", args.pages)]
        print(
            f"{'file':<28} {'pages':>5} {'dpi':>4} {'read s/page':>12} {'write s/page':>13}"
            f" {'KB/page':>8} {'edits':>6}"
        )
        for source in files:
            for dpi in sorted({150, args.dpi, 300}):
                settings = Settings().with_changes(pdf_dpi=dpi)
                reads, writes = [], []
                for _ in range(2):
                    start = time.perf_counter()
                    document = read(source, settings)
                    reads.append(time.perf_counter() - start)
                    edits = plan_edits(document, findings(document), settings)
                    out = folder / f"out-{dpi}.pdf"
                    start = time.perf_counter()
                    write(document, edits, out, settings)
                    writes.append(time.perf_counter() - start)
                pages = len(document.payload.pages)
                size = out.stat().st_size
                print(
                    f"{source.name[:28]:<28} {pages:>5} {dpi:>4} "
                    f"{statistics.median(reads) / pages:>12.3f} "
                    f"{statistics.median(writes) / pages:>13.3f} "
                    f"{size / pages / 1024:>8.1f} {len(edits) / pages:>6.1f}"
                )


if __name__ == "__main__":
    main()
