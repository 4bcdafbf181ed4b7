"""Every error redactor raises, under one base.

    RedactorError
     ├── ConfigError          settings, roster or command-line values that cannot be used   (exit 2)
     ├── InputError           a file that cannot be read: missing, empty, binary, wrong encoding,
     │    │                   corrupt, encrypted, or of a type no reader handles           (exit 2)
     │    └── UnsupportedContentError  a part of a file that cannot be redacted exactly
     │                        (scanned page, embedded object, pivot cache ...): fail closed
     ├── OutputError          an output that would overwrite an input or cannot be written  (exit 2)
     └── DetectionError       the detection engine could not be built (missing model ...)   (exit 2)

Library code raises these; only the CLI turns them into one-line messages and exit codes.
Messages name files, places and entity types, never the personal data found in them.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DetectionError",
    "InputError",
    "OutputError",
    "RedactorError",
    "UnsupportedContentError",
]


class RedactorError(Exception):
    """Base class of every error raised by redactor."""


class ConfigError(RedactorError):
    """Settings, a roster file or an option value that cannot be used."""


class InputError(RedactorError):
    """An input file that cannot be read."""


class UnsupportedContentError(InputError):
    """A part of a document that cannot be redacted exactly; the file is refused (fail closed)."""


class OutputError(RedactorError):
    """An output that cannot be written, or would overwrite an input."""


class DetectionError(RedactorError):
    """The detection engine could not be built."""
