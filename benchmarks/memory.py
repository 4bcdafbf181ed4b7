"""Memory per worker: peak RSS, and whether a long run grows (spaCy's vocabulary does).

Runs one `Redactor` over N invented documents whose names are new in almost every document, as
a worker in a long batch would, and prints the resident memory and the size of spaCy's string
store at the start (after the model is loaded and one document processed) and every `--every`
documents, then the peak. (The lexeme column is spaCy's count of entries ever made, which only
goes up; the entries a memory zone frees are not subtracted.)

    python benchmarks/memory.py                    # 2,000 documents
    python benchmarks/memory.py -n 500 --every 100
    python benchmarks/memory.py --batch -n 2000    # the workers of a real batch

Detection already runs inside spaCy 3.8's `nlp.memory_zone()`, which frees the strings and
vocabulary entries a document added, and empties our own per-document caches
(`redactor._memory`). `--memory-zone` wraps each document in one more zone (no difference
expected). `--batch` instead runs a real `run_batch` and prints, for each worker process, its
resident memory after its first few dozen files and after its last, and its peak.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import make_corpus

MIB = 1024 * 1024


def status(pid: int | str = "self") -> dict[str, int]:
    """VmRSS (now) and VmHWM (peak) of a process, in bytes, from /proc (Linux)."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) * 1024
    return values


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def single(n: int, every: int, zone: bool) -> None:
    from redactor import Redactor
    from redactor.detect.nlp import MODEL_NAME, load_spacy

    texts = make_corpus(n, seed=5, fresh=True)
    redactor = Redactor()
    redactor.redact_text(texts[0])  # loads the engine
    # the pipeline the engine actually uses (Presidio's engine holds it per language)
    try:
        nlp = redactor.detector.analyzer.nlp_engine.nlp["en"]  # type: ignore[attr-defined]
    except (AttributeError, KeyError, TypeError):
        nlp = load_spacy(MODEL_NAME)

    def one(text: str) -> None:
        if zone:
            with nlp.memory_zone():
                redactor.redact_text(text)
        else:
            redactor.redact_text(text)

    start = status()
    print(f"{n} documents, one Redactor{' with memory_zone' if zone else ''}")
    print(f"{'docs':>6} {'RSS MiB':>8} {'strings':>9} {'lexemes':>8} {'s':>6}")
    started = time.perf_counter()
    print(f"{0:>6} {start['VmRSS'] / MIB:8.1f} {len(nlp.vocab.strings):9d} "
          f"{len(nlp.vocab):8d} {0.0:6.1f}")  # fmt: skip
    for i, text in enumerate(texts, start=1):
        one(text)
        if i % every == 0 or i == n:
            now = status()
            print(f"{i:>6} {now['VmRSS'] / MIB:8.1f} {len(nlp.vocab.strings):9d} "
                  f"{len(nlp.vocab):8d} {time.perf_counter() - started:6.1f}")  # fmt: skip
    end = status()
    grown = (end["VmRSS"] - start["VmRSS"]) / MIB
    print(f"start {start['VmRSS'] / MIB:.1f} MiB, end {end['VmRSS'] / MIB:.1f} MiB "
          f"(+{grown:.1f} MiB), peak {end['VmHWM'] / MIB:.1f} MiB")  # fmt: skip


def batch(n: int, workers: int) -> None:
    from redactor.batch import BatchProgress, run_batch
    from redactor.settings import Settings

    texts = make_corpus(n, seed=5, fresh=True)
    tmp = Path(tempfile.mkdtemp(prefix="redactor-memory-"))
    seen: dict[int, int] = {}  # worker pid -> reports since it started
    first: dict[int, int] = {}  # worker pid -> RSS once it has done its first few dozen files
    last: dict[int, int] = {}
    peaks: dict[int, int] = {}

    def progress(p: BatchProgress) -> None:
        for child in children(os.getpid()):
            with contextlib.suppress(OSError, KeyError):
                now = status(child)
                seen[child] = seen.get(child, 0) + 1
                # from its 100th report on: past its model loading and the heap that leaves
                if seen[child] >= 100:
                    first.setdefault(child, now["VmRSS"])
                    last[child] = now["VmRSS"]
                peaks[child] = max(peaks.get(child, 0), now["VmHWM"])

    try:
        src = tmp / "src"
        src.mkdir()
        for i, text in enumerate(texts):
            (src / f"doc-{i:05d}.txt").write_text(text, encoding="utf-8")
        summary = run_batch(src, tmp / "out", Settings(), workers=workers, progress=progress)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"batch of {n} documents with {summary.workers} workers in {summary.elapsed:.1f} s")
    for child in sorted(first):
        start, end, grown = (
            first[child] / MIB,
            last[child] / MIB,
            (last[child] - first[child]) / MIB,
        )
        peak = peaks[child] / MIB
        print(f"  worker {child}: RSS {start:.1f} MiB after its first few dozen files, "
              f"{end:.1f} MiB after its last ({grown:+.1f}), peak {peak:.1f} MiB")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("-n", type=int, default=2000, help="documents (default 2000)")
    parser.add_argument("--every", type=int, default=250, help="report every N documents")
    parser.add_argument("--memory-zone", action="store_true", help="use nlp.memory_zone()")
    parser.add_argument("--batch", action="store_true", help="RSS of batch workers")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    if args.batch:
        batch(args.n, args.workers)
    else:
        single(args.n, args.every, args.memory_zone)


if __name__ == "__main__":
    main()
