"""Reading and writing grids: CSV dialects and encodings, XLSX formulas, charts and pivots; and
the pre-publication audit of a grid (`audit_grid`)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from redactor.errors import InputError, UnsupportedContentError
from redactor.settings import Settings
from redactor.transform.suppress import audit_grid, suppress_file
from redactor.transform.suppress.grid_io import read_csv

TABLE = "House,FSM,Not FSM,Total\nOak,3,27,30\nAsh,12,16,28\nElm,9,21,30\nTotal,24,64,88\n"


@pytest.mark.parametrize(
    ("text", "encoding", "delimiter", "newline"),
    [
        (TABLE, "utf-8", ",", "\n"),
        (TABLE.replace(",", ";").replace("\n", "\r\n"), "utf-8", ";", "\r\n"),
        (TABLE.replace(",", "\t"), "utf-8", "\t", "\n"),
        ("\ufeff" + TABLE, "utf-8-sig", ",", "\n"),
    ],
)
def test_csv_dialect_is_kept(
    tmp_path: Path, text: str, encoding: str, delimiter: str, newline: str
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(text.encode("utf-8"))
    grid = read_csv(source)
    assert (grid.encoding, grid.delimiter, grid.newline) == (encoding, delimiter, newline)
    suppress_file(source, tmp_path / "out.csv", Settings())
    written = (tmp_path / "out.csv").read_bytes()
    assert written.startswith(b"\xef\xbb\xbf") == text.startswith("\ufeff")
    lines = written.decode(encoding).split(newline)
    assert lines[1] == delimiter.join(["Oak", "c", "c", "30"])


@pytest.mark.parametrize(("data", "message"), [(b"", "empty"), (b"a,b\x00\x01", "binary")])
def test_unreadable_csv_is_an_input_error(tmp_path: Path, data: bytes, message: str) -> None:
    source = tmp_path / "bad.csv"
    source.write_bytes(data)
    with pytest.raises(InputError, match=message):
        suppress_file(source, tmp_path / "out.csv", Settings())
    assert not (tmp_path / "out.csv").exists()


def _workbook_with_sum(path: Path, cached: str | None) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in TABLE.strip().split("\n"):
        ws.append([int(v) if v.isdigit() else v for v in line.split(",")])
    ws["D5"] = "=SUM(D2:D4)"
    wb.save(path)
    if cached is None:
        return
    # give the formula the saved result a spreadsheet program would have stored
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = re.sub(r"(<f>SUM\(D2:D4\)</f>)<v\s*/?>(</v>)?", rf"\1<v>{cached}</v>", sheet)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_xlsx_formulas_become_their_saved_results(tmp_path: Path) -> None:
    source = tmp_path / "book.xlsx"
    _workbook_with_sum(source, "88")
    report = suppress_file(source, tmp_path / "out.xlsx", Settings())
    assert report.count("primary") == 1 and report.hidden[0]["sheet"] == "Sheet"
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["Sheet"]
    assert sheet["D5"].value == 88  # a =SUM over hidden cells would change; the figure stays
    assert sheet["B2"].value == "c"


def test_xlsx_with_a_chart_is_refused_unless_dropping_is_allowed(tmp_path: Path) -> None:
    from openpyxl.chart import BarChart, Reference

    source = tmp_path / "chart.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in TABLE.strip().split("\n"):
        ws.append([int(v) if v.isdigit() else v for v in line.split(",")])
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=4), titles_from_data=True)
    ws.add_chart(chart, "F2")
    wb.save(source)
    with pytest.raises(UnsupportedContentError, match="charts"):
        suppress_file(source, tmp_path / "out.xlsx", Settings())
    suppress_file(source, tmp_path / "out.xlsx", Settings(drop_unsupported=True))
    with zipfile.ZipFile(tmp_path / "out.xlsx") as archive:
        assert not any(n.startswith("xl/charts/") for n in archive.namelist())


@pytest.mark.parametrize(
    ("rows", "problems"),
    [
        # a small count left visible
        ([["g", "n"], ["a", "3"], ["b", "40"]], ["small count visible"]),
        # one hidden cell next to its total: recoverable
        (
            [["g", "n"], ["a", "c"], ["b", "40"], ["Total", "43"]],
            ["hidden cell can be worked out"],
        ),
        # a percentage left beside its hidden count gives the count back
        (
            [["g", "n", "n %"], ["a", "c", "7.5%"], ["b", "c", "c"], ["c", "37", "92.5%"]],
            ["percentage shown for a hidden count"],
        ),
        # two hidden cells: safe
        ([["g", "n"], ["a", "c"], ["b", "c"], ["c", "40"], ["Total", "50"]], []),
        # the sdcTable pattern: each row and column has two hidden cells, still one is exact
        (
            [
                ["v", "a", "b", "c", "d", "Total"],
                ["w", "x", "x", "x", "89", "230"],
                ["x", "x", "124", "x", "31", "250"],
                ["y", "92", "x", "59", "x", "336"],
                ["z", "800", "x", "651", "x", "3127"],
                ["Total", "1012", "1262", "779", "890", "3943"],
            ],
            ["hidden cell can be worked out"],
        ),
    ],
)
def test_audit_grid(rows: list[list[str]], problems: list[str]) -> None:
    issues = audit_grid(rows, Settings())
    assert [i.problem for i in issues] == problems
    assert all(i.table == 1 for i in issues)
