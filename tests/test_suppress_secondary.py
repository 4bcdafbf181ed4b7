"""Secondary suppression on the published peer examples (sdcTable tests, SDC Handbook), restated
as our own small tables, plus optimal-vs-heuristic agreement."""

from __future__ import annotations

from itertools import combinations

import pytest

from redactor.errors import UnsupportedContentError
from redactor.transform.suppress.audit import attacker_bounds, find_exposures
from redactor.transform.suppress.primary import primary_cells, singletons
from redactor.transform.suppress.protect import protect_table
from redactor.transform.suppress.secondary import secondary_cells
from redactor.transform.suppress.tables import Cell, CountTable, find_tables


def table_of(rows: list[list[str]]) -> CountTable:
    (table,) = find_tables(rows)
    return table


def cell(table: CountTable, row: str, column: str) -> Cell:
    return table.row_labels.index(row), table.col_labels.index(column)


# sdcTable protectTable test: regions A-D by sex, one primary (A/female); OPT finds 3 secondaries
REGIONS = [
    ["region", "male", "female", "Total"],
    ["A", "18", "2", "20"],
    ["B", "14", "19", "33"],
    ["C", "12", "10", "22"],
    ["D", "11", "14", "25"],
    ["Total", "55", "45", "100"],
]

# sdcTable SIMPLEHEURISTIC test: 4 x 4 with margins and nine given primaries
GRID_4X4 = [
    ["v", "a", "b", "c", "d", "Total"],
    ["w", "30", "47", "64", "89", "230"],
    ["x", "90", "124", "5", "31", "250"],
    ["y", "92", "100", "59", "85", "336"],
    ["z", "800", "991", "651", "685", "3127"],
    ["Total", "1012", "1262", "779", "890", "3943"],
]
GIVEN = ["w/a", "w/b", "w/c", "x/a", "x/c", "y/b", "y/d", "z/b", "z/d"]


@pytest.mark.parametrize("optimal", [True, False])
def test_regions_threshold_3_needs_exactly_three_secondaries(optimal: bool) -> None:
    table = table_of(REGIONS)
    primary = primary_cells(table, threshold=3)
    assert primary == {cell(table, "A", "female")}
    extra = secondary_cells(table, primary, primary, singletons(table, primary), optimal)
    assert len(extra) == 3
    assert not find_exposures(table, primary | extra, primary, set())
    # no pair of cells would do: three is the minimum
    candidates = [c for c in table.inner_cells() if c not in primary]
    for pair in combinations(candidates, 2):
        assert find_exposures(table, primary | set(pair), primary, set())


def test_given_primaries_alone_leave_w_b_recoverable_and_one_cell_fixes_it() -> None:
    table = table_of(GRID_4X4)
    primary = {cell(table, *name.split("/")) for name in GIVEN}
    w_b = cell(table, "w", "b")
    ranges = attacker_bounds(table, primary)
    assert ranges is not None
    low, high = ranges[w_b]
    assert high - low < 0.5 and round(low) == 47
    plainly_exposed = {e.cell for e in find_exposures(table, primary, primary, set())}
    assert plainly_exposed == {w_b}
    extra = secondary_cells(table, primary, primary, set())
    assert len(extra) == 1
    ranges = attacker_bounds(table, primary | extra)
    assert ranges is not None and ranges[w_b][1] - ranges[w_b][0] >= 1


def test_two_singletons_alone_expose_each_other_to_an_insider() -> None:
    # sdcTable's singleton test: regions a..d holding 1, 2, 1, 0 pupils; ones are primary (k=2)
    table = table_of(
        [["region", "count"], ["a", "1"], ["b", "2"], ["c", "1"], ["d", "0"], ["Total", "4"]]
    )
    primary = primary_cells(table, threshold=2)
    assert primary == {cell(table, "a", "count"), cell(table, "c", "count")}
    insiders = singletons(table, primary)
    kinds = {e.kind for e in find_exposures(table, primary, primary, insiders)}
    assert kinds == {"insider"}  # an outsider learns nothing, an insider learns the other one
    extra = secondary_cells(table, primary, primary, insiders)
    assert len(extra) == 1
    assert not find_exposures(table, primary | extra, primary, insiders)


def test_handbook_one_dimensional_one_secondary_from_the_two_smallest_others() -> None:
    table = table_of(
        [["sector", "count"], ["I", "998"], ["II", "47600"], ["III", "8002"], ["Total", "56600"]]
    )
    primary = {cell(table, "I", "count")}
    assert find_exposures(table, primary, primary, set())
    extra = secondary_cells(table, primary, primary, set())
    assert len(extra) == 1
    assert extra <= {cell(table, "II", "count"), cell(table, "III", "count")}
    # the smallest will do, so the optimum takes it
    assert extra == {cell(table, "III", "count")}


def test_protect_table_refuses_when_only_a_total_could_protect() -> None:
    table = table_of([["group", "count", "Total"], ["x", "3", "3"], ["y", "40", "40"]])
    with pytest.raises(UnsupportedContentError, match="cannot be protected"):
        protect_table(table, threshold=5)


@pytest.mark.parametrize("optimal", [True, False])
def test_heuristic_and_optimal_both_pass_the_audit(optimal: bool) -> None:
    rows = [["g", "p", "q", "r", "s", "Total"]]
    data = [[1, 7, 9, 12], [6, 2, 8, 11], [9, 10, 1, 3], [14, 6, 7, 8]]
    for k, line in enumerate(data):
        rows.append([f"r{k}", *map(str, line), str(sum(line))])
    rows.append(
        ["Total", *[str(sum(col)) for col in zip(*data, strict=True)], str(sum(map(sum, data)))]
    )
    table = table_of(rows)
    primary, extra = protect_table(table, threshold=5, optimal=optimal)
    assert primary == {(0, 0), (1, 1), (2, 2), (2, 3)}
    assert not find_exposures(table, primary | extra, primary, singletons(table, primary))


def test_narrow_cells_are_reported_not_recovered() -> None:
    from redactor.settings import Settings
    from redactor.transform.suppress import protect_grid

    rows = [["region", "count"], ["a", "1"], ["b", "2"], ["c", "1"], ["d", "0"], ["e", "30"]]
    rows.append(["Total", "34"])
    result = protect_grid(rows, Settings())
    assert [h.row for h in result.hidden] == ["a", "b", "c"]
    # 30 stays visible, so the three hidden cells share 4 pupils: each is seen to be below 5
    assert [(n.row, n.problem) for n in result.narrow] == [
        ("a", "hidden, but known to be small"),
        ("b", "hidden, but known to be small"),
        ("c", "hidden, but known to be small"),
    ]
    # with a secondary cell among them, the hidden group is no longer known to be small
    rows = [["g", "p", "q", "Total"], ["r", "2", "40", "42"], ["s", "30", "31", "61"]]
    rows.append(["Total", "32", "71", "103"])
    result = protect_grid(rows, Settings())
    assert result.count("primary") == 1 and result.narrow == []


def test_out_of_time_milp_falls_back_to_the_heuristic(monkeypatch: pytest.MonkeyPatch) -> None:
    from redactor.transform.suppress import secondary

    monkeypatch.setattr(secondary, "MILP_SECONDS", 0.0)
    calls = []
    heuristic = secondary._heuristic
    monkeypatch.setattr(secondary, "_heuristic", lambda *args: calls.append(1) or heuristic(*args))
    table = table_of(GRID_4X4)
    primary = {cell(table, *name.split("/")) for name in GIVEN}
    extra = secondary_cells(table, primary, primary, set(), optimal=True)
    assert calls == [1] and extra  # w/b needed protecting, and the fallback protected it
    assert not find_exposures(table, primary | extra, primary, set())
