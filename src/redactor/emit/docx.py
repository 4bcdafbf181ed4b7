"""Word (.docx) writer: puts the edited text back through the reader's locators, removes what
is removed rather than rewritten (tracked deletions, revision IDs, authors, the thumbnail,
dropped pictures and objects, picture metadata), and writes the package atomically.

The reader's parsed trees are never touched: every XML part is parsed again from the original
bytes, each segment's place is found again from its locator and must still hold exactly the
segment's text, or the file is refused. Zip entries keep their order; parts nothing reaches are
left out, so nothing unread reaches the output.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from redactor.emit._docx_clean import clean_wordml, drop_parts, is_wordml
from redactor.emit._docx_edit import apply_to_pieces, apply_to_site, remove_element
from redactor.emit._docx_images import strip_metadata
from redactor.emit.atomic import write_with
from redactor.errors import OutputError, UnsupportedContentError
from redactor.ingest._docx_package import CT_NS, Relationship, rels_name, xml_parser
from redactor.ingest._docx_parts import XML_ROLES, DocxPayload
from redactor.ingest._docx_xml import (
    W_P,
    A,
    Piece,
    Site,
    V,
    W,
    joined,
    paragraph_pieces,
    sites_for,
)
from redactor.ingest.docx import PARAGRAPH_KINDS, DocxLocator
from redactor.transform.apply import edits_by_segment

if TYPE_CHECKING:
    from redactor.model import Document, Edit
    from redactor.settings import Settings

__all__ = ["write"]

_CONTENT_TYPES = "[Content_Types].xml"


def write(document: Document, edits: list[Edit], out: Path, settings: Settings) -> None:
    payload = document.payload
    if not isinstance(payload, DocxPayload):
        raise OutputError(f"{out}: this document was not read by the .docx reader")
    package = payload.package
    name = package.source.name
    trees = _parse(payload)
    unread = _unread_text(payload, trees)
    _apply_edits(document, edits, payload, trees, name)
    for element, attribute in unread:
        if attribute is None:
            remove_element(element)
        else:
            element.attrib.pop(attribute, None)
    for part, root in trees.items():
        if is_wordml(root):
            clean_wordml(root, story=payload.roles.get(part) == "story")
    gone = _drop(payload, trees, settings)
    content_types = trees[package.find(_CONTENT_TYPES) or _CONTENT_TYPES]
    gone_names = {part.lower() for part in gone}  # part names compare case-insensitively
    for el in list(content_types):
        part_name = el.get("PartName", "").lstrip("/").lower()
        if el.tag == f"{{{CT_NS}}}Override" and part_name in gone_names:
            content_types.remove(el)
    parts = {part: _serialise(root) for part, root in trees.items() if part not in gone}
    for part, role in payload.roles.items():
        if role == "image" and part not in gone:
            parts[part] = strip_metadata(package.data[part])

    def save(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for entry in package.order:
                if entry in gone:
                    continue
                original = package.infos[entry]
                info = zipfile.ZipInfo(entry, date_time=original.date_time)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = original.external_attr
                archive.writestr(info, parts.get(entry, package.data[entry]))

    try:
        write_with(out, save)
    except OSError as err:
        raise OutputError(f"{out}: cannot be written ({err.strerror or err})") from None


def _parse(payload: DocxPayload) -> dict[str, etree._Element]:
    """A fresh parse of every XML part (the reader's trees stay as they were read)."""
    package = payload.package
    names = [p for p, role in payload.roles.items() if role in XML_ROLES or role == "rels"]
    names.append(package.find(_CONTENT_TYPES) or _CONTENT_TYPES)
    trees = {}
    for part in names:
        try:
            trees[part] = etree.fromstring(package.data[part], xml_parser())
        except (etree.XMLSyntaxError, KeyError):
            raise UnsupportedContentError(
                f"{package.source.name}: part {part} cannot be parsed; file refused"
            ) from None
    return trees


def _apply_edits(
    document: Document,
    edits: list[Edit],
    payload: DocxPayload,
    trees: dict[str, etree._Element],
    name: str,
) -> None:
    """Find every segment's place again first, then write: an edit never moves another place."""
    finder = _Finder(payload, trees)
    places: list[tuple[int, list[Piece] | Site]] = []
    for index, segment in enumerate(document.segments):
        locator = segment.locator
        if not isinstance(locator, DocxLocator):
            raise OutputError(f"{name}: a segment has no .docx locator")
        if locator.kind in ("author", "initials"):
            continue  # replaced outright in every story part by the cleaner
        place = finder.find(locator, segment.text)
        if place is None:
            raise UnsupportedContentError(
                f"{name}: {locator.describe()}: not found again as it was read; file refused"
            )
        places.append((index, place))

    grouped = edits_by_segment(edits)
    removals: list[etree._Element] = []
    for index, place in places:
        segment = document.segments[index]
        where = f"{name}: {segment.locator.describe()}"
        mine = grouped.get(index, [])
        if isinstance(place, Site):
            # visited even without edits: properties naming people are blanked regardless
            removal = apply_to_site(place, segment.text, mine, where)
            if removal is not None:
                removals.append(removal)
        else:
            apply_to_pieces(place, segment.text, mine, where)
    for element in removals:
        remove_element(element)


#: text-bearing places in story parts that a reader might not list as sites: whatever the reader
#: did not read is removed (fail closed) rather than written out as it was. (tag, attribute);
#: attribute None means the element holds its text in w:val and goes whole.
_CHECKED_TEXT = (
    (f"{{{W}}}tblCaption", None),
    (f"{{{W}}}tblDescription", None),
    (f"{{{A}}}hlinkClick", "tooltip"),
    (f"{{{A}}}hlinkHover", "tooltip"),
    (f"{{{V}}}shape", "title"),
)


def _unread_text(
    payload: DocxPayload, trees: dict[str, etree._Element]
) -> list[tuple[etree._Element, str | None]]:
    """Places of `_CHECKED_TEXT` holding text that no site of the reader covers."""
    found: list[tuple[etree._Element, str | None]] = []
    for part, role in payload.roles.items():
        root = trees.get(part)
        if role != "story" or root is None:
            continue
        read = {(site.element, site.attribute) for site in sites_for(role, root)}
        for tag, attribute in _CHECKED_TEXT:
            key = attribute or f"{{{W}}}val"
            for element in root.iter(tag):
                if (element.get(key) or "").strip() and (element, key) not in read:
                    found.append((element, attribute))
    return found


class _Finder:
    """Finds a locator's place in the fresh trees; lists of paragraphs and sites are made once
    per part, before anything is written."""

    def __init__(self, payload: DocxPayload, trees: dict[str, etree._Element]):
        self.payload = payload
        self.trees = trees
        self.paragraphs: dict[str, list[etree._Element]] = {}
        self.sites: dict[str, list[Site]] = {}

    def find(self, locator: DocxLocator, text: str) -> list[Piece] | Site | None:
        """The place holding exactly `text`, or None."""
        root = self.trees.get(locator.part)
        if root is None:
            return None
        if locator.kind in PARAGRAPH_KINDS or locator.kind == "field":
            pieces = self._pieces(locator, root)
            if pieces is not None and joined(pieces) == text:
                return pieces
            if locator.kind != "field":
                return None
            # a simple field's instruction is a site that may share the kind "field"
        site = self._site(locator, root)
        return site if site is not None and site.get() == text else None

    def _pieces(self, locator: DocxLocator, root: etree._Element) -> list[Piece] | None:
        if locator.part not in self.paragraphs:
            self.paragraphs[locator.part] = list(root.iter(W_P))
        found = self.paragraphs[locator.part]
        if locator.index >= len(found):
            return None
        pieces, fields = paragraph_pieces(found[locator.index])
        if locator.kind != "field":
            return pieces
        return fields[locator.sub] if locator.sub < len(fields) else None

    def _site(self, locator: DocxLocator, root: etree._Element) -> Site | None:
        if locator.part not in self.sites:
            self.sites[locator.part] = sites_for(self.payload.roles.get(locator.part, ""), root)
        found = self.sites[locator.part]
        if locator.index >= len(found) or found[locator.index].kind != locator.kind:
            return None
        return found[locator.index]


def _drop(payload: DocxPayload, trees: dict[str, etree._Element], settings: Settings) -> set[str]:
    """Parts left out of the output, after removing what points at them."""
    package = payload.package
    roles = payload.roles
    doomed = {p for p, role in roles.items() if role == "drop"}
    if settings.drop_embedded:
        doomed |= {p for p, role in roles.items() if role == "embedded"}
    images = {p for p, role in roles.items() if role == "image"}
    stories = {p for p, role in roles.items() if role == "story"}

    def cut(source: str, rel: Relationship) -> bool:
        if rel.external:
            return settings.drop_images and source in stories and rel.kind == "image"
        if rel.target in doomed:
            return True
        return settings.drop_images and source in stories and rel.target in images

    gone = drop_parts(package, trees, doomed, cut)
    gone |= {r for p in gone if (r := package.find(rels_name(p))) is not None}
    # entries nothing reaches (and so nothing read) never reach the output
    content_types = package.find(_CONTENT_TYPES)
    gone |= {p for p in package.order if p not in roles and p != content_types}
    return gone


def _serialise(root: etree._Element) -> bytes:
    standalone = root.getroottree().docinfo.standalone
    data: bytes = etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", standalone=standalone
    )
    return data
