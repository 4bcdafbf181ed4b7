"""Rows per second through the spreadsheet path: read -> detect -> plan -> write an .xlsx register.

Generates an invented 5,000-row pupil register (surname, forename, DOB, UPN, parent, mobile,
email, address, postcode, year, class and a free-text note that names the pupil), then times
each stage twice:

- *fixed detection*: every hinted cell is one finding (what the column contract promises) and
  nothing else is looked at; this measures the reader, planner and writer alone;
- *real detection*: the project's detector (spaCy + Presidio + recognizers), when it can be built.

    python benchmarks/xlsx_rows.py               # 5,000 rows
    python benchmarks/xlsx_rows.py --rows 20000 --no-real
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from redactor.emit import write_document
from redactor.errors import RedactorError
from redactor.ingest import read_document
from redactor.model import Document, Finding
from redactor.pipeline import Redactor
from redactor.settings import Settings

SURNAMES = [
    "Ashdown",
    "Bexley",
    "Carrow",
    "Dunmore",
    "Elstow",
    "Fenwick",
    "Gorran",
    "Hale",
    "Iverson",
    "Jessop",
    "Kilbride",
    "Lomax",
    "Marchetti",
    "Nkemelu",
    "Okafor",
    "Penrose",
]
FORENAMES = [
    "Alys",
    "Bram",
    "Cerys",
    "Dev",
    "Effie",
    "Finlo",
    "Greer",
    "Hamza",
    "Isla",
    "Jago",
    "Kit",
    "Lowri",
    "Milo",
    "Nia",
    "Orla",
    "Pip",
    "Quinn",
    "Rhys",
    "Suki",
    "Tobias",
]
ADULTS = ["Joanna", "Mark", "Priya", "Tomasz", "Wendy", "Yusuf", "Claire", "Dean"]
STREETS = ["Mill Lane", "Orchard Close", "Station Road", "Quarry Rise", "Beech Grove"]
NOTES = [
    "{f} settled well after half term.",
    "Mum says {f} has asthma; inhaler in office.",
    "{f} {s} to sit near the front (hearing).",
    "No concerns.",
    "Collected by {a} on Fridays.",
]


def make_register(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = "Register"
    ws.append(["Surname", "Forename", "DOB", "UPN", "Parent/Carer", "Mobile", "Email",
               "Address", "Postcode", "Year", "Class", "Notes"])  # fmt: skip
    for n in range(rows):
        s, f, a = rng.choice(SURNAMES), rng.choice(FORENAMES), rng.choice(ADULTS)
        ws.append([
            s, f, dt.datetime(2014 + n % 7, 1 + n % 12, 1 + n % 28),
            f"A{800000000000 + n:012d}", f"{a} {s}", f"07700 9{n % 100000:05d}",
            f"{a.lower()}.{s.lower()}{n}@example.org",
            f"{1 + n % 90} {rng.choice(STREETS)}, Tadbury", f"TD{1 + n % 9} {n % 10}QX",
            f"Y{1 + n % 6}", f"{1 + n % 6}{'ABC'[n % 3]}",
            rng.choice(NOTES).format(f=f, s=s, a=a),
        ])  # fmt: skip
    workbook.save(path)


class HintDetector:
    """Fixed detection: each hinted segment is one finding of its hinted type."""

    def detect(self, document: Document) -> list[Finding]:
        return [
            Finding(s.hint, i, 0, len(s.text), 1.0, "column", "column header")
            for i, s in enumerate(document.segments)
            if s.hint
        ]


def run(label: str, redactor: Redactor, src: Path, out: Path, rows: int) -> None:
    settings = redactor.settings
    t0 = time.perf_counter()
    document = read_document(src, settings)
    t1 = time.perf_counter()
    findings = redactor.detect(document)
    t2 = time.perf_counter()
    edits = redactor.plan(document, findings)
    t3 = time.perf_counter()
    write_document(document, edits, out, settings)
    t4 = time.perf_counter()
    total = t4 - t0
    print(
        f"{label:<18} {rows / total:9.0f} rows/s  total {total:6.2f}s  "
        f"(read {t1 - t0:.2f}s, detect {t2 - t1:.2f}s, plan {t3 - t2:.2f}s, "
        f"write {t4 - t3:.2f}s; {len(document.segments)} segments, {len(edits)} edits)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--no-real", action="store_true", help="skip the real detector")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "register.xlsx"
        t = time.perf_counter()
        make_register(src, args.rows)
        print(f"generated {args.rows} rows x 12 columns in {time.perf_counter() - t:.1f}s")
        settings = Settings()
        run("fixed detection", Redactor(settings, HintDetector()), src, Path(folder) / "a.xlsx",
            args.rows)  # fmt: skip
        if args.no_real:
            return 0
        real = Redactor(settings)
        try:
            t = time.perf_counter()
            real.detect(Document([], "text"))  # build the engine
            print(f"real detector built in {time.perf_counter() - t:.1f}s (not counted below)")
        except (RedactorError, ImportError) as err:
            print(f"real detection: skipped ({type(err).__name__}: {err})")
            return 0
        run("real detection", real, src, Path(folder) / "b.xlsx", args.rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
