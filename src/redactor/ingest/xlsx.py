"""Excel workbook reader (.xlsx, .xlsm): a segment for every place a workbook holds text.

Places read (each segment has a `CellLocator`): cell values and formulas on every sheet (hidden
and very hidden sheets, hidden rows and columns too), cell comments and their authors, sheet names,
headers and footers, hyperlinks (target, location, tooltip, display text), data-validation lists
and messages, conditional-format formulas, auto-filter values, what-if scenarios, defined names
(name and value), and core and custom document properties.

Cells below a sheet's header row get a `hint` from their column header (`ingest.columns`) and a
`group` per row, so detection can use a row's names as evidence in the row's notes.

Before openpyxl opens the file, every part of the zip package is checked against the parts this
reader and `emit.xlsx` handle. Pivot caches, links to other workbooks, drawings (pictures, charts,
shapes), embedded objects, macros, threaded comments, slicers, custom XML and data connections
either hold personal data this tool cannot clean or would be dropped silently by openpyxl: the
file is refused with `UnsupportedContentError`, unless `settings.drop_unsupported`, in which case
they are removed and `Document.info["notes"]` says what was removed. Threaded comments (Excel
365) are the exception when, as Excel writes them, each has a plain note copy on the same cell:
the note is read and cleaned, the thread and its author list are dropped, and a note says so.
Parts that hold no document content are rebuilt or dropped without asking: the calculation
chain, printer settings, the dynamic-array metadata, the thumbnail picture and the app properties
(application name, company, sheet titles), which openpyxl writes afresh. Cached formula results
are not written either (they may hold old values): Excel recalculates them on opening.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree as ET

from redactor.errors import InputError, UnsupportedContentError
from redactor.ingest.columns import CellLocator, find_header_row, hint_for_header, hint_for_value
from redactor.model import Document, Segment

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from redactor.settings import Settings

__all__ = ["WorkbookPayload", "attribute_places", "read", "unsupported_parts"]

#: openpyxl header/footer attributes and their three parts
HEADER_FOOTERS = (
    "oddHeader",
    "oddFooter",
    "evenHeader",
    "evenFooter",
    "firstHeader",
    "firstFooter",
)
HEADER_FOOTER_PARTS = ("left", "center", "right")
VALIDATION_FIELDS = ("formula1", "formula2", "prompt", "promptTitle", "error", "errorTitle")
CORE_PROPERTIES = (
    "title", "subject", "creator", "keywords", "description", "lastModifiedBy", "category",
    "contentStatus", "identifier", "language", "version",
)  # fmt: skip
#: validation fields that hold formulas (lists, ranges) rather than messages
FORMULA_VALIDATION_FIELDS = ("formula1", "formula2")

#: content types of parts read and written back exactly (or rebuilt by openpyxl with no content)
_SUPPORTED_TYPES = (
    "spreadsheetml.sheet.main+xml",
    "spreadsheetml.template.main+xml",
    "ms-excel.sheet.macroEnabled.main+xml",
    "spreadsheetml.worksheet+xml",
    "spreadsheetml.sharedStrings+xml",
    "spreadsheetml.styles+xml",
    "officedocument.theme+xml",
    "spreadsheetml.comments+xml",
    "spreadsheetml.table+xml",
    "spreadsheetml.calcChain+xml",
    "spreadsheetml.sheetMetadata+xml",
    "spreadsheetml.volatileDependencies+xml",
    "package.core-properties+xml",
    "officedocument.extended-properties+xml",
    "officedocument.custom-properties+xml",
    "package.relationships+xml",
    "officedocument.spreadsheetPrinterSettings",
)
#: content-type fragment -> what the user is told the file holds
_UNSUPPORTED_TYPES = (
    ("vbaProject", "macros (VBA project)"),
    ("pivotCache", "pivot table caches"),
    ("pivotTable", "pivot tables"),
    ("externalLink", "links to other workbooks (with cached copies of their values)"),
    ("drawing+xml", "drawings (pictures, charts or shapes)"),
    ("chartsheet", "chart sheets"),
    ("drawingml.chart", "charts (with cached copies of cell values)"),
    ("ms-office.chart", "charts (with cached copies of cell values)"),
    ("oleObject", "embedded objects"),
    ("embeddings/", "embedded objects"),
    ("activeX", "ActiveX controls"),
    ("ctrlProps", "form controls"),
    ("threadedcomments", "threaded comments"),
    ("person+xml", "threaded comment authors"),
    ("slicer", "slicers"),
    ("timeline", "timelines"),
    ("customXml", "custom XML data"),
    ("connections", "data connections"),
    ("queryTable", "data queries"),
    ("image/", "pictures"),
)


@dataclass
class WorkbookPayload:
    """What `emit.xlsx` needs: the open workbook and what the reader removed or replaced."""

    workbook: Workbook
    #: (sheet index, coordinate) -> cached value, for formulas that pointed at a dropped link
    cached_values: dict[tuple[int, str], Any] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)


def read(path: Path, settings: Settings) -> Document:
    archive = _open_zip(path)
    notes: list[str] = []
    with archive:
        problems = unsupported_parts(archive)
        if any(kind in _THREADED for kind, _ in problems) and threads_have_note_copies(archive):
            # Excel keeps a plain note copy of every thread; that copy is read and cleaned.
            problems = [(kind, part) for kind, part in problems if kind not in _THREADED]
            notes.append("threaded comments kept as notes (their text was already copied there)")
    if problems and not settings.drop_unsupported:
        kinds = sorted({kind for kind, _ in problems})
        parts = ", ".join(sorted({part for _, part in problems})[:5])
        raise UnsupportedContentError(
            f"{path}: contains {'; '.join(kinds)} ({parts}), which cannot be cleaned; "
            "refusing the file (use --drop-unsupported to remove these parts)"
        )
    workbook = _load(path, data_only=False)
    payload = WorkbookPayload(workbook)
    if problems:
        payload.removed = sorted({kind for kind, _ in problems})
        _drop_unsupported(path, payload)
    segments = list(_segments(workbook, payload))
    info: dict[str, Any] = {"sheets": len(workbook.worksheets)}
    notes += [f"removed (--drop-unsupported): {kind}" for kind in payload.removed]
    if notes:
        info["notes"] = notes
    return Document(segments, format="xlsx", source=path, payload=payload, info=info)


# -- the package -----------------------------------------------------------------------------------


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        head = path.read_bytes()[:8]
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(
            f"{path}: this workbook is password-protected or in the old .xls format; "
            "remove the password or save it as .xlsx first"
        )
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise InputError(f"{path}: not a valid Excel workbook (the file is damaged)") from None


def unsupported_parts(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(what it is, part name) for every part of the package this tool cannot clean exactly."""
    types = _content_types(archive)
    problems = []
    for name in archive.namelist():
        if name.endswith("/"):
            continue
        part = "/" + name
        content_type = types.get(part) or types.get(PurePosixPath(name).suffix.lower().lstrip("."))
        kind = _classify(archive, name, content_type or "")
        if kind:
            problems.append((kind, name))
    return problems


_THREADED = ("threaded comments", "threaded comment authors")


def threads_have_note_copies(archive: zipfile.ZipFile) -> bool:
    """True when every threaded comment has the plain note copy Excel writes beside it (same
    sheet, same cell). openpyxl drops the threads but keeps and cleans the notes, so nothing is
    lost; a thread without its copy would be lost silently, so the file is then refused."""
    names = set(archive.namelist())
    threads = {n for n in names if "threadedcomment" in n.lower() and not n.endswith(".rels")}
    covered: set[str] = set()
    for rels_name in (n for n in names if n.startswith("xl/worksheets/_rels/")):
        try:
            relationships = ET.fromstring(archive.read(rels_name))
        except ET.ParseError:
            return False
        notes: set[str] = set()
        threaded: list[str] = []
        for rel in relationships:
            target = _resolve(rels_name, rel.get("Target", ""))
            kind = rel.get("Type", "").rsplit("/", 1)[-1].lower()
            if kind == "comments":
                notes |= _refs(archive, target, "comment")
            elif kind == "threadedcomment":
                threaded.append(target)
        for part in threaded:
            if not _refs(archive, part, "threadedComment") <= notes:
                return False
            covered.add(part)
    return threads <= covered


def _resolve(rels_name: str, target: str) -> str:
    """The part a relationship points to ("../comments1.xml" from a sheet's rels)."""
    if target.startswith("/"):
        return target[1:]
    folder = posixpath.dirname(posixpath.dirname(rels_name))  # the rels' owner's folder
    return posixpath.normpath(posixpath.join(folder, target))


def _refs(archive: zipfile.ZipFile, part: str, tag: str) -> set[str]:
    try:
        root = ET.fromstring(archive.read(part))
    except (KeyError, ET.ParseError):
        return {"<missing>"}  # never a subset of real refs: refuse
    return {e.get("ref", "") for e in root.iter() if e.tag.rsplit("}", 1)[-1] == tag}


def _content_types(archive: zipfile.ZipFile) -> dict[str, str]:
    """Part name ("/xl/workbook.xml") or extension ("xml") -> content type."""
    try:
        root = ET.fromstring(archive.read("[Content_Types].xml"))
    except (KeyError, ET.ParseError):
        raise InputError(
            f"{archive.filename}: not a valid Excel workbook (no content types)"
        ) from None
    types: dict[str, str] = {}
    for element in root:
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "Default":
            types[element.get("Extension", "").lower()] = element.get("ContentType", "")
        elif tag == "Override":
            types[element.get("PartName", "")] = element.get("ContentType", "")
    return types


def _classify(archive: zipfile.ZipFile, name: str, content_type: str) -> str | None:
    """None for a part that is read and written exactly (or holds no content), else its kind."""
    if name == "[Content_Types].xml" or name.endswith(".rels"):
        return None
    if name.startswith("docProps/thumbnail"):
        return None  # a picture of the first sheet; openpyxl drops it, which is what we want
    if name.startswith("customXml/"):
        return "custom XML data"
    if content_type.endswith("vmlDrawing") or name.endswith(".vml"):
        return _classify_vml(archive.read(name))
    if any(content_type.endswith(t) for t in _SUPPORTED_TYPES):
        return None
    for fragment, kind in _UNSUPPORTED_TYPES:
        if fragment.lower() in content_type.lower() or fragment.lower() in name.lower():
            return kind
    return f"an unrecognised part ({content_type or 'no content type'})"


def _classify_vml(data: bytes) -> str | None:
    """VML that only draws comment boxes is rebuilt by openpyxl; any other shape is refused."""
    kinds = set(re.findall(rb'ObjectType="(\w+)"', data))
    if b"imagedata" in data:
        return "pictures in headers or footers"
    if kinds - {b"Note"}:
        return "form controls"
    return None


def _load(path: Path, data_only: bool) -> Workbook:
    import warnings

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about parts it will not keep
            return load_workbook(path, data_only=data_only, keep_vba=False, keep_links=True)
    except Exception as err:  # openpyxl raises many types for a damaged file
        raise InputError(
            f"{path}: not a valid Excel workbook ({type(err).__name__}); "
            "open and re-save it in Excel, then try again"
        ) from None


def _drop_unsupported(path: Path, payload: WorkbookPayload) -> None:
    """Remove what openpyxl kept of the refused parts (it drops the rest itself on save)."""
    workbook = payload.workbook
    for ws in workbook.worksheets:
        ws._pivots = []
        ws._images = []
        ws._charts = []
    for chartsheet in list(workbook.chartsheets):
        workbook.remove(chartsheet)
    if getattr(workbook, "_external_links", None):
        workbook._external_links = []
        # Formulas that read another workbook keep only their cached value.
        cached = _load(path, data_only=True)
        for index, ws in enumerate(workbook.worksheets):
            for cell in ws._cells.values():
                formula = _formula_text(cell.value)
                if formula and _EXTERNAL_REF.search(formula):
                    value = cached.worksheets[index][cell.coordinate].value
                    payload.cached_values[(index + 1, cell.coordinate)] = value
        for name in [n for n, d in workbook.defined_names.items() if _refers_outside(d.attr_text)]:
            del workbook.defined_names[name]


_EXTERNAL_REF = re.compile(r"\[\d+\]")


def _refers_outside(text: str | None) -> bool:
    return bool(text and _EXTERNAL_REF.search(text))


# -- segments --------------------------------------------------------------------------------------


def _formula_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value if value.startswith("=") else None
    text = getattr(value, "text", None)  # ArrayFormula
    return text if isinstance(text, str) else None


def cell_text(value: Any, hinted: bool) -> str | None:
    """The text detection sees for a cell value, or None for values that hold no personal data.

    Dates are shown the UK way (dd/mm/yyyy); numbers only in a hinted column or when long enough
    to be a phone number or an identifier stored as a number.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, dt.datetime):
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int | float | Decimal):
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        return text if hinted or len(re.sub(r"\D", "", text)) >= 7 else None
    return None


def _segments(workbook: Workbook, payload: WorkbookPayload) -> list[Segment]:
    segments: list[Segment] = []
    for index, ws in enumerate(workbook.worksheets, start=1):
        segments.extend(_sheet_segments(index, ws, payload))
    for name, defined in workbook.defined_names.items():
        segments.extend(_defined_name_segments(name, defined, "", 0))
    props = workbook.properties
    for attr in CORE_PROPERTIES:
        value = getattr(props, attr, None)
        if isinstance(value, str) and value.strip():
            loc = CellLocator(kind="property", detail=f"core.{attr}")
            segments.append(Segment(value, loc))
    for number, prop in enumerate(workbook.custom_doc_props.props):
        if isinstance(prop.name, str) and prop.name.strip():
            loc = CellLocator(kind="property", detail=f"custom.{number}.name")
            segments.append(Segment(prop.name, loc))
        if isinstance(prop.value, str) and prop.value.strip():
            loc = CellLocator(kind="property", detail=f"custom.{number}.value")
            segments.append(Segment(prop.value, loc))
    return segments


def _sheet_segments(index: int, ws: Worksheet, payload: WorkbookPayload) -> list[Segment]:
    title = ws.title
    segments = [Segment(title, CellLocator(title, "", "sheet-name", "", index))]
    cells = sorted(ws._cells.values(), key=lambda c: (c.row, c.column))

    # The header row: judged on the first rows' text.
    first_rows: dict[int, dict[int, str]] = {}
    last_look = (cells[0].row if cells else 0) + 10
    for cell in cells:
        if cell.row > last_look:
            break
        if isinstance(cell.value, str) and not cell.value.startswith("="):
            first_rows.setdefault(cell.row, {})[cell.column] = cell.value
    row_numbers = sorted(first_rows)
    width = max((max(r) for r in first_rows.values()), default=0)
    grid = [[first_rows[r].get(c, "") for c in range(1, width + 1)] for r in row_numbers]
    found = find_header_row(grid)
    header_row = row_numbers[found] if found is not None else 0
    hints = {c: hint_for_header(v) for c, v in first_rows[header_row].items()} if header_row else {}

    for cell in cells:
        group = f"{index}:{cell.row}"
        coordinate = cell.coordinate
        column_hint = hints.get(cell.column) if cell.row > header_row else None
        cached_key = (index, coordinate)
        formula = _formula_text(cell.value)
        if cached_key in payload.cached_values:
            text = cell_text(payload.cached_values[cached_key], column_hint is not None)
            if text is not None:
                loc = CellLocator(title, coordinate, "cell", "cached-value", index)
                segments.append(Segment(text, loc, None, group))
        elif formula is not None:
            loc = CellLocator(title, coordinate, "cell", "formula", index)
            segments.append(Segment(formula, loc, None, group))
        else:
            text = cell_text(cell.value, column_hint is not None)
            if text is not None:
                hint = hint_for_value(column_hint, text)
                loc = CellLocator(title, coordinate, "cell", "", index)
                segments.append(Segment(text, loc, hint, group))
        comment = cell.comment
        if comment is not None:
            for kind, value in (("comment", comment.text), ("comment-author", comment.author)):
                if isinstance(value, str) and value.strip():
                    loc = CellLocator(title, coordinate, kind, "", index)
                    segments.append(Segment(value, loc, None, group))
        link = cell.hyperlink
        if link is not None:
            for attr in ("target", "location", "tooltip", "display"):
                value = getattr(link, attr, None)
                if isinstance(value, str) and value.strip():
                    loc = CellLocator(title, coordinate, "hyperlink", attr, index)
                    segments.append(Segment(value, loc, None, group))

    for attr in HEADER_FOOTERS:
        item = getattr(ws, attr)
        for part in HEADER_FOOTER_PARTS:
            text = getattr(getattr(item, part), "text", None)
            if isinstance(text, str) and text.strip():
                loc = CellLocator(title, "", "header-footer", f"{attr}.{part}", index)
                segments.append(Segment(text, loc))
    for number, validation in enumerate(ws.data_validations.dataValidation):
        for attr in VALIDATION_FIELDS:
            value = getattr(validation, attr, None)
            if isinstance(value, str) and value.strip():
                cell = str(validation.sqref).split(" ")[0].split(":")[0]
                loc = CellLocator(title, cell, "validation", f"{number}.{attr}", index)
                segments.append(Segment(value, loc))
    for number, formatting in enumerate(ws.conditional_formatting):
        for rule_number, rule in enumerate(formatting.rules):
            for formula_number, formula_value in enumerate(rule.formula or []):
                if isinstance(formula_value, str) and formula_value.strip():
                    detail = f"{number}.{rule_number}.{formula_number}"
                    loc = CellLocator(title, "", "conditional-format", detail, index)
                    segments.append(Segment(formula_value, loc))
    for kind, place, holder, key in attribute_places(ws):
        value = getattr(holder, key) if isinstance(key, str) else holder[key]
        if isinstance(value, str) and value.strip():
            segments.append(Segment(value, CellLocator(title, "", kind, place, index)))
    for name, defined in ws.defined_names.items():
        segments.extend(_defined_name_segments(name, defined, title, index))
    return segments


def attribute_places(ws: Worksheet) -> list[tuple[str, str, Any, int | str]]:
    """(kind, detail, holder, index or attribute) of the sheet's texts held in small objects:
    auto-filter values (the sheet's and its tables') and what-if scenarios (name, author,
    comment, input values). Shared by this reader and `emit.xlsx`, which sets them back."""
    places: list[tuple[str, str, Any, int | str]] = []
    filters = [("", ws.auto_filter)]
    # (TableList.items() yields (name, range), so go through values())
    filters += [(f"@{t.displayName}", t.autoFilter) for t in ws.tables.values()]
    for owner, auto_filter in filters:
        for number, column in enumerate(auto_filter.filterColumn if auto_filter else []):
            if column.filters is not None:
                for value_number in range(len(column.filters.filter)):
                    detail = f"{owner}{number}.{value_number}"
                    places.append(("filter", detail, column.filters.filter, value_number))
            if column.customFilters is not None:
                for value_number, custom in enumerate(column.customFilters.customFilter):
                    places.append(
                        ("filter", f"{owner}{number}.custom{value_number}", custom, "val")
                    )
    scenarios = ws.scenarios.scenario if ws.scenarios is not None else []
    for number, scenario in enumerate(scenarios):
        for attr in ("name", "user", "comment"):
            places.append(("scenario", f"{number}.{attr}", scenario, attr))
        for cell_number, cell in enumerate(scenario.inputCells):
            places.append(("scenario", f"{number}.input{cell_number}", cell, "val"))
    return places


def _defined_name_segments(name: str, defined: Any, sheet: str, index: int) -> list[Segment]:
    segments = []
    if not name.startswith("_xlnm."):  # built-in names (print area ...) hold references only
        segments.append(
            Segment(name, CellLocator(sheet, "", "defined-name", f"name:{name}", index))
        )
    value = defined.attr_text
    if isinstance(value, str) and value.strip():
        loc = CellLocator(sheet, "", "defined-name", f"value:{name}", index)
        segments.append(Segment(value, loc))
    return segments
