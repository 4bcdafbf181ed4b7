"""Plain-text reader: one segment per line, so reports can say which line a finding is on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from redactor.errors import InputError
from redactor.model import Document, Segment, TextLocator

if TYPE_CHECKING:
    from redactor.settings import Settings


def decode(data: bytes, name: str, encoding: str = "utf-8") -> str:
    """Decode file bytes to text, refusing empty, binary and wrongly encoded input clearly."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: this looks like a binary file, not text")
    try:
        text = data.decode(
            "utf-8-sig" if encoding.lower().replace("_", "-") == "utf-8" else encoding
        )
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: not valid {encoding} text (byte {err.start}); "
            "if it was saved on Windows, try --encoding cp1252"
        ) from None
    except LookupError:
        raise InputError(f"{name}: unknown encoding '{encoding}'") from None
    return text


def split_lines(text: str) -> tuple[list[str], str]:
    """Lines without their endings, and the ending the file uses (kept on output)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    return text.replace("\r\n", "\n").split("\n"), newline


def document_from_text(text: str, source: Path | None = None) -> Document:
    lines, newline = split_lines(text)
    segments = []
    offset = 0
    for number, line in enumerate(lines, start=1):
        segments.append(Segment(line, TextLocator(offset=offset, line=number)))
        offset += len(line) + 1
    return Document(segments, format="text", source=source, payload={"newline": newline})


def read(path: Path, settings: Settings) -> Document:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    return document_from_text(decode(data, str(path), settings.encoding), source=path)
