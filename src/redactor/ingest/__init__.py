"""Readers: one module per format, each with a `read(path, settings) -> Document` function.

A reader produces segments for every place text can live in its format (body, headers, comments,
properties, hidden sheets ...) and raises `UnsupportedContentError` for any part it cannot read,
so that nothing unread is ever emitted as it was.

To add a format: write `ingest/<format>.py` with `read`, add one line to `READERS`, and the
matching writer to `redactor.emit.WRITERS`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from redactor._registry import lookup
from redactor.errors import InputError

if TYPE_CHECKING:
    from redactor.model import Document
    from redactor.settings import Settings

__all__ = ["READERS", "read_document", "supported_suffixes"]

#: file suffix -> "module:function" of its reader
READERS: dict[str, str] = {
    ".txt": "redactor.ingest.text:read",
    ".md": "redactor.ingest.text:read",
    ".docx": "redactor.ingest.docx:read",
    ".pdf": "redactor.ingest.pdf:read",
    ".xlsx": "redactor.ingest.xlsx:read",
    ".xlsm": "redactor.ingest.xlsx:read",
    ".csv": "redactor.ingest.csv:read",
}


def supported_suffixes() -> frozenset[str]:
    return frozenset(READERS)


def read_document(path: Path, settings: Settings) -> Document:
    """Read `path` with the reader registered for its suffix."""
    reader = lookup(READERS, path.suffix.lower())
    if reader is None:
        raise InputError(f"{path}: files of type '{path.suffix or 'none'}' are not supported")
    document: Document = reader(path, settings)
    return document
