"""Excel workbook writer: puts redacted text back in place through each segment's `CellLocator`.

The workbook keeps its sheets (in order, with their hidden state), cell formats, column widths,
row heights, merged cells, tables, validations and print settings; only text changes.

Formulas. Redaction keeps formulas working wherever it can:

- A formula that *refers to* a redacted cell is unchanged and keeps working: it now reads the
  redacted value. (Cached results are not written, so no old value survives in the file; Excel
  recalculates on opening.)
- Personal data inside a formula's own text, in a quoted string (`=IF(A2="Amy Brook",...)`), is
  replaced inside the string, so the formula still works with the redacted values.
- A redacted sheet name is renamed everywhere the workbook refers to it: formulas, defined names,
  validations, conditional formats and hyperlinks. A redacted defined name is renamed in every
  formula that uses it.
- A formula whose personal data sits anywhere else in its text cannot be kept: the cell is
  replaced by the redacted formula text, as plain text (a defined name or validation formula by a
  quoted text constant). Nothing is ever left as it was.

README wording (one sentence): "Formulas that refer to redacted cells keep working and show the
redacted values; names written inside a formula's own text are replaced inside the formula, and a
formula that cannot be kept that way is replaced by its redacted text."
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl.utils.cell import coordinate_to_tuple

from redactor.emit.atomic import write_with
from redactor.errors import OutputError, UnsupportedContentError
from redactor.ingest.columns import CellLocator
from redactor.ingest.xlsx import FORMULA_VALIDATION_FIELDS, WorkbookPayload, attribute_places
from redactor.model import Edit, Segment
from redactor.transform.apply import apply_to_text, edits_by_segment

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from redactor.model import Document
    from redactor.settings import Settings

__all__ = ["rewrite_formula", "write"]

_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")


def write(document: Document, edits: list[Edit], out: Path, settings: Settings) -> None:
    payload = document.payload
    if not isinstance(payload, WorkbookPayload):
        raise OutputError(f"{out}: this document was not read as an Excel workbook")
    workbook = payload.workbook
    grouped = edits_by_segment(edits)
    segments = document.segments

    # 1. Renames first: every formula written afterwards uses the new names.
    sheet_names: dict[str, str] = {}
    defined_names: dict[str, str] = {}
    for number, segment in enumerate(segments):
        loc = _locator(segment)
        if number not in grouped or loc.kind not in ("sheet-name", "defined-name"):
            continue
        new = apply_to_text(segment.text, grouped[number])
        if loc.kind == "sheet-name":
            ws = _sheet(workbook, loc)
            old = ws.title
            ws.title = _sheet_title(
                new, loc.sheet_index, [t for t in workbook.sheetnames if t != old]
            )
            sheet_names[old.casefold()] = ws.title
        elif loc.kind == "defined-name" and loc.detail.startswith("name:"):
            old_name = loc.detail[len("name:") :]
            names = _names_of(workbook, loc)
            defined = names.pop(old_name, None)
            if defined is None:
                continue
            taken = {n.casefold() for n in names}
            defined.name = _name_identifier(new, taken)
            names[defined.name] = defined
            defined_names[old_name.casefold()] = defined.name
    renames = _Renames(sheet_names, defined_names)

    # 2. Everything else, in place.
    formulas_as_text = 0
    for number, segment in enumerate(segments):
        loc = _locator(segment)
        own = grouped.get(number, [])
        if loc.kind == "sheet-name" or loc.detail.startswith("name:"):
            continue
        if not own and not renames and loc.detail != "cached-value":
            continue
        try:
            formulas_as_text += _apply(workbook, payload, segment, loc, own, renames)
        except (AttributeError, KeyError, IndexError, TypeError, ValueError) as err:
            raise UnsupportedContentError(
                f"{document.source or out}: {loc.describe()} could not be redacted "
                f"({type(err).__name__}); refusing the file"
            ) from None

    _sync_table_columns(workbook)
    notes = document.info.setdefault("notes", [])
    if sheet_names:
        notes.append(f"{len(sheet_names)} sheet(s) renamed (the name held personal data)")
    if formulas_as_text:
        notes.append(
            f"{formulas_as_text} formula(s) replaced by their redacted text "
            "(personal data outside a quoted string)"
        )
    removed = _removed_names(document, edits)
    write_with(out, lambda tmp: _save(workbook, tmp, out, removed))


def _save(workbook: Workbook, tmp: Path, out: Path, removed: set[str]) -> None:
    try:
        workbook.save(tmp)
    except (ValueError, TypeError, KeyError) as err:
        raise UnsupportedContentError(
            f"{out}: the redacted workbook could not be written ({type(err).__name__})"
        ) from None
    if out.suffix.lower() == ".xlsm":
        _mark_macro_enabled(tmp)
    _verify(tmp, out, removed)


_XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"


def _mark_macro_enabled(saved: Path) -> None:
    """Keep an .xlsm an .xlsm: openpyxl saves a workbook whose macros were dropped as a plain
    .xlsx package, which Excel refuses to open under an .xlsm name."""
    import zipfile

    with zipfile.ZipFile(saved) as archive:
        parts = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(saved, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            if info.filename == "[Content_Types].xml":
                data = data.replace(_XLSX_MAIN.encode(), _XLSM_MAIN.encode())
            archive.writestr(info, data)


# -- the last check --------------------------------------------------------------------------------


def _removed_names(document: Document, edits: list[Edit]) -> set[str]:
    """Removed texts of two words or more: if one is still in the output, some place the reader
    does not know kept it (a plain word such as "May" may rightly remain elsewhere)."""
    texts = set()
    for edit in edits:
        text = document.segments[edit.segment].text[edit.start : edit.end].strip()
        if len(text.split()) >= 2 and len(text) >= 5:
            texts.add(" ".join(text.split()))
    return texts


def _verify(saved: Path, out: Path, removed: set[str]) -> None:
    """Fail closed if a removed multi-word text is anywhere in the written package."""
    if not removed:
        return
    import html
    import zipfile

    wanted = [(value, re.findall(r"\w+", value)) for value in removed]
    with zipfile.ZipFile(saved) as archive:
        for name in archive.namelist():
            text = html.unescape(archive.read(name).decode("utf-8", errors="ignore"))
            words = set(re.findall(r"\w+", text))
            flat = ""
            for value, value_words in wanted:
                if not all(w in words for w in value_words):
                    continue  # the usual case: cheap, no substring search
                flat = flat or " ".join(text.split())
                if value in flat:
                    raise UnsupportedContentError(
                        f"{out}: removed text is still present in part {name} after redaction "
                        "(a place the tool does not clean); refusing the file"
                    )


# -- applying one segment --------------------------------------------------------------------------


class _Renames:
    def __init__(self, sheets: dict[str, str], names: dict[str, str]):
        self.sheets = sheets
        self.names = names

    def __bool__(self) -> bool:
        return bool(self.sheets or self.names)


def _locator(segment: Segment) -> CellLocator:
    loc = segment.locator
    if not isinstance(loc, CellLocator):
        raise OutputError("a workbook segment has no cell locator")
    return loc


def _sheet(workbook: Workbook, loc: CellLocator) -> Worksheet:
    return workbook.worksheets[loc.sheet_index - 1]


def _apply(
    workbook: Workbook,
    payload: WorkbookPayload,
    segment: Segment,
    loc: CellLocator,
    edits: list[Edit],
    renames: _Renames,
) -> bool:
    """Write one segment back; True when a formula had to become text."""
    new = apply_to_text(segment.text, edits)
    kind = loc.kind
    if kind == "cell":
        cell = _cell(workbook, loc)
        if loc.detail == "formula":
            formula = rewrite_formula(segment.text, edits, renames)
            if formula is None:
                _set_text(cell, new)
                return True
            if hasattr(cell.value, "text"):  # ArrayFormula keeps its range
                cell.value.text = formula
            else:
                cell.value = formula
        elif edits or loc.detail == "cached-value":
            _set_text(cell, new)
    elif kind in ("comment", "comment-author"):
        comment = _cell(workbook, loc).comment
        if kind == "comment":
            comment.text = new
        else:
            comment.author = new
    elif kind == "hyperlink":
        link = _cell(workbook, loc).hyperlink
        if loc.detail in ("location", "target") and renames:
            # An internal link ("'Sheet'!A1", "#'Sheet'!A1") follows a renamed sheet.
            mark = "#" if segment.text.startswith("#") else ""
            renamed = _rename_reference(segment.text[len(mark) :], renames)
            if renamed != segment.text[len(mark) :]:
                new = mark + renamed
        setattr(link, loc.detail, new)
    elif kind == "header-footer":
        attr, part = loc.detail.split(".")
        getattr(getattr(_sheet(workbook, loc), attr), part).text = new
    elif kind == "validation":
        position, attr = loc.detail.split(".")
        validation = _sheet(workbook, loc).data_validations.dataValidation[int(position)]
        if attr in FORMULA_VALIDATION_FIELDS:
            new = _formula_or_constant(segment.text, edits, renames)
        setattr(validation, attr, new)
    elif kind == "conditional-format":
        block, rule_number, formula_number = (int(p) for p in loc.detail.split("."))
        formatting = list(_sheet(workbook, loc).conditional_formatting)[block]
        rule = formatting.rules[rule_number]
        rule.formula[formula_number] = _formula_or_constant(segment.text, edits, renames)
    elif kind in ("filter", "scenario"):
        places = {
            (k, d): (holder, key) for k, d, holder, key in attribute_places(_sheet(workbook, loc))
        }
        holder, key = places[(kind, loc.detail)]
        if isinstance(key, str):
            setattr(holder, key, new)
        else:
            holder[key] = new
    elif kind == "defined-name":
        name = loc.detail[len("value:") :]
        names = _names_of(workbook, loc)
        defined = names.get(renames.names.get(name.casefold(), name)) or names.get(name)
        if defined is not None:
            defined.attr_text = _formula_or_constant(segment.text, edits, renames)
    elif kind == "property":
        _set_property(workbook, loc.detail, new)
    else:
        raise UnsupportedContentError(f"cannot write back a workbook {kind}")
    return False


def _cell(workbook: Workbook, loc: CellLocator) -> Any:
    row, column = coordinate_to_tuple(loc.cell)
    return _sheet(workbook, loc).cell(row=row, column=column)


def _names_of(workbook: Workbook, loc: CellLocator) -> Any:
    """The defined names a locator points into: the workbook's, or one sheet's."""
    return _sheet(workbook, loc).defined_names if loc.sheet_index else workbook.defined_names


def _set_text(cell: Any, text: str) -> None:
    """Write text that must stay text (never read back as a formula)."""
    cell.value = text
    cell.data_type = "s"


def _set_property(workbook: Workbook, detail: str, new: str) -> None:
    if detail.startswith("core."):
        setattr(workbook.properties, detail[len("core.") :], new)
        return
    _, number, attr = detail.split(".")
    prop = workbook.custom_doc_props.props[int(number)]
    setattr(prop, attr, new)


def _formula_or_constant(text: str, edits: list[Edit], renames: _Renames) -> str:
    """A formula without "=" (defined name, validation): rewritten, else a quoted text constant."""
    rewritten = rewrite_formula(text, edits, renames)
    if rewritten is not None:
        return rewritten
    return '"' + apply_to_text(text, edits).replace('"', '""') + '"'


# -- formulas --------------------------------------------------------------------------------------


def rewrite_formula(text: str, edits: list[Edit], renames: _Renames | None = None) -> str | None:
    """`text` (a formula, with or without "=") with edits applied inside its quoted strings and
    renamed sheets and names applied to its references; None if an edit falls anywhere else."""
    from openpyxl.formula import Tokenizer
    from openpyxl.formula.tokenizer import Token, TokenizerError

    renames = renames or _Renames({}, {})
    shift = 0 if text.startswith("=") else 1
    formula = text if shift == 0 else "=" + text
    try:
        tokens = Tokenizer(formula).items
    except (TokenizerError, ValueError, IndexError):
        return None
    if "=" + "".join(t.value for t in tokens) != formula:
        return None
    pending = [(e.start + shift, e.end + shift, e.replacement) for e in edits]
    pieces = ["="]
    position = 1
    for token in tokens:
        start, end = position, position + len(token.value)
        position = end
        inside = [e for e in pending if e[0] < end and e[1] > start]
        if token.type == Token.OPERAND and token.subtype == Token.TEXT:
            if any(s < start + 1 or e > end - 1 for s, e, _ in inside):
                return None
            value = token.value
            for s, e, replacement in sorted(inside, reverse=True):
                quoted = replacement.replace('"', '""')
                value = value[: s - start] + quoted + value[e - start :]
            pieces.append(value)
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE:
            renamed = _rename_reference(token.value, renames)
            if inside and not _edits_covered_by_rename(token.value, renamed, inside, start):
                return None
            pieces.append(renamed)
        else:
            if inside:
                return None
            pieces.append(token.value)
    result = "".join(pieces)
    return result if shift == 0 else result[1:]


def _edits_covered_by_rename(
    old: str, new: str, edits: list[tuple[int, int, str]], start: int
) -> bool:
    """True when the edits fall in the sheet or name part of a reference that was renamed."""
    if old == new:
        return False
    prefix_end = old.rfind("!") if "!" in old else len(old)
    return all(e <= start + prefix_end for _, e, _ in edits)


def _rename_reference(reference: str, renames: _Renames) -> str:
    """A range reference with renamed sheets ("'Old'!A1" -> "'New'!A1") or a renamed name."""
    if "!" not in reference:
        return renames.names.get(reference.casefold(), reference)
    sheet_part, _, ref = reference.rpartition("!")
    quoted = sheet_part.startswith("'") and sheet_part.endswith("'")
    inner = sheet_part[1:-1].replace("''", "'") if quoted else sheet_part
    book = ""
    if inner.startswith("["):  # another workbook: its sheet names are not ours
        return reference
    pieces = inner.split(":")
    mapped = [renames.sheets.get(p.casefold(), p) for p in pieces]
    if mapped == pieces:
        return reference
    joined = book + ":".join(mapped)
    needs_quotes = quoted or not re.fullmatch(r"[A-Za-z_][\w.]*", joined)
    sheet_text = "'" + joined.replace("'", "''") + "'" if needs_quotes else joined
    ref = renames.names.get(ref.casefold(), ref)
    return f"{sheet_text}!{ref}"


def _sheet_title(text: str, index: int, taken: list[str]) -> str:
    """A valid, unused sheet title for redacted text ("[CHILD 1]" -> "CHILD 1")."""
    title = _BAD_TITLE.sub("", text).strip().strip("'")[:31] or f"Sheet{index}"
    existing = {t.casefold() for t in taken}
    candidate, number = title, 2
    while candidate.casefold() in existing:
        suffix = f" ({number})"
        candidate = title[: 31 - len(suffix)] + suffix
        number += 1
    return candidate


def _name_identifier(text: str, taken: set[str]) -> str:
    """A valid defined-name identifier for redacted text ("[ADULT 1]" -> "Redacted_ADULT_1")."""
    core = re.sub(r"\W+", "_", text).strip("_") or "name"
    candidate, number = f"Redacted_{core}", 2
    while candidate.casefold() in taken:
        candidate = f"Redacted_{core}_{number}"
        number += 1
    return candidate


def _sync_table_columns(workbook: Workbook) -> None:
    """A table's column names must match its header cells, which may have been redacted."""
    from openpyxl.utils.cell import range_boundaries

    for ws in workbook.worksheets:
        for table in ws.tables.values():
            if table.headerRowCount == 0:
                continue
            min_col, min_row, _, _ = range_boundaries(table.ref)
            for offset, column in enumerate(table.tableColumns):
                value = ws.cell(row=min_row, column=min_col + offset).value
                if value is not None and str(value) != column.name:
                    column.name = str(value)
