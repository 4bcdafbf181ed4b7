"""Text a PDF page holds outside its content stream: form field values and annotations.

Form field values are text the page shows (in the widget's appearance), so the reader makes them
segments and the writer types their redacted values back in. Annotations (comments, links,
stamps) are not carried over at all; their text is still read so that detection sees the names
in them and the report counts what was dropped.

A field's name often says what it holds ("dob", "parent_phone"): that becomes the segment's hint.
`label_hint` does the same for table headers and form labels on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import decode_text

from redactor.ingest.columns import hint_for_header

__all__ = ["AnnotationText", "FieldValue", "field_hint", "label_hint", "read_annotations"]

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class FieldValue:
    """A form field's value on a page; `rect` in points from the page's top-left."""

    name: str
    value: str
    rect: Box
    kind: str  # "text" | "choice" | "check"
    hint: str | None = None
    hidden: bool = False  # the widget is flagged Hidden or NoView: nothing shows on the page


@dataclass(frozen=True)
class AnnotationText:
    kind: str  # "comment" | "link"
    text: str


# Field-name words -> entity type, most specific first ("parent_phone" is a PHONE).
_HINTS: tuple[tuple[str, frozenset[str]], ...] = (
    ("EMAIL", frozenset({"email", "e-mail", "mail"})),
    ("PHONE", frozenset({"phone", "telephone", "tel", "mobile", "mob"})),
    ("DOB", frozenset({"dob", "birth", "birthday"})),
    ("POSTCODE", frozenset({"postcode", "post code", "zip"})),
    ("ADDRESS", frozenset({"address", "street"})),
    ("UPN", frozenset({"upn"})),
    (
        "PERSON",
        frozenset(
            {
                "name",
                "forename",
                "surname",
                "firstname",
                "lastname",
                "pupil",
                "child",
                "student",
                "parent",
                "carer",
                "guardian",
                "mother",
                "father",
                "mum",
                "dad",
                "nurse",
                "teacher",
                "contact",
                "signed",
                "signature",
            }
        ),
    ),
)
_NOT_PERSON = frozenset({"school", "setting", "class", "group", "trip", "file", "document"})


def label_hint(label: str) -> str | None:
    """What a short label ("Pupil", "Parent phone", "DateOfBirth", "child_name") says the value
    beside or below it holds, by the spreadsheet readers' column-header table."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", label)
    spaced = re.sub(r"[_.\-:]+", " ", spaced).strip()
    if not spaced or len(spaced.split()) > 5:
        return None
    return hint_for_header(spaced)


def field_hint(*labels: str) -> str | None:
    """The entity type a field's name or tooltip says it holds, if any: a column-header word
    first, then a field-name word ("nurse", "txtSurname")."""
    for label in labels:
        hint = label_hint(label)
        if hint:
            return hint
    words: set[str] = set()
    for label in labels:
        spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", label)
        words.update(w for w in re.split(r"[^a-z]+", spaced.lower()) if w)
    joined = " ".join(sorted(words))
    for entity, keys in _HINTS:
        if words & keys or any(" " in k and k in joined for k in keys):
            if entity == "PERSON" and words & _NOT_PERSON:
                return None
            return entity
    return None


def _text(value: Any) -> str:
    value = resolve1(value)
    if isinstance(value, bytes):
        return decode_text(value)
    if isinstance(value, str):
        return value
    if isinstance(value, PSLiteral):
        return str(value.name)
    if isinstance(value, list):
        return " ".join(_text(v) for v in value)
    return ""


def _inherited(annot: dict[str, Any], key: str) -> Any:
    node: Any = annot
    for _ in range(32):  # a field tree is shallow; the bound guards against cycles
        if not isinstance(node, dict):
            return None
        if key in node:
            return resolve1(node[key])
        node = resolve1(node.get("Parent"))
    return None


def _full_name(annot: dict[str, Any]) -> str:
    parts = []
    node: Any = annot
    for _ in range(32):
        if not isinstance(node, dict):
            break
        if "T" in node:
            parts.append(_text(node["T"]))
        node = resolve1(node.get("Parent"))
    return ".".join(reversed(parts))


def _rect(annot: dict[str, Any], mediabox: Box) -> Box | None:
    rect = resolve1(annot.get("Rect"))
    if not isinstance(rect, list) or len(rect) != 4:
        return None
    try:
        x0, y0, x1, y1 = (float(resolve1(v)) for v in rect)
    except (TypeError, ValueError):
        return None
    left, _, _, top = mediabox
    x0, x1 = sorted((x0, x1))
    y0, y1 = sorted((y0, y1))
    # PDF space (y up from the media box's bottom) -> points from the media box's top-left
    return (x0 - left, top - y1, x1 - left, top - y0)


def _rich_text(value: Any) -> str:
    return re.sub(r"<[^>]*>", " ", _text(value))


def read_annotations(annots: Any, mediabox: Box) -> tuple[list[FieldValue], list[AnnotationText]]:
    """Field values and annotation texts of one page's /Annots array."""
    fields: list[FieldValue] = []
    notes: list[AnnotationText] = []
    for ref in resolve1(annots) or []:
        annot = resolve1(ref)
        if not isinstance(annot, dict):
            continue
        subtype = _text(annot.get("Subtype"))
        if subtype == "Widget":
            try:
                flags = int(resolve1(annot.get("F", 0)) or 0)
            except (TypeError, ValueError):
                flags = 0
            hidden = bool(flags & (2 | 32))
            kind = _text(_inherited(annot, "FT"))
            value = _inherited(annot, "V")
            rect = _rect(annot, mediabox)
            name = _full_name(annot)
            tooltip = _text(_inherited(annot, "TU"))
            if rect is None or value is None:
                continue
            if kind == "Btn":
                state = _text(value)
                if state and state != "Off":
                    fields.append(FieldValue(name, "X", rect, "check", hidden=hidden))
            elif kind in ("Tx", "Ch"):
                text = _text(value)
                if text.strip():
                    hint = field_hint(name, tooltip)
                    kind_name = "text" if kind == "Tx" else "choice"
                    fields.append(FieldValue(name, text, rect, kind_name, hint, hidden))
            continue
        pieces = [_text(annot.get(key)) for key in ("T", "Subj", "Contents")]
        pieces.append(_rich_text(annot.get("RC")))
        action = resolve1(annot.get("A"))
        if isinstance(action, dict):
            pieces.append(_text(action.get("URI")))
        text = "\n".join(p for p in pieces if p.strip())
        if text:
            notes.append(AnnotationText("link" if subtype == "Link" else "comment", text))
    return fields, notes
