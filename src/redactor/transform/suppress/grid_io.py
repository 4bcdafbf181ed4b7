"""Read and write the grids of cell strings that `redactor suppress` works on.

CSV: the delimiter, encoding (a byte-order mark too) and line ends are kept. XLSX: the workbook
is kept (styles, sheets, hidden sheets) and only changed cells are rewritten. Formulas are
replaced by their saved results: a total written as =SUM(...) would otherwise be recomputed
from the symbols, and any formula that refers to a hidden cell would keep its value in its
cache. Charts and pivot tables also cache the original figures, so a workbook holding them is
refused unless `drop_unsupported` is set (then they are left out of the copy).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from redactor.emit.atomic import write_bytes, write_with
from redactor.errors import InputError, OutputError, UnsupportedContentError

__all__ = ["CsvGrid", "XlsxBook", "read_csv", "read_xlsx", "write_csv", "write_xlsx"]


@dataclass
class CsvGrid:
    rows: list[list[str]]
    encoding: str = "utf-8"
    delimiter: str = ","
    newline: str = "\n"


def read_csv(path: Path, encoding: str = "utf-8") -> CsvGrid:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    if b"\x00" in data:
        raise InputError(f"{path}: not a text file (binary content)")
    text = None
    used = encoding
    for candidate in (
        ("utf-8-sig", encoding, "cp1252")
        if data[:3] == b"\xef\xbb\xbf"
        else (
            encoding,
            "cp1252",
        )
    ):
        try:
            text = data.decode(candidate)
            used = candidate
            break
        except (UnicodeDecodeError, LookupError):
            continue
    if text is None:
        raise InputError(f"{path}: cannot be decoded as {encoding} (set [output] encoding)")
    newline = "\r\n" if "\r\n" in text else "\n"
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as err:
        raise InputError(f"{path}: not valid CSV ({err})") from None
    return CsvGrid(rows, used, delimiter, newline)


def write_csv(out: Path, source: CsvGrid, rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=source.delimiter, lineterminator=source.newline)
    writer.writerows(rows)
    try:
        data = buffer.getvalue().encode(source.encoding)
    except UnicodeEncodeError:
        raise OutputError(f"{out}: the symbol cannot be written in {source.encoding}") from None
    write_bytes(out, data)


@dataclass
class XlsxBook:
    """A workbook (formulas kept) and one grid per sheet, built from saved results."""

    workbook: Any
    sheets: dict[str, list[list[str]]] = field(default_factory=dict)
    formulas: dict[str, dict[tuple[int, int], Any]] = field(default_factory=dict)


def _text(value: Any, number_format: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        if "%" in number_format:
            return f"{value * 100:g}%"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def read_xlsx(path: Path, drop_unsupported: bool = False) -> XlsxBook:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (OSError, zipfile.BadZipFile):
        raise InputError(f"{path}: not a readable .xlsx file (corrupt or encrypted)") from None
    cached = [n for n in names if n.startswith(("xl/charts/", "xl/pivotCache", "xl/pivotTables"))]
    if cached and not drop_unsupported:
        raise UnsupportedContentError(
            f"{path}: holds charts or pivot tables whose saved figures would show hidden "
            "cells; set [xlsx] drop_unsupported = true to leave them out of the copy"
        )
    try:
        workbook = load_workbook(path)
        values = load_workbook(path, data_only=True)
    except Exception as err:  # openpyxl raises many kinds on a damaged file
        raise InputError(f"{path}: not a readable .xlsx file ({type(err).__name__})") from None
    book = XlsxBook(workbook)
    for chartsheet in list(workbook.chartsheets):
        workbook.remove(chartsheet)  # refused above unless they may be dropped
    for sheet in workbook.worksheets:
        cached_sheet = values[sheet.title]
        # charts and pivots cache the figures: refused above unless they may be dropped
        sheet._pivots = []
        sheet._charts = []
        grid: list[list[str]] = []
        formulas: dict[tuple[int, int], Any] = {}
        rows = sheet.iter_rows(
            min_row=1, min_col=1, max_row=sheet.max_row, max_col=sheet.max_column
        )
        for r, row in enumerate(rows, start=1):
            line = []
            for c, cell in enumerate(row, start=1):
                value = cell.value
                if cell.data_type == "f":
                    saved = cached_sheet.cell(row=r, column=c).value
                    if saved is None:
                        raise UnsupportedContentError(
                            f"{path}: {sheet.title}!{cell.coordinate} is a formula with no saved "
                            "result; open and save the file in a spreadsheet program first"
                        )
                    formulas[(r, c)] = saved
                    value = saved
                line.append(_text(value, cell.number_format or ""))
            grid.append(line)
        book.sheets[sheet.title] = grid
        book.formulas[sheet.title] = formulas
    return book


def _cell_value(text: str) -> Any:
    try:
        return int(text)
    except ValueError:
        return text


def write_xlsx(out: Path, book: XlsxBook, grids: dict[str, list[list[str]]]) -> None:
    """Save `book` with every formula replaced by its result and every changed cell rewritten."""
    for sheet in book.workbook.worksheets:
        for (r, c), saved in book.formulas[sheet.title].items():
            sheet.cell(row=r, column=c).value = saved
        before = book.sheets[sheet.title]
        for r, row in enumerate(grids[sheet.title]):
            for c, text in enumerate(row):
                if text != before[r][c]:
                    sheet.cell(row=r + 1, column=c + 1).value = _cell_value(text)
    write_with(out, lambda tmp: book.workbook.save(tmp))
