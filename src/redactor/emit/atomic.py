"""Atomic output: write to a temporary file beside the target, then rename over it.

A crash or a refused file never leaves a half-written output, and an input is never the target.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from redactor.errors import OutputError


def check_target(out: Path, inputs: list[Path] | tuple[Path, ...] = ()) -> None:
    """Refuse an output path that is one of the inputs (same file, by inode where it exists)."""
    for source in inputs:
        try:
            same = out.resolve() == source.resolve() or (out.exists() and out.samefile(source))
        except OSError:
            same = False
        if same:
            raise OutputError(f"{out}: refusing to overwrite an input file")


@contextlib.contextmanager
def atomic_path(out: Path) -> Iterator[Path]:
    """Yield a temporary path beside `out`; on success it replaces `out`, else it is removed."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    except OSError as err:
        raise OutputError(f"{out}: cannot write here ({err.strerror})") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        # mkstemp makes the file private (0600); an output is an ordinary file, so give it the
        # permissions the user's umask gives any new file.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes(out: Path, data: bytes) -> None:
    with atomic_path(out) as tmp:
        tmp.write_bytes(data)


def write_with(out: Path, save: Callable[[Path], None]) -> None:
    """Let a library save to a temporary path (`save(tmp)`), then move it into place."""
    with atomic_path(out) as tmp:
        save(tmp)
