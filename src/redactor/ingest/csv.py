"""CSV reader: one segment per non-empty field, with column hints from the header row.

The first row is the header. Each field below it gets a `hint` from its column's header
(`ingest.columns`) and a `group` per row, like a spreadsheet.

Encoding rule (a school's management information system often exports Windows-1252):

- if the user set an encoding (`settings.encoding` other than the default "utf-8"), it is used,
  strictly;
- otherwise a UTF-16 or UTF-8 byte-order mark decides; then UTF-8 if the bytes are valid UTF-8;
  else Windows-1252 (cp1252), the encoding Excel and most MIS exports use on UK Windows machines.

Delimiter: comma, semicolon, tab or pipe, whichever splits the header row (outside quotes) into
the most fields, provided the following rows agree; comma when nothing splits.

The file is parsed into fields with their character offsets, so `emit.csv` rewrites only the
fields that change and everything else (delimiter, quoting of each field, line endings, a final
newline or not, the byte-order mark, the encoding) stays exactly as it was.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from redactor.errors import InputError
from redactor.ingest.columns import CellLocator, column_letter, hint_for_header, hint_for_value
from redactor.model import Document, Segment

if TYPE_CHECKING:
    from redactor.settings import Settings

__all__ = ["CsvField", "CsvPayload", "decode_csv", "parse", "read", "sniff_delimiter"]

DELIMITERS = (",", ";", "\t", "|")


@dataclass(frozen=True)
class CsvField:
    """One field: its value and where its raw text (quotes included) sits in the file's text."""

    value: str
    start: int
    end: int
    quoted: bool
    row: int  # 1-based
    column: int  # 1-based


@dataclass
class CsvPayload:
    """What `emit.csv` needs to put the file back together byte for byte."""

    text: str
    encoding: str
    delimiter: str
    bom: bool
    #: the field each segment came from, by segment index
    fields: list[CsvField] = field(default_factory=list)


def read(path: Path, settings: Settings) -> Document:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    text, encoding, bom = decode_csv(data, str(path), settings.encoding)
    delimiter = sniff_delimiter(text)
    rows = parse(text, delimiter, str(path))

    header = rows[0] if rows else []
    hints = {f.column: hint_for_header(f.value) for f in header}
    segments: list[Segment] = []
    fields: list[CsvField] = []
    for row in rows:
        for f in row:
            if not f.value.strip():
                continue
            column_hint = hints.get(f.column) if f.row > 1 else None
            loc = CellLocator(cell=f"{column_letter(f.column)}{f.row}", kind="cell")
            hint = hint_for_value(column_hint, f.value)
            segments.append(Segment(f.value, loc, hint, f"csv:{f.row}"))
            fields.append(f)
    payload = CsvPayload(text, encoding, delimiter, bom, fields)
    info = {"encoding": encoding, "delimiter": delimiter, "rows": len(rows)}
    return Document(segments, format="csv", source=path, payload=payload, info=info)


def decode_csv(data: bytes, name: str, encoding: str = "utf-8") -> tuple[str, str, bool]:
    """(text, encoding used, had a byte-order mark), following the rule in the module docstring."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    chosen = encoding.lower().replace("_", "-")
    if chosen not in ("utf-8", "utf8"):
        try:
            return data.decode(encoding), encoding, False
        except UnicodeDecodeError as err:
            raise InputError(f"{name}: not valid {encoding} text (byte {err.start})") from None
        except LookupError:
            raise InputError(f"{name}: unknown encoding '{encoding}'") from None
    for mark, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                        (codecs.BOM_UTF16_BE, "utf-16-be")):  # fmt: skip
        if data.startswith(mark):
            try:
                return data[len(mark) :].decode(codec), codec, True
            except UnicodeDecodeError as err:
                raise InputError(f"{name}: not valid {codec} text (byte {err.start})") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: this looks like a binary file, not CSV text")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252", False
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: neither UTF-8 nor Windows-1252 text (byte {err.start}); "
            "give the encoding with --encoding"
        ) from None


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the header row into most fields and the next rows alike."""
    sample = text[:65536]
    best, best_count = ",", 0
    for delimiter in DELIMITERS:
        try:
            rows = parse(sample, delimiter, "", partial=True)[:20]
        except InputError:
            continue
        if not rows:
            continue
        count = len(rows[0])
        if count < 2:
            continue
        # Later rows must mostly have the same number of fields (the last may be cut short).
        agree = sum(1 for r in rows[1:-1] if len(r) == count)
        if len(rows) > 2 and agree < (len(rows) - 2) / 2:
            continue
        if count > best_count:
            best, best_count = delimiter, count
    return best


def parse(text: str, delimiter: str, name: str, partial: bool = False) -> list[list[CsvField]]:
    """Fields with offsets. Quotes ("...", with "" for a quote) follow RFC 4180; a quote inside
    an unquoted field is kept as text, as Excel does. Blank lines give no row."""
    rows: list[list[CsvField]] = []
    row: list[CsvField] = []
    i, n = 0, len(text)
    row_number, column = 1, 1
    line_has_content = False
    while i <= n:
        start = i
        if i < n and text[i] == '"':
            # quoted field
            j = i + 1
            pieces = []
            while True:
                k = text.find('"', j)
                if k < 0:
                    if partial:
                        k = n
                        pieces.append(text[j:])
                        i = n
                        break
                    raise InputError(
                        f"{name}: a quoted field starting on row {row_number} is never closed"
                    )
                pieces.append(text[j:k])
                if k + 1 < n and text[k + 1] == '"':
                    pieces.append('"')
                    j = k + 2
                    continue
                i = k + 1
                break
            # anything between the closing quote and the delimiter is kept as text
            end_of_field = _field_end(text, i, delimiter)
            value = "".join(pieces) + text[i:end_of_field]
            row.append(CsvField(value, start, end_of_field, True, row_number, column))
            i = end_of_field
            line_has_content = True
        else:
            end_of_field = _field_end(text, i, delimiter)
            value = text[i:end_of_field]
            row.append(CsvField(value, start, end_of_field, False, row_number, column))
            line_has_content = line_has_content or bool(value)
            i = end_of_field
        # what ends the field
        if i < n and text.startswith(delimiter, i):
            i += len(delimiter)
            column += 1
            line_has_content = True
            continue
        # end of line or of text
        if line_has_content:
            rows.append(row)
            row_number += 1
        row, column, line_has_content = [], 1, False
        if i >= n:
            break
        i += 2 if text.startswith("\r\n", i) else 1
        if i >= n:
            break
    return rows


def _field_end(text: str, i: int, delimiter: str) -> int:
    """Offset of the delimiter or line break that ends an unquoted field starting at `i`."""
    ends = [p for p in (text.find(delimiter, i), text.find("\n", i), text.find("\r", i)) if p >= 0]
    return min(ends) if ends else len(text)
