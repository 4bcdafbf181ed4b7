"""Batch throughput with one worker against every core: does `redactor batch` scale?

Writes an invented corpus of .txt files (or uses `--docs DIR`) to a temporary folder, runs
`redactor.batch.run_batch` with 1 worker and then with N workers (default: every core), and prints
files and words per second for each, the speed-up and the speed-up per core.

Rates are steady-state: timed from the first finished file to the last, so the model loading in
each worker (once, before its first file) is reported apart rather than mixed into the rate. Each
run has its own interpreter, as `redactor batch` would.

    python benchmarks/batch_scaling.py                 # 300 invented documents
    python benchmarks/batch_scaling.py -n 600 --workers 2
    python benchmarks/batch_scaling.py --docs ../shared/eval/dev
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import load_docs, make_corpus

from redactor.batch import BatchProgress, run_batch
from redactor.settings import Settings


@dataclass
class Run:
    workers: int
    files: int
    words: int
    wall: float
    first_done: float  # seconds until the first file finished: start-up, model loading
    steady_files_per_s: float
    steady_words_per_s: float


def measure(src: Path, out: Path, workers: int) -> Run:
    marks: list[tuple[float, int]] = []  # (elapsed, words of the file just finished)

    def progress(p: BatchProgress) -> None:
        marks.append((p.elapsed, p.outcome.words))

    summary = run_batch(src, out, Settings(), workers=workers, progress=progress, force=True)
    if summary.refused:
        sys.exit(f"{len(summary.refused)} files refused: {summary.refused[0].reason}")
    span = marks[-1][0] - marks[0][0]
    steady_words = sum(w for _, w in marks[1:])
    return Run(
        workers=summary.workers,
        files=len(marks),
        words=summary.words,
        wall=summary.elapsed,
        first_done=marks[0][0],
        steady_files_per_s=(len(marks) - 1) / span if span > 0 else 0.0,
        steady_words_per_s=steady_words / span if span > 0 else 0.0,
    )


def measure_apart(src: Path, out: Path, workers: int) -> Run:
    """`measure` in a fresh interpreter, so no run inherits a model another one loaded."""
    done = subprocess.run(
        [sys.executable, __file__, "--measure", str(workers), str(src), str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    return Run(**json.loads(done.stdout.splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--docs", type=Path, help="folder of .txt documents (default: invented)")
    parser.add_argument("-n", type=int, default=300, help="invented documents (default 300)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--measure", nargs=3, help=argparse.SUPPRESS)  # internal: one run
    args = parser.parse_args()
    if args.measure:
        workers, src, out = args.measure
        print(json.dumps(dataclasses.asdict(measure(Path(src), Path(out), int(workers)))))
        return

    texts = load_docs(args.docs) if args.docs else make_corpus(args.n, seed=11)
    tmp = Path(tempfile.mkdtemp(prefix="redactor-scaling-"))
    try:
        src = tmp / "src"
        src.mkdir()
        for i, text in enumerate(texts):
            (src / f"doc-{i:05d}.txt").write_text(text, encoding="utf-8")
        print(f"corpus: {len(texts)} documents, {sum(len(t.split()) for t in texts)} words; "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} "
              "(scaling needs idle cores: other work on the machine lowers it)")  # fmt: skip
        runs = [measure_apart(src, tmp / f"out{w}", w) for w in sorted({1, args.workers})]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    for r in runs:
        print(
            f"{r.workers} worker(s): {r.steady_files_per_s:6.1f} files/s "
            f"{r.steady_words_per_s:8.0f} words/s steady; wall {r.wall:.1f} s, "
            f"first file after {r.first_done:.1f} s (model loading)"
        )
    if len(runs) == 2:
        one, many = runs
        speedup = many.steady_words_per_s / one.steady_words_per_s
        print(
            f"speed-up with {many.workers} workers: {speedup:.2f}x "
            f"= {speedup / many.workers:.2f} per core (1.00 is perfect scaling)"
        )


if __name__ == "__main__":
    main()
