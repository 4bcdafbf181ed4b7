"""Build small .docx files for tests, straight from WordprocessingML snippets.

Every builder writes a minimal but complete package (content types, relationships, a main
document, and whatever parts are asked for), so each test shows exactly the XML it is about.
All names and numbers in tests are invented.

    path = make_docx(tmp_path / "a.docx", p(r("Dear "), r("Amelia", bold=True)),
                     headers={"default": p(r("Re: Amelia"))}, core={"creator": "Ms Kay Dunmore"})
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
}
NSDECL = " ".join(f'xmlns:{k}="{v}"' for k, v in NAMESPACES.items())
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


# -- snippets ------------------------------------------------------------------------------------


def r(text: str, *, bold: bool = False, italic: bool = False, font: str | None = None) -> str:
    """A run with optional bold/italic/font; spaces at the ends are preserved."""
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    if font:
        props = f"<w:rFonts w:ascii={quoteattr(font)} w:hAnsi={quoteattr(font)}/>" + props
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def p(*runs: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def table(*rows: list[str]) -> str:
    """A table; each cell is the XML of its paragraphs (which may hold another table)."""
    body = "".join(
        "<w:tr>" + "".join(f"<w:tc>{cell}</w:tc>" for cell in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl><w:tblPr/><w:tblGrid/>{body}</w:tbl>"


def ins(*runs: str, author: str = "Tracked Author") -> str:
    return (
        f'<w:ins w:id="91" w:author={quoteattr(author)} w:date="2024-01-01T00:00:00Z">'
        f"{''.join(runs)}</w:ins>"
    )


def deleted(text: str, author: str = "Tracked Author") -> str:
    return (
        f'<w:del w:id="92" w:author={quoteattr(author)} w:date="2024-01-01T00:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>'
    )


def hyperlink(rid: str, *runs: str, tooltip: str | None = None) -> str:
    tip = f" w:tooltip={quoteattr(tooltip)}" if tooltip else ""
    return f'<w:hyperlink r:id="{rid}"{tip}>{"".join(runs)}</w:hyperlink>'


def complex_field(instruction: str, result: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{escape(instruction)}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{r(result)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def content_control(tag: str, alias: str, *runs: str) -> str:
    return (
        f"<w:sdt><w:sdtPr><w:alias w:val={quoteattr(alias)}/><w:tag w:val={quoteattr(tag)}/>"
        f"</w:sdtPr><w:sdtContent>{''.join(runs)}</w:sdtContent></w:sdt>"
    )


def text_box(*paragraphs: str) -> str:
    """A run holding a DrawingML text box and its VML fallback copy (as Word writes them)."""
    inner = "".join(paragraphs)
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
        '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
        '</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="600000"/><wp:wrapNone/>'
        '<wp:docPr id="7" name="Text Box 7"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" '
        'cy="600000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        '<v:shape id="tb7" type="#_x0000_t202" style="width:150pt;height:45pt">'
        f"<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


def picture(rid: str, descr: str = "", title: str = "") -> str:
    """An inline picture run (image relationship `rid`) with alt text."""
    return (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        '<wp:extent cx="457200" cy="457200"/>'
        f'<wp:docPr id="5" name="Picture 5" descr={quoteattr(descr)} title={quoteattr(title)}/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="photo.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
        '</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="457200" cy="457200"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


def ole_object(rid: str) -> str:
    """A run holding an embedded OLE object (relationship `rid` to word/embeddings/...)."""
    return (
        '<w:r><w:object w:dxaOrig="1500" w:dyaOrig="800"><v:shape id="ole1" style="width:75pt;'
        'height:40pt"/><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="ole1" '
        f'DrawAspect="Icon" ObjectID="_1" r:id="{rid}"/></w:object></w:r>'
    )


# -- parts ---------------------------------------------------------------------------------------


def _story(root: str, content: str) -> str:
    return f"{DECL}<w:{root} {NSDECL}>{content}</w:{root}>"


def note(kind: str, note_id: int, *paragraphs: str) -> str:
    """One footnote/endnote (kind "footnote"/"endnote") with the given paragraphs."""
    return f'<w:{kind} w:id="{note_id}">{"".join(paragraphs)}</w:{kind}>'


def comment(comment_id: int, author: str, initials: str, *paragraphs: str) -> str:
    return (
        f'<w:comment w:id="{comment_id}" w:author={quoteattr(author)} '
        f'w:initials={quoteattr(initials)} w:date="2024-01-01T00:00:00Z">'
        f"{''.join(paragraphs)}</w:comment>"
    )


def make_docx(
    path: Path,
    body: str,
    *,
    headers: dict[str, str] | None = None,
    footers: dict[str, str] | None = None,
    footnotes: str | None = None,
    endnotes: str | None = None,
    comments: str | None = None,
    core: dict[str, str] | None = None,
    app: dict[str, str] | None = None,
    custom: dict[str, str] | None = None,
    settings: str = "",
    links: dict[str, str] | None = None,
    images: dict[str, bytes] | None = None,
    embeddings: dict[str, bytes] | None = None,
    extra_parts: dict[str, tuple[bytes, str, str]] | None = None,
    package_parts: dict[str, tuple[bytes, str, str]] | None = None,
) -> Path:
    """Write a .docx to `path` and return it.

    `body` is the XML inside `<w:body>`; headers/footers map a type ("default", "first",
    "even") to the XML inside `<w:hdr>`/`<w:ftr>`; footnotes/endnotes/comments are the XML
    inside their root (see `note`, `comment`); `links` maps relationship ids to external
    hyperlink targets; `images` and `embeddings` map relationship ids to file bytes (pictures
    as PNG, embeddings as a workbook); `extra_parts` maps a part name to (bytes, content type,
    relationship type) for parts related from the main document, `package_parts` likewise for parts
    related from the package root (a thumbnail ...).
    """
    files: dict[str, bytes] = {}
    overrides: dict[str, str] = {"/word/document.xml": _WML + "document.main+xml"}
    rels: list[tuple[str, str, str, bool]] = []  # id, type, target, external
    sect = ""
    for kind, parts in (("header", headers or {}), ("footer", footers or {})):
        for n, (htype, xml) in enumerate(parts.items(), start=1):
            name = f"{kind}{n}.xml"
            files[f"word/{name}"] = _story("hdr" if kind == "header" else "ftr", xml).encode()
            overrides[f"/word/{name}"] = _WML + f"{kind}+xml"
            rid = f"rId{kind}{n}"
            rels.append((rid, _REL + kind, name, False))
            sect += f'<w:{kind}Reference w:type="{htype}" r:id="{rid}"/>'
    if any("first" in (h or {}) for h in (headers, footers)):
        sect += "<w:titlePg/>"
    for kind, xml in (("footnotes", footnotes), ("endnotes", endnotes), ("comments", comments)):
        if xml is not None:
            root = {"footnotes": "footnotes", "endnotes": "endnotes", "comments": "comments"}[kind]
            files[f"word/{kind}.xml"] = _story(root, xml).encode()
            overrides[f"/word/{kind}.xml"] = _WML + f"{kind}+xml"
            rels.append((f"rId{kind}", _REL + kind, f"{kind}.xml", False))
    if settings or any("even" in (h or {}) for h in (headers, footers)):
        even = "<w:evenAndOddHeaders/>" if "evenAndOddHeaders" not in settings else ""
        files["word/settings.xml"] = _story("settings", even + settings).encode()
        overrides["/word/settings.xml"] = _WML + "settings+xml"
        rels.append(("rIdSettings", _REL + "settings", "settings.xml", False))
    for rid, target in (links or {}).items():
        rels.append((rid, _REL + "hyperlink", target, True))
    for n, (rid, data) in enumerate((images or {}).items(), start=1):
        files[f"word/media/image{n}.png"] = data
        rels.append((rid, _REL + "image", f"media/image{n}.png", False))
    for n, (rid, data) in enumerate((embeddings or {}).items(), start=1):
        name = f"word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx"
        files[name] = data
        overrides["/" + name] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        rels.append((rid, _REL + "package", name.removeprefix("word/"), False))
    for name, (data, content_type, rel_type) in (extra_parts or {}).items():
        files[name] = data
        overrides["/" + name] = content_type
        rels.append((f"rIdx{len(rels)}", rel_type, "/" + name, False))

    files["word/document.xml"] = _story(
        "document",
        f'<w:body>{body}<w:sectPr>{sect}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body>',
    ).encode()
    files["word/_rels/document.xml.rels"] = _rels(rels).encode()

    package_rels = [("rId1", _REL + "officeDocument", "word/document.xml", False)]
    if core is not None:
        files["docProps/core.xml"] = _core(core).encode()
        overrides["/docProps/core.xml"] = (
            "application/vnd.openxmlformats-package.core-properties+xml"
        )
        package_rels.append(
            (
                "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                "core-properties",
                "docProps/core.xml",
                False,
            )
        )
    if app is not None:
        files["docProps/app.xml"] = _app(app).encode()
        overrides["/docProps/app.xml"] = (
            "application/vnd.openxmlformats-officedocument.extended-properties+xml"
        )
        package_rels.append(("rId3", _REL + "extended-properties", "docProps/app.xml", False))
    if custom is not None:
        files["docProps/custom.xml"] = _custom(custom).encode()
        overrides["/docProps/custom.xml"] = (
            "application/vnd.openxmlformats-officedocument.custom-properties+xml"
        )
        package_rels.append(("rId4", _REL + "custom-properties", "docProps/custom.xml", False))
    for name, (data, content_type, rel_type) in (package_parts or {}).items():
        files[name] = data
        overrides["/" + name] = content_type
        package_rels.append((f"rIdp{len(package_rels)}", rel_type, name, False))
    files["_rels/.rels"] = _rels(package_rels).encode()

    types = "".join(
        f'<Override PartName="{name}" ContentType="{ct}"/>' for name, ct in overrides.items()
    )
    files["[Content_Types].xml"] = (
        f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Default Extension="png" ContentType="image/png"/>{types}</Types>'
    ).encode()
    order = ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in order + sorted(set(files) - set(order)):
            archive.writestr(name, files[name])
    return path


def _rels(rels: list[tuple[str, str, str, bool]]) -> str:
    items = "".join(
        f'<Relationship Id="{rid}" Type="{rtype}" Target={quoteattr(target)}'
        + (' TargetMode="External"' if external else "")
        + "/>"
        for rid, rtype, target, external in rels
    )
    return (
        f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships">{items}</Relationships>'
    )


def _core(values: dict[str, str]) -> str:
    prefix = {"title": "dc", "subject": "dc", "creator": "dc", "description": "dc"}
    items = "".join(
        f"<{prefix.get(k, 'cp')}:{k}>{escape(v)}</{prefix.get(k, 'cp')}:{k}>"
        for k, v in values.items()
    )
    return (
        f'{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{items}'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created>'
        "</cp:coreProperties>"
    )


def _app(values: dict[str, str]) -> str:
    items = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in values.items())
    return (
        f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes"><Template>Normal.dotm</Template><TotalTime>42</TotalTime>{items}'
        "</Properties>"
    )


def _custom(values: dict[str, str]) -> str:
    items = "".join(
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" '
        f'pid="{n}" name={quoteattr(k)}><vt:lpwstr>{escape(v)}</vt:lpwstr></property>'
        for n, (k, v) in enumerate(values.items(), start=2)
    )
    return (
        f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes">{items}</Properties>'
    )
