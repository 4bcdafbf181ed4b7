"""Put a segment's edited text back into the elements the .docx reader took it from.

Paragraph text is replaced at run level: the replacement goes into the w:t where the edited span
starts, so the tag takes the formatting of the entity's first run, and the rest of the span is
cut from the following runs (mid-word too). Tabs and breaks inside a span are removed with it.
Nothing else changes. The paragraph's text is then read back and must equal the edited segment
text exactly, or the file is refused.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from lxml import etree

from redactor.errors import UnsupportedContentError
from redactor.ingest._docx_xml import ATOM, VT_STRINGS, XML_SPACE, Piece, Site
from redactor.model import Edit
from redactor.transform.apply import apply_to_text

__all__ = ["apply_to_pieces", "apply_to_site", "check_edits", "remove_element"]

#: characters left as they are when an edited hyperlink target is written back as a URI
_URI_SAFE = ":/?#@!$&'()*+,;=%~._-"
#: properties naming the document's people: blanked whatever detection found
_BLANKED = frozenset({"property:creator", "property:lastModifiedBy", "property:Manager"})
_WHITESPACE_EDGE = re.compile(r"^\s|\s$")
#: an external target that is a URL other than a file: URL (http:, mailto: ...)
_URL = re.compile(r"^(?!file:)[A-Za-z][A-Za-z0-9+.-]+:(?![\\/][^/])", re.IGNORECASE)


def check_edits(text: str, edits: list[Edit], where: str) -> None:
    """Refuse edits that do not fit the segment (a planner bug, never user input)."""
    for edit in edits:
        if not 0 <= edit.start < edit.end <= len(text):
            raise UnsupportedContentError(f"{where}: an edit does not fit the text; file refused")


def apply_to_pieces(pieces: list[Piece], text: str, edits: list[Edit], where: str) -> None:
    """Apply `edits` (spans of `text`, the joined pieces) to the pieces' elements."""
    if not edits:
        return
    check_edits(text, edits, where)
    texts = [p.text if p.kind != ATOM else "" for p in pieces]
    removed = [False] * len(pieces)
    # right to left: an edit only changes pieces at or after its own start, so the offsets of
    # every edit further left stay valid
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        first: int | None = None
        for i, piece in enumerate(pieces):
            if piece.end <= edit.start or piece.start >= edit.end:
                continue
            a = max(edit.start, piece.start) - piece.start
            b = min(edit.end, piece.end) - piece.start
            if piece.kind == ATOM:
                removed[i] = True
            elif first is None:
                first = i
                texts[i] = texts[i][:a] + edit.replacement + texts[i][b:]
            else:
                texts[i] = texts[i][:a] + texts[i][b:]
        if first is None:
            raise UnsupportedContentError(
                f"{where}: an edit covers no run text and cannot be applied; file refused"
            )
    result = "".join(
        ("" if removed[i] else p.text) if p.kind == ATOM else texts[i] for i, p in enumerate(pieces)
    )
    if result != apply_to_text(text, edits):
        raise UnsupportedContentError(f"{where}: edits cannot be mapped onto runs; file refused")
    for i, piece in enumerate(pieces):
        if removed[i]:
            remove_element(piece.element)
        elif piece.kind != ATOM and texts[i] != piece.text:
            piece.element.text = texts[i]
            if _WHITESPACE_EDGE.search(texts[i]):
                piece.element.set(XML_SPACE, "preserve")


def apply_to_site(site: Site, text: str, edits: list[Edit], where: str) -> etree._Element | None:
    """Apply `edits` to an attribute or element-text site. Returns an element the caller must
    remove once every site is written (a typed custom property that cannot hold a tag)."""
    check_edits(text, edits, where)
    if site.kind in _BLANKED:
        site.set("")
        return None
    new = apply_to_text(text, edits)
    if site.kind == "link-target" and not _URL.match(new):
        # a file path (drive, network share, file: URL or relative) names users and folders
        # ("C:\\Users\\jo.smith\\..."): only the file name is kept
        new = re.split(r"[\\/]", new.rstrip("\\/"))[-1]
    if new == text:
        return None
    if site.kind == "link-target":
        site.set(quote(new, safe=_URI_SAFE))
    elif site.kind == "property:custom" and not _is_text_value(site.element):
        return _property_of(site.element)
    elif site.kind == "content-control-date":
        # a date picker's stored date must stay a date: drop it, the shown text is redacted
        site.element.attrib.pop(site.attribute or "", None)
    else:
        site.set(new)
    return None


def _is_text_value(element: etree._Element) -> bool:
    return element.tag in VT_STRINGS


def _property_of(element: etree._Element) -> etree._Element:
    node = element
    while node.getparent() is not None and node.getparent().getparent() is not None:
        node = node.getparent()
    return node


def remove_element(element: etree._Element) -> None:
    """Detach `element`, keeping any text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
