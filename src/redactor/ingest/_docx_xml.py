"""Where text lives inside WordprocessingML parts: shared by the .docx reader and writer.

The reader turns each place into a segment; the writer finds the same place again in its own
copy of the XML by walking it the same way, so both sides must use these functions. Places:

- paragraphs (`w:p`): the text of their runs, wherever the runs sit (insertions, hyperlinks,
  smart tags, content controls, simple fields ...), as a list of `Piece`s; a nested paragraph
  (text box) is a paragraph of its own; deleted text is never part of it;
- field instructions (`w:instrText`), one group per field;
- attribute sites: alt text, tooltips, content-control tags, form-field texts, simple-field
  instructions, document variables ...;
- text sites: any other element text (DrawingML `a:t`, custom XML data, chart labels).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WP14 = "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
V = "urn:schemas-microsoft-com:vml"
OFFICE = "urn:schemas-microsoft-com:office:office"
O = OFFICE  # noqa: E741 (kept: the writer imports it by this name)
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


W_P = w("p")
W_T = w("t")
W_R = w("r")
W_TR = w("tr")
W_INSTR = w("instrText")
W_FLDCHAR = w("fldChar")
M_T = f"{{{M}}}t"

#: elements whose text stands for one character of the paragraph; never edited, only deleted
#: when an edit covers them (a name written "Amy<tab>Smith" loses the tab with the name)
ATOMS = {
    w("tab"): "\t",
    w("ptab"): "\t",
    w("br"): "\n",
    w("cr"): "\n",
    w("noBreakHyphen"): "-",
    w("softHyphen"): "",
    # a symbol glyph (tick box, arrow) reads as a space, so the words either side stay apart
    w("sym"): " ",
}
#: subtrees that hold no paragraph text: deleted content (removed by the writer), properties,
#: and nested paragraphs, which are segments of their own
SKIP = frozenset(
    {
        w("del"),
        w("moveFrom"),
        w("delText"),
        w("delInstrText"),
        w("pPr"),
        w("rPr"),
        w("sdtPr"),
        w("sdtEndPr"),
        w("ffData"),
        w("fldData"),
        w("smartTagPr"),
        w("customXmlPr"),
        W_P,
        w("txbxContent"),
    }
)
TEXT, ATOM, INSTR = "text", "atom", "instr"


@dataclass
class Piece:
    """One element holding part of a paragraph's text, at `start` in the paragraph text."""

    element: etree._Element
    kind: str
    text: str
    start: int
    group: int = 0  # field number, for instruction pieces

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def paragraph_pieces(paragraph: etree._Element) -> tuple[list[Piece], list[list[Piece]]]:
    """The text pieces of `paragraph` in order, and its field instructions grouped by field."""
    pieces: list[Piece] = []
    fields: list[list[Piece]] = []
    position = 0
    stack = [iter(paragraph)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIP:
            continue
        if tag in (W_T, M_T):
            text = child.text or ""
            pieces.append(Piece(child, TEXT, text, position))
            position += len(text)
        elif tag in ATOMS:
            pieces.append(Piece(child, ATOM, ATOMS[tag], position))
            position += len(ATOMS[tag])
        elif tag == W_FLDCHAR:
            if child.get(w("fldCharType")) == "begin":
                fields.append([])
        elif tag == W_INSTR:
            if not fields:
                fields.append([])
            group = fields[-1]
            offset = group[-1].end if group else 0
            group.append(Piece(child, INSTR, child.text or "", offset, len(fields) - 1))
        else:
            stack.append(iter(child))
    return pieces, [g for g in fields if any(p.text for p in g)]


def joined(pieces: list[Piece]) -> str:
    return "".join(p.text for p in pieces)


# -- attribute sites -----------------------------------------------------------------------------


def _q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


#: (element tag or "*" for any, attribute) -> kind, for story parts
_STORY_ATTRIBUTES: dict[tuple[str, str], str] = {
    (w("hyperlink"), w("tooltip")): "hyperlink-tooltip",
    (w("fldSimple"), w("instr")): "simple-field",  # "field" is a complex field's code
    (w("tag"), w("val")): "content-control-tag",
    (w("alias"), w("val")): "content-control-title",
    (w("listItem"), w("displayText")): "content-control-item",
    (w("listItem"), w("value")): "content-control-item",
    (w("date"), w("fullDate")): "content-control-date",
    (w("name"), w("val")): "form-field",
    (w("default"), w("val")): "form-field",
    (w("helpText"), w("val")): "form-field",
    (w("statusText"), w("val")): "form-field",
    (w("listEntry"), w("val")): "form-field",
    (w("format"), w("val")): "form-field",
    (w("attr"), w("val")): "smart-tag",
    (_q(WP, "docPr"), "descr"): "alt-text",
    (_q(WP, "docPr"), "title"): "alt-text",
    (_q(WP, "docPr"), "name"): "alt-text",
    (_q(PIC, "cNvPr"), "descr"): "alt-text",
    (_q(PIC, "cNvPr"), "title"): "alt-text",
    (_q(PIC, "cNvPr"), "name"): "alt-text",
    ("*", "alt"): "alt-text",
    ("*", _q(OFFICE, "title")): "alt-text",
    (_q(V, "textpath"), "string"): "word-art",
}
_SETTINGS_ATTRIBUTES: dict[tuple[str, str], str] = {
    (w("docVar"), w("name")): "document-variable",
    (w("docVar"), w("val")): "document-variable",
}
#: attributes of story parts that name a person and are replaced outright by the writer
FORCED_ATTRIBUTES: dict[str, str] = {w("author"): "Author", w("initials"): "A"}


@dataclass
class Site:
    """A place holding text outside paragraphs: an attribute value, or an element's text/tail."""

    element: etree._Element
    kind: str
    attribute: str | None = None  # None: the element's text; "#tail": its tail

    def get(self) -> str:
        if self.attribute is None:
            return self.element.text or ""
        if self.attribute == "#tail":
            return self.element.tail or ""
        return self.element.get(self.attribute, "")

    def set(self, value: str) -> None:
        if self.attribute is None:
            self.element.text = value
        elif self.attribute == "#tail":
            self.element.tail = value
        else:
            self.element.set(self.attribute, value)


_NUMBERISH = re.compile(r"^[\s\d.,+%-]*$")
#: element namespaces whose text is layout (positions, sizes, alignment), never prose
_LAYOUT_NS = (WP, WP14, "http://schemas.microsoft.com/office/word/2010/wordml")
_PARAGRAPH_TEXT = frozenset({W_T, M_T, W_INSTR, w("delText"), w("delInstrText"), w("fldData")})


def _elements(root: etree._Element) -> Iterator[etree._Element]:
    for element in root.iter():
        if isinstance(element.tag, str):
            yield element


#: the names Word gives drawings itself ("Picture 3", "Text Box 101", "Straight Connector 2")
_AUTO_SHAPE_NAME = re.compile(
    r"^(?:Text ?Box|Picture|Image|Graphic|Shape|(?:Rounded )?Rectangle|Oval|Ellipse|Group|Chart"
    r"|Diagram|Object|Canvas|Drawing|(?:Straight|Elbow|Curved)(?: Arrow)? Connector|Freeform"
    r"|Ink|Table|Line|Arc|(?:Isosceles |Right )?Triangle|Callout|Content Placeholder|WordArt"
    r"|SmartArt|Video|Star|(?:Right |Left |Up |Down )?Arrow|Frame|Cloud|Diamond|Chevron"
    r"|Pentagon|Hexagon|Octagon|Square|Circle|(?:Flowchart|Rectangle|Oval): [A-Za-z ]+)"
    r" \d+$"
)


def story_sites(root: etree._Element) -> list[Site]:
    """Attribute and stray-text sites of a story part (document, header, comments ...)."""
    sites: list[Site] = []
    for element in _elements(root):
        tag = element.tag
        for attribute in element.attrib:
            kind = _STORY_ATTRIBUTES.get((tag, attribute)) or _STORY_ATTRIBUTES.get(
                ("*", attribute)
            )
            value = element.get(attribute, "")
            if not kind or not value.strip():
                continue
            if attribute == "name" and _AUTO_SHAPE_NAME.match(value):
                continue  # "Text Box 3": Word's own name, which detection might take for a person
            sites.append(Site(element, kind, attribute))
        # Text outside runs: DrawingML text (a:t), and anything unexpected, so nothing escapes.
        if tag in _PARAGRAPH_TEXT or tag.startswith(tuple(f"{{{ns}}}" for ns in _LAYOUT_NS)):
            continue
        text = element.text or ""
        if text.strip() and (tag == f"{{{A}}}t" or not _NUMBERISH.match(text)):
            sites.append(Site(element, "drawing-text" if tag == f"{{{A}}}t" else "other-text"))
    return sites


def settings_sites(root: etree._Element) -> list[Site]:
    sites = []
    for element in _elements(root):
        for attribute in element.attrib:
            kind = _SETTINGS_ATTRIBUTES.get((element.tag, attribute))
            if kind is None and attribute == w("val") and _inside(element, w("mailMerge")):
                kind = "mail-merge"
            if kind and element.get(attribute, "").strip():
                sites.append(Site(element, kind, attribute))
    return sites


def _inside(element: etree._Element, tag: str) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


#: attributes of free-form XML (custom XML data, charts) that are identifiers, not text
_STRUCTURAL_ATTRIBUTES = frozenset(
    {"fmtid", "pid", "id", "uri", "itemID", "Requires", "Ignorable", "type", "lang", "space"}
    # the bibliography part Word adds to every document: its style sheet, not text
    | {"SelectedStyle", "StyleName", "Version"}
)
_GUID = re.compile(r"^\{?[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}\}?$")


def generic_sites(root: etree._Element) -> list[Site]:
    """Every text, tail and non-structural attribute of a part with no known text layout."""
    sites: list[Site] = []
    for element in _elements(root):
        for attribute in element.attrib:
            local = etree.QName(attribute).localname
            value = element.get(attribute, "").strip()
            if value and local not in _STRUCTURAL_ATTRIBUTES and not _GUID.match(value):
                sites.append(Site(element, "data", attribute))
        if (element.text or "").strip():
            sites.append(Site(element, "data"))
        if (element.tail or "").strip():
            sites.append(Site(element, "data", "#tail"))
    return sites


# -- document properties -------------------------------------------------------------------------

CORE_TEXT = (
    "title",
    "subject",
    "keywords",
    "description",
    "category",
    "contentStatus",
    "identifier",
)
CORE_PEOPLE = ("creator", "lastModifiedBy")
APP_TEXT = ("Company", "HyperlinkBase", "Template")
APP_PEOPLE = ("Manager",)
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
VT_STRINGS = frozenset(_q(VT, n) for n in ("lpwstr", "lpstr", "bstr"))


def core_sites(root: etree._Element) -> list[Site]:
    sites = []
    for element in root:
        if not isinstance(element.tag, str):
            continue
        local = etree.QName(element).localname
        if local in CORE_TEXT or local in CORE_PEOPLE:
            for inner in _elements(element):
                if (inner.text or "").strip():
                    sites.append(Site(inner, f"property:{local}"))
    return sites


def app_sites(root: etree._Element) -> list[Site]:
    sites = []
    for element in root:
        if not isinstance(element.tag, str):
            continue
        local = etree.QName(element).localname
        if local in APP_TEXT or local in APP_PEOPLE:
            if (element.text or "").strip():
                sites.append(Site(element, f"property:{local}"))
        elif local == "TitlesOfParts":
            for inner in _elements(element):
                if inner.tag in VT_STRINGS and (inner.text or "").strip():
                    sites.append(Site(inner, "property:TitlesOfParts"))
    return sites


def custom_sites(root: etree._Element) -> list[Site]:
    """Custom properties: the name and the value of each (any value type: a date may be a DOB)."""
    sites = []
    for prop in root:
        if not isinstance(prop.tag, str):
            continue
        if prop.get("name", "").strip():
            sites.append(Site(prop, "property:custom-name", "name"))
        for inner in _elements(prop):
            if inner is not prop and (inner.text or "").strip():
                sites.append(Site(inner, "property:custom"))
    return sites


def rels_sites(root: etree._Element) -> list[Site]:
    """External relationship targets: hyperlinks (mailto: too), linked files and templates."""
    return [
        Site(element, "link-target", "Target")
        for element in root
        if isinstance(element.tag, str)
        and element.get("TargetMode") == "External"
        and element.get("Target", "").strip()
    ]


def sites_for(role: str, root: etree._Element) -> list[Site]:
    """The non-paragraph sites of a part with this role (see `_docx_parts`), in a fixed order:
    a `DocxLocator.index` of a site kind is an index into this list."""
    if role == "story":
        return story_sites(root)
    if role == "settings":
        return settings_sites(root)
    if role == "core":
        return core_sites(root)
    if role == "app":
        return app_sites(root)
    if role == "custom":
        return custom_sites(root)
    if role == "rels":
        return rels_sites(root)
    if role == "xml":
        return generic_sites(root)
    return []
