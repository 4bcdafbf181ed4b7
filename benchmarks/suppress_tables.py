"""Time small-group suppression: one 20 x 10 table with margins, and a sheet of 50 small tables.

    python benchmarks/suppress_tables.py [--repeat 3] [--seed 7]

Tables are random (fixed seed), about a fifth of their cells small, so secondary suppression and
the insider checks have real work. Prints seconds per grid (best of the repeats) and how many
cells were hidden, and which method (optimal MILP or heuristic) each size used.
"""

from __future__ import annotations

import argparse
import random
import time

from redactor.settings import Settings
from redactor.transform.suppress import protect_grid
from redactor.transform.suppress.secondary import OPTIMAL_LIMIT


def count_table(rng: random.Random, n_rows: int, n_cols: int, title: str) -> list[list[str]]:
    data = [
        [rng.randint(1, 4) if rng.random() < 0.2 else rng.randint(5, 80) for _ in range(n_cols)]
        for _ in range(n_rows)
    ]
    grid = [[title], ["Group", *[f"Column {j + 1}" for j in range(n_cols)], "Total"]]
    for i, line in enumerate(data):
        grid.append([f"Row {i + 1}", *map(str, line), str(sum(line))])
    sums = [sum(col) for col in zip(*data, strict=True)]
    grid.append(["Total", *map(str, sums), str(sum(sums))])
    return grid


def sheet_of_small_tables(rng: random.Random, n: int) -> list[list[str]]:
    grid: list[list[str]] = []
    for k in range(n):
        grid += count_table(rng, rng.randint(3, 6), rng.randint(3, 5), f"Table {k + 1}")
        grid.append([])
    return grid


def timed(grid: list[list[str]], repeat: int) -> tuple[float, float, int, int]:
    """Best wall and CPU seconds over the repeats (CPU time is steadier on a shared machine)."""
    best = best_cpu = float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = protect_grid(grid, Settings())
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return best, best_cpu, result.count("primary"), result.count("secondary")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    big = count_table(rng, 20, 10, "Pupils by group")
    seconds, cpu, primary, secondary = timed(big, args.repeat)
    print(
        f"20 x 10 table with margins: {seconds:.2f} s (cpu {cpu:.2f} s)  "
        f"(primary {primary}, secondary {secondary}; MILP limit {OPTIMAL_LIMIT} -> heuristic)"
    )
    sheet = sheet_of_small_tables(rng, 50)
    seconds, cpu, primary, secondary = timed(sheet, args.repeat)
    print(
        f"sheet of 50 small tables:   {seconds:.2f} s (cpu {cpu:.2f} s)  "
        f"({seconds / 50 * 1000:.0f} ms/table; primary {primary}, secondary {secondary})"
    )


if __name__ == "__main__":
    main()
