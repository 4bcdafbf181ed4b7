"""Word (.docx) reader: one segment for every place a Word file keeps text.

Body, tables (nested too), text boxes (the DrawingML copy and its VML fallback), headers and
footers of every section and type, footnotes, endnotes, comments, tracked insertions, hyperlinks
and their targets, field codes, content controls, form fields, image alt text, document
variables, custom XML data, charts, and core / app / custom properties. Deleted text is not read:
the writer removes it whatever it says. Revision and comment authors become segments too (so
detection can use the names elsewhere) and are replaced outright by the writer.

Works on the XML with lxml: python-docx's `.text` skips insertions and most of these places.
Fails closed: a part that cannot be parsed, or an embedded object the tool cannot redact (unless
`drop_embedded`), refuses the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from redactor.errors import InputError, UnsupportedContentError
from redactor.ingest._docx_package import load_package, source_of_rels
from redactor.ingest._docx_parts import MAIN_TYPES, XML_ROLES, DocxPayload, classify
from redactor.ingest._docx_xml import (
    FORCED_ATTRIBUTES,
    W_P,
    W_STRICT,
    W_TR,
    W,
    joined,
    paragraph_pieces,
    sites_for,
    w,
)
from redactor.model import Document, Locator, Segment

if TYPE_CHECKING:
    from redactor.settings import Settings

__all__ = ["PARAGRAPH_KINDS", "DocxLocator", "read"]

#: locator kinds that are paragraphs; "field" is a paragraph's field instruction
PARAGRAPH_KINDS = frozenset(
    {"body", "header", "footer", "footnote", "endnote", "comment", "glossary", "text-box"}
)
_W_TXBX = w("txbxContent")
_REVISION_TAGS = (w("ins"), w("del"), w("moveFrom"), w("moveTo"))
# A name-like author ("Aoife Kennedy", "AK"): given to detection as a person hint. Generic
# accounts ("Admin", "Microsoft Office User") get no hint, so they are not spread as names.
_NAME_LIKE = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){1,3}$")
_INITIALS = re.compile(r"^[A-Z]{2,4}$")
_NOT_NAMES = frozenset(
    {
        *("user", "admin", "administrator", "microsoft", "office", "windows", "author", "owner"),
        *("staff", "teacher", "school", "support", "it", "the", "and", "guest", "student", "pupil"),
        *("team", "dept", "department", "reception", "desk", "finance", "welfare", "head"),
        *("safeguarding", "academy", "trust", "council", "services", "service", "group", "shared"),
        *("account", "mailbox", "printer", "scanner", "computer", "laptop", "pc", "library"),
        *("hr", "sen", "senco", "dsl", "pastoral", "attendance", "exams", "data", "system"),
        *("primary", "secondary", "college", "unknown", "default", "apple", "google", "word"),
    }
)


_CHILD_PROPERTY_WORDS = frozenset({"pupil", "child", "student", "learner", "son", "daughter"})
_ADULT_PROPERTY_WORDS = frozenset(
    {
        *("author", "reviewer", "teacher", "owner", "manager", "contact", "parent", "carer"),
        *("senco", "dsl", "keyworker", "staff", "writer", "editor", "approver", "checked", "by"),
    }
)


@dataclass(frozen=True)
class DocxLocator(Locator):
    """A place in a .docx: the part, the paragraph or site index within it, and what it is.

    `index` counts every `w:p` of the part in document order for paragraph kinds and "field"
    (`sub` is then the field number within the paragraph); for other kinds it counts the part's
    sites of that family (see `_docx_xml.sites_for`). "author"/"initials" are document-wide.
    """

    part: str = ""
    index: int = 0
    kind: str = "body"
    sub: int = 0

    def describe(self) -> str:
        area = _area(self.part)
        if self.kind in PARAGRAPH_KINDS:
            suffix = " (text box)" if self.kind == "text-box" else ""
            return f"{area}, paragraph {self.index + 1}{suffix}"
        if self.kind == "field":
            return f"{area}, paragraph {self.index + 1}, field code"
        if self.kind == "author":
            return "revision or comment author"
        if self.kind == "initials":
            return "comment author initials"
        if self.kind in ("property:custom", "property:custom-name"):
            return f"custom property {self.index + 1}"
        if self.kind.startswith("property:"):
            return f"document property {self.kind.partition(':')[2]}"
        return f"{area}, {self.kind.replace('-', ' ')}"


def _area(part: str) -> str:
    if part.endswith(".rels"):
        part = source_of_rels(part)
    name = part.rsplit("/", 1)[-1].removesuffix(".xml")
    for prefix in ("header", "footer"):
        if name.startswith(prefix) and part.startswith("word/"):
            return f"{prefix} {name[len(prefix) :]}".strip()
    if part == "word/document.xml":
        return "body"
    if name in ("footnotes", "endnotes", "comments", "settings") and part.startswith("word/"):
        return name
    if part.startswith("docProps/"):
        return "document properties"
    return part or "package"


_STORY_KINDS = {
    "header+xml": "header",
    "footer+xml": "footer",
    "footnotes+xml": "footnote",
    "endnotes+xml": "endnote",
    "comments+xml": "comment",
}


def _story_kind(content_type: str) -> str:
    """The paragraph kind of a story part other than the main document, by its content type."""
    suffix = content_type.rsplit(".", 1)[-1]
    return _STORY_KINDS.get(suffix, "glossary")


def _person_hint(value: str, kind: str) -> str | None:
    words = {word.lower().strip(".") for word in value.split()}
    if words & _NOT_NAMES:
        return None
    if kind == "initials":
        return "ADULT" if _INITIALS.match(value) else None
    return "ADULT" if _NAME_LIKE.match(value) else None


def _custom_hint(element: etree._Element, value: str) -> str | None:
    """A custom property whose name says it holds a person ("Pupil", "Reviewer") and whose
    value looks like a name is a person: the name is then looked for everywhere else."""
    prop = element.getparent()
    while prop is not None and prop.get("name") is None:
        prop = prop.getparent()
    if prop is None or _person_hint(value, "author") is None:
        return None
    words = set(re.findall(r"[a-z]+", prop.get("name", "").lower()))
    if words & _CHILD_PROPERTY_WORDS:
        return "CHILD"
    if words & _ADULT_PROPERTY_WORDS:
        return "ADULT"
    return "PERSON" if "name" in words else None


def _story_segments(part: str, root: etree._Element, kind: str) -> list[Segment]:
    segments = []
    rows = {tr: n for n, tr in enumerate(root.iter(W_TR))}
    for index, paragraph in enumerate(root.iter(W_P)):
        pieces, fields = paragraph_pieces(paragraph)
        text = joined(pieces)
        if text.strip():
            group, in_box = None, False
            parent = paragraph.getparent()
            while parent is not None:
                if parent.tag == W_TR and group is None:
                    group = f"{part}#row{rows[parent]}"
                elif parent.tag == _W_TXBX:
                    in_box = True
                parent = parent.getparent()
            where = DocxLocator(part, index, "text-box" if in_box else kind)
            segments.append(Segment(text, where, group=group))
        for number, field_pieces in enumerate(fields):
            locator = DocxLocator(part, index, "field", number)
            segments.append(Segment(joined(field_pieces), locator))
    return segments


def _authors(payload: DocxPayload) -> list[Segment]:
    """One segment per distinct revision/comment author and initials in the document."""
    seen: dict[tuple[str, str], None] = {}
    for part in payload.parts("story"):
        for element in payload.package.xml[part].iter():
            for attribute in FORCED_ATTRIBUTES:
                value = element.get(attribute) if isinstance(element.tag, str) else None
                if value and value.strip():
                    kind = "initials" if attribute == w("initials") else "author"
                    seen.setdefault((kind, value), None)
    return [
        Segment(value, DocxLocator("", n, kind), hint=_person_hint(value, kind))
        for n, (kind, value) in enumerate(seen)
    ]


def _site_segments(payload: DocxPayload, part: str) -> list[Segment]:
    role = payload.roles[part]
    tree = payload.package.xml[part]
    segments = []
    for index, site in enumerate(sites_for(role, tree.getroot())):
        value = site.get()
        hint = None
        if site.kind in ("property:creator", "property:lastModifiedBy", "property:Manager"):
            hint = _person_hint(value, "author")
        elif site.kind == "property:custom":
            hint = _custom_hint(site.element, value)
        segments.append(Segment(value, DocxLocator(part, index, site.kind), hint=hint))
    return segments


def read(path: Path, settings: Settings) -> Document:
    package = load_package(path)
    main = package.main_part()
    if package.content_type(main) not in MAIN_TYPES:
        raise InputError(f"{path}: not a Word document (the package holds another kind of file)")
    payload = DocxPayload(package, classify(package), main)
    embedded = payload.parts("embedded")
    if embedded and not settings.drop_embedded:
        shown = ", ".join(embedded[:3]) + (" ..." if len(embedded) > 3 else "")
        raise UnsupportedContentError(
            f"{path}: holds {len(embedded)} embedded object(s) that cannot be redacted "
            f"({shown}); use --drop-embedded to remove them"
        )
    for part, role in payload.roles.items():
        if role in XML_ROLES or role == "rels":
            package.parse(part)
    root = package.xml[main].getroot()
    if etree.QName(root).namespace == W_STRICT:
        raise UnsupportedContentError(
            f"{path}: saved as 'Strict Open XML', which is not supported; save as a normal .docx"
        )
    if etree.QName(root).namespace != W:
        raise InputError(f"{path}: not a Word document (unexpected main part)")

    # Order: body, then the other stories, then everything else. The planner numbers tags by
    # first appearance, so the body's people come first.
    stories = [main, *(p for p in payload.parts("story") if p != main)]
    segments: list[Segment] = []
    for part in stories:
        tree = package.xml[part]
        kind = "body" if part == main else _story_kind(package.content_type(part))
        segments += _story_segments(part, tree.getroot(), kind)
    for part in stories:
        segments += _site_segments(payload, part)
    for part in payload.parts("xml", "settings", "rels"):
        segments += _site_segments(payload, part)
    segments += _authors(payload)
    for part in payload.parts("core", "app", "custom"):
        segments += _site_segments(payload, part)

    info = {
        "parts": len(payload.roles),
        "headers_footers": sum(_area(p).startswith(("header", "footer")) for p in stories),
        "images": len(payload.parts("image")),
        "embedded": len(embedded),
        "revisions": sum(
            1 for part in stories for _ in package.xml[part].getroot().iter(*_REVISION_TAGS)
        ),
        "comments": sum(
            1 for part in stories for _ in package.xml[part].getroot().iter(w("comment"))
        ),
    }
    return Document(segments, format="docx", source=path, payload=payload, info=info)
