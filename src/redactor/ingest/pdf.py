"""PDF reader: the text of every page with the boxes of its characters, in reading order.

Each page's characters (pdfplumber) are laid out into blocks (`_pdf_layout`): paragraphs of a
column, rows of a table. A block is one segment; for every character of its text the payload keeps
the page characters it came from, so the writer can cover a finding exactly. Form field values
are segments too (the writer types them back, redacted); annotation texts are segments that the
writer drops with the annotations.

Refused (fail closed): files that need a password (`pdf_password` opens them), pages that are a
scanned image with no text layer (OCR is out of scope), pages whose text cannot be decoded (fonts
without a Unicode map), and rotated pages that are also cropped or hold form fields.

Coordinates in the payload are points from the top-left corner of the page *as displayed* (its
crop box), which is what the writer renders.
"""

from __future__ import annotations

import io
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redactor.errors import InputError, UnsupportedContentError
from redactor.ingest._pdf_forms import label_hint, read_annotations
from redactor.ingest._pdf_layout import Block, Glyph, TableGrid, layout_page
from redactor.ingest.columns import hint_for_value
from redactor.model import PERSON_TYPES, Document, Locator, Segment

if TYPE_CHECKING:
    from redactor.settings import Settings

__all__ = [
    "DROPPED_KINDS",
    "PdfField",
    "PdfLocator",
    "PdfPage",
    "PdfPayload",
    "PdfTextMap",
    "read",
]

Box = tuple[float, float, float, float]  # x0, top, x1, bottom

#: a page whose images cover this share of it and that has fewer words than below is a scan
_SCAN_COVER = 0.5
_SCAN_WORDS = 15
#: a table cell longer than this is free text (notes): full detection, no hint from its label
_MAX_HINTED_WORDS = 8
#: a cell that labels its value inside ("Dad - Rob Varley", "Carer: Jo Hart") is not all name
_LABELLED = re.compile(r"\s[-\u2013\u2014]\s|:\s")
#: glyphs with no Unicode value tolerated on a page (bullets and the like in symbol fonts)
_MAX_UNDECODED = 3

# pdfminer logs font and encoding chatter (with names of fonts, never text) at WARNING
logging.getLogger("pdfminer").setLevel(logging.ERROR)


#: segment kinds whose text is read (for detection and the report) but never written: annotations
#: and form fields that do not show on the page
DROPPED_KINDS = frozenset({"comment", "link", "hidden field"})
_KIND_LABELS = {"field": "form field", "hidden field": "hidden form field"}


@dataclass(frozen=True)
class PdfLocator(Locator):
    """A PDF segment: its page (from 1), what it is, and its order on the page."""

    page: int = 1
    kind: str = "text"  # "text" | "table" | "field" | "hidden field" | "comment" | "link"
    index: int = 0
    cell: tuple[str, int, int] | None = None  # (table, row, column) of a ruled table's cell

    def describe(self) -> str:
        if self.kind in ("text", "table"):
            return f"page {self.page}"
        return f"page {self.page} {_KIND_LABELS.get(self.kind, self.kind)}"


@dataclass(frozen=True)
class PdfChar:
    """One character drawn on a page, as the writer needs it."""

    text: str
    box: Box
    size: float
    upright: bool = True


@dataclass
class PdfPage:
    """One page: its displayed size, its characters and its text lines in reading order (each a
    list of words, each a list of character indices) for the writer's text layer."""

    number: int
    width: float
    height: float
    chars: list[PdfChar]
    lines: list[list[list[int]]] = field(default_factory=list)


@dataclass(frozen=True)
class PdfTextMap:
    """For each character of a text segment, the indices of the page characters it covers."""

    page: int
    units: tuple[tuple[int, ...], ...]


@dataclass(frozen=True)
class PdfField:
    """A form field value segment: where its widget is on the page."""

    page: int
    rect: Box
    kind: str


@dataclass
class PdfPayload:
    """What the writer needs: the bytes read (rendered again, so nothing changes in between),
    the pages, and per segment index either a text map, a field, or nothing (dropped)."""

    data: bytes = field(repr=False)
    pages: list[PdfPage]
    text_maps: dict[int, PdfTextMap] = field(default_factory=dict)
    fields: dict[int, PdfField] = field(default_factory=dict)


def _open(data: bytes, path: Path, password: str | None) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
        _ = pdf.pages
    except PdfminerException as err:
        cause = err.args[0] if err.args else None
        if isinstance(cause, PDFPasswordIncorrect):
            if password:
                raise InputError(f"{path}: the password given does not open this PDF") from None
            raise InputError(
                f"{path}: this PDF is encrypted; give its password with --password"
            ) from None
        raise InputError(f"{path}: not a readable PDF ({type(cause).__name__})") from None
    except Exception as err:  # pdfminer raises many types on damaged files
        raise InputError(f"{path}: not a readable PDF ({type(err).__name__})") from None
    return pdf


def _image_cover(page: Any) -> float:
    """Share of the page covered by images (overlapping images both count; capped at 1)."""
    area = float(page.width * page.height) or 1.0
    covered = 0.0
    for image in page.images:
        x0, x1 = max(image["x0"], 0), min(image["x1"], page.width)
        top, bottom = max(image["top"], 0), min(image["bottom"], page.height)
        covered += max(0.0, x1 - x0) * max(0.0, bottom - top)
    return min(1.0, covered / area)


def _tables(page: Any, offset: tuple[float, float]) -> list[TableGrid]:
    try:
        found = page.find_tables()
    except Exception:  # a table finder failure only loses row order, never text
        return []
    dx, dy = offset
    grids = []
    for table in found:
        x0, top, x1, bottom = table.bbox
        rows = [
            [None if c is None else (c[0] - dx, c[1] - dy, c[2] - dx, c[3] - dy) for c in row.cells]
            for row in table.rows
        ]
        grids.append(TableGrid((x0 - dx, top - dy, x1 - dx, bottom - dy), rows))
    return grids


def table_hints(blocks: list[Block]) -> dict[int, str]:
    """Hints for table cells from their labels, by block index. A two-column table whose first
    column is labels ("Name" | "Ada Lovell", "DOB" | "01/02/2016") hints each value from its
    label; otherwise a first row of headers ("Pupil", "Phone") hints the cells below. Long
    values (notes), placeholders ("n/a") and names with a label in the cell ("Mum - Ada Lovell")
    get no hint: they go through full detection, with the row as context."""
    tables: dict[str, dict[tuple[int, int], int]] = defaultdict(dict)
    for index, block in enumerate(blocks):
        if block.cell is not None:
            table, row, column = block.cell
            tables[table][(row, column)] = index
    hints: dict[int, str] = {}

    def give(index: int, hint: str | None) -> None:
        text = blocks[index].text
        hint = hint_for_value(hint, text)
        if not hint or len(text.split()) > _MAX_HINTED_WORDS:
            return
        if hint in PERSON_TYPES and _LABELLED.search(text):
            return  # "Mum – Ada Lovell": detection finds the name and keeps "Mum"
        hints[index] = hint

    for cells in tables.values():
        rows = sorted({r for r, _ in cells})
        columns = sorted({c for _, c in cells})
        labels = {
            r: label_hint(blocks[cells[(r, columns[0])]].text)
            for r in rows
            if (r, columns[0]) in cells
        }
        if len(columns) == 2 and sum(1 for h in labels.values() if h) >= max(1, len(rows) / 2):
            for r, hint in labels.items():
                if hint and (r, columns[1]) in cells:
                    give(cells[(r, columns[1])], hint)
            continue
        header = {c: label_hint(blocks[i].text) for (r, c), i in cells.items() if r == rows[0]}
        if len(rows) < 2 or len(header) < 2 or not any(header.values()):
            continue
        for (r, c), index in cells.items():
            if r != rows[0]:
                give(index, header.get(c))
    return hints


def _read_page(
    page: Any, number: int, path: Path, segments: list[Segment], payload: PdfPayload
) -> PdfPage:
    rotated = bool(page.rotation % 360)
    if rotated:
        # pdfplumber gives a rotated page's characters as displayed, which is how it renders
        if tuple(page.cropbox) != tuple(page.mediabox):
            raise UnsupportedContentError(
                f"{path}: page {number} is both rotated and cropped, which is not supported"
            )
        crop_x, crop_top, crop_x1, crop_bottom = 0.0, 0.0, float(page.width), float(page.height)
    else:
        crop_x, crop_top, crop_x1, crop_bottom = (float(v) for v in page.cropbox)
    offset = (crop_x, crop_top)
    raw_chars = page.chars
    chars = [
        PdfChar(
            c.get("text") or "",
            (c["x0"] - crop_x, c["top"] - crop_top, c["x1"] - crop_x, c["bottom"] - crop_top),
            float(c.get("size") or (c["bottom"] - c["top"])),
            bool(c.get("upright", True)),
        )
        for c in raw_chars
    ]
    undecoded = sum(1 for c in chars if c.text.startswith("(cid:"))
    if undecoded > _MAX_UNDECODED:
        raise UnsupportedContentError(
            f"{path}: page {number}: {undecoded} characters cannot be decoded to text "
            "(a font without a Unicode map); it cannot be checked for personal data"
        )
    glyphs = [Glyph(c.text, *c.box, c.size, c.upright) for c in chars]
    blocks = layout_page(glyphs, _tables(page, offset) if chars else [])
    words = sum(len(block.text.split()) for block in blocks)
    cover = _image_cover(page)
    if (not chars and cover >= 0.2) or (cover >= _SCAN_COVER and words < _SCAN_WORDS):
        raise UnsupportedContentError(
            f"{path}: page {number} is an image with no text layer (a scan?); "
            "OCR is not supported, so it cannot be redacted"
        )
    placed = {i for block in blocks for unit in block.units for i in unit}
    unplaced = sum(1 for i, c in enumerate(chars) if c.text.strip() and i not in placed)
    if unplaced:
        # never expected: a glyph detection did not see must not reach the output unchecked
        raise UnsupportedContentError(
            f"{path}: page {number}: {unplaced} characters could not be placed in reading order"
        )
    info = PdfPage(number, crop_x1 - crop_x, crop_bottom - crop_top, chars)
    hints = table_hints(blocks)
    for order, block in enumerate(blocks):
        payload.text_maps[len(segments)] = PdfTextMap(number, tuple(block.units))
        group = f"p{number}-{block.group}" if block.group else None
        locator = PdfLocator(number, block.kind, order, block.cell)
        segments.append(Segment(block.text, locator, hint=hints.get(order), group=group))
        info.lines.extend(block.lines)

    mediabox = tuple(float(v) for v in page.page_obj.mediabox)
    media = (mediabox[0], mediabox[1], mediabox[2], mediabox[3])
    fields, notes = read_annotations(page.page_obj.annots, media)
    if fields and rotated:
        raise UnsupportedContentError(
            f"{path}: page {number} is rotated and has form fields, which is not supported"
        )
    # field rects are relative to the media box's top-left; shift them to the crop box
    media_top = page.mediabox[1]
    for order, item in enumerate(fields):
        x0, top, x1, bottom = item.rect
        shift_x, shift_y = crop_x - page.mediabox[0], crop_top - media_top
        rect = (x0 - shift_x, top - shift_y, x1 - shift_x, bottom - shift_y)
        kind = "hidden field" if item.hidden else "field"
        if not item.hidden:
            payload.fields[len(segments)] = PdfField(number, rect, item.kind)
        segments.append(Segment(item.value, PdfLocator(number, kind, order), hint=item.hint))
    for order, note in enumerate(notes):
        segments.append(Segment(note.text, PdfLocator(number, note.kind, order)))
    return info


def read(path: Path, settings: Settings) -> Document:
    """Read a PDF into segments (see the module docstring for what is refused)."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    if b"%PDF-" not in data[:1024]:
        raise InputError(f"{path}: not a PDF file")
    pdf = _open(data, path, settings.pdf_password)
    segments: list[Segment] = []
    payload = PdfPayload(data, [])
    try:
        if not pdf.pages:
            raise InputError(f"{path}: the PDF has no pages")
        for number, page in enumerate(pdf.pages, start=1):
            try:
                payload.pages.append(_read_page(page, number, path, segments, payload))
            except InputError:
                raise
            except Exception as err:  # a damaged page: refuse the file, name the page
                raise InputError(
                    f"{path}: page {number} cannot be read ({type(err).__name__})"
                ) from None
            finally:
                page.close()
    finally:
        pdf.close()
    dropped = sum(1 for s in segments if getattr(s.locator, "kind", "") in DROPPED_KINDS)
    info = {"pages": len(payload.pages), "form_fields": len(payload.fields)}
    if dropped:
        info["annotations_dropped"] = dropped
    return Document(segments, format="pdf", source=path, payload=payload, info=info)
