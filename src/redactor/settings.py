"""Settings: one object drives the CLI and the Python API.

Loaded from `redactor.toml` (in the working folder, or `--config`), validated on load with
messages that say how to fix them, then overridden by command-line options. Example:

    [detect]
    entities = ["PERSON", "ADDRESS", "PHONE", "EMAIL", "DOB", "ID"]   # what to look for
    score_threshold = 0.5
    allow = ["Switched2"]            # never removed (the school's own name ...)
    deny = ["Bluebell"]              # always removed, as PERSON

    [operators]                      # per entity type: tag | redact | mask | hash
    default = "tag"
    PHONE = "mask"

    [people]
    roster = "pupils.csv"            # MIS export: pupils, tagged as CHILD
    staff = "staff.csv"              # staff list, tagged as ADULT

    [hash]
    key_env = "REDACTOR_HASH_KEY"    # the name of the variable holding the key: never put the
                                     # key itself in this file

    [pdf]
    dpi = 200

    [suppress]
    threshold = 5
    symbol = "c"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, cast

from redactor.errors import ConfigError

__all__ = ["ENTITY_GROUPS", "OPERATORS", "SECTIONS", "Settings", "load_settings"]

#: The entity types a user switches on and off, and the finer types each one covers.
ENTITY_GROUPS: dict[str, frozenset[str]] = {
    "PERSON": frozenset({"PERSON", "CHILD", "ADULT"}),
    "ADDRESS": frozenset({"ADDRESS", "POSTCODE"}),
    "PHONE": frozenset({"PHONE"}),
    "EMAIL": frozenset({"EMAIL"}),
    "DOB": frozenset({"DOB"}),
    "ID": frozenset({"UPN", "ULN", "NHS_NUMBER", "NI_NUMBER", "CASE_REF"}),
}
OPERATORS = ("tag", "redact", "mask", "hash")
CONFIG_NAME = "redactor.toml"


@dataclass(frozen=True)
class Settings:
    """Everything a run can be told. Immutable: use `with_changes` to derive a variant."""

    # detection
    entities: frozenset[str] = frozenset(ENTITY_GROUPS)
    score_threshold: float = 0.5
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    roster: Path | None = None
    staff: Path | None = None
    keep_child: str | None = None
    # transformation
    default_operator: str = "tag"
    operators: tuple[tuple[str, str], ...] = ()  # (entity group, operator) overrides
    redact_marker: str = "[REDACTED]"
    mask_char: str = "*"
    hash_key_env: str = "REDACTOR_HASH_KEY"
    # input and output
    encoding: str = "utf-8"
    output_encoding: str | None = None
    show_text: bool = False
    # docx
    drop_images: bool = False
    drop_embedded: bool = False
    # pdf
    pdf_dpi: int = 200
    pdf_password: str | None = field(default=None, repr=False)
    pdf_text: bool = False
    pdf_print_tags: bool = False
    # xlsx / csv
    drop_unsupported: bool = False
    # tables
    suppress: bool = False
    threshold: int = 5
    symbol: str = "c"
    suppress_zeros: bool = False
    round_to: int | None = None
    # batch
    workers: int | None = None
    source: Path | None = None  # the config file these came from, for `config show`

    def operator_for(self, entity_type: str) -> str:
        group = entity_group(entity_type)
        for name, operator in self.operators:
            if name in (entity_type, group):
                return operator
        return self.default_operator

    def enabled(self, entity_type: str) -> bool:
        return entity_group(entity_type) in self.entities

    def uses_hash(self) -> bool:
        """Whether any entity type is replaced with the keyed `hash` operator."""
        return self.default_operator == "hash" or any(op == "hash" for _, op in self.operators)

    def hash_key(self) -> bytes | None:
        value = os.environ.get(self.hash_key_env)
        return value.encode("utf-8") if value else None

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with the given fields changed (None values are ignored), validated."""
        kept = {k: v for k, v in changes.items() if v is not None}
        for name in ("roster", "staff", "source"):  # accept plain strings for paths
            if isinstance(kept.get(name), str):
                kept[name] = Path(kept[name])
        unknown = set(kept) - {f.name for f in fields(self)}
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        result = replace(self, **kept)
        result.validate()
        return result

    def validate(self) -> None:
        unknown = self.entities - set(ENTITY_GROUPS)
        if unknown:
            raise ConfigError(
                f"unknown entity type(s) {', '.join(sorted(unknown))}; "
                f"choose from {', '.join(ENTITY_GROUPS)}"
            )
        for name, operator in (("default", self.default_operator), *self.operators):
            if operator not in OPERATORS:
                raise ConfigError(
                    f"operator for {name} is '{operator}'; choose one of {', '.join(OPERATORS)}"
                )
            if name != "default" and name not in ENTITY_GROUPS and entity_group(name) == name:
                known = ", ".join(ENTITY_GROUPS)
                raise ConfigError(f"operators: unknown entity type '{name}'; choose from {known}")
        if not 0.0 <= self.score_threshold <= 1.0:
            raise ConfigError("score_threshold must be between 0 and 1 (for example 0.5)")
        if self.threshold < 2:
            raise ConfigError("suppression threshold must be a whole number of 2 or more (e.g. 5)")
        if not 50 <= self.pdf_dpi <= 600:
            raise ConfigError("pdf dpi must be between 50 and 600 (default 200)")
        if self.round_to is not None and self.round_to < 2:
            raise ConfigError("rounding base must be 2 or more (e.g. 5)")
        if self.workers is not None and self.workers < 1:
            raise ConfigError("workers must be 1 or more")
        if len(self.mask_char) != 1:
            raise ConfigError("mask_char must be a single character")
        if not self.symbol:
            raise ConfigError("suppression symbol must not be empty (default 'c')")


def entity_group(entity_type: str) -> str:
    """The user-facing group of a fine entity type (UPN -> ID, CHILD -> PERSON)."""
    for group, members in ENTITY_GROUPS.items():
        if entity_type in members:
            return group
    return entity_type


# -- loading -------------------------------------------------------------------------------------

SECTIONS: dict[str, dict[str, tuple[str, type | tuple[type, ...]]]] = {
    # section -> key -> (Settings field, accepted TOML types)
    "detect": {
        "entities": ("entities", list),
        "score_threshold": ("score_threshold", (float, int)),
        "allow": ("allow", list),
        "deny": ("deny", list),
    },
    "people": {
        "roster": ("roster", str),
        "staff": ("staff", str),
    },
    "operators": {},  # handled below: any entity type -> operator name
    "output": {
        "redact_marker": ("redact_marker", str),
        "mask_char": ("mask_char", str),
        "encoding": ("encoding", str),
        "output_encoding": ("output_encoding", str),
    },
    "hash": {"key_env": ("hash_key_env", str)},
    "docx": {
        "drop_images": ("drop_images", bool),
        "drop_embedded": ("drop_embedded", bool),
    },
    "pdf": {
        "dpi": ("pdf_dpi", int),
        "text": ("pdf_text", bool),
        "print_tags": ("pdf_print_tags", bool),
    },
    "xlsx": {"drop_unsupported": ("drop_unsupported", bool)},
    "suppress": {
        "threshold": ("threshold", int),
        "symbol": ("symbol", str),
        "zeros": ("suppress_zeros", bool),
        "round": ("round_to", int),
    },
    "batch": {"workers": ("workers", int)},
}


def _convert(section: str, key: str, value: Any, where: Path) -> tuple[str, Any]:
    field_name, accepted = SECTIONS[section][key]
    if isinstance(value, bool) and accepted in (int, (float, int)):
        raise ConfigError(f"{where}: [{section}] {key} must be a number, not true/false")
    if not isinstance(value, accepted):
        kind = accepted.__name__ if isinstance(accepted, type) else "number"
        raise ConfigError(f"{where}: [{section}] {key} must be a {kind}, got {value!r}")
    value = cast(Any, value)  # checked above; isinstance against a variable narrows to object
    if field_name in ("roster", "staff"):
        path = Path(value)
        return field_name, path if path.is_absolute() else (where.parent / path)
    if field_name == "entities":
        return field_name, frozenset(str(v).upper() for v in value)
    if field_name in ("allow", "deny"):
        return field_name, tuple(str(v) for v in value)
    if field_name == "score_threshold":
        return field_name, float(value)
    return field_name, value


def load_settings(path: Path | None = None, *, search: Path | None = None) -> Settings:
    """Settings from `path`, or from `redactor.toml` in `search` (default: the working folder)
    when it exists, or the defaults."""
    if path is None:
        candidate = (search or Path.cwd()) / CONFIG_NAME
        if not candidate.is_file():
            return Settings()
        path = candidate
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot be read ({err})") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from None

    values: dict[str, Any] = {"source": path}
    for section, table in data.items():
        if section not in SECTIONS:
            raise ConfigError(
                f"{path}: unknown section [{section}]; known: {', '.join(sorted(SECTIONS))}"
            )
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: '{section}' must be a [section] table")
        if section == "operators":
            overrides = []
            for key, op in table.items():
                if not isinstance(op, str):
                    raise ConfigError(f"{path}: [operators] {key} must be a string")
                if key == "default":
                    values["default_operator"] = op
                else:
                    overrides.append((key.upper(), op))
            values["operators"] = tuple(overrides)
            continue
        for key, value in table.items():
            if key not in SECTIONS[section]:
                known = ", ".join(sorted(SECTIONS[section]))
                raise ConfigError(f"{path}: unknown key '{key}' in [{section}]; known: {known}")
            name, converted = _convert(section, key, value, path)
            values[name] = converted
    settings = Settings(**values)
    try:
        settings.validate()
    except ConfigError as err:
        raise ConfigError(f"{path}: {err}") from None
    return settings
