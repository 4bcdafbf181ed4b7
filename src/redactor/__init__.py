"""redactor: de-identify school documents.

    from redactor import Redactor, Settings, redact_text, redact_file

    redact_text("Amy's mum rang on 07700 900123")      # "[PERSON 1]'s mum rang on [PHONE 1]"
    redact_file("minutes.docx", "out/minutes.docx")

Build one `Redactor` and reuse it for many documents: the detection engine loads once.
"""

from __future__ import annotations

from pathlib import Path

from redactor.errors import (
    ConfigError,
    DetectionError,
    InputError,
    OutputError,
    RedactorError,
    UnsupportedContentError,
)
from redactor.model import Document, Edit, Finding, Segment
from redactor.pipeline import FileResult, Redactor
from redactor.settings import Settings, load_settings

__all__ = [
    "ConfigError",
    "DetectionError",
    "Document",
    "Edit",
    "FileResult",
    "Finding",
    "InputError",
    "OutputError",
    "Redactor",
    "RedactorError",
    "Segment",
    "Settings",
    "UnsupportedContentError",
    "load_settings",
    "redact_file",
    "redact_text",
]

_default: Redactor | None = None


def _shared() -> Redactor:
    global _default
    if _default is None:
        _default = Redactor()
    return _default


def redact_text(text: str) -> str:
    """Redact a string with the default settings (the engine is shared between calls)."""
    return _shared().redact_text(text)


def redact_file(source: str | Path, output: str | Path) -> FileResult:
    """Redact one file into a new file with the default settings."""
    return _shared().redact_file(Path(source), Path(output))
