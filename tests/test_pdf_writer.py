"""The PDF writer: boxes over exactly the findings, nothing removed left anywhere in the file."""

from __future__ import annotations

import contextlib
import re
import zlib
from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

try:  # tests/ is a package (tests/__init__.py) or a plain folder on sys.path
    from tests.pdf_builders import Box, Field, Page, Text, build_pdf, paragraph
except ModuleNotFoundError:
    from pdf_builders import Box, Field, Page, Text, build_pdf, paragraph
from redactor.emit.pdf import write
from redactor.errors import UnsupportedContentError
from redactor.ingest.pdf import read
from redactor.model import Edit
from redactor.settings import Settings

SCALE = 2.0  # render outputs at 144 dpi: one point is two pixels

LINES = [
    "Notes from the review with Imogen Thackeray and her",
    "father, Mr Caspian Thackeray, on Tuesday afternoon.",
    "Call 07700 900 482 to rearrange.",
]


def _letter(tmp_path: Path, **extra) -> Path:
    return build_pdf(
        tmp_path / "letter.pdf", [Page(texts=paragraph(72, 90, LINES, size=11), **extra)]
    )


def _words_on(path: Path, word: str) -> list[dict]:
    """Boxes (in points) of every character of every occurrence of `word` on page 1."""
    with pdfplumber.open(path) as pdf:
        found = pdf.pages[0].search(re.escape(word), return_chars=True, regex=True)
        return [c for match in found for c in match["chars"]]


def _render(path: Path, page: int = 0) -> np.ndarray:
    pdf = pdfium.PdfDocument(path)
    try:
        image = pdf[page].render(scale=SCALE).to_pil().convert("L")
    finally:
        pdf.close()
    return np.asarray(image)


def _region(pixels: np.ndarray, box: dict, inset: int = 1) -> np.ndarray:
    x0, top = int(box["x0"] * SCALE) + inset, int(box["top"] * SCALE) + inset
    x1, bottom = int(box["x1"] * SCALE) - inset, int(box["bottom"] * SCALE) - inset
    return pixels[top:bottom, x0:x1]


def _all_text(path: Path) -> str:
    """Page text by pdfplumber and pypdf, plus every stream of the file decompressed."""
    parts = []
    with pdfplumber.open(path) as pdf:
        parts += [page.extract_text() or "" for page in pdf.pages]
    reader = PdfReader(path)
    parts += [page.extract_text() for page in reader.pages]
    raw = path.read_bytes()
    parts.append(raw.decode("latin-1"))
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", raw, re.S):
        with contextlib.suppress(zlib.error):
            parts.append(zlib.decompress(match.group(1)).decode("latin-1"))
    return "\n".join(parts)


def _redact(fake_redactor, source: Path, out: Path, terms: dict[str, str], **settings):
    return fake_redactor(terms, **settings).redact_file(source, out)


TERMS = {"Imogen Thackeray": "CHILD", "Caspian Thackeray": "ADULT", "07700 900 482": "PHONE"}


def test_boxes_cover_each_finding_and_nothing_next_to_it(fake_redactor, tmp_path: Path) -> None:
    source = _letter(tmp_path)
    out = tmp_path / "out" / "letter.pdf"
    result = _redact(fake_redactor, source, out, TERMS)
    assert len(result.edits) == 3
    pixels = _render(out)
    for term in TERMS:
        for word in term.split():
            chars = _words_on(source, word)
            assert chars, f"test set-up: {word!r} not on the page"
            for char in chars:
                region = _region(pixels, char)
                assert region.size and region.max() < 60, "a character of a finding shows"
    for neighbour in ("review", "father,", "rearrange."):
        for char in _words_on(source, neighbour):
            region = _region(pixels, char, inset=0)
            assert region.max() > 200 and region.min() < 120, "text beside a box is hidden"


def test_text_layer_has_tags_and_context_but_no_removed_text(fake_redactor, tmp_path: Path) -> None:
    source = _letter(tmp_path)
    out = tmp_path / "out.pdf"
    _redact(fake_redactor, source, out, TERMS)
    text = _all_text(out)
    for removed in ("Imogen", "Thackeray", "Caspian", "900 482", "07700"):
        assert removed not in text
    with pdfplumber.open(out) as pdf:
        plumber = pdf.pages[0].extract_text()
    pypdf_text = PdfReader(out).pages[0].extract_text()
    for extracted in (plumber, pypdf_text):
        assert "[CHILD 1]" in extracted and "[ADULT 1]" in extracted and "[PHONE 1]" in extracted
        assert "Notes from the review with" in extracted
        assert "to rearrange." in extracted


def test_nothing_but_pages_carries_over(fake_redactor, tmp_path: Path) -> None:
    source = build_pdf(
        tmp_path / "full.pdf",
        [
            Page(
                texts=paragraph(72, 90, ["Plan for Bartholomew Quince."]),
                fields=[Field("pupil_name", "Bartholomew Quince", 72, 200, 300, 216)],
                comments=["Seen by Bartholomew Quince"],
                link_uri="mailto:bquince@example.org",
            )
        ],
        info={"Title": "Plan - Bartholomew Quince", "Author": "Persephone Vance"},
        xmp="<x:xmpmeta><dc:creator>Persephone Vance</dc:creator></x:xmpmeta>",
        outline=["Bartholomew Quince"],
    )
    out = tmp_path / "clean.pdf"
    _redact(fake_redactor, source, out, {"Bartholomew Quince": "CHILD"})
    reader = PdfReader(out)
    info = reader.metadata or {}
    assert not any("Vance" in str(v) or "Quince" in str(v) for v in info.values())
    assert reader.xmp_metadata is None
    assert reader.outline == []
    assert "/AcroForm" not in reader.trailer["/Root"]
    assert "/Names" not in reader.trailer["/Root"]
    assert all("/Annots" not in page for page in reader.pages)
    text = _all_text(out)
    for gone in ("Bartholomew", "Quince", "Persephone", "Vance", "bquince"):
        assert gone not in text
    # the field value comes back redacted, as visible text where the field was
    with pdfplumber.open(out) as pdf:
        assert "[CHILD 1]" in pdf.pages[0].within_bbox((60, 190, 320, 225)).extract_text()


def test_hidden_text_never_reaches_the_text_layer(fake_redactor, tmp_path: Path) -> None:
    # undetected text under an old black box, or white on white, is visible to no one: leave it
    page = Page(
        texts=[
            Text(72, 100, "Medical: Wilhelmina Stroud - inhaler", 11),
            Text(72, 130, "secret white words", 11, gray=1.0),
        ],
        boxes=[Box(120, 88, 215, 104)],
    )
    source = build_pdf(tmp_path / "hidden.pdf", [page])
    out = tmp_path / "hidden-out.pdf"
    _redact(fake_redactor, source, out, {})
    text = _all_text(out)
    assert "Wilhelmina" not in text and "Stroud" not in text and "secret white" not in text
    with pdfplumber.open(out) as pdf:
        assert "Medical:" in pdf.pages[0].extract_text()


def test_print_tags_writes_the_tag_inside_the_box(fake_redactor, tmp_path: Path) -> None:
    source = build_pdf(
        tmp_path / "tag.pdf", [Page(texts=[Text(72, 100, "Pupil: Ferdinand Ashcombe-Lyle", 14)])]
    )
    plain, tagged = tmp_path / "plain.pdf", tmp_path / "tagged.pdf"
    terms = {"Ferdinand Ashcombe-Lyle": "CHILD"}
    _redact(fake_redactor, source, plain, terms)
    _redact(fake_redactor, source, tagged, terms, pdf_print_tags=True)
    box = {
        "x0": _words_on(source, "Ferdinand")[0]["x0"],
        "top": _words_on(source, "Ferdinand")[0]["top"],
        "x1": _words_on(source, "Ashcombe-Lyle")[-1]["x1"],
        "bottom": _words_on(source, "Ferdinand")[0]["bottom"],
    }
    assert _region(_render(plain), box).max() < 60
    assert _region(_render(tagged), box).max() > 200  # white letters of the tag


def test_text_file_beside_the_pdf(fake_redactor, tmp_path: Path) -> None:
    source = _letter(tmp_path)
    out = tmp_path / "out" / "letter.pdf"
    _redact(fake_redactor, source, out, TERMS, pdf_text=True)
    text = (tmp_path / "out" / "letter.txt").read_text(encoding="utf-8")
    assert "Notes from the review with [CHILD 1] and her father, Mr [ADULT 1]," in text
    assert "Thackeray" not in text


def test_page_image_follows_the_dpi_setting(fake_redactor, tmp_path: Path) -> None:
    source = _letter(tmp_path)
    out = tmp_path / "dpi.pdf"
    _redact(fake_redactor, source, out, TERMS, pdf_dpi=100)
    pdf = pdfium.PdfDocument(out)
    try:
        images = [o for o in pdf[0].get_objects() if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE]
        assert len(images) == 1
        width, height = images[0].get_px_size()
    finally:
        pdf.close()
    assert (width, height) == (
        pytest.approx(595 * 100 / 72, abs=1),
        pytest.approx(842 * 100 / 72, abs=1),
    )


def test_an_edit_that_cannot_be_placed_fails_closed(tmp_path: Path) -> None:
    source = _letter(tmp_path)
    document = read(source, Settings())
    out = tmp_path / "never.pdf"
    # an edit beyond its segment's text: a planner bug must never produce a file
    bad = Edit(0, 5, len(document.segments[0].text) + 10, "[X]", "PERSON", "PERSON 1")
    with pytest.raises(UnsupportedContentError):
        write(document, [bad], out, Settings())
    # an edit over text the reader inserted but no glyph backs (a forged map)
    payload = document.payload
    units = list(payload.text_maps[0].units)
    units[3] = ()
    payload.text_maps[0] = type(payload.text_maps[0])(1, tuple(units))
    with pytest.raises(UnsupportedContentError, match="does not map"):
        write(document, [Edit(0, 0, 5, "[X]", "PERSON", "PERSON 1")], out, Settings())
    assert not out.exists()
    assert list(tmp_path.glob(".never.pdf.*")) == []


def test_accented_names_are_covered_and_removed(fake_redactor, tmp_path: Path) -> None:
    source = build_pdf(
        tmp_path / "acc.pdf",
        [Page(texts=[Text(72, 100, "ELSA: Mrs Siobhán Ó Dálaigh and Zoë", 12)])],
    )
    out = tmp_path / "acc-out.pdf"
    _redact(fake_redactor, source, out, {"Siobhán Ó Dálaigh": "ADULT"})
    text = _all_text(out)
    assert "Siobh" not in text and "Dálaigh" not in text and "Dalaigh" not in text
    with pdfplumber.open(out) as pdf:
        assert "Zoë" in pdf.pages[0].extract_text()
    pixels = _render(out)
    for char in _words_on(source, "Ó"):
        assert _region(pixels, char).max() < 60


def test_rotated_page_is_covered_where_it_is_displayed(fake_redactor, tmp_path: Path) -> None:
    source = build_pdf(
        tmp_path / "upright.pdf", [Page(texts=[Text(100, 200, "Seen by Tobias Wrenfield", 12)])]
    )
    pdf = pdfium.PdfDocument(source)
    pdf[0].set_rotation(90)
    pdf.save(tmp_path / "rotated.pdf")
    pdf.close()
    out = tmp_path / "rotated-out.pdf"
    _redact(fake_redactor, tmp_path / "rotated.pdf", out, {"Tobias Wrenfield": "ADULT"})
    pixels = _render(out)
    assert pixels.shape[1] > pixels.shape[0]  # landscape, as displayed
    chars = _words_on(tmp_path / "rotated.pdf", "Wrenfield")
    assert chars
    for char in chars:
        assert _region(pixels, char).max() < 60
    seen = _words_on(tmp_path / "rotated.pdf", "Seen")
    assert any(_region(pixels, c, inset=0).max() > 200 for c in seen)
    assert "Wrenfield" not in _all_text(out)


def test_field_values_land_in_their_boxes_and_hidden_fields_are_dropped(
    fake_redactor, tmp_path: Path
) -> None:
    page = Page(
        texts=[Text(56, 100, "Consent form", 14)],
        fields=[
            Field("class", "Hazel class", 160, 150, 400, 166),
            Field("internal_note", "Kept back by Mrs Prendergast", 160, 180, 400, 196, hidden=True),
        ],
    )
    source = build_pdf(tmp_path / "fields.pdf", [page])
    pdf = pdfium.PdfDocument(source)
    pdf[0].set_cropbox(40, 300, 560, 800)  # the displayed page starts 40 pt in, 42 pt down
    pdf.save(tmp_path / "cropped.pdf")
    pdf.close()
    document = read(tmp_path / "cropped.pdf", Settings())
    assert [s.locator.kind for s in document.segments[-2:]] == ["field", "hidden field"]
    out = tmp_path / "fields-out.pdf"
    _redact(fake_redactor, tmp_path / "cropped.pdf", out, {})
    with pdfplumber.open(out) as result:
        shown = result.pages[0].within_bbox((160 - 40, 150 - 42, 400 - 40, 166 - 42)).extract_text()
    assert shown == "Hazel class"
    assert "Prendergast" not in _all_text(out)


def test_each_page_gets_its_own_edits(fake_redactor, tmp_path: Path) -> None:
    source = build_pdf(
        tmp_path / "two.pdf",
        [
            Page(texts=[Text(72, 100, "Page one mentions nobody at all.", 12)]),
            Page(texts=[Text(72, 100, "Page two mentions Cosima Prendeville.", 12)]),
        ],
    )
    out = tmp_path / "two-out.pdf"
    result = _redact(fake_redactor, source, out, {"Cosima Prendeville": "CHILD"})
    assert [result.document.segments[e.segment].locator.describe() for e in result.edits] == [
        "page 2"
    ]
    first, second = _render(out, 0), _render(out, 1)
    assert (first < 60).sum() < (second < 60).sum() / 3  # only page two has a box
    with pdfplumber.open(out) as pdf:
        texts = [page.extract_text() for page in pdf.pages]
    assert texts == ["Page one mentions nobody at all.", "Page two mentions [CHILD 1]."]


def test_text_under_a_box_drawn_over_just_its_ink_is_hidden(fake_redactor, tmp_path: Path) -> None:
    line = Text(72, 100, "Guardian: Evander Holloway, by phone", 11)
    plain = build_pdf(tmp_path / "measure.pdf", [Page(texts=[line])])
    name = _words_on(plain, "Evander") + _words_on(plain, "Holloway,")
    # a tight box: from cap height down to the baseline, narrower than the font's boxes
    ink = Box(name[0]["x0"], 100 - 8.0, name[-1]["x1"], 100.5)
    source = build_pdf(tmp_path / "inked.pdf", [Page(texts=[line], boxes=[ink])])
    out = tmp_path / "inked-out.pdf"
    _redact(fake_redactor, source, out, {})
    text = _all_text(out)
    assert "Evander" not in text and "Holloway" not in text
    with pdfplumber.open(out) as pdf:
        assert "by phone" in pdf.pages[0].extract_text()


def test_small_print_with_thin_letters_stays_in_the_text_layer(
    fake_redactor, tmp_path: Path
) -> None:
    source = build_pdf(
        tmp_path / "small.pdf",
        [Page(texts=[Text(72, 800, "printed from https://mail.example.org/inbox/file.pdf", 5)])],
    )
    out = tmp_path / "small-out.pdf"
    _redact(fake_redactor, source, out, {})
    with pdfplumber.open(out) as pdf:
        assert pdf.pages[0].extract_text() == "printed from https://mail.example.org/inbox/file.pdf"
