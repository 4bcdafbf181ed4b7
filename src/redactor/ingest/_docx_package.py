"""The .docx container: a zip of parts tied together by relationships and content types.

Works below python-docx on purpose: the reader must see *every* part (comments, footnotes,
custom XML, charts ...) and the writer must remove parts (thumbnails, pictures, embedded
objects) and keep everything else byte for byte. Parts are read as bytes; XML parts are parsed
once with a parser that refuses DTDs and never resolves entities or fetches anything.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from redactor.errors import InputError, UnsupportedContentError

__all__ = ["CT_NS", "RELS_NS", "DocxPackage", "Relationship", "load_package", "rels_name"]

RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CONTENT_TYPES = "[Content_Types].xml"
#: refuse archives that inflate beyond this (a zip bomb is not a school document)
MAX_UNCOMPRESSED = 1 << 30
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def xml_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True, recover=False
    )


def rels_name(part: str) -> str:
    """The relationships part of `part` ("" is the package itself)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def source_of_rels(rels: str) -> str:
    """The part a relationships part belongs to (inverse of `rels_name`)."""
    folder, name = posixpath.split(rels)
    return posixpath.join(posixpath.dirname(folder), name[: -len(".rels")])


@dataclass
class Relationship:
    """One `<Relationship>`: `target` is a part name for internal ones, else the raw target."""

    id: str
    type: str
    target: str
    external: bool

    @property
    def kind(self) -> str:
        """The last word of the relationship type ("image", "hyperlink", "oleObject" ...)."""
        return self.type.rsplit("/", 1)[-1]


@dataclass
class DocxPackage:
    """Every entry of the zip, in order, with content types, relationships and parsed XML."""

    source: Path
    order: list[str]
    data: dict[str, bytes]
    infos: dict[str, zipfile.ZipInfo]
    overrides: dict[str, str]
    defaults: dict[str, str]
    rels: dict[str, list[Relationship]] = field(default_factory=dict)  # source part -> rels
    xml: dict[str, etree._ElementTree] = field(default_factory=dict)
    reachable: list[str] = field(default_factory=list)

    def content_type(self, part: str) -> str:
        override = self.overrides.get(part.lower())
        if override is not None:
            return override
        extension = posixpath.splitext(part)[1].lstrip(".").lower()
        return self.defaults.get(extension, "")

    def find(self, name: str) -> str | None:
        """The entry called `name`, compared case-insensitively as OPC part names are."""
        if name in self.data:
            return name
        lowered = name.lower()
        return next((n for n in self.order if n.lower() == lowered), None)

    def main_part(self) -> str:
        for rel in self.rels.get("", []):
            if rel.kind == "officeDocument" and not rel.external and rel.target in self.data:
                return rel.target
        raise InputError(f"{self.source}: not a Word document (no main document part)")

    def parse(self, part: str) -> etree._ElementTree:
        if part not in self.xml:
            try:
                tree = etree.ElementTree(etree.fromstring(self.data[part], xml_parser()))
            except etree.XMLSyntaxError:
                raise UnsupportedContentError(
                    f"{self.source}: part {part} is not well-formed XML; refusing the file"
                ) from None
            if tree.docinfo.doctype:
                raise UnsupportedContentError(
                    f"{self.source}: part {part} declares a DTD, which Word files never do"
                )
            self.xml[part] = tree
        return self.xml[part]


def _read_zip(path: Path) -> tuple[list[str], dict[str, bytes], dict[str, zipfile.ZipInfo]]:
    try:
        head = path.read_bytes()[:8]
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    if not head:
        raise InputError(f"{path}: the file is empty")
    if head == _OLE_MAGIC:
        raise InputError(
            f"{path}: this is a password-protected Word file or an old binary .doc; "
            "remove the password or save it as .docx first"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
            if sum(i.file_size for i in infos) > MAX_UNCOMPRESSED:
                raise InputError(f"{path}: the .docx inflates to more than 1 GB; refusing it")
            order = [i.filename for i in infos]
            data = {i.filename: archive.read(i) for i in infos}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise InputError(f"{path}: not a valid .docx file (corrupt or not a zip package)") from None
    except (NotImplementedError, RuntimeError) as err:
        # unsupported compression or an encrypted zip entry
        raise InputError(f"{path}: the .docx package cannot be unpacked ({err})") from None
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    return order, data, {i.filename: i for i in infos}


def _parse_small(package: DocxPackage, name: str) -> etree._Element:
    try:
        return etree.fromstring(package.data[name], xml_parser())
    except etree.XMLSyntaxError:
        raise InputError(f"{package.source}: not a valid .docx file ({name} is corrupt)") from None


def _resolve(source: str, target: str) -> str:
    target = unquote(target)
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _load_rels(package: DocxPackage, source: str) -> list[Relationship]:
    name = package.find(rels_name(source))
    if name is None:
        return []
    result = []
    for element in _parse_small(package, name):
        if element.tag != f"{{{RELS_NS}}}Relationship":
            continue
        external = element.get("TargetMode") == "External"
        target = element.get("Target", "")
        if not external:
            found = package.find(_resolve(source, target))
            target = found if found is not None else _resolve(source, target)
        result.append(
            Relationship(element.get("Id", ""), element.get("Type", ""), target, external)
        )
    return result


def load_package(path: Path) -> DocxPackage:
    """Unpack `path` and follow relationships from the package root to every reachable part."""
    order, data, infos = _read_zip(path)
    package = DocxPackage(path, order, data, infos, {}, {})
    types = package.find(CONTENT_TYPES)
    if types is None or package.find("_rels/.rels") is None:
        raise InputError(f"{path}: not a valid .docx file (no content types or relationships)")
    for element in _parse_small(package, types):
        if element.tag == f"{{{CT_NS}}}Override":
            part = element.get("PartName", "").lstrip("/").lower()
            package.overrides[part] = element.get("ContentType", "")
        elif element.tag == f"{{{CT_NS}}}Default":
            package.defaults[element.get("Extension", "").lower()] = element.get("ContentType", "")

    # Breadth-first over relationships: only reachable parts are part of the document; the
    # writer drops orphans, so nothing unread can reach the output.
    seen: set[str] = set()
    queue = [""]
    while queue:
        source = queue.pop(0)
        rels = _load_rels(package, source)
        package.rels[source] = rels
        for rel in rels:
            if rel.external or rel.target in seen or rel.target not in package.data:
                continue
            seen.add(rel.target)
            package.reachable.append(rel.target)
            queue.append(rel.target)
    return package
