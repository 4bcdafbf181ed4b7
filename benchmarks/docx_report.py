"""Seconds per document for a 20-page Word report, read -> detect -> plan -> write.

The report is generated here with python-docx (invented names throughout; 20 pages as
LibreOffice lays it out): headings, prose naming pupils and staff, a table per page, a header
and footer, and a few comments. Two detectors are timed on the same file:

- fixed: finds a fixed list of strings (like the tests' FakeDetector), so the figure is the
  .docx reader and writer alone;
- real: `Redactor()` with the project's detector, when it can be built (model loading is not
  timed: one warm-up document first).

    python benchmarks/docx_report.py               # 5 rounds each
    python benchmarks/docx_report.py --rounds 10 --pages 40 --keep /tmp/report.docx
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import docx

from redactor.model import Document, Finding
from redactor.pipeline import Redactor
from redactor.settings import Settings

# every name, street and number here is made up for this script
_PUPILS = [
    "Tamsin Okafor",
    "Odhran Pellew",
    "Ilinca Marsh",
    "Kwabena Rowe",
    "Sunniva Hale",
    "Bartek Nowacki",
    "Ffion Carter",
    "Yusra Dhillon",
    "Caio Ferreira",
    "Wren Abernethy",
]
_STAFF = ["Mrs Lowenna Price", "Mr Teodor Blake", "Ms Keturah Osei", "Dr Florin Vance"]
_PHONES = ["07700 900118", "07700 900342", "01632 960775"]
_PLACES = ["12 Rookery Lane", "7 Tannery Court", "3 Millbrook Close"]
_FILLER_TEXT = (
    "The group worked on reading fluency and short written responses during the week. "
    "Progress was steady and attendance at the morning sessions remained good overall. "
    "Homework was returned on time by most of the class and the reading log was checked. "
)


class FixedDetector:
    """Finds each fixed string wherever it occurs, as whole words."""

    def __init__(self, terms: dict[str, str]):
        self.patterns = [
            (re.compile(rf"(?<!\w){re.escape(t)}(?!\w)"), kind) for t, kind in terms.items()
        ]

    def detect(self, document: Document) -> list[Finding]:
        found = []
        for index, segment in enumerate(document.segments):
            for pattern, kind in self.patterns:
                for m in pattern.finditer(segment.text):
                    found.append(Finding(kind, index, m.start(), m.end(), 1.0, "fixed"))
        return found


def build_report(path: Path, pages: int, seed: int = 7) -> int:
    """Write a report of about `pages` pages (~350 words each); return its word count."""
    rng = random.Random(seed)
    filler_words = _FILLER_TEXT.split()
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = f"Termly review - {_PUPILS[0]} and group"
    section.footer.paragraphs[0].text = f"Prepared by {_STAFF[0]}, SENCo"
    words = 0
    for page in range(pages):
        document.add_heading(f"Section {page + 1}: progress notes", level=2)
        for _ in range(3):
            pupil, adult = rng.choice(_PUPILS), rng.choice(_STAFF)
            filler = " ".join(rng.choice(filler_words) for _ in range(80))
            text = (
                f"{pupil} met with {adult} on Tuesday. {filler}. Contact home on "
                f"{rng.choice(_PHONES)}; the family live at {rng.choice(_PLACES)}."
            )
            paragraph = document.add_paragraph(text)
            words += len(text.split())
            if rng.random() < 0.1:
                document.add_comment(
                    paragraph.runs, text=f"Check with {adult}.", author=adult, initials="XX"
                )
        table = document.add_table(rows=4, cols=3)
        for row in table.rows:
            cells = (rng.choice(_PUPILS), rng.choice(_STAFF), rng.choice(_PHONES))
            for cell, value in zip(row.cells, cells, strict=True):
                cell.text = value
                words += len(value.split())
        document.add_page_break()
    document.core_properties.author = _STAFF[0]
    document.save(str(path))
    return words


def time_one(redactor: Redactor, src: Path, out: Path, rounds: int) -> list[float]:
    redactor.redact_file(src, out)  # warm-up: engines and imports are loaded once
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        redactor.redact_file(src, out)
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="also save the generated report here")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "report.docx"
        words = build_report(src, args.pages)
        if args.keep:
            args.keep.write_bytes(src.read_bytes())
        out = Path(folder) / "out" / "report.docx"
        terms = {name: "CHILD" for name in _PUPILS}
        terms |= {name: "ADULT" for name in _STAFF}
        terms |= {p: "PHONE" for p in _PHONES} | {a: "ADDRESS" for a in _PLACES}
        print(f"report: {args.pages} pages, {words} words, {src.stat().st_size // 1024} KiB")
        runs = {"fixed detector (reader + writer)": Redactor(Settings(), FixedDetector(terms))}
        try:
            real = Redactor()
            real.detector  # noqa: B018 - build now, so a missing engine is reported here
            runs["real detector (Redactor())"] = real
        except Exception as err:  # any failure here only means "not measured"
            print(f"real detector: not measured ({type(err).__name__})")
        for label, redactor in runs.items():
            times = time_one(redactor, src, out, args.rounds)
            print(
                f"{label}: {statistics.median(times):.3f} s/document median "
                f"(min {min(times):.3f}, max {max(times):.3f}, {args.rounds} rounds)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
