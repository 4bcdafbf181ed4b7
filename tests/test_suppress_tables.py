"""Finding count tables in grids of cell strings."""

from __future__ import annotations

import pytest

from redactor.errors import UnsupportedContentError
from redactor.transform.suppress.tables import find_tables, parse_count


@pytest.mark.parametrize(
    ("text", "value"),
    [("12", 12), ("1,204", 1204), ("3.0", 3), (" 7 ", 7), ("-2", None), ("4.5", None), ("c", None)],
)
def test_parse_count(text: str, value: int | None) -> None:
    assert parse_count(text) == value


def test_two_dimensional_table_with_margins() -> None:
    grid = [
        ["Year group", "Boys", "Girls", "Total"],
        ["Year 7", "12", "3", "15"],
        ["Year 8", "10", "11", "21"],
        ["Total", "22", "14", "36"],
    ]
    (table,) = find_tables(grid)
    assert table.row_labels == ["Year 7", "Year 8", "Total"]
    assert table.col_labels == ["Boys", "Girls", "Total"]
    assert table.total_rows == {2} and table.total_cols == {2}
    assert table.value((0, 1)) == 3
    assert len(table.relations()) == 3 + 3


def test_tables_separated_by_blank_rows_with_titles_and_notes() -> None:
    grid = [
        ["Table 1: pupils by house"],
        ["House", "Pupils"],
        ["Oak", "40"],
        ["Ash", "2"],
        ["", ""],
        ["Table 2: pupils by year"],
        ["Year", "Count", "%"],
        ["7", "30", "60%"],
        ["8", "20", "40%"],
        ["Source: school census"],
    ]
    first, second = find_tables(grid)
    assert (first.index, second.index) == (0, 1)
    assert first.row_labels == ["Oak", "Ash"]
    assert second.row_labels == ["7", "8"]  # numeric labels stay labels in the first column
    assert second.col_labels == ["Count"]
    assert second.percent_cols == {2: 0}
    assert second.grid_rows == [7, 8]


def test_text_columns_and_label_columns_are_not_counts() -> None:
    grid = [
        ["Year", "Gender", "Pupils", "Comment"],
        ["7", "Boys", "5", "steady"],
        ["7", "Girls", "6", "up"],
    ]
    (table,) = find_tables(grid)
    assert table.row_labels == ["7 / Boys", "7 / Girls"]
    assert table.col_labels == ["Pupils"]


def test_already_suppressed_cells_are_unknown() -> None:
    grid = [["Group", "A", "B", "Total"], ["x", "c", "9", "11"], ["Total", "12", "9", "21"]]
    (table,) = find_tables(grid)
    assert table.value((0, 0)) is None


def test_grid_without_numbers_has_no_table() -> None:
    assert find_tables([["Name", "Form"], ["Anna", "7B"]]) == []


def test_total_smaller_than_its_parts_is_refused() -> None:
    grid = [["Group", "Count"], ["Boys", "10"], ["Girls", "9"], ["Total", "15"]]
    with pytest.raises(UnsupportedContentError, match="smaller than the sum"):
        find_tables(grid)


def test_tables_side_by_side_are_split_at_blank_columns() -> None:
    grid = [
        ["House", "Pupils", "", "Club", "Members", "Total"],
        ["Oak", "40", "", "Chess", "3", "3"],
        ["Ash", "2", "", "Choir", "9", "9"],
    ]
    left, right = find_tables(grid)
    assert left.grid_cols == [1] and right.grid_cols == [4, 5]
    assert right.row_labels == ["Chess", "Choir"] and right.total_cols == {1}


def test_a_spacer_column_inside_one_table_does_not_split_it() -> None:
    grid = [["Group", "Boys", "", "Girls"], ["x", "3", "", "40"], ["y", "30", "", "41"]]
    (table,) = find_tables(grid)
    assert table.col_labels == ["Boys", "Girls"] and table.grid_cols == [1, 3]


@pytest.mark.parametrize(
    ("header", "column", "labels"),
    [
        ("Year", ["2021", "2022"], True),  # years
        ("Year group", ["7", "8"], True),  # year groups
        ("Boys", ["3", "40"], False),  # counts without a label column: protected as counts
        ("Year", ["7", "7"], False),  # repeated numbers are not labels
    ],
)
def test_a_first_column_of_numbers(header: str, column: list[str], labels: bool) -> None:
    grid = [[header, "Girls"], [column[0], "12"], [column[1], "30"]]
    (table,) = find_tables(grid)
    assert (table.col_labels == ["Girls"]) is labels
    if not labels:
        assert table.col_labels == [header, "Girls"] and table.row_labels == ["row 2", "row 3"]
