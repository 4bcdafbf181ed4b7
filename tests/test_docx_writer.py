"""The .docx writer, end to end with a fixed detector: every place a Word file keeps text comes
out cleaned, formatting survives, what must go goes, and the output opens in python-docx (and,
where installed, converts with LibreOffice). All names and numbers are invented."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from docx_builders import (
    DECL,
    NSDECL,
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
from redactor.emit.docx import write
from redactor.errors import UnsupportedContentError
from redactor.pipeline import Redactor

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
CHILD = "Amelia Thornbury"
PHONE = "07700 900555"
TERMS = {CHILD: "CHILD", PHONE: "PHONE"}

MakeRedactor = Callable[..., Redactor]


def redact(
    make: MakeRedactor, src: Path, terms: dict[str, str] | None = None, **settings: object
) -> Path:
    out = src.with_name("out-" + src.name)
    make(TERMS if terms is None else terms, **settings).redact_file(src, out)
    docx.Document(str(out))  # every output opens with python-docx
    return out


def part(out: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(out) as archive:
        return etree.fromstring(archive.read(name))


def everything(out: Path) -> str:
    """Every byte of every zip entry, decoded: a string left anywhere is found here."""
    with zipfile.ZipFile(out) as archive:
        return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())


def paragraph_texts(root: etree._Element) -> list[str]:
    return [
        "".join(t.text or "" for t in para.iter(f"{{{W}}}t")) for para in root.iter(f"{{{W}}}p")
    ]


# -- run-level replacement ----------------------------------------------------------------------


def test_name_over_three_runs_keeps_each_runs_formatting(tmp_path: Path, fake_redactor) -> None:
    body = p(
        r("Dear "),
        r("Ame", bold=True),
        r("lia Thorn", italic=True),
        r("bury", bold=True, italic=True),
        r(", welcome.", font="Arial"),
    )
    out = redact(fake_redactor, make_docx(tmp_path / "a.docx", body))
    runs = part(out, "word/document.xml").findall(".//w:r", NS)
    assert [run.findtext("w:t", namespaces=NS) for run in runs] == [
        "Dear ",
        "[CHILD 1]",
        "",
        "",
        ", welcome.",
    ]
    formats = [
        (run.find("w:rPr/w:b", NS) is not None, run.find("w:rPr/w:i", NS) is not None)
        for run in runs
    ]
    assert formats == [(False, False), (True, False), (False, True), (True, True), (False, False)]
    assert runs[4].find("w:rPr/w:rFonts", NS).get(f"{{{W}}}ascii") == "Arial"


def test_name_starting_mid_run_takes_that_runs_formatting(tmp_path: Path, fake_redactor) -> None:
    body = p(r("Dear Ame", italic=True), r("lia", bold=True), r(" Thornbury and family"))
    out = redact(fake_redactor, make_docx(tmp_path / "a.docx", body))
    runs = part(out, "word/document.xml").findall(".//w:r", NS)
    assert runs[0].findtext("w:t", namespaces=NS) == "Dear [CHILD 1]"
    assert runs[0].find("w:rPr/w:i", NS) is not None
    assert [run.findtext("w:t", namespaces=NS) for run in runs[1:]] == ["", " and family"]


def test_several_names_in_one_run_and_tag_spaces_preserved(tmp_path: Path, fake_redactor) -> None:
    body = p(r(f"{CHILD} rang {PHONE} twice; {CHILD} "))
    out = redact(fake_redactor, make_docx(tmp_path / "a.docx", body))
    t = part(out, "word/document.xml").find(".//w:t", NS)
    assert t.text == "[CHILD 1] rang [PHONE 1] twice; [CHILD 1] "
    assert t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"


def test_a_tab_inside_a_name_goes_with_it(tmp_path: Path, fake_redactor) -> None:
    body = p("<w:r><w:t>Amelia</w:t><w:tab/><w:t>Thornbury</w:t><w:tab/><w:t>Year 4</w:t></w:r>")
    src = make_docx(tmp_path / "a.docx", body)
    out = redact(fake_redactor, src, {"Amelia\tThornbury": "CHILD"})
    root = part(out, "word/document.xml")
    assert paragraph_texts(root) == ["[CHILD 1]Year 4"]
    assert len(root.findall(".//w:tab", NS)) == 1  # the tab after the name stays


def test_edit_covering_no_run_text_fails_closed(tmp_path: Path, fake_redactor) -> None:
    body = p('<w:r><w:t>Name:</w:t><w:tab/><w:t xml:space="preserve"> x</w:t></w:r>')
    src = make_docx(tmp_path / "a.docx", body)
    out = tmp_path / "out.docx"
    with pytest.raises(UnsupportedContentError, match="cannot be applied"):
        fake_redactor({"\t": "CHILD"}).redact_file(src, out)
    assert not out.exists()
    assert list(tmp_path.glob(".out.docx.*")) == []  # no half-written file left behind


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cuts=st.lists(st.integers(min_value=1, max_value=60), max_size=8),
    styles=st.lists(st.sampled_from(["", "b", "i", "bi"]), min_size=9, max_size=9),
)
def test_any_split_into_runs_gives_the_edited_text_and_keeps_every_runs_formatting(
    tmp_path: Path, fake_redactor, cuts: list[int], styles: list[str]
) -> None:
    text = f"Ring {PHONE} about {CHILD}; {CHILD} is in Year 4."
    bounds = sorted({c for c in cuts if c < len(text)} | {0, len(text)})
    pieces = [text[a:b] for a, b in itertools.pairwise(bounds)]
    runs = [
        r(t, bold="b" in st_, italic="i" in st_) for t, st_ in zip(pieces, styles, strict=False)
    ]
    src = make_docx(tmp_path / "h.docx", p(*runs))
    out = redact(fake_redactor, src)
    root = part(out, "word/document.xml")
    assert paragraph_texts(root) == ["Ring [PHONE 1] about [CHILD 1]; [CHILD 1] is in Year 4."]
    before = [etree.tostring(x) for x in part(src, "word/document.xml").iter(f"{{{W}}}rPr")]
    after = [etree.tostring(x) for x in root.iter(f"{{{W}}}rPr")]
    assert after == before  # same runs, same formatting, in the same order


# -- every place --------------------------------------------------------------------------------


def test_body_tables_and_nested_tables(tmp_path: Path, fake_redactor) -> None:
    inner = table([p(r(f"Contact {PHONE}"))])
    body = table([p(r(CHILD)), p(r("Keyworker")) + inner]) + p(r(f"About {CHILD}."))
    out = redact(fake_redactor, make_docx(tmp_path / "a.docx", body))
    texts = paragraph_texts(part(out, "word/document.xml"))
    assert texts == ["[CHILD 1]", "Keyworker", "Contact [PHONE 1]", "About [CHILD 1]."]


@pytest.mark.parametrize("kind", ["header", "footer"])
def test_headers_and_footers_of_every_type_share_the_bodys_tags(
    tmp_path: Path, fake_redactor, kind: str
) -> None:
    places = {t: p(r(f"Re: {CHILD} ({t})")) for t in ("default", "first", "even")}
    src = make_docx(tmp_path / "a.docx", p(r(f"{CHILD} joined in May.")), **{f"{kind}s": places})
    out = redact(fake_redactor, src)
    for n, htype in enumerate(("default", "first", "even"), start=1):
        assert paragraph_texts(part(out, f"word/{kind}{n}.xml")) == [f"Re: [CHILD 1] ({htype})"]
    assert paragraph_texts(part(out, "word/document.xml")) == ["[CHILD 1] joined in May."]


def test_headers_of_a_second_section(tmp_path: Path, fake_redactor) -> None:
    second = f"{DECL}<w:hdr {NSDECL}>{p(r(f'Section two: {CHILD}'))}</w:hdr>".encode()
    # the first section ends at this paragraph and uses the header related as rIdx1
    break_ = p(r("End of part one")).replace(
        "<w:p>",
        '<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rIdx1"/>'
        "</w:sectPr></w:pPr>",
    )
    src = make_docx(
        tmp_path / "a.docx",
        break_ + p(r(f"{CHILD} in part two")),
        headers={"default": p(r(f"Section one: {CHILD}"))},
        extra_parts={
            "word/header9.xml": (
                second,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
            )
        },
    )
    out = redact(fake_redactor, src)
    assert paragraph_texts(part(out, "word/header1.xml")) == ["Section one: [CHILD 1]"]
    assert paragraph_texts(part(out, "word/header9.xml")) == ["Section two: [CHILD 1]"]


def test_footnotes_and_endnotes(tmp_path: Path, fake_redactor) -> None:
    src = make_docx(
        tmp_path / "a.docx",
        p(r("See note.")),
        footnotes=note("footnote", 1, p(r(f"Mum: {PHONE}"))),
        endnotes=note("endnote", 1, p(r(f"Written about {CHILD}"))),
    )
    out = redact(fake_redactor, src)
    assert paragraph_texts(part(out, "word/footnotes.xml")) == ["Mum: [PHONE 1]"]
    assert paragraph_texts(part(out, "word/endnotes.xml")) == ["Written about [CHILD 1]"]


def test_comments_text_and_authors(tmp_path: Path, fake_redactor) -> None:
    src = make_docx(
        tmp_path / "a.docx",
        p(r(f"{CHILD} was upset.")),
        comments=comment(0, "Marek Holloway", "MH", p(r(f"Spoke to {CHILD} after. MH"))),
    )
    out = redact(fake_redactor, src, {CHILD: "CHILD"})
    root = part(out, "word/comments.xml")
    assert paragraph_texts(root) == ["Spoke to [CHILD 1] after. MH"]
    c = root.find("w:comment", NS)
    assert (c.get(f"{{{W}}}author"), c.get(f"{{{W}}}initials")) == ("Author", "A")
    assert "Holloway" not in everything(out)


def test_tracked_insertions_redacted_and_deletions_removed_whatever_they_say(
    tmp_path: Path, fake_redactor
) -> None:
    body = p(r("Call "), ins(r(CHILD), author="Marek Holloway"), deleted(f" mum on {PHONE}"))
    src = make_docx(tmp_path / "a.docx", body)
    out = redact(fake_redactor, src, {CHILD: "CHILD"})  # the phone is not even detected
    root = part(out, "word/document.xml")
    assert paragraph_texts(root) == ["Call [CHILD 1]"]
    assert root.find(".//w:ins", NS) is None and root.find(".//w:del", NS) is None
    text = everything(out)
    assert "900555" not in text and "Holloway" not in text


def test_deleted_table_row_goes(tmp_path: Path, fake_redactor) -> None:
    gone = (
        '<w:tr><w:trPr><w:del w:id="5" w:author="X Y" w:date="2024-01-01T00:00:00Z"/></w:trPr>'
        f'<w:tc><w:p><w:del w:id="6" w:author="X Y"><w:r><w:delText>{PHONE}</w:delText></w:r>'
        "</w:del></w:p></w:tc></w:tr>"
    )
    kept = table([p(r("Row one"))]).replace("</w:tbl>", gone + "</w:tbl>")
    out = redact(fake_redactor, make_docx(tmp_path / "a.docx", kept), {})
    root = part(out, "word/document.xml")
    assert len(root.findall(".//w:tr", NS)) == 1
    assert "900555" not in everything(out)


def test_text_box_and_its_vml_fallback_copy(tmp_path: Path, fake_redactor) -> None:
    body = p(r("Note: "), text_box(p(r(f"Collected by {CHILD}'s aunt"))))
    out = redact(fake_redactor, make_docx(tmp_path / "a.docx", body))
    texts = paragraph_texts(part(out, "word/document.xml"))
    assert texts.count("Collected by [CHILD 1]'s aunt") == 2  # DrawingML and VML copies
    assert CHILD not in everything(out)


def test_hyperlink_text_target_and_tooltip(tmp_path: Path, fake_redactor) -> None:
    email = "amelia.t@example.org"
    body = p(hyperlink("rIdL1", r(email), tooltip=f"Write to {CHILD}"))
    src = make_docx(tmp_path / "a.docx", body, links={"rIdL1": f"mailto:{email}"})
    out = redact(fake_redactor, src, {CHILD: "CHILD", email: "EMAIL"})
    rels = part(out, "word/_rels/document.xml.rels")
    target = next(el.get("Target") for el in rels if el.get("Id") == "rIdL1")
    assert target == "mailto:%5BEMAIL%201%5D"  # still a valid URI
    link = part(out, "word/document.xml").find(".//w:hyperlink", NS)
    assert link.get(f"{{{W}}}tooltip") == "Write to [CHILD 1]"
    assert paragraph_texts(part(out, "word/document.xml")) == ["[EMAIL 1]"]
    assert email not in everything(out)


def test_file_paths_in_external_targets_keep_only_the_file_name(
    tmp_path: Path, fake_redactor
) -> None:
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    template = r"file:///C:\Users\marek.holloway\AppData\Templates\Letters.dotx"
    src = make_docx(
        tmp_path / "a.docx",
        p(hyperlink("rIdL1", r("plan"))),
        settings='<w:attachedTemplate r:id="rIdT"/>',
        links={"rIdL1": r"\\school-srv\SEN\Marek Holloway\plan.docx"},
    )
    _rewrite_zip(
        src,
        {
            "word/_rels/settings.xml.rels": (
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                f'relationships"><Relationship Id="rIdT" Type="{rel}attachedTemplate" '
                f'Target="{template}" TargetMode="External"/></Relationships>'
            ).encode()
        },
    )
    out = redact(fake_redactor, src, {})
    targets = {
        el.get("Id"): el.get("Target")
        for name in ("word/_rels/document.xml.rels", "word/_rels/settings.xml.rels")
        for el in part(out, name)
    }
    assert (targets["rIdT"], targets["rIdL1"]) == ("Letters.dotx", "plan.docx")
    assert "olloway" not in everything(out)


def test_field_instructions(tmp_path: Path, fake_redactor) -> None:
    email = "amelia.t@example.org"
    body = p(complex_field(f'HYPERLINK "mailto:{email}"', email))
    out = redact(fake_redactor, make_docx(tmp_path / "a.docx", body), {email: "EMAIL"})
    root = part(out, "word/document.xml")
    assert root.findtext(".//w:instrText", namespaces=NS) == 'HYPERLINK "mailto:[EMAIL 1]"'
    assert email not in everything(out)


def test_simple_field_instruction(tmp_path: Path, fake_redactor) -> None:
    body = p(f'<w:fldSimple w:instr=" AUTHOR {CHILD} ">{r(CHILD)}</w:fldSimple>')
    out = redact(fake_redactor, make_docx(tmp_path / "a.docx", body))
    field = part(out, "word/document.xml").find(".//w:fldSimple", NS)
    assert field.get(f"{{{W}}}instr") == " AUTHOR [CHILD 1] "
    assert paragraph_texts(part(out, "word/document.xml")) == ["[CHILD 1]"]


def test_rarer_places_smart_tags_form_fields_wordart_maths_moves(
    tmp_path: Path, fake_redactor
) -> None:
    smart = (
        '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="PersonName">'
        f'<w:smartTagPr><w:attr w:name="ProductID" w:val="{CHILD}"/></w:smartTagPr>{r(CHILD)}'
        "</w:smartTag>"
    )
    form = (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/><w:textInput>'
        f'<w:default w:val="{CHILD}"/></w:textInput><w:helpText w:type="text" w:val="Ask '
        f'{CHILD}"/></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMTEXT </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'{r(CHILD)}<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    wordart = (
        f'<w:r><w:pict><v:shape id="s1" alt="Photo of {CHILD}" style="width:9pt;height:9pt">'
        f'<v:textpath string="{CHILD}"/></v:shape></w:pict></w:r>'
    )
    maths = f"<m:oMathPara><m:oMath><m:r><m:t>{CHILD}</m:t></m:r></m:oMath></m:oMathPara>"
    mover = 'w:author="Marek Holloway" w:date="2024-01-01T00:00:00Z"'
    moves = (
        f'<w:moveFromRangeStart w:id="3" {mover} w:name="m1"/><w:moveFrom w:id="4" {mover}>'
        f'<w:r><w:t>{PHONE}</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="3"/>'
        f'<w:moveToRangeStart w:id="5" {mover} w:name="m1"/><w:moveTo w:id="6" {mover}>'
        f'<w:r><w:t>{CHILD}</w:t></w:r></w:moveTo><w:moveToRangeEnd w:id="5"/>'
    )
    restyled = (
        f'<w:r><w:rPr><w:b/><w:rPrChange w:id="7" {mover}><w:rPr/></w:rPrChange></w:rPr>'
        "<w:t>now bold</w:t></w:r>"
    )
    date = (
        '<w:sdt><w:sdtPr><w:alias w:val="Date of birth"/><w:date w:fullDate='
        '"2016-03-09T00:00:00Z"/></w:sdtPr><w:sdtContent><w:r><w:t>09/03/2016</w:t></w:r>'
        "</w:sdtContent></w:sdt>"
    )
    permission = f'<w:permStart w:id="9" w:ed="m.holloway@example.org"/>{r("free")}'
    body = "".join(p(x) for x in (smart, form, wordart, maths, moves, restyled, date, permission))
    src = make_docx(tmp_path / "a.docx", body)
    out = redact(fake_redactor, src, {CHILD: "CHILD", "09/03/2016": "DOB"})
    texts = paragraph_texts(part(out, "word/document.xml"))
    assert texts == ["[CHILD 1]", "[CHILD 1]", "", "", "[CHILD 1]", "now bold", "[DOB 1]", "free"]
    assert part(out, "word/document.xml").find(".//{*}oMath//{*}t").text == "[CHILD 1]"
    everything_out = everything(out)
    for gone in ("Amelia", "Thornbury", "Holloway", "900555", "2016", "rPrChange", "move"):
        assert gone not in everything_out, gone


def test_content_controls_text_tag_and_title(tmp_path: Path, fake_redactor) -> None:
    body = p(content_control(CHILD, f"Pupil {CHILD}", r(CHILD)))
    out = redact(fake_redactor, make_docx(tmp_path / "a.docx", body))
    root = part(out, "word/document.xml")
    assert root.find(".//w:tag", NS).get(f"{{{W}}}val") == "[CHILD 1]"
    assert root.find(".//w:alias", NS).get(f"{{{W}}}val") == "Pupil [CHILD 1]"
    assert paragraph_texts(root) == ["[CHILD 1]"]


def test_picture_alt_text_cleaned_and_picture_kept(tmp_path: Path, fake_redactor) -> None:
    body = p(picture("rIdImg1", descr=f"Photo of {CHILD}", title=CHILD))
    src = make_docx(tmp_path / "a.docx", body, images={"rIdImg1": PNG_1PX})
    out = redact(fake_redactor, src)
    doc_pr = part(out, "word/document.xml").find(".//{*}docPr")
    assert (doc_pr.get("descr"), doc_pr.get("title")) == ("Photo of [CHILD 1]", "[CHILD 1]")
    with zipfile.ZipFile(out) as archive:
        assert archive.read("word/media/image1.png") == PNG_1PX


def test_picture_metadata_goes_and_pixels_and_orientation_stay(
    tmp_path: Path, fake_redactor
) -> None:
    import io

    from PIL import Image, PngImagePlugin

    picture_ = Image.new("RGB", (4, 3), (200, 30, 90))
    exif = Image.Exif()
    exif[0x013B] = CHILD  # Artist
    exif[0x010E] = f"{CHILD} on the school trip"  # ImageDescription
    exif[0x0112] = 6  # orientation: the phone was held sideways
    jpeg = io.BytesIO()
    picture_.save(jpeg, "JPEG", exif=exif.tobytes(), comment=CHILD.encode())
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", CHILD)
    png = io.BytesIO()
    picture_.save(png, "PNG", pnginfo=info)
    body = p(picture("rIdImg1")) + p(picture("rIdImg2"))
    images = {"rIdImg1": jpeg.getvalue(), "rIdImg2": png.getvalue()}
    out = redact(fake_redactor, make_docx(tmp_path / "a.docx", body, images=images))
    with zipfile.ZipFile(out) as archive:
        kept = [archive.read(f"word/media/image{n}.png") for n in (1, 2)]
    assert all(b"Thornbury" not in data for data in kept)
    photos = [Image.open(io.BytesIO(data)) for data in kept]
    assert photos[0].getexif().get(0x0112) == 6
    assert [photo.size for photo in photos] == [(4, 3), (4, 3)]
    assert photos[1].tobytes() == picture_.tobytes()  # PNG is lossless: same pixels
    assert photos[0].tobytes() == Image.open(jpeg).tobytes()


def test_table_alt_text_and_picture_link_tooltips_never_leave_as_they_were(
    tmp_path: Path, fake_redactor
) -> None:
    captioned = table([p(r("Cell"))]).replace(
        "<w:tblPr/>",
        f'<w:tblPr><w:tblCaption w:val="Marks of {CHILD}"/>'
        f'<w:tblDescription w:val="One row per test taken by {CHILD}"/></w:tblPr>',
    )
    linked = picture("rIdImg1").replace(
        ' title=""/>', f' title=""><a:hlinkClick r:id="rIdL1" tooltip="Open {CHILD}"/></wp:docPr>'
    )
    src = make_docx(
        tmp_path / "a.docx",
        captioned + p(linked),
        images={"rIdImg1": PNG_1PX},
        links={"rIdL1": "https://example.org/report"},
    )
    out = redact(fake_redactor, src)
    assert CHILD not in everything(out)
    assert paragraph_texts(part(out, "word/document.xml"))[0] == "Cell"


def test_drop_images_removes_drawings_parts_and_relationships(
    tmp_path: Path, fake_redactor
) -> None:
    body = p(r("Photo: "), picture("rIdImg1", descr="class photo"))
    src = make_docx(tmp_path / "a.docx", body, images={"rIdImg1": PNG_1PX})
    out = redact(fake_redactor, src, drop_images=True)
    root = part(out, "word/document.xml")
    assert root.find(".//w:drawing", NS) is None
    assert paragraph_texts(root) == ["Photo: "]
    with zipfile.ZipFile(out) as archive:
        assert not [n for n in archive.namelist() if n.startswith("word/media/")]
    rels = part(out, "word/_rels/document.xml.rels")
    assert all(el.get("Id") != "rIdImg1" for el in rels)


def test_embedded_object_fails_closed_unless_dropped(tmp_path: Path, fake_redactor) -> None:
    body = p(r(f"Marks for {CHILD}: "), ole_object("rIdE1"))
    src = make_docx(tmp_path / "a.docx", body, embeddings={"rIdE1": b"PK\x03\x04 workbook"})
    out = tmp_path / "refused.docx"
    with pytest.raises(UnsupportedContentError, match="--drop-embedded"):
        fake_redactor(TERMS).redact_file(src, out)
    assert not out.exists()

    dropped = redact(fake_redactor, src, drop_embedded=True)
    root = part(dropped, "word/document.xml")
    assert root.find(".//w:object", NS) is None
    assert paragraph_texts(root) == ["Marks for [CHILD 1]: "]
    with zipfile.ZipFile(dropped) as archive:
        names = archive.namelist()
        types = archive.read("[Content_Types].xml").decode()
    assert not [n for n in names if "embeddings" in n] and "embeddings" not in types


def test_drop_embedded_keeps_a_chart_but_not_its_workbook_or_imported_chunks(
    tmp_path: Path, fake_redactor
) -> None:
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    chart_ns = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    chart = (
        f'<c:chartSpace xmlns:c="{chart_ns}" xmlns:a="http://schemas.openxmlformats.org/'
        'drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships"><c:chart><c:title><c:tx><c:rich><a:p><a:r><a:t>Scores of {CHILD}'
        f"</a:t></a:r></a:p></c:rich></c:tx></c:title><c:plotArea><c:barChart><c:ser><c:cat>"
        f'<c:strRef><c:f>Sheet1!$A$2</c:f><c:strCache><c:pt idx="0"><c:v>{CHILD}</c:v>'
        "</c:pt></c:strCache></c:strRef></c:cat></c:ser></c:barChart></c:plotArea></c:chart>"
        '<c:externalData r:id="rIdWb"/></c:chartSpace>'
    ).encode()
    drawing = (
        '<w:r><w:drawing><wp:inline><wp:extent cx="9" cy="9"/><wp:docPr id="9" name="c"/>'
        f'<a:graphic><a:graphicData uri="{chart_ns}"><c:chart xmlns:c="{chart_ns}" '
        'r:id="rIdx0"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    )
    src = make_docx(
        tmp_path / "a.docx",
        p(r("Intro")) + '<w:altChunk r:id="rIdx1"/>' + p(drawing),
        extra_parts={
            "word/charts/chart1.xml": (
                chart,
                "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
                rel + "chart",
            ),
            "word/afchunk.htm": (f"<p>{CHILD}</p>".encode(), "text/html", rel + "aFChunk"),
        },
    )
    _rewrite_zip(
        src,
        {
            "word/charts/_rels/chart1.xml.rels": (
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                f'relationships"><Relationship Id="rIdWb" Type="{rel}package" '
                'Target="../embeddings/Microsoft_Excel_Worksheet1.xlsx"/></Relationships>'
            ).encode(),
            "word/embeddings/Microsoft_Excel_Worksheet1.xlsx": b"PK\x03\x04 " + CHILD.encode(),
        },
    )
    with pytest.raises(UnsupportedContentError, match="embedded"):
        fake_redactor(TERMS).redact_file(src, tmp_path / "refused.docx")
    out = redact(fake_redactor, src, drop_embedded=True)
    chart_out = part(out, "word/charts/chart1.xml")
    assert [t.text for t in chart_out.iter("{*}t", "{*}v")] == ["Scores of [CHILD 1]", "[CHILD 1]"]
    assert chart_out.find("{*}externalData") is None
    assert part(out, "word/document.xml").find(".//w:altChunk", NS) is None
    with zipfile.ZipFile(out) as archive:
        assert not [n for n in archive.namelist() if "embeddings" in n or "afchunk" in n]
    assert CHILD not in everything(out)


def _rewrite_zip(path: Path, changes: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    files.update(changes)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)


def test_properties_scrubbed_and_people_blanked_even_when_not_detected(
    tmp_path: Path, fake_redactor
) -> None:
    src = make_docx(
        tmp_path / "a.docx",
        p(r("Body")),
        core={
            "title": f"Review of {CHILD}",
            "subject": f"{CHILD} support plan",
            "creator": "Marek Holloway",
            "lastModifiedBy": "Marek Holloway",
            "keywords": f"SEN; {CHILD}",
            "description": f"Call {PHONE}",
            "category": CHILD,
        },
        app={"Company": "Larchfield Primary", "Manager": "Ruth Okonjo"},
        custom={"Pupil": CHILD, "Contact": PHONE},
    )
    out = redact(fake_redactor, src)  # the detector knows neither adult
    core = {etree.QName(el).localname: el.text for el in part(out, "docProps/core.xml")}
    assert core["title"] == "Review of [CHILD 1]"
    assert core["subject"] == "[CHILD 1] support plan"
    assert core["keywords"] == "SEN; [CHILD 1]"
    assert core["description"] == "Call [PHONE 1]"
    assert core["category"] == "[CHILD 1]"
    assert not core["creator"] and not core["lastModifiedBy"]
    app = {etree.QName(el).localname: el.text for el in part(out, "docProps/app.xml")}
    assert not app["Manager"] and app["Company"] == "Larchfield Primary"
    values = [el.text for el in part(out, "docProps/custom.xml").iter("{*}lpwstr")]
    assert values == ["[CHILD 1]", "[PHONE 1]"]
    text = everything(out)
    assert "Holloway" not in text and "Okonjo" not in text and CHILD not in text


def test_people_part_goes_with_its_relationship(tmp_path: Path, fake_redactor) -> None:
    people = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:people xmlns:w15='
        b'"http://schemas.microsoft.com/office/word/2012/wordml"><w15:person w15:author='
        b'"Marek Holloway"><w15:presenceInfo w15:providerId="AD" w15:userId="m.holloway@'
        b'example.org"/></w15:person></w15:people>'
    )
    src = make_docx(
        tmp_path / "a.docx",
        p(r("Body")),
        comments=comment(0, "Marek Holloway", "MH", p(r("Fine."))),
        extra_parts={
            "word/people.xml": (
                people,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml",
                "http://schemas.microsoft.com/office/2011/relationships/people",
            )
        },
    )
    out = redact(fake_redactor, src, {})
    with zipfile.ZipFile(out) as archive:
        assert "word/people.xml" not in archive.namelist()
    assert "Holloway" not in everything(out) and "people" not in everything(out)


def test_custom_xml_data_is_cleaned(tmp_path: Path, fake_redactor) -> None:
    data = f"<record><pupil>{CHILD}</pupil><phone>{PHONE}</phone></record>".encode()
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
    src = make_docx(
        tmp_path / "a.docx",
        p(r(f"About {CHILD}")),
        extra_parts={"customXml/item1.xml": (data, "application/xml", rel)},
    )
    out = redact(fake_redactor, src)
    root = part(out, "customXml/item1.xml")
    assert [root.findtext("pupil"), root.findtext("phone")] == ["[CHILD 1]", "[PHONE 1]"]


def test_document_variables(tmp_path: Path, fake_redactor) -> None:
    variables = f'<w:docVars><w:docVar w:name="pupil" w:val="{CHILD}"/></w:docVars>'
    src = make_docx(tmp_path / "a.docx", p(r("Body")), settings=variables)
    out = redact(fake_redactor, src)
    var = part(out, "word/settings.xml").find(".//w:docVar", NS)
    assert var.get(f"{{{W}}}val") == "[CHILD 1]"


def test_revision_save_ids_go(tmp_path: Path, fake_redactor) -> None:
    body = (
        '<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:r w:rsidRPr="00D4E5F6">'
        "<w:t>Plain text</w:t></w:r></w:p>"
    )
    rsids = '<w:rsids><w:rsidRoot w:val="00A1B2C3"/><w:rsid w:val="00D4E5F6"/></w:rsids>'
    out = redact(fake_redactor, make_docx(tmp_path / "a.docx", body, settings=rsids))
    text = everything(out)
    assert "rsid" not in text and "00D4E5F6" not in text
    assert paragraph_texts(part(out, "word/document.xml")) == ["Plain text"]


def test_thumbnail_always_goes(tmp_path: Path, fake_redactor) -> None:
    src = make_docx(tmp_path / "a.docx", p(r("Body")))
    _add_thumbnail(src)
    out = redact(fake_redactor, src)
    with zipfile.ZipFile(out) as archive:
        assert "docProps/thumbnail.jpeg" not in archive.namelist()
        assert "thumbnail" not in archive.read("_rels/.rels").decode()


def _add_thumbnail(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    rel = (
        '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/package/2006/'
        'relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>'
    )
    files["_rels/.rels"] = files["_rels/.rels"].replace(b"</Relationships>", rel.encode())
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"</Types>", b'<Default Extension="jpeg" ContentType="image/jpeg"/></Types>'
    )
    files["docProps/thumbnail.jpeg"] = b"\xff\xd8\xff\xe0 picture of page one"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)


# -- the file as a whole ------------------------------------------------------------------------


def test_original_untouched_and_writing_twice_gives_the_same_file(
    tmp_path: Path, fake_redactor
) -> None:
    src = make_docx(tmp_path / "a.docx", p(r(f"{CHILD} rang {PHONE}")), core={"title": CHILD})
    before = src.read_bytes()
    redactor = fake_redactor(TERMS)
    document = redactor.check_file(src).document
    _findings, edits = redactor.process(document)
    write(document, edits, tmp_path / "one.docx", redactor.settings)
    write(document, edits, tmp_path / "two.docx", redactor.settings)
    assert (tmp_path / "one.docx").read_bytes() == (tmp_path / "two.docx").read_bytes()
    assert src.read_bytes() == before


def test_nothing_else_changes(tmp_path: Path, fake_redactor) -> None:
    body = p(r("Heading", bold=True), style="Heading1") + p(r("Nothing personal here."))
    src = make_docx(tmp_path / "a.docx", body)
    out = redact(fake_redactor, src, {})
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(out) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            canonical = [
                etree.tostring(etree.fromstring(z.read(name)), method="c14n") for z in (a, b)
            ]
            assert canonical[0] == canonical[1], name


# -- LibreOffice --------------------------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "briefing-note.docx"


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_renders_the_redacted_sample(tmp_path: Path, fake_redactor) -> None:
    import pdfplumber

    names = {
        "Amelia Thornbury": "CHILD",
        "Amelia": "CHILD",
        "Thornbury": "CHILD",
        "Dominic Fairweather": "ADULT",
        "07700 900555": "PHONE",
        "14 Heronsgate Road": "ADDRESS",
    }
    out = tmp_path / "briefing-note.docx"
    fake_redactor(names).redact_file(SAMPLE, out)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with pdfplumber.open(tmp_path / "briefing-note.pdf") as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "[CHILD 1]" in text and "[PHONE 1]" in text
    assert re.search(r"Thornbury|Fairweather|900555|Heronsgate", text) is None
