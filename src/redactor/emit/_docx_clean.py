"""Structural clean-up of a .docx after the text edits: the places removed rather than rewritten.

- Tracked changes are accepted: deletions (w:del, w:moveFrom, deleted rows) go with their text,
  insertions stay as ordinary text, and every revision record (with its author and date) goes.
- Revision-save IDs (w:rsid* attributes, w:rsid/w:rsids elements) go: they tie the file to
  editing sessions. Comment and revision authors become "Author" / "A".
- Editing-permission ranges (they name editors) go, and so does the stored date of date-picker
  content controls (the shown text is redacted like any other).
- Parts: "drop" parts (thumbnail of page one, people.xml) always go; pictures go with
  `drop_images`, embedded objects with `drop_embedded`. Whatever pointed at a removed part goes
  with it (the whole drawing, picture or object), then unused relationships and content types.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from redactor.emit._docx_edit import remove_element
from redactor.ingest._docx_package import DocxPackage, Relationship, rels_name
from redactor.ingest._docx_xml import FORCED_ATTRIBUTES, MC, O, R, W, w

__all__ = ["accept_revisions", "clean_wordml", "drop_parts", "remove_rsids"]

_DELETED = (w("del"), w("moveFrom"))
_STRAY_DELETED = (w("delText"), w("delInstrText"))
_UNWRAP = (w("ins"), w("moveTo"))
#: revision records removed outright once the change is accepted
_RECORDS = tuple(
    w(name)
    for name in (
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "numberingChange",
        "cellIns",
        "cellDel",
        "cellMerge",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "customXmlInsRangeStart",
        "customXmlInsRangeEnd",
        "customXmlDelRangeStart",
        "customXmlDelRangeEnd",
        "customXmlMoveFromRangeStart",
        "customXmlMoveFromRangeEnd",
        "customXmlMoveToRangeStart",
        "customXmlMoveToRangeEnd",
        "permStart",
        "permEnd",
    )
)
_RSID_PREFIX = w("rsid")
_CONTAINERS = frozenset({w("drawing"), w("pict"), w("object")})
_MC_ALTERNATE = f"{{{MC}}}AlternateContent"
_R_PREFIX = f"{{{R}}}"
_O_RELID = f"{{{O}}}relid"
#: relationship types always pointed at by an r:id of their source part: unused once nothing
#: points at them (an OLE object's preview picture after the object went)
_REFERENCED_KINDS = frozenset({"image", "oleObject", "package", "control", "aFChunk"})


def clean_wordml(root: etree._Element, story: bool) -> None:
    """Everything removed from a WordprocessingML part whatever the edits."""
    accept_revisions(root)
    remove_rsids(root)
    for el in root.iter(w("date")):
        el.attrib.pop(w("fullDate"), None)
    if story:
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            for attribute, value in FORCED_ATTRIBUTES.items():
                if attribute in el.attrib:
                    el.set(attribute, value)


def accept_revisions(root: etree._Element) -> None:
    """Accept every tracked change in a WordprocessingML part."""
    for el in list(root.iter(*_DELETED)):
        parent = el.getparent()
        if parent is not None and parent.tag == w("trPr"):
            # a deleted table row: accepting removes the row (its text sits in w:del runs too);
            # a table keeps at least one row to stay valid
            row = parent.getparent()
            table = row.getparent() if row is not None else None
            if row is not None and table is not None and len(table.findall(w("tr"))) > 1:
                table.remove(row)
                continue
        remove_element(el)
    for el in list(root.iter(*_STRAY_DELETED)):
        remove_element(el)
    for el in list(root.iter(*_UNWRAP)):
        _unwrap(el)
    for el in list(root.iter(*_RECORDS)):
        remove_element(el)


def _unwrap(el: etree._Element) -> None:
    """Replace `el` by its children: an accepted insertion keeps its runs, loses its record."""
    parent = el.getparent()
    if parent is None:
        return
    position = parent.index(el)
    for offset, child in enumerate(list(el)):
        parent.insert(position + offset, child)
    remove_element(el)


def remove_rsids(root: etree._Element) -> None:
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for key in [k for k in el.attrib if k.startswith(_RSID_PREFIX)]:
            del el.attrib[key]
    for el in list(root.iter(w("rsids"), w("rsid"))):
        remove_element(el)


def drop_parts(
    package: DocxPackage,
    trees: dict[str, etree._Element],
    doomed: set[str],
    cut: Callable[[str, Relationship], bool],
) -> set[str]:
    """Remove every relationship `cut` selects and what points at it; return the parts no
    longer targeted by anything (plus `doomed`)."""
    removed_targets: set[str] = set(doomed)
    for source, rels in package.rels.items():
        rels_part = package.find(rels_name(source))
        rels_tree = trees.get(rels_part) if rels_part else None
        if rels_tree is None:
            continue
        ids = {r.id for r in rels if cut(source, r)}
        tree = trees.get(source)
        if tree is not None and ids:
            for el in _pointing_at(tree, ids):
                remove_element(_container(el))
            used = _ids_in(tree)
            ids |= {r.id for r in rels if r.kind in _REFERENCED_KINDS and r.id not in used}
        for rel_el in list(rels_tree):
            if rel_el.get("Id") in ids:
                rels_tree.remove(rel_el)
        removed_targets |= {r.target for r in rels if r.id in ids and not r.external}

    still_targeted = set()
    for source, rels in package.rels.items():
        rels_part = package.find(rels_name(source))
        rels_tree = trees.get(rels_part) if rels_part else None
        alive = {el.get("Id") for el in rels_tree} if rels_tree is not None else set()
        still_targeted |= {r.target for r in rels if not r.external and r.id in alive}
    return {name for name in removed_targets if name not in still_targeted}


def _pointing_at(root: etree._Element, ids: set[str]) -> list[etree._Element]:
    found = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for key, value in el.attrib.items():
            if value in ids and (key.startswith(_R_PREFIX) or key == _O_RELID):
                found.append(el)
                break
    return found


def _ids_in(root: etree._Element) -> set[str]:
    found = set()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for key, value in el.attrib.items():
            if key.startswith(_R_PREFIX) or key == _O_RELID:
                found.add(value)
    return found


def _container(el: etree._Element) -> etree._Element:
    """What goes with a reference to a removed part: its drawing, picture or object (with the
    alternate-content wrapper holding other renderings of it), else the element itself."""
    node: etree._Element | None = el
    while node is not None and node.tag not in _CONTAINERS:
        node = node.getparent()
    if node is None:
        return el
    above = node.getparent()
    while above is not None and above.tag != w("r"):
        if above.tag == _MC_ALTERNATE:
            return above
        above = above.getparent()
    return node


def is_wordml(root: etree._Element) -> bool:
    return etree.QName(root).namespace == W
