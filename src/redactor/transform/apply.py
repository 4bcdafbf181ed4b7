"""Apply edits to plain strings: shared by every writer whose segments are plain text."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from redactor.model import Document, Edit


def apply_to_text(text: str, edits: Iterable[Edit]) -> str:
    """Replace each edit's span of `text`; edits must not overlap (the planner guarantees it)."""
    pieces: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: e.start):
        if edit.start < position:
            raise ValueError("overlapping edits")  # a planner bug, never user input
        pieces.append(text[position : edit.start])
        pieces.append(edit.replacement)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


def edits_by_segment(edits: Iterable[Edit]) -> dict[int, list[Edit]]:
    grouped: dict[int, list[Edit]] = defaultdict(list)
    for edit in edits:
        grouped[edit.segment].append(edit)
    return grouped


def apply_edits_to_segments(document: Document, edits: Iterable[Edit]) -> list[str]:
    """The text of every segment after its edits, in document order."""
    grouped = edits_by_segment(edits)
    return [apply_to_text(seg.text, grouped.get(i, ())) for i, seg in enumerate(document.segments)]
