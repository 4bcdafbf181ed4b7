"""Property tests on random count tables, checked by an attacker written here from scratch
(not the package's own audit): never an exact disclosure, plainly or by an insider; never a
small cell left visible; visible cells never altered; totals unchanged."""

from __future__ import annotations

from unittest.mock import patch

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from redactor.errors import UnsupportedContentError
from redactor.settings import Settings
from redactor.transform.suppress import protect_grid, secondary

K = 5


def build(data: list[list[int]], col_total: bool, row_total: bool) -> list[list[str]]:
    n_cols = len(data[0])
    header = ["group", *[f"c{j}" for j in range(n_cols)]] + (["Total"] if col_total else [])
    grid = [header]
    for i, line in enumerate(data):
        grid.append([f"r{i}", *map(str, line)] + ([str(sum(line))] if col_total else []))
    if row_total:
        sums = [sum(col) for col in zip(*data, strict=True)]
        grid.append(["Total", *map(str, sums)] + ([str(sum(sums))] if col_total else []))
    return grid


def ranges(
    data: list[list[int]],
    hidden: set[tuple[int, int]],
    col_total: bool,
    row_total: bool,
    known: dict[tuple[int, int], int] | None = None,
) -> dict[tuple[int, int], tuple[float, float]]:
    """Min/max of every hidden inner cell given every other inner cell and the margins."""
    known = known or {}
    order = sorted(hidden)
    index = {c: k for k, c in enumerate(order)}
    eqs, rhs = [], []
    n_rows, n_cols = len(data), len(data[0])
    lines = []
    if col_total:
        lines += [[(i, j) for j in range(n_cols)] for i in range(n_rows)]
    if row_total:
        lines += [[(i, j) for i in range(n_rows)] for j in range(n_cols)]
    for line in lines:
        row = np.zeros(len(order))
        total = sum(data[i][j] for i, j in line)
        for c in line:
            if c in index:
                row[index[c]] = 1
            else:
                total -= data[c[0]][c[1]]
        if row.any():
            eqs.append(row)
            rhs.append(total)
    bounds = [(known[c], known[c]) if c in known else (0, None) for c in order]
    out = {}
    for c, k in index.items():
        objective = np.zeros(len(order))
        objective[k] = 1
        args = {"A_eq": np.array(eqs), "b_eq": np.array(rhs)} if eqs else {}
        low = linprog(objective, bounds=bounds, method="highs", **args)
        high = linprog(-objective, bounds=bounds, method="highs", **args)
        out[c] = (low.fun, -high.fun if high.status == 0 else float("inf"))
    return out


def exposed_anyway(
    data: list[list[int]],
    hidden: set[tuple[int, int]],
    primary: set[tuple[int, int]],
    col_total: bool,
    row_total: bool,
) -> bool:
    plain = ranges(data, hidden, col_total, row_total)
    if any(plain[c][1] - plain[c][0] < 0.5 for c in primary):
        return True
    for s in (c for c in primary if data[c[0]][c[1]] == 1):
        insider = ranges(data, hidden, col_total, row_total, known={s: 1})
        if any(insider[c][1] - insider[c][0] < 0.5 for c in primary - {s}):
            return True
    return False


small_skewed = st.one_of(st.integers(0, 4), st.integers(5, 60))
tables = st.integers(2, 5).flatmap(
    lambda rows: st.integers(2, 4).flatmap(
        lambda cols: st.lists(
            st.lists(small_skewed, min_size=cols, max_size=cols), min_size=rows, max_size=rows
        )
    )
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=tables,
    col_total=st.booleans(),
    row_total=st.booleans(),
    zeros=st.booleans(),
    heuristic=st.booleans(),
)
def test_protected_tables_never_disclose(
    data: list[list[int]], col_total: bool, row_total: bool, zeros: bool, heuristic: bool
) -> None:
    grid = build(data, col_total, row_total)
    inner = {(i, j) for i in range(len(data)) for j in range(len(data[0]))}
    low = 0 if zeros else 1
    primary = {c for c in inner if low <= data[c[0]][c[1]] < K}
    limit = -1 if heuristic else secondary.OPTIMAL_LIMIT  # -1: the large-table heuristic
    try:
        with patch.object(secondary, "OPTIMAL_LIMIT", limit):
            result = protect_grid(grid, Settings(suppress_zeros=zeros))
    except UnsupportedContentError:
        # refused only when even hiding every inner cell leaves a small cell recoverable
        assert exposed_anyway(data, inner, primary, col_total, row_total)
        return
    out = result.grid
    hidden = {(r - 1, c - 1) for r, row in enumerate(out) for c, v in enumerate(row) if v == "c"}
    assert hidden <= inner  # totals and labels are never hidden
    assert primary <= hidden  # never a small cell left visible
    for r, row in enumerate(out):
        for c, value in enumerate(row):
            if (r - 1, c - 1) not in hidden:
                assert value == grid[r][c]  # visible cells (totals too) never altered
    bounds = ranges(data, hidden, col_total, row_total)
    for c in primary:
        assert bounds[c][1] - bounds[c][0] >= 0.5  # not recoverable exactly
    for s in primary:
        if data[s[0]][s[1]] != 1:
            continue
        insider = ranges(data, hidden, col_total, row_total, known={s: 1})
        for c in primary - {s}:
            assert insider[c][1] - insider[c][0] >= 0.5  # nor by the one pupil in s
    reasons = {(h.grid_row - 1, h.grid_col - 1): h.reason for h in result.hidden}
    assert {c for c, why in reasons.items() if why == "primary"} == primary
