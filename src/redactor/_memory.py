"""Keeping a long run's memory flat.

Two things grow while one process redacts file after file:

- spaCy's vocabulary and string store keep every new word (a child's name, a phone number):
  detection runs inside `nlp.memory_zone()` (`detect.engine`), which forgets them per batch.
- Our own memos (a word's folded form, whether it is a first name, a name's short forms, what a
  column header holds) hold the words of the documents being read, names among them. They are
  registered here with `document_cache` and emptied by `forget_documents` once a document's
  edits are planned, so a child's name does not outlive its document in them either (measured:
  no loss of speed, as what they hold is mostly asked about again within the same document).

What remains is spaCy's own hash tables (preshed): a forgotten word leaves a tombstone, and a
table full of them doubles, so a process that meets hundreds of thousands of new words grows in
a few steps of a few MiB (and the first few hundred documents raise the C allocator's pool to
what the largest of them needed). Batch workers are therefore replaced after
`batch.FILES_PER_PROCESS` files. `benchmarks/memory.py` measures all of this.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["document_cache", "forget_documents"]

_FORGETTERS: list[Callable[[], Any]] = []

_Cache = TypeVar("_Cache", bound=Callable[..., Any])


def document_cache(cache: _Cache) -> _Cache:
    """Register a cache of document words, returned unchanged (so it can decorate): a function
    under `functools.lru_cache` (its `cache_clear` is what is called) or a function that
    empties a cache."""
    _FORGETTERS.append(getattr(cache, "cache_clear", cache))
    return cache


def forget_documents() -> None:
    """Empty every registered cache: the documents they were filled from are done."""
    for clear in _FORGETTERS:
        clear()
