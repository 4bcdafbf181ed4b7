"""Shared fixtures. Unit tests never load the spaCy model: they use `FakeDetector`, which finds
exactly the strings it is given, so reader/writer tests check the format code alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from redactor.model import Document, Finding
from redactor.pipeline import Redactor
from redactor.settings import Settings


class FakeDetector:
    """Finds every whole-word, case-sensitive occurrence of the given strings in every segment."""

    def __init__(self, terms: dict[str, str]):
        self.terms = terms  # text -> entity type

    def detect(self, document: Document) -> list[Finding]:
        findings = []
        for index, segment in enumerate(document.segments):
            for term, entity_type in self.terms.items():
                for m in re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", segment.text):
                    findings.append(
                        Finding(entity_type, index, m.start(), m.end(), 1.0, "fake", "test term")
                    )
        return findings


@pytest.fixture
def fake_redactor():
    """Build a Redactor whose detector finds the given terms: fake_redactor({"Amy": "CHILD"})."""

    def make(terms: dict[str, str], **settings) -> Redactor:
        return Redactor(Settings().with_changes(**settings), detector=FakeDetector(terms))

    return make


@pytest.fixture
def tmp_out(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    return out
