"""Detection: a Presidio AnalyzerEngine over the spaCy pipeline, UK school recognizers, name
evidence beyond the model, and document-level propagation. See `engine.py`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from redactor.detect.engine import SchoolDetector
    from redactor.settings import Settings

__all__ = ["build_detector"]


def build_detector(settings: Settings) -> SchoolDetector:
    from redactor.detect.engine import SchoolDetector

    return SchoolDetector(settings)
