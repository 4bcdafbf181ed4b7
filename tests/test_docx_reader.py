"""The .docx reader: a segment for every place a Word file keeps text, and clear refusals."""

from __future__ import annotations

import itertools
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docx_builders import (
    PNG_1PX,
    comment,
    complex_field,
    content_control,
    deleted,
    hyperlink,
    ins,
    make_docx,
    note,
    ole_object,
    p,
    picture,
    r,
    table,
    text_box,
)
from redactor.errors import InputError, UnsupportedContentError
from redactor.ingest import read_document
from redactor.ingest.docx import DocxLocator, read
from redactor.model import Document
from redactor.settings import Settings


def texts(document: Document, kind: str | None = None) -> list[str]:
    return [
        s.text
        for s in document.segments
        if kind is None or (isinstance(s.locator, DocxLocator) and s.locator.kind == kind)
    ]


def test_registered_for_docx_suffix(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", p(r("Hello Amelia")))
    document = read_document(path, Settings())
    assert document.format == "docx"
    assert texts(document) == ["Hello Amelia"]


def test_runs_are_joined_into_one_paragraph_segment(tmp_path: Path) -> None:
    body = p(r("Dear "), r("Ame", bold=True), r("lia Thorn", italic=True), r("bury,"))
    document = read(make_docx(tmp_path / "a.docx", body), Settings())
    assert texts(document, "body") == ["Dear Amelia Thornbury,"]
    assert document.segments[0].locator.describe() == "body, paragraph 1"


def test_tabs_and_breaks_are_characters_of_the_paragraph(tmp_path: Path) -> None:
    body = p("<w:r><w:t>Name:</w:t><w:tab/><w:t>Amelia</w:t><w:br/><w:t>Year 4</w:t></w:r>")
    document = read(make_docx(tmp_path / "a.docx", body), Settings())
    assert texts(document) == ["Name:\tAmelia\nYear 4"]


def test_insertions_are_read_and_deletions_are_not(tmp_path: Path) -> None:
    body = p(r("Seen by "), ins(r("Ivo Brennan")), deleted(" on 07700 900555"))
    document = read(make_docx(tmp_path / "a.docx", body), Settings())
    assert texts(document, "body") == ["Seen by Ivo Brennan"]
    assert not any("900555" in s.text for s in document.segments)
    assert document.info["revisions"] == 2


def test_tables_nested_tables_and_row_groups(tmp_path: Path) -> None:
    inner = table([p(r("Nested Ola Nowak")), p(r("TA"))])
    body = table([p(r("Name")), p(r("Role"))], [p(r("Ivo Brennan")), inner])
    document = read(make_docx(tmp_path / "a.docx", body), Settings())
    assert texts(document, "body") == ["Name", "Role", "Ivo Brennan", "Nested Ola Nowak", "TA"]
    groups = [s.group for s in document.segments]
    assert groups[0] == groups[1] != groups[2]
    assert groups[3] == groups[4] != groups[2]  # the nested row is its own group


def test_headers_and_footers_of_every_type(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "a.docx",
        p(r("Body")),
        headers={"default": p(r("Re: Ivo")), "first": p(r("First Ivo")), "even": p(r("Even Ivo"))},
        footers={"default": p(r("Foot Ivo")), "first": p(r("First foot Ivo"))},
    )
    document = read(path, Settings())
    assert texts(document, "header") == ["Re: Ivo", "First Ivo", "Even Ivo"]
    assert texts(document, "footer") == ["Foot Ivo", "First foot Ivo"]
    assert document.segments[1].locator.describe() == "header 1, paragraph 1"
    assert document.segments[0].text == "Body"  # the body comes first


def test_footnotes_endnotes_and_comments(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "a.docx",
        p(r("Body")),
        footnotes=note("footnote", 1, p(r("Mum's number 07700 900555"))),
        endnotes=note("endnote", 1, p(r("UPN A123456789012"))),
        comments=comment(0, "Kay Dunmore", "KD", p(r("Ask Ivo first"))),
    )
    document = read(path, Settings())
    assert texts(document, "footnote") == ["Mum's number 07700 900555"]
    assert texts(document, "endnote") == ["UPN A123456789012"]
    assert texts(document, "comment") == ["Ask Ivo first"]
    assert document.info["comments"] == 1


def test_authors_and_initials_are_segments_with_a_person_hint(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "a.docx",
        p(
            ins(r("added"), author="Gwen Tallis"),
            ins(r(" more"), author="Admin"),
            ins(r(" again"), author="Welfare Team"),
        ),
        comments=comment(0, "Kay Dunmore", "KD", p(r("note"))),
    )
    document = read(path, Settings())
    people = {s.text: s.hint for s in document.segments if s.locator.kind == "author"}
    assert people == {
        "Gwen Tallis": "ADULT",
        "Admin": None,
        "Welfare Team": None,  # a shared account: not spread through the text as a name
        "Kay Dunmore": "ADULT",
    }
    initials = [(s.text, s.hint) for s in document.segments if s.locator.kind == "initials"]
    assert initials == [("KD", "ADULT")]


def test_text_box_and_its_fallback_copy_are_both_read(tmp_path: Path) -> None:
    body = p(r("Anchor")) + p(text_box(p(r("Allergy: Ivo Brennan"))))
    document = read(make_docx(tmp_path / "a.docx", body), Settings())
    assert texts(document, "text-box") == ["Allergy: Ivo Brennan"] * 2
    assert "(text box)" in next(
        s.locator.describe() for s in document.segments if s.locator.kind == "text-box"
    )


def test_hyperlinks_fields_and_content_controls(tmp_path: Path) -> None:
    body = p(
        hyperlink("rIdL1", r("email Ivo"), tooltip="Ivo Brennan's address"),
        r(" or "),
        complex_field('HYPERLINK "mailto:ivo.b@example.org"', "here"),
    ) + p(content_control("pupil Ivo Brennan", "Pupil name", r("Ivo Brennan")))
    path = make_docx(tmp_path / "a.docx", body, links={"rIdL1": "mailto:ivo.b@example.org"})
    document = read(path, Settings())
    assert texts(document, "body") == ["email Ivo or here", "Ivo Brennan"]
    assert texts(document, "field") == ['HYPERLINK "mailto:ivo.b@example.org"']
    assert texts(document, "hyperlink-tooltip") == ["Ivo Brennan's address"]
    assert texts(document, "link-target") == ["mailto:ivo.b@example.org"]
    assert texts(document, "content-control-tag") == ["pupil Ivo Brennan"]
    assert texts(document, "content-control-title") == ["Pupil name"]


def test_simple_field_instruction_is_read(tmp_path: Path) -> None:
    body = p(
        "<w:fldSimple w:instr=' HYPERLINK \"mailto:ivo.b@example.org\" '>"
        + r("Ivo")
        + "</w:fldSimple>"
    )
    document = read(make_docx(tmp_path / "a.docx", body), Settings())
    assert texts(document, "body") == ["Ivo"]
    assert texts(document, "simple-field") == [' HYPERLINK "mailto:ivo.b@example.org" ']
    assert texts(document, "field") == []  # "field" is a paragraph's complex-field code


def test_image_alt_text_and_title(tmp_path: Path) -> None:
    body = p(picture("rIdImg", descr="Photo of Ivo Brennan", title="Ivo at sports day"))
    path = make_docx(tmp_path / "a.docx", body, images={"rIdImg": PNG_1PX})
    document = read(path, Settings())
    alt = texts(document, "alt-text")
    assert "Photo of Ivo Brennan" in alt and "Ivo at sports day" in alt
    assert "photo.png" in alt  # a file name may name someone
    assert "Picture 5" not in alt  # Word's own shape name is not text (nor a person)
    assert document.info["images"] == 1


def test_properties_and_document_variables(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "a.docx",
        p(r("Body")),
        core={"title": "Review - Ivo Brennan", "creator": "Kay Dunmore", "keywords": "Ivo"},
        app={"Company": "Oakfield", "Manager": "Gwen Tallis"},
        custom={"Pupil": "Ivo Brennan"},
        settings='<w:docVars><w:docVar w:name="child" w:val="Ivo Brennan"/></w:docVars>',
    )
    document = read(path, Settings())
    kinds = {s.locator.kind: s.text for s in document.segments}
    assert kinds["property:title"] == "Review - Ivo Brennan"
    assert kinds["property:creator"] == "Kay Dunmore"
    assert kinds["property:keywords"] == "Ivo"
    assert kinds["property:Manager"] == "Gwen Tallis"
    assert kinds["property:custom"] == "Ivo Brennan"
    assert "Ivo Brennan" in texts(document, "document-variable")
    creator = next(s for s in document.segments if s.locator.kind == "property:creator")
    assert creator.hint == "ADULT"
    assert creator.locator.describe() == "document property creator"


def test_custom_xml_data_is_read(tmp_path: Path) -> None:
    data = b'<?xml version="1.0"?><pupil><name first="Ivo">Ivo Brennan</name></pupil>'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
    path = make_docx(
        tmp_path / "a.docx",
        p(r("Body")),
        extra_parts={"customXml/item1.xml": (data, "application/xml", rel)},
    )
    document = read(path, Settings())
    assert {"Ivo Brennan", "Ivo"} <= set(texts(document, "data"))


def test_orphan_parts_are_not_read(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", p(r("Body")))
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("word/old.xml", "<x>Ivo Brennan</x>")
    document = read(path, Settings())
    assert texts(document) == ["Body"]
    assert "word/old.xml" not in document.payload.roles  # the writer drops it


def test_locators_never_carry_text(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "a.docx",
        p(r("Ivo Brennan")),
        core={"creator": "Ivo Brennan"},
        custom={"Ivo Brennan": "Ivo Brennan"},
        comments=comment(0, "Ivo Brennan", "IB", p(r("Ivo"))),
    )
    for segment in read(path, Settings()).segments:
        assert "Ivo" not in segment.locator.describe()
        assert "Ivo" not in repr(segment.locator)


@settings(max_examples=40, deadline=None)
@given(
    text=st.text(alphabet="abc XYZ-'é", min_size=1, max_size=30),
    cuts=st.lists(st.integers(min_value=0, max_value=30), max_size=5),
)
def test_any_split_into_runs_reads_back_whole(tmp_path_factory, text: str, cuts: list[int]) -> None:
    bounds = sorted({0, len(text), *(c for c in cuts if c < len(text))})
    runs = [r(text[a:b], bold=i % 2 == 1) for i, (a, b) in enumerate(itertools.pairwise(bounds))]
    path = make_docx(tmp_path_factory.mktemp("runs") / "a.docx", p(*runs))
    document = read(path, Settings())
    assert "".join(texts(document, "body")) == (text if text.strip() else "")


# -- refusals ------------------------------------------------------------------------------------


def test_not_a_zip_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_text("just some text, not a Word file")
    with pytest.raises(InputError, match=r"not a valid \.docx"):
        read(path, Settings())


def test_empty_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read(path, Settings())


def test_truncated_zip_is_an_input_error(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "good.docx", p(r("Body text")))
    path = tmp_path / "a.docx"
    path.write_bytes(good.read_bytes()[:300])
    with pytest.raises(InputError) as caught:
        read(path, Settings())
    assert "\n" not in str(caught.value)


def test_password_protected_word_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(InputError, match="password-protected"):
        read(path, Settings())


def test_zip_that_is_not_word_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match=r"not a valid \.docx"):
        read(path, Settings())


def test_malformed_part_fails_closed_naming_the_part(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", p(r("Body")), footnotes=note("footnote", 1, p(r("x"))))
    rebuilt = tmp_path / "b.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rebuilt, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/footnotes.xml":
                data = data[:-20]
            target.writestr(info, data)
    with pytest.raises(UnsupportedContentError, match=r"word/footnotes\.xml"):
        read(rebuilt, Settings())


def test_dtd_in_a_part_fails_closed(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", p(r("Body")), footnotes=note("footnote", 1, p(r("x"))))
    rebuilt = tmp_path / "b.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rebuilt, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/footnotes.xml":
                data = data.replace(
                    b"<w:footnotes", b'<!DOCTYPE x [<!ENTITY e "Ivo">]><w:footnotes'
                )
            target.writestr(info, data)
    with pytest.raises(UnsupportedContentError, match="DTD"):
        read(rebuilt, Settings())


def test_embedded_object_fails_closed_unless_dropping(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "a.docx", p(r("See table"), ole_object("rIdOle")), embeddings={"rIdOle": b"PK"}
    )
    with pytest.raises(UnsupportedContentError, match="--drop-embedded") as caught:
        read(path, Settings())
    assert "word/embeddings/" in str(caught.value)
    document = read(path, Settings(drop_embedded=True))
    assert document.info["embedded"] == 1
    assert document.payload.parts("embedded") == ["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"]


def test_strict_open_xml_is_refused(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", p(r("Body")))
    rebuilt = tmp_path / "b.docx"
    strict = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rebuilt, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(
                    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main", strict
                )
            target.writestr(info, data)
    with pytest.raises(UnsupportedContentError, match="Strict"):
        read(rebuilt, Settings())


def test_custom_property_named_for_a_person_is_a_hint(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "a.docx",
        p(r("Body")),
        custom={"Pupil": "Ivo Brennan", "Reviewer": "Gwen Tallis", "Status": "Final Draft"},
    )
    document = read(path, Settings())
    hints = {s.text: s.hint for s in document.segments if s.locator.kind == "property:custom"}
    assert hints == {"Ivo Brennan": "CHILD", "Gwen Tallis": "ADULT", "Final Draft": None}


def test_every_locator_resolves_back_to_its_text(tmp_path: Path) -> None:
    """The contract the writer relies on: each locator finds its segment's text again."""
    from redactor.ingest._docx_xml import W_P, joined, paragraph_pieces, sites_for
    from redactor.ingest.docx import PARAGRAPH_KINDS

    body = (
        p(r("Dear "), r("Ivo", bold=True), ins(r(" Brennan")), deleted("x"))
        + table([p(r("a")), table([p(r("b"))])])
        + p(hyperlink("rIdL1", r("mail")), complex_field("MERGEFIELD Surname", "Brennan"))
        + p(content_control("t", "alias", r("cc")))
        + p(text_box(p(r("box"))))
        + p(picture("rIdImg", descr="Ivo", title="photo"))
    )
    path = make_docx(
        tmp_path / "a.docx",
        body,
        headers={"default": p(r("h")), "first": p(r("f"))},
        footnotes=note("footnote", 1, p(r("fn"))),
        comments=comment(0, "Kay Dunmore", "KD", p(r("c"))),
        core={"title": "t", "creator": "Kay Dunmore"},
        app={"Company": "c"},
        custom={"Pupil": "Ivo Brennan"},
        settings='<w:docVars><w:docVar w:name="n" w:val="v"/></w:docVars>',
        links={"rIdL1": "mailto:ivo@example.org"},
        images={"rIdImg": PNG_1PX},
    )
    document = read(path, Settings())
    payload = document.payload
    assert len(document.segments) > 25
    for segment in document.segments:
        where = segment.locator
        assert isinstance(where, DocxLocator)
        if where.kind in ("author", "initials"):
            continue
        root = payload.package.xml[where.part].getroot()
        if where.kind in PARAGRAPH_KINDS or where.kind == "field":
            pieces, fields = paragraph_pieces(list(root.iter(W_P))[where.index])
            found = joined(pieces if where.kind != "field" else fields[where.sub])
        else:
            site = sites_for(payload.roles[where.part], root)[where.index]
            assert site.kind == where.kind
            found = site.get()
        assert found == segment.text, where.describe()


_OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def test_thumbnail_and_people_parts_are_dropped_not_read(tmp_path: Path) -> None:
    people = (
        b'<?xml version="1.0"?><w15:people xmlns:w15="http://schemas.microsoft.com/office/word/'
        b'2012/wordml"><w15:person w15:author="Kay Dunmore"/></w15:people>'
    )
    path = make_docx(
        tmp_path / "a.docx",
        p(r("Body")),
        extra_parts={
            "word/people.xml": (
                people,
                _WML + "people+xml",
                "http://schemas.microsoft.com/office/2011/relationships/people",
            )
        },
        package_parts={
            "docProps/thumbnail.png": (
                PNG_1PX,
                "image/png",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
            )
        },
    )
    document = read(path, Settings())
    roles = document.payload.roles
    assert roles["word/people.xml"] == roles["docProps/thumbnail.png"] == "drop"
    assert texts(document) == ["Body"]


def test_imported_html_chunk_fails_closed(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "a.docx",
        p(r("Body")) + '<w:altChunk r:id="rIdx0"/>',
        extra_parts={
            "word/chunk.html": (b"<p>Ivo Brennan</p>", "text/html", _OFFICE_REL + "aFChunk")
        },
    )
    with pytest.raises(UnsupportedContentError, match=r"word/chunk\.html"):
        read(path, Settings())


def test_chart_text_is_read(tmp_path: Path) -> None:
    chart = (
        b'<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/'
        b'drawingml/2006/chart"><c:chart><c:ser><c:cat><c:strRef><c:strCache><c:pt idx="0">'
        b"<c:v>Ivo Brennan</c:v></c:pt></c:strCache></c:strRef></c:cat></c:ser></c:chart>"
        b"</c:chartSpace>"
    )
    path = make_docx(
        tmp_path / "a.docx",
        p(r("Body")),
        extra_parts={
            "word/charts/chart1.xml": (
                chart,
                "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
                _OFFICE_REL + "chart",
            )
        },
    )
    document = read(path, Settings())
    assert "Ivo Brennan" in texts(document, "data")


def test_maths_ruby_symbols_and_word_art(tmp_path: Path) -> None:
    body = p(
        r("Score for Ivo: "),
        "<m:oMath><m:r><m:t>x=Ivo</m:t></m:r></m:oMath>",
        '<w:r><w:sym w:font="Wingdings" w:char="F04A"/><w:t>Bren</w:t><w:softHyphen/>'
        "<w:t>nan</w:t></w:r>",
    ) + p(
        '<w:r><w:pict><v:shape id="wa"><v:textpath string="Well done Ivo"/></v:shape>'
        "</w:pict></w:r>"
    )
    document = read(make_docx(tmp_path / "a.docx", body), Settings())
    assert texts(document, "body") == ["Score for Ivo: x=Ivo Brennan"]
    assert texts(document, "word-art") == ["Well done Ivo"]


def test_drawing_text_outside_runs_is_read(tmp_path: Path) -> None:
    body = p(
        '<w:r><w:drawing><wp:inline><wp:docPr id="3" name="Shape 3"/><a:graphic><a:graphicData>'
        "<a:p><a:r><a:t>Label: Ivo Brennan</a:t></a:r></a:p></a:graphicData></a:graphic>"
        "</wp:inline></w:drawing></w:r>"
    )
    document = read(make_docx(tmp_path / "a.docx", body), Settings())
    assert texts(document, "drawing-text") == ["Label: Ivo Brennan"]
