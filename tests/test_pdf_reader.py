"""The PDF reader: reading order, words joined across lines, character maps, and refusals."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

try:  # tests/ is a package (tests/__init__.py) or a plain folder on sys.path
    from tests.pdf_builders import (
        Box,
        Field,
        Page,
        Text,
        build_pdf,
        encrypt_pdf,
        paragraph,
        ruled_table,
    )
except ModuleNotFoundError:
    from pdf_builders import (
        Box,
        Field,
        Page,
        Text,
        build_pdf,
        encrypt_pdf,
        paragraph,
        ruled_table,
    )
from redactor.errors import InputError, UnsupportedContentError
from redactor.ingest import read_document
from redactor.ingest.pdf import PdfLocator, PdfPayload, read
from redactor.settings import Settings


def _read(path: Path, **settings: object):
    return read(path, Settings().with_changes(**settings))


def _texts(document) -> list[str]:
    return [s.text for s in document.segments]


def test_reads_a_paragraph_as_one_segment_with_page_locator(tmp_path: Path) -> None:
    pdf = build_pdf(
        tmp_path / "letter.pdf",
        [Page(texts=paragraph(72, 72, ["Dear parents of Year 5,", "the trip is on Friday."]))],
    )
    document = read_document(pdf, Settings())
    assert document.format == "pdf"
    assert _texts(document) == ["Dear parents of Year 5, the trip is on Friday."]
    locator = document.segments[0].locator
    assert isinstance(locator, PdfLocator)
    assert locator.describe() == "page 1"
    assert document.info["pages"] == 1


def test_every_character_maps_to_the_glyphs_it_came_from(tmp_path: Path) -> None:
    pdf = build_pdf(
        tmp_path / "map.pdf",
        [Page(texts=paragraph(72, 72, ["Wren Ashdown joined", "Class 3 today."]))],
    )
    document = _read(pdf)
    payload = document.payload
    assert isinstance(payload, PdfPayload)
    page = payload.pages[0]
    text = document.segments[0].text
    units = payload.text_maps[0].units
    assert len(units) == len(text)
    for ch, unit in zip(text, units, strict=True):
        if ch.isspace():
            assert unit == ()
        else:
            assert [page.chars[i].text for i in unit] == [ch]
    # boxes of one word sit left to right on one line
    start = text.index("Ashdown")
    boxes = [page.chars[units[i][0]].box for i in range(start, start + len("Ashdown"))]
    assert all(a[2] <= b[0] + 0.01 for a, b in itertools.pairwise(boxes))
    assert len({round(b[1], 1) for b in boxes}) == 1


def test_hyphen_broken_word_is_joined_and_keeps_the_hyphen_box(tmp_path: Path) -> None:
    pdf = build_pdf(
        tmp_path / "hyphen.pdf",
        [
            Page(
                texts=paragraph(
                    72,
                    72,
                    ["The meeting was with Mrs Pemberton-", "Quayle and Mr Lin-", "dqvist today."],
                )
            )
        ],
    )
    document = _read(pdf)
    text = document.segments[0].text
    # a lower-case continuation is one word again; a capital keeps the hyphen (a double name)
    assert "Lindqvist" in text
    assert "Pemberton-Quayle" in text
    payload = document.payload
    page = payload.pages[0]
    units = payload.text_maps[0].units
    n_unit = units[text.index("Lindqvist") + 2]  # the "n" before the line break
    assert [page.chars[i].text for i in n_unit] == ["n", "-"]


def test_a_name_split_over_two_lines_is_in_one_segment(tmp_path: Path) -> None:
    pdf = build_pdf(
        tmp_path / "split.pdf",
        [Page(texts=paragraph(72, 72, ["Present: the class teacher and Mrs Róisín", "Keane."]))],
    )
    assert "Mrs Róisín Keane." in _texts(_read(pdf))[0]


def test_two_columns_are_read_left_column_first(tmp_path: Path) -> None:
    left = paragraph(
        56,
        120,
        [
            "The left column starts the story and",
            "carries on down the page for a few",
            "lines before it ends with the word",
            "marmalade.",
        ],
        size=9,
    )
    right = paragraph(
        320,
        120,
        [
            "The right column is read only after",
            "the left one is done, ending with",
            "the word biscuit in this column.",
        ],
        size=9,
    )
    title = [Text(56, 90, "A title that runs across both of the columns of the page", 14)]
    pdf = build_pdf(tmp_path / "columns.pdf", [Page(texts=title + left + right)])
    texts = _texts(_read(pdf))
    assert texts[0].startswith("A title")
    whole = "\n".join(texts)
    assert whole.index("marmalade") < whole.index("The right column")
    left_text = next(t for t in texts if t.startswith("The left column"))
    assert left_text.endswith("with the word marmalade.")
    assert "right" not in left_text


def test_a_ruled_table_is_read_row_by_row_with_cells_grouped(tmp_path: Path) -> None:
    texts, rules = ruled_table(
        56,
        100,
        [150, 150, 120],
        [
            ["Pupil", "Contact", "Phone"],
            ["Nell Tarrant", "Mum - Ada Tarrant", "01632 960 111"],
            ["Kit Varley", "Dad - Rob Varley", "01632 960 222"],
        ],
    )
    pdf = build_pdf(tmp_path / "table.pdf", [Page(texts=texts, rules=rules)])
    document = _read(pdf)
    cells = [(s.text, s.group) for s in document.segments]
    assert [c[0] for c in cells] == [
        "Pupil", "Contact", "Phone",
        "Nell Tarrant", "Mum - Ada Tarrant", "01632 960 111",
        "Kit Varley", "Dad - Rob Varley", "01632 960 222",
    ]  # fmt: skip
    # the header row says what each column holds; the headers themselves get no hint, nor a
    # cell that labels the name inside it ("Mum - ...": detection keeps "Mum")
    assert [s.hint for s in document.segments] == [
        None, None, None, "CHILD", None, "PHONE", "CHILD", None, "PHONE",
    ]  # fmt: skip
    groups = [c[1] for c in cells]
    assert groups[3] == groups[4] == groups[5]
    assert groups[3] != groups[6] and groups[6] is not None


def test_an_unruled_form_is_read_row_by_row(tmp_path: Path) -> None:
    rows = [("Name", "Tilly Brennock"), ("Class", "Oak"), ("Date of birth", "03/04/2016")]
    texts = []
    for i, (label, value) in enumerate(rows):
        texts.append(Text(56, 100 + i * 20, label, 10))
        texts.append(Text(220, 100 + i * 20, value, 10))
    pdf = build_pdf(tmp_path / "form.pdf", [Page(texts=texts)])
    document = _read(pdf)
    assert _texts(document) == [
        "Name", "Tilly Brennock", "Class", "Oak", "Date of birth", "03/04/2016",
    ]  # fmt: skip
    # a label hints the value beside it; "Class" says nothing personal
    assert [s.hint for s in document.segments] == [None, "PERSON", None, None, None, "DOB"]


def test_form_fields_and_comments_become_segments(tmp_path: Path) -> None:
    page = Page(
        texts=[Text(56, 100, "Care plan", 14)],
        fields=[
            Field("child_name", "Ottilie Fenwick", 160, 120, 400, 136),
            Field("parent_phone", "07700 900 555", 160, 140, 400, 156),
        ],
        comments=["Checked by Mr Haverstock"],
    )
    document = _read(build_pdf(tmp_path / "form.pdf", [page]))
    by_kind = {}
    for segment in document.segments:
        by_kind.setdefault(segment.locator.kind, []).append(segment)
    assert [(s.text, s.hint) for s in by_kind["field"]] == [
        ("Ottilie Fenwick", "CHILD"),
        ("07700 900 555", "PHONE"),
    ]
    assert by_kind["field"][0].locator.describe() == "page 1 form field"
    assert any("Mr Haverstock" in s.text for s in by_kind["comment"])
    assert document.info["annotations_dropped"] == 1


def test_text_under_a_drawn_box_is_still_read(tmp_path: Path) -> None:
    # a "redaction" that only hides text must still be seen by detection
    page = Page(
        texts=[Text(72, 100, "Allergy: Juno Castellane", 11)], boxes=[Box(120, 88, 220, 104)]
    )
    assert "Juno Castellane" in _texts(_read(build_pdf(tmp_path / "boxed.pdf", [page])))[0]


def test_crop_box_offsets_are_removed(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    source = build_pdf(tmp_path / "full.pdf", [Page(texts=[Text(100, 200, "Cropped text", 12)])])
    pdf = pdfium.PdfDocument(source)
    pdf[0].set_cropbox(50, 100, 500, 800)  # PDF space: left, bottom, right, top
    pdf.save(tmp_path / "crop.pdf")
    pdf.close()
    document = _read(tmp_path / "crop.pdf")
    page = document.payload.pages[0]
    assert (page.width, page.height) == (450, 700)
    first = page.chars[document.payload.text_maps[0].units[0][0]]
    assert first.box[0] == pytest.approx(50, abs=0.01)  # 100 - 50
    assert first.box[3] > 200 - 42 - 12  # about the baseline, 842 - 800 = 42 points cropped


def test_encrypted_pdf_needs_its_password(tmp_path: Path) -> None:
    plain = build_pdf(tmp_path / "plain.pdf", [Page(texts=[Text(72, 100, "Locked note", 11)])])
    locked = encrypt_pdf(plain, tmp_path / "locked.pdf", "s3cret")
    with pytest.raises(InputError, match=r"encrypted.*--password"):
        _read(locked)
    with pytest.raises(InputError, match="password given does not open"):
        _read(locked, pdf_password="wrong")
    assert _texts(_read(locked, pdf_password="s3cret")) == ["Locked note"]


def test_scanned_page_is_refused(tmp_path: Path) -> None:
    pdf = build_pdf(
        tmp_path / "scan.pdf",
        [Page(texts=[Text(72, 100, "Cover sheet text", 11)]), Page(scan=True)],
    )
    with pytest.raises(UnsupportedContentError, match="page 2 is an image with no text layer"):
        _read(pdf)


def test_not_a_pdf_and_empty_file_are_input_errors(tmp_path: Path) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"just some words, not a PDF at all")
    with pytest.raises(InputError, match="not a PDF"):
        _read(fake)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        _read(empty)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    with pytest.raises(InputError):
        _read(broken)


def test_double_spaced_lines_stay_one_paragraph(tmp_path: Path) -> None:
    lines = ["The report was written by the class", "teacher, Mr Lysander", "Okonkwo, in May."]
    second = paragraph(72, 200, ["A new paragraph starts here."], size=11)
    pdf = build_pdf(
        tmp_path / "double.pdf",
        [Page(texts=paragraph(72, 72, lines, size=11, leading=2.0) + second)],
    )
    texts = _texts(_read(pdf))
    assert len(texts) == 2
    # the second line stops short of the first: a newline, not a space, but one paragraph
    assert texts[0] == "The report was written by the class teacher, Mr Lysander\nOkonkwo, in May."
    assert texts[1] == "A new paragraph starts here."


def test_wrapped_lines_join_with_spaces_and_short_lines_with_newlines(tmp_path: Path) -> None:
    body = [
        "We were pleased to welcome the new family liaison worker, Mrs",
        "Saoirse Delacroix-Hume, to the governors' meeting on Monday.",
    ]
    signature = ["Yours sincerely,", "Morven Achterberg", "Headteacher"]
    pdf = build_pdf(
        tmp_path / "letter.pdf",
        [Page(texts=paragraph(72, 72, body, size=11) + paragraph(72, 140, signature, size=11))],
    )
    assert _texts(_read(pdf)) == [
        " ".join(body),
        "Yours sincerely,\nMorven Achterberg\nHeadteacher",
    ]


def test_text_that_cannot_be_decoded_is_refused(tmp_path: Path) -> None:
    pdf = build_pdf(
        tmp_path / "cid.pdf",
        [
            Page(
                texts=[
                    Text(72, 100, "Readable words", 11),
                    Text(72, 130, "Opaque name", 11, undecodable=True),
                ]
            )
        ],
    )
    with pytest.raises(UnsupportedContentError, match="page 1: 11 characters cannot be decoded"):
        _read(pdf)


def test_a_two_column_ruled_table_of_labels_hints_each_value(tmp_path: Path) -> None:
    texts, rules = ruled_table(
        56,
        100,
        [150, 250],
        [["Pupil", "Florian Ashgrove"], ["Date of birth", "12/12/2015"], ["Notes", "Likes maths"]],
    )
    document = _read(build_pdf(tmp_path / "kv.pdf", [Page(texts=texts, rules=rules)]))
    assert [(s.text, s.hint) for s in document.segments] == [
        ("Pupil", None),
        ("Florian Ashgrove", "CHILD"),
        ("Date of birth", None),
        ("12/12/2015", "DOB"),
        ("Notes", None),
        ("Likes maths", None),
    ]
