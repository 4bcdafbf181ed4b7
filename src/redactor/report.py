"""Findings reports: what was found and changed, by type and place, never the removed text
(unless the user asks for it with `show_text`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from redactor._version import VERSION
from redactor.emit.atomic import write_bytes
from redactor.pipeline import FileResult

__all__ = ["file_entry", "finding_entries", "write_report"]


def finding_entries(result: FileResult, show_text: bool = False) -> list[dict[str, Any]]:
    """One entry per replaced span: type, place, offsets within the segment, score, recognizer."""
    entries = []
    for edit in result.edits:
        finding = edit.finding
        segment = result.document.segments[edit.segment]
        entry: dict[str, Any] = {
            "type": edit.entity_type,
            "tag": edit.tag,
            "where": segment.locator.describe(),
            "segment": edit.segment,
            "start": edit.start,
            "end": edit.end,
            "score": round(finding.score, 3) if finding else None,
            "recognizer": finding.recognizer if finding else None,
            "reason": finding.reason if finding else None,
        }
        if show_text:
            entry["text"] = segment.text[edit.start : edit.end]
        entries.append(entry)
    return entries


def file_entry(result: FileResult, show_text: bool = False) -> dict[str, Any]:
    return {
        "file": str(result.source) if result.source else "-",
        "output": str(result.output) if result.output else None,
        "format": result.format,
        "status": "redacted" if result.output else "checked",
        "counts": result.counts(),
        "findings": finding_entries(result, show_text),
        "notes": result.notes,
    }


def write_report(
    path: Path,
    results: Iterable[FileResult],
    refused: Iterable[tuple[Path, str]] = (),
    skipped: Iterable[Path] = (),
    show_text: bool = False,
) -> None:
    """Write the JSON report for a run: files done, files refused (with reason), files skipped."""
    files = [file_entry(r, show_text) for r in results]
    totals: dict[str, int] = {}
    for entry in files:
        for kind, n in entry["counts"].items():
            totals[kind] = totals.get(kind, 0) + n
    report = {
        "tool": "redactor",
        "version": VERSION,
        "contains_removed_text": show_text,
        "totals": dict(sorted(totals.items())),
        "files": files,
        "refused": [{"file": str(p), "reason": reason} for p, reason in refused],
        "skipped": [str(p) for p in skipped],
    }
    write_bytes(path, (json.dumps(report, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
