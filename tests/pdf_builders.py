"""Small PDFs for the PDF reader and writer tests, written byte by byte.

Hand-written PDF keeps the tests free of a PDF-making dependency and lets a test plant text exactly
where redaction tools miss it: document info, XMP, annotations, form fields, bookmarks, text under
a drawn box. Text uses the standard Helvetica font (WinAnsi), so accented Latin letters work.
Coordinates are in points from the top-left corner of the page, like pdfplumber's.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path

A4 = (595.0, 842.0)


@dataclass
class Text:
    """One line of text: `x` from the left, `baseline` from the top of the page."""

    x: float
    baseline: float
    text: str
    size: float = 11.0
    gray: float = 0.0  # fill colour, 0 black .. 1 white
    undecodable: bool = False  # set in a CID font with no Unicode map (extractors see "(cid:n)")


@dataclass
class Box:
    """A filled rectangle drawn *after* the text (as a bad redaction would be)."""

    x0: float
    top: float
    x1: float
    bottom: float
    gray: float = 0.0


@dataclass
class Rule:
    """A stroked line (table rules): from (x0, top) to (x1, bottom)."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class Field:
    """A text form field (widget annotation) holding `value`."""

    name: str
    value: str
    x0: float
    top: float
    x1: float
    bottom: float
    hidden: bool = False  # the widget's Hidden flag


@dataclass
class Page:
    texts: list[Text] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # sticky-note annotations
    link_uri: str | None = None
    scan: bool = False  # a full-page image (a scanned sheet)
    size: tuple[float, float] = A4


def _pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsi (cp1252), escaped."""
    raw = text.encode("cp1252")
    raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + raw + b")"


def _utf16_string(text: str) -> bytes:
    return b"<" + ("\ufeff" + text).encode("utf-16-be").hex().encode() + b">"


class _Writer:
    def __init__(self) -> None:
        self.objects: list[bytes] = []

    def reserve(self) -> int:
        self.objects.append(b"")
        return len(self.objects)

    def set(self, number: int, body: bytes) -> None:
        self.objects[number - 1] = body

    def add(self, body: bytes) -> int:
        number = self.reserve()
        self.set(number, body)
        return number

    def stream(self, data: bytes, extra: bytes = b"", compress: bool = True) -> int:
        if compress:
            data = zlib.compress(data)
            extra += b" /Filter /FlateDecode"
        return self.add(
            b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"
        )

    def render(self, root: int, info: int | None) -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(self.objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objects) + 1)
        for offset in offsets:
            out += b"%010d 00000 n \n" % offset
        trailer = b"/Size %d /Root %d 0 R" % (len(self.objects) + 1, root)
        if info:
            trailer += b" /Info %d 0 R" % info
        out += b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)


def _content(page: Page) -> bytes:
    height = page.size[1]
    ops = []
    if page.scan:
        ops.append(b"q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q" % page.size)
    for t in page.texts:
        font, string = b"/F1", _pdf_string(t.text)
        if t.undecodable:
            font, string = b"/F2", b"<" + "".join(f"{ord(c):04x}" for c in t.text).encode() + b">"
        ops.append(
            b"BT %.3f g %s %.2f Tf %.2f %.2f Td %s Tj ET"
            % (t.gray, font, t.size, t.x, height - t.baseline, string)
        )
    for r in page.rules:
        ops.append(
            b"0 G 0.8 w %.2f %.2f m %.2f %.2f l S" % (r.x0, height - r.top, r.x1, height - r.bottom)
        )
    for b in page.boxes:
        ops.append(
            b"%.3f g %.2f %.2f %.2f %.2f re f"
            % (b.gray, b.x0, height - b.bottom, b.x1 - b.x0, b.bottom - b.top)
        )
    return b"\n".join(ops)


def build_pdf(
    path: Path,
    pages: list[Page],
    *,
    info: dict[str, str] | None = None,
    xmp: str | None = None,
    outline: tuple[str, ...] | list[str] = (),
) -> Path:
    """Write a PDF with the given pages (and optional metadata and bookmarks) to `path`."""
    w = _Writer()
    catalog = w.reserve()
    pages_obj = w.reserve()
    font = w.add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    cid_font = w.add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Arial /CIDToGIDMap /Identity"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        b" /FontDescriptor << /Type /FontDescriptor /FontName /Arial /Flags 32"
        b" /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200"
        b" /CapHeight 700 /StemV 80 >> /DW 600 >>"
    )
    type0 = w.add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Arial /Encoding /Identity-H"
        b" /DescendantFonts [%d 0 R] >>" % cid_font
    )
    image = None
    if any(p.scan for p in pages):
        # a grey speckled "scan": 200 x 280 pixels
        pixels = bytes((x * 7 + y * 13) % 256 for y in range(280) for x in range(200))
        image = w.stream(
            pixels,
            b" /Type /XObject /Subtype /Image /Width 200 /Height 280"
            b" /ColorSpace /DeviceGray /BitsPerComponent 8",
        )
    kids = []
    field_refs = []
    for page in pages:
        page_obj = w.reserve()
        content = w.stream(_content(page))
        resources = b"<< /Font << /F1 %d 0 R /F2 %d 0 R >>" % (font, type0)
        if page.scan and image:
            resources += b" /XObject << /Im1 %d 0 R >>" % image
        resources += b" >>"
        height = page.size[1]
        annots = []
        for f in page.fields:
            rect = b"[%.2f %.2f %.2f %.2f]" % (f.x0, height - f.bottom, f.x1, height - f.top)
            ref = w.add(
                b"<< /Type /Annot /Subtype /Widget /FT /Tx /T %s /V %s /DA (/Helv 10 Tf 0 g)"
                b" /Rect %s /P %d 0 R /F %d >>"
                % (
                    _pdf_string(f.name),
                    _utf16_string(f.value),
                    rect,
                    page_obj,
                    6 if f.hidden else 4,
                )
            )
            annots.append(ref)
            field_refs.append(ref)
        for i, comment in enumerate(page.comments):
            annots.append(
                w.add(
                    b"<< /Type /Annot /Subtype /Text /Rect [%d 700 %d 720] /Contents %s"
                    b" /T %s /F 4 >>"
                    % (500 + i * 25, 520 + i * 25, _utf16_string(comment), _utf16_string(comment))
                )
            )
        if page.link_uri:
            annots.append(
                w.add(
                    b"<< /Type /Annot /Subtype /Link /Rect [50 50 200 70] /Border [0 0 0]"
                    b" /A << /S /URI /URI %s >> >>" % _pdf_string(page.link_uri)
                )
            )
        annot_part = b""
        if annots:
            annot_part = b" /Annots [" + b" ".join(b"%d 0 R" % a for a in annots) + b"]"
        w.set(
            page_obj,
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R"
            b" /Resources %s%s >>"
            % (pages_obj, page.size[0], page.size[1], content, resources, annot_part),
        )
        kids.append(page_obj)
    w.set(
        pages_obj,
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)),
    )
    extra = b""
    if field_refs:
        fields = b" ".join(b"%d 0 R" % f for f in field_refs)
        acro = w.add(
            b"<< /Fields [%s] /DA (/Helv 10 Tf 0 g) /DR << /Font << /Helv %d 0 R >> >> >>"
            % (fields, font)
        )
        extra += b" /AcroForm %d 0 R" % acro
    if xmp is not None:
        meta = w.stream(xmp.encode("utf-8"), b" /Type /Metadata /Subtype /XML", compress=False)
        extra += b" /Metadata %d 0 R" % meta
    if outline:
        root_outline = w.reserve()
        items = [w.reserve() for _ in outline]
        for i, (item, title) in enumerate(zip(items, outline, strict=True)):
            links = b""
            if i > 0:
                links += b" /Prev %d 0 R" % items[i - 1]
            if i < len(items) - 1:
                links += b" /Next %d 0 R" % items[i + 1]
            w.set(
                item,
                b"<< /Title %s /Parent %d 0 R /Dest [%d 0 R /Fit]%s >>"
                % (_utf16_string(title), root_outline, kids[0], links),
            )
        w.set(
            root_outline,
            b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>"
            % (items[0], items[-1], len(items)),
        )
        extra += b" /Outlines %d 0 R" % root_outline
    w.set(catalog, b"<< /Type /Catalog /Pages %d 0 R%s >>" % (pages_obj, extra))
    info_obj = None
    if info:
        entries = b" ".join(
            b"/%s %s" % (key.encode("ascii"), _utf16_string(value)) for key, value in info.items()
        )
        info_obj = w.add(b"<< " + entries + b" >>")
    path.write_bytes(w.render(catalog, info_obj))
    return path


def paragraph(x: float, top: float, lines: list[str], size: float = 11.0, leading: float = 1.3):
    """Lines of text set one under another, first baseline at `top` + size."""
    return [Text(x, top + size + i * size * leading, line, size) for i, line in enumerate(lines)]


def ruled_table(x: float, top: float, widths: list[float], rows: list[list[str]], size=10.0):
    """Text and rules for a table with a line around every cell."""
    height = size * 2
    texts, rules = [], []
    right = x + sum(widths)
    for r, row in enumerate(rows):
        left = x
        for width, cell in zip(widths, row, strict=True):
            texts.append(Text(left + 4, top + r * height + size * 1.35, cell, size))
            left += width
    for r in range(len(rows) + 1):
        rules.append(Rule(x, top + r * height, right, top + r * height))
    left = x
    for width in [0.0, *widths]:
        left += width
        rules.append(Rule(left, top, left, top + len(rows) * height))
    return texts, rules


def encrypt_pdf(source: Path, target: Path, password: str) -> Path:
    """A copy of `source` that needs `password` to open (pypdf, a dev dependency)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-128")
    with target.open("wb") as handle:
        writer.write(handle)
    return target
