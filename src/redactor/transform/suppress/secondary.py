"""Secondary (complementary) suppression: the fewest, smallest extra cells so that no sensitive
hidden cell can be worked out exactly, by an outsider or by an insider who knows their own cell.

A *requirement* is (p, s): cell p must not be recoverable exactly when the insider cell s is
known (s = None for the outsider). It is met when some other table, equal to the published one
on every visible cell and total, differs in p: deviations `d` with `A d = 0`, `d = 0` on visible
cells, `a + d >= 0` and `d_p = +-1` (`audit` explains why 1 is enough).

- **Optimal** (small tables): one MILP (scipy's HiGHS) with a binary `x_c` per candidate cell,
  a deviation vector per requirement allowed to move only hidden cells (`|d_c| <= x_c`), and a
  binary per requirement choosing the direction. Cost of a cell: 1 plus a fraction of its value,
  so fewer cells first, then smaller ones; a zero costs almost two cells (hiding a zero protects
  little, as zeros are often known).
- **Heuristic** (large tables): the requirements one at a time, each solved as an LP (the
  cheapest deviation moving that cell, the cells hidden so far free of cost); the cells it moves
  are hidden. Hiding more never un-meets a requirement, so
  one pass meets them all.

Both are followed by the attacker's LP audit (`audit.find_exposures`) before anything is used.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import coo_matrix

from redactor.errors import UnsupportedContentError
from redactor.transform.suppress.audit import exposed
from redactor.transform.suppress.tables import Cell, CountTable

__all__ = ["Requirement", "cell_cost", "secondary_cells"]

#: above this many (deviation variables x requirements) the MILP is replaced by the heuristic
OPTIMAL_LIMIT = 40_000
MILP_SECONDS = 20.0
_TOL = 1e-6


class _OutOfTime(Exception):
    """The MILP found no answer within its time limit (not a proof that none exists)."""


@dataclass(frozen=True)
class Requirement:
    cell: Cell
    insider: Cell | None = None


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """HiGHS's MIP solver can print debugging lines straight to file descriptor 1, past
    Python; keep them out of the command's output."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def cell_cost(value: int, scale: float) -> float:
    """Fewest cells first, then the smallest: 1 + value/scale with value/scale < 1."""
    if value == 0:
        return 1.999
    return 1.0 + 0.998 * value / scale


def _requirements(sensitive: set[Cell], insiders: set[Cell]) -> list[Requirement]:
    reqs = [Requirement(p) for p in sorted(sensitive)]
    reqs += [Requirement(p, s) for s in sorted(insiders) for p in sorted(sensitive) if p != s]
    return reqs


def _solve(
    table: CountTable,
    hidden: set[Cell],
    candidates: list[Cell],
    reqs: list[Requirement],
    scale: float,
) -> set[Cell] | None:
    """The cheapest candidate set meeting every requirement (None: no way to meet them)."""
    movable = sorted(hidden) + candidates
    pos = {c: k for k, c in enumerate(movable)}
    n_x, n_u = len(candidates), len(movable)
    relations = [[(rel.total, 1.0)] + [(p, -1.0) for p in rel.parts] for rel in table.relations()]
    # only the movable cells of each relation matter: visible cells do not move
    rel_rows = [[(pos[c], w) for c, w in rel if c in pos] for rel in relations]
    rel_rows = [r for r in rel_rows if r]
    block = n_u + 1  # deviations + direction binary, per requirement
    n_var = n_x + block * len(reqs)
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    lower: list[float] = []
    upper: list[float] = []
    r = 0

    def add(entries: list[tuple[int, float]], lo: float, hi: float) -> None:
        nonlocal r
        for c, v in entries:
            rows.append(r)
            cols.append(c)
            vals.append(v)
        lower.append(lo)
        upper.append(hi)
        r += 1

    var_lo = np.zeros(n_var)
    var_hi = np.ones(n_var)
    integrality = np.zeros(n_var)
    integrality[:n_x] = 1
    cost = np.zeros(n_var)
    for k, c in enumerate(candidates):
        cost[k] = cell_cost(table.value(c) or 0, scale)
    for q, req in enumerate(reqs):
        base = n_x + q * block
        for c, k in pos.items():
            value = table.value(c)
            var_lo[base + k] = max(-1.0, -float(value)) if value is not None else 0.0
            var_hi[base + k] = 1.0
        if req.insider is not None and req.insider in pos:
            var_lo[base + pos[req.insider]] = var_hi[base + pos[req.insider]] = 0.0
        for rel in rel_rows:
            add([(base + k, w) for k, w in rel], 0.0, 0.0)
        for k in range(n_x):  # |d_c| <= x_c for candidate cells
            add([(base + len(hidden) + k, 1.0), (k, -1.0)], -np.inf, 0.0)
            add([(base + len(hidden) + k, -1.0), (k, -1.0)], -np.inf, 0.0)
        z = base + n_u
        integrality[z] = 1
        add([(base + pos[req.cell], 1.0), (z, 2.0)], 1.0, 1.0)  # d_p = 1 - 2z
    constraints = []
    if r:
        matrix = coo_matrix((vals, (rows, cols)), shape=(r, n_var)).tocsr()
        constraints.append(LinearConstraint(matrix, np.array(lower), np.array(upper)))
    with _quiet_stdout():
        result = milp(
            cost,
            constraints=constraints,
            integrality=integrality,
            bounds=Bounds(var_lo, var_hi),
            options={"time_limit": MILP_SECONDS, "mip_rel_gap": 0.0},
        )
    if result.x is None:
        if result.status != 2:  # not proved infeasible: out of time, let the caller fall back
            raise _OutOfTime
        return None
    return {c for k, c in enumerate(candidates) if result.x[k] > 0.5}


def secondary_cells(
    table: CountTable,
    hidden: set[Cell],
    sensitive: set[Cell],
    insiders: set[Cell],
    optimal: bool | None = None,
) -> set[Cell]:
    """Extra inner cells to hide so that every sensitive hidden cell is protected.

    `hidden`: cells already hidden (primaries, and cells suppressed in the input); `insiders`:
    hidden singletons whose one member knows the value. `optimal` forces the MILP (True) or the
    heuristic (False); None picks by size.
    """
    candidates = [c for c in table.inner_cells() if c not in hidden and table.value(c) is not None]
    reqs = _requirements(sensitive & hidden, insiders & hidden)
    if not reqs:
        return set()
    scale = float(sum(table.value(c) or 0 for c in table.inner_cells()) + 1)
    size = (len(candidates) + len(hidden)) * len(reqs)
    if optimal or (optimal is None and size <= OPTIMAL_LIMIT):
        try:
            return _optimal(table, hidden, candidates, reqs, scale)
        except _OutOfTime:
            pass  # no answer within the time limit: the heuristic always gives one
    return _heuristic(table, hidden, candidates, reqs, scale)


def _optimal(
    table: CountTable,
    hidden: set[Cell],
    candidates: list[Cell],
    reqs: list[Requirement],
    scale: float,
) -> set[Cell]:
    """The MILP with requirements added as they turn out to be needed: first the outsider's,
    then each insider requirement the current answer fails. The last answer is optimal for a
    subset of the requirements and meets them all, so it is optimal for all of them."""
    if not exposed(table, hidden, {r.cell for r in reqs if r.insider is None}) and not any(
        exposed(table, hidden, [r.cell], r.insider) for r in reqs if r.insider is not None
    ):
        return set()  # the primaries protect each other already
    active = [r for r in reqs if r.insider is None]
    waiting = [r for r in reqs if r.insider is not None]
    while True:
        chosen = _solve(table, hidden, candidates, active, scale)
        if chosen is None:
            raise _cannot(table)
        current = hidden | chosen
        failed = [r for r in waiting if r.cell in exposed(table, current, [r.cell], r.insider)]
        if not failed:
            return chosen
        active += failed
        waiting = [r for r in waiting if r not in failed]


def _heuristic(
    table: CountTable,
    hidden: set[Cell],
    candidates: list[Cell],
    reqs: list[Requirement],
    scale: float,
) -> set[Cell]:
    current = set(hidden)
    by_insider: dict[Cell | None, list[Cell]] = {}
    for req in reqs:
        by_insider.setdefault(req.insider, []).append(req.cell)
    for insider, cells in by_insider.items():
        pending = sorted(exposed(table, current, cells, insider))
        while pending:
            req = Requirement(pending[0], insider)
            rest = [c for c in candidates if c not in current]
            chosen = _cheapest_path(table, current, rest, req, scale)
            if chosen is None:
                raise _cannot(table)
            current |= chosen
            still = sorted(exposed(table, current, pending, insider))
            if not chosen and still and still[0] == req.cell:
                raise _cannot(table)  # no progress: never loop
            pending = still  # each round hides at least one more cell, so this ends
    return current - hidden


def _cheapest_path(
    table: CountTable,
    hidden: set[Cell],
    candidates: list[Cell],
    req: Requirement,
    scale: float,
) -> set[Cell] | None:
    """One requirement as an LP (the heuristic's step): the cheapest deviation moving the cell by
    +1 or -1, with cost on how far each visible cell moves. The cells it moves are hidden; the
    deviation itself proves the requirement met, optimal or not."""
    movable = sorted(hidden) + candidates
    pos = {c: k for k, c in enumerate(movable)}
    n_u, n_x = len(movable), len(candidates)
    a_eq = np.zeros((0, n_u + n_x))
    rows = []
    for rel in table.relations():
        row = np.zeros(n_u + n_x)
        for c, w in [(rel.total, 1.0)] + [(p, -1.0) for p in rel.parts]:
            if c in pos:
                row[pos[c]] += w
        if row.any():
            rows.append(row)
    if rows:
        a_eq = np.array(rows)
    a_ub = np.zeros((2 * n_x, n_u + n_x))
    for k in range(n_x):  # -t_c <= d_c <= t_c
        a_ub[2 * k, len(hidden) + k] = 1.0
        a_ub[2 * k, n_u + k] = -1.0
        a_ub[2 * k + 1, len(hidden) + k] = -1.0
        a_ub[2 * k + 1, n_u + k] = -1.0
    cost = np.zeros(n_u + n_x)
    for k, c in enumerate(candidates):
        cost[n_u + k] = cell_cost(table.value(c) or 0, scale)
    best: set[Cell] | None = None
    best_cost = float("inf")
    for direction in (1.0, -1.0):
        bounds = []
        for c in movable:
            value = table.value(c)
            low = max(-1.0, -float(value)) if value is not None else 0.0
            if c == req.cell:
                low = high = direction
            elif c == req.insider:
                low = high = 0.0
            else:
                high = 1.0
            bounds.append((low, high))
        bounds += [(0.0, 1.0)] * n_x
        if bounds[pos[req.cell]][0] < max(-1.0, -float(table.value(req.cell) or 0)) - _TOL:
            continue  # a zero cannot go down
        result = linprog(
            cost,
            A_ub=a_ub if n_x else None,
            b_ub=np.zeros(2 * n_x) if n_x else None,
            A_eq=a_eq if len(a_eq) else None,
            b_eq=np.zeros(len(a_eq)) if len(a_eq) else None,
            bounds=bounds,
            method="highs",
        )
        if result.status == 0 and result.fun < best_cost:
            best_cost = float(result.fun)
            best = {c for k, c in enumerate(candidates) if result.x[n_u + k] > _TOL}
    return best


def _cannot(table: CountTable) -> UnsupportedContentError:
    return UnsupportedContentError(
        f"table {table.index + 1}: small cells cannot be protected without hiding a total "
        "(too few other cells in a row or column); merge categories first"
    )
