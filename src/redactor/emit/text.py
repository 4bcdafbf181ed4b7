"""Plain-text writer: applies edits line by line and keeps the file's line endings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from redactor.emit.atomic import write_bytes
from redactor.transform.apply import apply_edits_to_segments

if TYPE_CHECKING:
    from redactor.model import Document, Edit
    from redactor.settings import Settings


def render(document: Document, edits: list[Edit]) -> str:
    lines = apply_edits_to_segments(document, edits)
    newline = (document.payload or {}).get("newline", "\n")
    return newline.join(lines)


def write(document: Document, edits: list[Edit], out: Path, settings: Settings) -> None:
    write_bytes(out, render(document, edits).encode(settings.output_encoding or "utf-8"))
