"""Operators: how a finding's text is replaced. One function per operator, registered by name.

- tag:    a readable tag, consistent within the document ("[CHILD 1]", "[PHONE 2]")
- redact: a fixed marker ("[REDACTED]")
- mask:   every letter and digit replaced by the mask character, layout kept ("***** ****")
- hash:   keyed HMAC-SHA256 of the normalised text ("[PERSON a1b2c3d4e5]"): the same name gives
          the same token across documents and runs with the same key; no key, no hashing
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from redactor.errors import ConfigError
from redactor.settings import Settings, entity_group

__all__ = ["OPERATORS", "OperatorInput", "replacement_for"]


@dataclass(frozen=True)
class OperatorInput:
    text: str  # the text being replaced
    entity_type: str  # fine type (CHILD, UPN ...)
    tag: str  # "CHILD 1": label and number given by the planner
    key: str  # normalised identity of the entity (what the same person shares across mentions)


def _tag(item: OperatorInput, settings: Settings) -> str:
    return f"[{item.tag}]"


def _redact(item: OperatorInput, settings: Settings) -> str:
    return settings.redact_marker


def _mask(item: OperatorInput, settings: Settings) -> str:
    return "".join(settings.mask_char if ch.isalnum() else ch for ch in item.text)


def _hash(item: OperatorInput, settings: Settings) -> str:
    key = settings.hash_key()
    if key is None:
        raise ConfigError(
            f"the hash operator needs a key: set the environment variable {settings.hash_key_env}"
        )
    digest = hmac.new(key, item.key.encode("utf-8"), hashlib.sha256).hexdigest()[:10]
    label = item.tag.rsplit(" ", 1)[0]
    return f"[{label} {digest}]"


OPERATORS: dict[str, Callable[[OperatorInput, Settings], str]] = {
    "tag": _tag,
    "redact": _redact,
    "mask": _mask,
    "hash": _hash,
}


def replacement_for(item: OperatorInput, settings: Settings) -> str:
    return OPERATORS[settings.operator_for(item.entity_type)](item, settings)


def normalise(text: str) -> str:
    """Case-, accent- and space-folded form used to recognise the same entity across mentions."""
    if text.isascii():
        plain = text  # nothing to decompose: skip the per-character pass
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().replace("’", "'").split())


def display_label(entity_type: str) -> str:
    """The label shown in tags: person kinds as they are, ID kinds as the ID's name."""
    group = entity_group(entity_type)
    if group in ("ADDRESS",):
        return "ADDRESS"
    return entity_type
