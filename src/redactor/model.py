"""The data model every stage shares.

A reader turns a file into a `Document`: an ordered list of `Segment`s, each a piece of text with
a *locator* saying where in the file it lives. Detection turns the document into `Finding`s
(spans in segments); planning turns findings into `Edit`s (replacement text per span); a writer
applies the edits through the locators. See DESIGN.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "PERSON_TYPES",
    "Document",
    "Edit",
    "Finding",
    "Locator",
    "Segment",
    "TextLocator",
]

#: Entity types that name a person. CHILD and ADULT are PERSON told apart by roster or context.
PERSON_TYPES = frozenset({"PERSON", "CHILD", "ADULT"})


@dataclass(frozen=True)
class Locator:
    """Where a segment lives in its file. Each format subclasses it with its own fields."""

    def describe(self) -> str:
        """A short human place name for reports ("line 4", "page 2", "Sheet1!B4")."""
        return ""


@dataclass(frozen=True)
class TextLocator(Locator):
    """A plain-text segment: character offset of its first character in the file's text."""

    offset: int = 0
    line: int = 1

    def describe(self) -> str:
        return f"line {self.line}"


@dataclass(frozen=True)
class Segment:
    """A piece of text and where it came from.

    `hint` is an entity type the container says the whole segment holds (a spreadsheet column
    headed "Surname" holds PERSON); detection then treats the whole text as that type.
    `group` ties segments that belong together (the cells of one row): names found in one are
    evidence for the others.
    """

    text: str
    locator: Locator = field(default_factory=Locator)
    hint: str | None = None
    group: str | None = None


@dataclass
class Document:
    """A file as a list of segments plus what the writer needs to put it back together."""

    segments: list[Segment]
    format: str
    source: Path | None = None
    #: reader-specific parsed object the matching writer reuses (e.g. the docx package)
    payload: Any = None
    #: properties worth reporting (page count, sheet names ...), never personal data
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.segments)

    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.segments)


@dataclass(frozen=True)
class Finding:
    """One detected piece of personal data: a span of one segment."""

    entity_type: str
    segment: int
    start: int
    end: int
    score: float
    recognizer: str
    reason: str = ""

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Edit:
    """What to put in place of one finding's span. `tag` groups edits that name the same thing."""

    segment: int
    start: int
    end: int
    replacement: str
    entity_type: str
    tag: str = ""
    finding: Finding | None = None
