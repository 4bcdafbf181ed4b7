"""`redactor suppress` end to end on small invented files: CSV and XLSX, percentages, rounding,
pupil-level data, the JSON report, and the refusals."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from redactor.cli import main
from redactor.settings import Settings
from redactor.transform.suppress import audit_grid, protect_grid

HOUSES = [
    ["House", "FSM", "Not FSM", "Total"],
    ["Oak", "3", "27", "30"],
    ["Ash", "12", "16", "28"],
    ["Elm", "9", "21", "30"],
    ["Total", "24", "64", "88"],
]


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8"):
    with path.open("w", newline="", encoding=encoding) as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)


def read_csv(path: Path, delimiter: str = ",", encoding: str = "utf-8") -> list[list[str]]:
    with path.open(newline="", encoding=encoding) as f:
        return list(csv.reader(f, delimiter=delimiter))


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["suppress", *args])
    return result.exit_code, result.output


def test_csv_keeps_delimiter_and_encoding_and_reports_without_values(tmp_path: Path) -> None:
    source = tmp_path / "in" / "houses.csv"
    source.parent.mkdir()
    rows = [r[:] for r in HOUSES]
    rows[2][0] = "Ashé"
    write_csv(source, rows, delimiter=";", encoding="cp1252")
    code, output = run(
        str(source.parent), "--out", str(tmp_path / "out"), "--report", str(tmp_path / "r.json")
    )
    assert code == 0, output
    published = read_csv(tmp_path / "out" / "houses.csv", ";", "cp1252")
    assert published[1][1] == "c" and published[0] == HOUSES[0] and published[2][0] == "Ashé"
    hidden = sum(v == "c" for row in published for v in row)
    assert hidden == 4
    assert audit_grid(published, Settings()) == []
    report = json.loads((tmp_path / "r.json").read_text())
    entries = report["files"][0]["hidden"]
    assert {e["reason"] for e in entries} == {"primary", "secondary"}
    assert {"table", "row", "column", "reason"} == set(entries[0])
    assert "27" not in json.dumps(entries)


def test_threshold_symbol_and_zeros_options(tmp_path: Path) -> None:
    source = tmp_path / "t.csv"
    write_csv(
        source,
        [
            ["Group", "A", "B", "Total"],
            ["x", "0", "40", "40"],
            ["y", "20", "30", "50"],
            ["Total", "20", "70", "90"],
        ],
    )
    code, _ = run(str(source), "--out", str(tmp_path / "o1"))
    assert code == 0 and "*" not in str(read_csv(tmp_path / "o1" / "t.csv"))
    assert read_csv(tmp_path / "o1" / "t.csv")[1][1] == "0"
    code, _ = run(str(source), "--out", str(tmp_path / "o2"), "--suppress-zeros", "--symbol", "*")
    assert code == 0 and read_csv(tmp_path / "o2" / "t.csv")[1][1] == "*"
    code, _ = run(str(source), "--out", str(tmp_path / "o3"), "--threshold", "25")
    assert code == 0 and read_csv(tmp_path / "o3" / "t.csv")[2][1] == "c"


def test_percentages_follow_their_counts() -> None:
    grid = [
        ["Year", "FSM", "FSM %", "Pupils"],
        ["7", "2", "10.0%", "20"],
        ["8", "9", "30.0%", "30"],
        ["9", "8", "25.0%", "32"],
    ]
    result = protect_grid(grid, Settings())
    assert result.grid[1][1] == "c" and result.grid[1][2] == "c"
    assert result.grid[2][2] == "30.0%"
    assert result.count("percentage") == 1


def test_rounding_alternative(tmp_path: Path) -> None:
    source = tmp_path / "houses.csv"
    write_csv(source, HOUSES)
    code, _ = run(str(source), "--out", str(tmp_path / "o"), "--round", "5")
    assert code == 0
    published = read_csv(tmp_path / "o" / "houses.csv")
    assert published[1][1:] == ["5", "25", "30"]
    assert published[4][1:] == ["25", "65", "90"]  # totals rounded from the true sums


def test_xlsx_keeps_workbook_and_replaces_formulas(tmp_path: Path) -> None:
    source = tmp_path / "book.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Counts"
    for row in HOUSES:
        ws.append([int(v) if v.isdigit() else v for v in row])
    ws["B1"].font = openpyxl.styles.Font(bold=True)
    wb.create_sheet("Notes").append(["Invented figures"])
    wb.save(source)
    code, output = run(str(source), "--out", str(tmp_path / "o"))
    assert code == 0, output
    out = openpyxl.load_workbook(tmp_path / "o" / "book.xlsx")
    assert out.sheetnames == ["Counts", "Notes"]
    assert out["Counts"]["B2"].value == "c" and out["Counts"]["B4"].value == 9
    assert out["Counts"]["B1"].font.bold
    # a formula with no saved result cannot be trusted: refused, nothing written
    ws["D5"] = "=SUM(D2:D4)"
    wb.save(source)
    code, output = run(str(source), "--out", str(tmp_path / "o2"))
    assert code == 2 and "no saved result" in output
    assert not (tmp_path / "o2" / "book.xlsx").exists()


def test_refuses_to_write_over_an_input(tmp_path: Path) -> None:
    source = tmp_path / "houses.csv"
    write_csv(source, HOUSES)
    code, output = run(str(source), "--out", str(tmp_path))
    assert code == 2 and "overwrite an input" in output
    assert read_csv(source) == HOUSES


def test_unprotectable_table_is_refused_and_not_written(tmp_path: Path) -> None:
    source = tmp_path / "t.csv"
    write_csv(source, [["Group", "Pupils", "Total"], ["x", "3", "3"], ["y", "40", "40"]])
    good = tmp_path / "houses.csv"
    write_csv(good, HOUSES)
    code, output = run(str(source), str(good), "--out", str(tmp_path / "o"))
    assert code == 1 and "refused" in output
    assert not (tmp_path / "o" / "t.csv").exists() and (tmp_path / "o" / "houses.csv").exists()


def test_microdata_reports_small_combinations_and_writes_protected_table(tmp_path: Path) -> None:
    source = tmp_path / "pupils.csv"
    rows = [["id", "Year", "FSM"]]
    rows += [[str(n), "7", "Y" if n < 2 else "N"] for n in range(12)]
    rows += [[str(n), "8", "Y" if n < 16 else "N"] for n in range(10, 30)]
    write_csv(source, rows)
    code, output = run(str(source), "--out", str(tmp_path / "o"), "--microdata", "--by", "Year,FSM")
    assert code == 0, output
    assert "Year=7, FSM=Y" in output and "Year=8" not in output
    table = read_csv(tmp_path / "o" / "pupils-by-year-fsm.csv")
    assert table[0] == ["Year", "N", "Y", "Total"]
    assert table[1][2] == "c" and table[-1] == ["Total", "24", "8", "32"]
    code, output = run(str(source), "--out", str(tmp_path / "o"), "--microdata")
    assert code == 2 and "--by" in output
