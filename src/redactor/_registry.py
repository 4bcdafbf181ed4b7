"""A small explicit registry of components referred to by dotted path and loaded on first use.

Readers and writers pull in heavy libraries (pdfplumber, python-docx, openpyxl); naming them as
"module:attribute" keeps `import redactor` fast and a text-only run free of those imports.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any


def load(dotted: str) -> Any:
    """Import "package.module:attribute" and return the attribute."""
    module_name, _, attribute = dotted.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def lookup(registry: Mapping[str, str], key: str) -> Any | None:
    dotted = registry.get(key)
    return load(dotted) if dotted else None
