"""Writers: one module per format, mirroring `redactor.ingest`.

A writer has `write(document, edits, out_path, settings) -> None`. It applies every edit through
the segment locators and writes the file atomically (`redactor.emit.atomic`). If an edit cannot be
applied exactly, it raises `UnsupportedContentError`: the file fails closed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from redactor._registry import lookup
from redactor.errors import OutputError

if TYPE_CHECKING:
    from redactor.model import Document, Edit
    from redactor.settings import Settings

__all__ = ["WRITERS", "write_document"]

#: Document.format -> "module:function" of its writer
WRITERS: dict[str, str] = {
    "text": "redactor.emit.text:write",
    "docx": "redactor.emit.docx:write",
    "pdf": "redactor.emit.pdf:write",
    "xlsx": "redactor.emit.xlsx:write",
    "csv": "redactor.emit.csv:write",
}


def write_document(document: Document, edits: list[Edit], out: Path, settings: Settings) -> None:
    writer = lookup(WRITERS, document.format)
    if writer is None:
        raise OutputError(f"no writer for {document.format} documents")
    writer(document, edits, out, settings)
