"""PDF writer: a new PDF made of page images with the findings blacked out, nothing underneath.

Black boxes drawn over text that is still in the file are the classic redaction failure, so no
part of the input is copied. Each page is rendered to an image (pypdfium2, `pdf_dpi`), every
character box of every edit is painted black on the image, and the image becomes the only content
of a page in a new document. Over it goes an invisible text layer (render mode 3) holding the
page's text with the edits applied, at the original positions, so the output stays searchable.
Form field values are typed back, redacted, as visible text. Metadata, XMP, annotations, form
fields, bookmarks, attachments and scripts are simply never written.

The text layer holds only characters that can be seen on the rendered page: text hidden under a
box, in white, or off the page is left out even when detection did not flag it.

An edit that does not map onto character boxes exactly fails the file (UnsupportedContentError).
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from redactor.emit._pdf_text import place_text
from redactor.emit.atomic import check_target, write_bytes, write_with
from redactor.errors import InputError, OutputError, UnsupportedContentError
from redactor.ingest.pdf import DROPPED_KINDS, PdfPage, PdfPayload
from redactor.transform.apply import apply_to_text, edits_by_segment

if TYPE_CHECKING:
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    from redactor.model import Document, Edit
    from redactor.settings import Settings

__all__ = ["redacted_text", "write"]

Box = tuple[float, float, float, float]

# how far a box reaches beyond a character's box, as a share of its height (accents above
# capitals stand out of pdfminer's box; anti-aliased edges spill a pixel)
_PAD_TOP, _PAD_BOTTOM, _PAD_SIDE = 0.15, 0.05, 0.05
# a character is visible when its box on the rendered page holds this much contrast (0-255)
_VISIBLE_CONTRAST = 48
# share of a text line's height between the bottom of pdfminer's box and the baseline
_DESCENT = 0.207
# pixels of one rendered page at most (A0 at 200 dpi is about 62 million)
_MAX_PIXELS = 80_000_000


@dataclass
class _Cover:
    """One edit on one page: the character boxes to black out, line by line."""

    replacement: str
    tag: str
    groups: list[tuple[int | None, list[int]]]  # (line index or None, character indices)


@dataclass
class _PagePlan:
    covers: list[_Cover] = field(default_factory=list)
    fields: list[tuple[Box, str]] = field(default_factory=list)


def _plan(document: Document, payload: PdfPayload, edits: list[Edit]) -> dict[int, _PagePlan]:
    """Check every edit maps onto boxes or a field, and sort them by page."""
    name = document.source or "document"
    plans: dict[int, _PagePlan] = defaultdict(_PagePlan)
    line_of = [_line_index(page) for page in payload.pages]
    grouped = edits_by_segment(edits)
    for index, segment_edits in grouped.items():
        if not 0 <= index < len(document.segments):
            raise UnsupportedContentError(f"{name}: an edit points outside the document")
        segment = document.segments[index]
        for edit in segment_edits:
            if not 0 <= edit.start < edit.end <= len(segment.text):
                raise UnsupportedContentError(
                    f"{name}: {segment.locator.describe()}: an edit does not fit its text"
                )
        if index in payload.fields:
            item = payload.fields[index]
            plans[item.page].fields.append((item.rect, apply_to_text(segment.text, segment_edits)))
            continue
        text_map = payload.text_maps.get(index)
        if text_map is None:
            kind = getattr(segment.locator, "kind", "")
            if kind in DROPPED_KINDS:
                continue  # annotations and hidden fields are not written at all
            raise UnsupportedContentError(
                f"{name}: {segment.locator.describe()}: an edit has no place on the page"
            )
        lines = line_of[text_map.page - 1]
        for edit in segment_edits:
            chars: list[int] = []
            for offset in range(edit.start, edit.end):
                unit = text_map.units[offset]
                if not unit and not segment.text[offset].isspace():
                    raise UnsupportedContentError(
                        f"{name}: {segment.locator.describe()}: a {edit.entity_type} finding "
                        "does not map onto the page's characters"
                    )
                chars.extend(unit)
            if not chars:
                raise UnsupportedContentError(
                    f"{name}: {segment.locator.describe()}: a {edit.entity_type} finding "
                    "has no characters on the page"
                )
            by_line: dict[int | None, list[int]] = defaultdict(list)
            for c in dict.fromkeys(chars):
                by_line[lines.get(c)].append(c)
            plans[text_map.page].covers.append(
                _Cover(edit.replacement, edit.tag or edit.replacement, list(by_line.items()))
            )
    # field segments without edits are typed back as they are
    for index, item in payload.fields.items():
        if index not in grouped:
            plans[item.page].fields.append((item.rect, document.segments[index].text))
    return plans


def _line_index(page: PdfPage) -> dict[int, int]:
    return {c: n for n, line in enumerate(page.lines) for word in line for c in word}


def _union(page: PdfPage, chars: list[int]) -> Box:
    boxes = [page.chars[c].box for c in chars]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _cover_boxes(page: PdfPage, cover: _Cover) -> list[Box]:
    """The rectangles to paint: one per line of the edit, one per rotated character."""
    boxes: list[Box] = []
    for line, chars in cover.groups:
        if line is None:
            boxes.extend(page.chars[c].box for c in chars)
        else:
            boxes.append(_union(page, chars))
    return boxes


class _Canvas:
    """The rendered page and the conversion from points to its pixels."""

    def __init__(self, image: Image.Image, page: PdfPage) -> None:
        import numpy as np

        self.image = image
        self.sx = image.width / page.width
        self.sy = image.height / page.height
        self.gray: np.ndarray = np.asarray(image.convert("L"))

    def pixels(self, box: Box, pad: bool) -> tuple[int, int, int, int]:
        x0, top, x1, bottom = box
        if pad:
            h = bottom - top
            x0, x1 = x0 - _PAD_SIDE * h, x1 + _PAD_SIDE * h
            top, bottom = top - _PAD_TOP * h, bottom + _PAD_BOTTOM * h
            return (
                math.floor(x0 * self.sx) - 1,
                math.floor(top * self.sy) - 1,
                math.ceil(x1 * self.sx) + 1,
                math.ceil(bottom * self.sy) + 1,
            )
        return (
            round(x0 * self.sx),
            round(top * self.sy),
            round(x1 * self.sx),
            round(bottom * self.sy),
        )

    def visible(self, box: Box) -> bool:
        """Whether a character shows: contrast in the band of its box where the ink of letters
        and digits is (from 30% to 80% of its height: a box drawn over just the ink still hides
        it). The full width is kept: a thin "l" may sit in one column of pixels."""
        x0, top, x1, bottom = box
        height = bottom - top
        band = (x0, top + 0.3 * height, x1, top + 0.8 * height)
        x0, top, x1, bottom = self.pixels(band, pad=False)
        x0, top = max(x0, 0), max(top, 0)
        x1, bottom = min(x1, self.image.width), min(bottom, self.image.height)
        if x1 - x0 < 1 or bottom - top < 1:
            return False
        region = self.gray[top:bottom, x0:x1]
        return int(region.max()) - int(region.min()) >= _VISIBLE_CONTRAST


def _draw(canvas: _Canvas, page: PdfPage, plan: _PagePlan, print_tags: bool) -> None:
    from PIL import ImageDraw, ImageFont

    draw = ImageDraw.Draw(canvas.image)
    for cover in plan.covers:
        rects = [canvas.pixels(b, pad=True) for b in _cover_boxes(page, cover)]
        for rect in rects:
            draw.rectangle(rect, fill=(0, 0, 0))
        if print_tags and rects and cover.tag:
            x0, top, x1, bottom = rects[0]
            size = max(6, int((bottom - top) * 0.6))
            font = ImageFont.load_default(size=size)
            while size > 6 and draw.textlength(cover.tag, font=font) > x1 - x0 - 4:
                size -= 1
                font = ImageFont.load_default(size=size)
            if draw.textlength(cover.tag, font=font) <= x1 - x0 - 2:
                draw.text(
                    (x0 + 2, (top + bottom) / 2),
                    cover.tag,
                    fill=(255, 255, 255),
                    font=font,
                    anchor="lm",
                )


def _runs(page: PdfPage, words: list[list[int]], keep: set[int]) -> list[list[list[int]]]:
    """A line's kept characters as runs of words: a run breaks at a character left out and at a
    gap wider than the text is tall (between table cells)."""
    runs: list[list[list[int]]] = [[]]
    for word in words:
        piece: list[int] = []
        for c in word:
            if c in keep:
                piece.append(c)
                continue
            if piece:
                runs[-1].append(piece)
                piece = []
            runs.append([])
        if piece:
            if runs[-1]:
                previous = page.chars[runs[-1][-1][-1]].box
                here = page.chars[piece[0]].box
                if here[0] - previous[2] > here[3] - here[1]:
                    runs.append([])
            runs[-1].append(piece)
    return [run for run in runs if run]


def _text_layer(
    out_pdf: pdfium.PdfDocument,
    out_page: pdfium.PdfPage,
    page: PdfPage,
    plan: _PagePlan,
    seen: set[int],
) -> None:
    """Invisible text: the visible characters no edit covers, and each edit's replacement at the
    place of its first line, line by line in reading order. Every piece is squeezed or stretched
    to the width of the characters it stands for, so extractors see the words where they were."""
    removed = {c for cover in plan.covers for _, chars in cover.groups for c in chars}
    keep = seen - removed
    anchored: dict[int, list[tuple[Box, str]]] = defaultdict(list)
    for cover in plan.covers:
        first = next((g for g in cover.groups if g[0] is not None), None)
        if first is not None and first[0] is not None:
            anchored[first[0]].append((_union(page, first[1]), cover.replacement))
    for number, words in enumerate(page.lines):
        items = list(anchored[number])
        for run in _runs(page, words, keep):
            text = " ".join("".join(page.chars[c].text for c in word) for word in run)
            items.append((_union(page, [c for word in run for c in word]), text))
        sizes = [page.chars[c].size for word in words for c in word]
        items.sort(key=lambda item: item[0][0])
        size = statistics.median(sizes) if sizes else 10.0
        for i, (box, text) in enumerate(items):
            height = box[3] - box[1]
            baseline = page.height - (box[3] - _DESCENT * height)
            place_text(
                out_pdf,
                out_page,
                text,
                x=box[0],
                baseline=baseline,
                size=size,
                width=box[2] - box[0],
            )
            gap = items[i + 1][0][0] - box[2] if i + 1 < len(items) else 0.0
            if gap > 0.1 * height:
                # a real space between two pieces, so that extractors see two words
                place_text(
                    out_pdf, out_page, " ", x=box[2], baseline=baseline, size=size, width=gap
                )


def _field_text(
    out_pdf: pdfium.PdfDocument, out_page: pdfium.PdfPage, page: PdfPage, rect: Box, text: str
) -> None:
    x0, top, x1, bottom = rect
    height = bottom - top
    size = max(4.0, min(10.0, height * 0.7))
    place_text(
        out_pdf,
        out_page,
        " ".join(text.split()),
        x=x0 + 2,
        baseline=page.height - bottom + (height - size) / 2 + 0.22 * size,
        size=size,
        max_width=max(x1 - x0 - 4, size),
        invisible=False,
    )


def _embed(
    out_pdf: pdfium.PdfDocument, out_page: pdfium.PdfPage, image: Image.Image, page: PdfPage
) -> None:
    import pypdfium2 as pdfium
    from PIL import ImageChops

    red, green, blue = image.split()
    gray = ImageChops.difference(red, green).getbbox() is None
    gray = gray and ImageChops.difference(green, blue).getbbox() is None
    picture = pdfium.PdfImage.new(out_pdf)
    picture.set_bitmap(pdfium.PdfBitmap.from_pil(image.convert("L") if gray else image))
    picture.set_matrix(pdfium.PdfMatrix().scale(page.width, page.height))
    out_page.insert_obj(picture)


def _render(source: pdfium.PdfDocument, index: int, page: PdfPage, dpi: int) -> Image.Image:
    # a huge page (a poster, a site plan) is rendered coarser rather than exhaust memory
    dpi_cap = 72 * math.sqrt(_MAX_PIXELS / max(page.width * page.height, 1.0))
    scale = min(dpi, dpi_cap) / 72
    # no annotations, no form widgets: their appearance may show text that is not redacted
    bitmap = source[index].render(scale=scale, draw_annots=False, may_draw_forms=False)
    return bitmap.to_pil().convert("RGB")


def _write_page(
    source: pdfium.PdfDocument,
    result: pdfium.PdfDocument,
    index: int,
    page: PdfPage,
    plan: _PagePlan,
    settings: Settings,
) -> None:
    canvas = _Canvas(_render(source, index, page, settings.pdf_dpi), page)
    # what can be seen is judged on the page as it was, before any box is drawn
    seen = {
        c for line in page.lines for word in line for c in word if canvas.visible(page.chars[c].box)
    }
    _draw(canvas, page, plan, settings.pdf_print_tags)
    out_page = result.new_page(page.width, page.height)
    _embed(result, out_page, canvas.image, page)
    _text_layer(result, out_page, page, plan, seen)
    for rect, text in plan.fields:
        _field_text(result, out_page, page, rect, text)
    out_page.gen_content()
    out_page.close()


def redacted_text(document: Document, edits: list[Edit]) -> str:
    """The document's text with edits applied: page text and form fields, not annotations."""
    grouped = edits_by_segment(edits)
    lines = []
    for index, segment in enumerate(document.segments):
        if getattr(segment.locator, "kind", "") in DROPPED_KINDS:
            continue
        lines.append(apply_to_text(segment.text, grouped.get(index, ())))
    return "\n".join(lines) + "\n"


def write(document: Document, edits: list[Edit], out: Path, settings: Settings) -> None:
    import pypdfium2 as pdfium

    payload = document.payload
    if not isinstance(payload, PdfPayload):
        raise OutputError(f"{out}: the PDF writer needs a document read by the PDF reader")
    plans = _plan(document, payload, edits)
    text_out = out.with_suffix(".txt") if settings.pdf_text else None
    if text_out is not None:
        check_target(text_out, [document.source] if document.source else [])
    try:
        source = pdfium.PdfDocument(payload.data, password=settings.pdf_password)
    except pdfium.PdfiumError as err:
        raise InputError(f"{document.source}: cannot be rendered ({err})") from None
    result = pdfium.PdfDocument.new()
    try:
        if len(source) != len(payload.pages):
            raise UnsupportedContentError(
                f"{document.source}: the renderer and the reader disagree on the page count"
            )
        for index, page in enumerate(payload.pages):
            try:
                _write_page(
                    source, result, index, page, plans.get(page.number, _PagePlan()), settings
                )
            except (pdfium.PdfiumError, RuntimeError, ValueError, MemoryError) as err:
                raise UnsupportedContentError(
                    f"{document.source}: page {page.number} cannot be rendered "
                    f"({type(err).__name__})"
                ) from None

        def save(tmp: Path) -> None:
            try:
                result.save(tmp)
            except (pdfium.PdfiumError, OSError) as err:
                raise OutputError(f"{out}: cannot be written ({type(err).__name__})") from None

        write_with(out, save)
    finally:
        result.close()
        source.close()
    if text_out is not None:
        write_bytes(text_out, redacted_text(document, edits).encode("utf-8"))
