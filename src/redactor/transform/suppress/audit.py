"""The attacker: what can be worked out about hidden cells from the visible cells and the totals.

Two views of the same question, used as independent checks:

- **bounds** (`attacker_bounds`): the attacker's linear program. Unknowns are the hidden cells
  (>= 0), equations are the table's totals; min and max of each hidden cell. A cell whose min
  equals its max is recovered exactly. The insider case fixes one singleton at 1 (a child who
  knows they are the one in their cell) and asks the same of the others.
- **deviations** (`exposed`): is there another table, equal on every visible cell and on the
  totals, in which the cell differs? Deviations `d` with `A d = 0`, `d = 0` on visible cells and
  `a + d >= 0`. When every hidden cell holds at least 1 the feasible set is symmetric, so a cell
  is exposed exactly when its unit vector lies in the row space of the equations restricted to
  the hidden cells: one null-space computation answers for every cell at once. Otherwise (hidden
  zeros or unknown values) a small LP per cell.

Count tables with margins have totally unimodular equations, so LP bounds are whole numbers and
"not exact" means the attacker's interval is at least 1 wide.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from scipy.linalg import null_space
from scipy.optimize import linprog

from redactor.transform.suppress.tables import Cell, CountTable

__all__ = ["Exposure", "attacker_bounds", "exposed", "find_exposures"]

_EPS = 1e-7


@dataclass(frozen=True)
class Exposure:
    """A hidden cell the attacker recovers exactly; `known` is the insider's own cell, if any."""

    cell: Cell
    kind: str  # "exact" | "insider"
    known: Cell | None = None


def _relation_matrix(table: CountTable) -> tuple[np.ndarray, list[Cell]]:
    """Rows: total - sum(parts) (one per relation); columns: every cell in `table.cells()`."""
    cells = table.cells()
    index = {c: k for k, c in enumerate(cells)}
    relations = table.relations()
    matrix = np.zeros((len(relations), len(cells)))
    for r, rel in enumerate(relations):
        matrix[r, index[rel.total]] += 1.0
        for p in rel.parts:
            matrix[r, index[p]] -= 1.0
    return matrix, cells


def attacker_bounds(
    table: CountTable,
    hidden: Iterable[Cell],
    known: dict[Cell, float] | None = None,
    remainders: bool = True,
    targets: Iterable[Cell] | None = None,
) -> dict[Cell, tuple[float, float]] | None:
    """Min and max of each hidden cell given the visible ones and the totals (None: the
    published figures contradict each other).

    With `remainders`, a total larger than its parts keeps its known remainder (needs every
    value); without, totals are taken as exact sums (what a reader of a published table sees).
    `targets` limits the answer to those hidden cells (default: all).
    """
    known = known or {}
    hidden_list = sorted(set(hidden))
    if not hidden_list:
        return {}
    matrix, cells = _relation_matrix(table)
    col = {c: k for k, c in enumerate(cells)}
    h_idx = [col[c] for c in hidden_list]
    v_idx = [k for k, c in enumerate(cells) if c not in set(hidden_list)]
    visible = np.array([float(table.value(cells[k]) or 0) for k in v_idx])
    rhs = -matrix[:, v_idx] @ visible
    if remainders:
        full = np.array([float(table.value(c) or 0) for c in cells])
        rhs = rhs + matrix @ full  # the true remainder of each total, assumed known
    a_eq = matrix[:, h_idx]
    keep = np.any(a_eq != 0, axis=1)
    a_eq, rhs = a_eq[keep], rhs[keep]
    bounds = [(known[c], known[c]) if c in known else (0.0, None) for c in hidden_list]
    out: dict[Cell, tuple[float, float]] = {}
    wanted = set(hidden_list) if targets is None else set(targets)
    for k, cell in enumerate(hidden_list):
        if cell in known or cell not in wanted:
            continue
        objective = np.zeros(len(hidden_list))
        objective[k] = 1.0
        kwargs = {"A_eq": a_eq, "b_eq": rhs} if len(a_eq) else {}
        low = linprog(objective, bounds=bounds, method="highs", **kwargs)
        if low.status == 2:
            return None
        high = linprog(-objective, bounds=bounds, method="highs", **kwargs)
        lo = float(low.fun) if low.status == 0 else 0.0
        hi = float(-high.fun) if high.status == 0 else float("inf")
        out[cell] = (lo, hi)
    return out


def exposed(
    table: CountTable,
    hidden: set[Cell],
    targets: Iterable[Cell],
    fixed: Cell | None = None,
) -> set[Cell]:
    """The `targets` among `hidden` that are recovered exactly (with `fixed` known too)."""
    targets = [t for t in targets if t in hidden and t != fixed]
    if not targets:
        return set()
    free = sorted(hidden - {fixed} if fixed else hidden)
    matrix, cells = _relation_matrix(table)
    col = {c: k for k, c in enumerate(cells)}
    a_h = matrix[:, [col[c] for c in free]]
    a_h = a_h[np.any(a_h != 0, axis=1)]
    position = {c: k for k, c in enumerate(free)}
    symmetric = all((table.value(c) or 0) >= 1 for c in free)
    if symmetric:
        if len(a_h) == 0:
            return set()
        basis = null_space(a_h)
        return {t for t in targets if np.linalg.norm(basis[position[t], :]) < 1e-9}
    bounds = []
    for c in free:
        value = table.value(c)
        bounds.append((max(-1.0, -float(value)) if value is not None else 0.0, 1.0))
    out = set()
    for t in targets:
        objective = np.zeros(len(free))
        objective[position[t]] = 1.0
        kwargs = {"A_eq": a_h, "b_eq": np.zeros(len(a_h))} if len(a_h) else {}
        high = linprog(-objective, bounds=bounds, method="highs", **kwargs)
        low = linprog(objective, bounds=bounds, method="highs", **kwargs)
        width = (-high.fun if high.status == 0 else 0.0) - (low.fun if low.status == 0 else 0.0)
        if width < 0.5 - _EPS:
            out.add(t)
    return out


def find_exposures(
    table: CountTable,
    hidden: set[Cell],
    sensitive: set[Cell],
    insiders: set[Cell],
    method: str = "bounds",
) -> list[Exposure]:
    """Every sensitive hidden cell recovered exactly, plainly or by an insider.

    `method="bounds"` runs the attacker's LP on the true values (the final check before
    anything is written); `"deviations"` is the fast null-space check used while searching.
    """
    targets = sorted(sensitive & hidden)
    out: list[Exposure] = []
    if method == "bounds" and all(table.value(c) is not None for c in table.cells()):
        ranges = attacker_bounds(table, hidden, targets=targets)
        if ranges is None:
            return [Exposure(t, "exact") for t in targets]
        out += [Exposure(t, "exact") for t in targets if ranges[t][1] - ranges[t][0] < 0.5]
        for s in sorted(insiders & hidden):
            known = {s: float(table.value(s) or 0)}
            ranges = attacker_bounds(table, hidden, known=known, targets=targets)
            if ranges is None:
                continue
            out += [
                Exposure(t, "insider", s)
                for t in targets
                if t != s and ranges[t][1] - ranges[t][0] < 0.5
            ]
        return out
    out += [Exposure(t, "exact") for t in sorted(exposed(table, hidden, targets))]
    for s in sorted(insiders & hidden):
        out += [Exposure(t, "insider", s) for t in sorted(exposed(table, hidden, targets, s))]
    return out
