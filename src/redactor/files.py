"""Which files a command works on, and where each output goes."""

from __future__ import annotations

from pathlib import Path

from redactor.emit.atomic import check_target
from redactor.errors import InputError, OutputError
from redactor.ingest import supported_suffixes

__all__ = ["discover", "plan_outputs"]


def discover(paths: list[Path]) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """(file, path relative to its root) for every supported file under `paths`, and the files
    skipped because no reader handles their type. Hidden files and folders are passed over."""
    suffixes = supported_suffixes()
    found: list[tuple[Path, Path]] = []
    skipped: list[Path] = []
    for root in paths:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                relative = path.relative_to(root)
                if any(part.startswith(".") for part in relative.parts) or not path.is_file():
                    continue
                (
                    found.append((path, relative))
                    if path.suffix.lower() in suffixes
                    else skipped.append(path)
                )
        elif root.is_file():
            if root.suffix.lower() in suffixes:
                found.append((root, Path(root.name)))
            else:
                skipped.append(root)
        else:
            raise InputError(f"{root}: no such file or folder")
    return found, skipped


def plan_outputs(paths: list[Path], out_dir: Path) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """(input, output) pairs under `out_dir`, refusing any output that would be an input."""
    found, skipped = discover(paths)
    inputs = [source for source, _ in found]
    jobs = []
    seen: set[Path] = set()
    for source, relative in found:
        target = out_dir / relative
        check_target(target, inputs)
        if target in seen:
            raise OutputError(f"{target}: two inputs would be written to the same output")
        seen.add(target)
        jobs.append((source, target))
    return jobs, skipped
