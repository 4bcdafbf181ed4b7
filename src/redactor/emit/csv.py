"""CSV writer: rewrites only the fields that change; the rest of the file is kept as it was.

Delimiter, line endings, which fields are quoted, a byte-order mark and the encoding all stay the
same (the encoding can be changed with `settings.output_encoding`). A changed field keeps its
quotes; an unquoted field is quoted only if its new text needs it.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import TYPE_CHECKING

from redactor.emit.atomic import write_bytes
from redactor.errors import OutputError
from redactor.ingest.csv import CsvPayload
from redactor.transform.apply import apply_to_text, edits_by_segment

if TYPE_CHECKING:
    from redactor.model import Document, Edit
    from redactor.settings import Settings

__all__ = ["render", "write"]

_BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
}


def render(document: Document, edits: list[Edit]) -> str:
    """The file's text with every edited field replaced."""
    payload = document.payload
    if not isinstance(payload, CsvPayload):
        raise OutputError("this document was not read as CSV")
    pieces: list[str] = []
    position = 0
    for number, segment_edits in sorted(edits_by_segment(edits).items()):
        segment = document.segments[number]
        source = payload.fields[number]
        new = apply_to_text(segment.text, segment_edits)
        pieces.append(payload.text[position : source.start])
        pieces.append(_field_text(new, source.quoted, payload.delimiter))
        position = source.end
    pieces.append(payload.text[position:])
    return "".join(pieces)


def _field_text(value: str, quoted: bool, delimiter: str) -> str:
    if quoted or any(c in value for c in (delimiter, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value


def write(document: Document, edits: list[Edit], out: Path, settings: Settings) -> None:
    payload = document.payload
    if not isinstance(payload, CsvPayload):
        raise OutputError(f"{out}: this document was not read as CSV")
    text = render(document, edits)
    encoding = settings.output_encoding or payload.encoding
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as err:
        raise OutputError(
            f"{out}: the redacted text has a character {encoding} cannot hold "
            f"(position {err.start}); choose another output encoding"
        ) from None
    except LookupError:
        raise OutputError(f"{out}: unknown output encoding '{encoding}'") from None
    bom = _BOMS.get(codecs.lookup(encoding).name.replace("_", "-"))
    if payload.bom and bom is not None:
        data = bom + data
    write_bytes(out, data)
