"""`redactor config`: show the settings in force (redactor.toml, --config or defaults)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from redactor.cli._common import config_option, handle_errors, settings_from
from redactor.settings import ENTITY_GROUPS, SECTIONS, Settings

__all__ = ["config", "render_settings"]

# Settings with no key in the file: set by command-line options or the Python API only.
_OPTION_ONLY = ("keep_child", "show_text", "suppress")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, Path):
        return json.dumps(str(value))
    if isinstance(value, frozenset | tuple | list):
        items = list(value)
        if isinstance(value, frozenset):
            # entity groups in their documented order, so the output is stable
            order = list(ENTITY_GROUPS)
            items = sorted(items, key=lambda v: order.index(v) if v in order else len(order))
        return "[" + ", ".join(_toml_value(v) for v in items) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string


def render_settings(settings: Settings) -> str:
    """The settings as TOML that `load_settings` reads back to the same values.

    Secrets are never shown: the hash key is named by its environment variable and reported only
    as set or not set; a PDF password only as set or not set.
    """
    lines: list[str] = []
    if settings.source is not None:
        lines.append(f"# settings from {settings.source}")
    else:
        lines.append("# built-in defaults (no redactor.toml in this folder and no --config)")
    for section, keys in SECTIONS.items():
        lines.append("")
        lines.append(f"[{section}]")
        if section == "operators":
            lines.append(f"default = {_toml_value(settings.default_operator)}")
            for name, operator in settings.operators:
                lines.append(f"{name} = {_toml_value(operator)}")
            continue
        for key, (field_name, _) in keys.items():
            value = getattr(settings, field_name)
            if value is None:
                lines.append(f"# {key} = (not set)")
            else:
                lines.append(f"{key} = {_toml_value(value)}")
        if section == "hash":
            state = "set" if settings.hash_key() is not None else "not set"
            lines.append(f"# ${settings.hash_key_env} is {state} (the key itself is never shown)")
    lines.append("")
    lines.append("# set on the command line only:")
    for name in _OPTION_ONLY:
        value = getattr(settings, name)
        lines.append(f"#   {name} = {'(not set)' if value is None else _toml_value(value)}")
    password = "set" if settings.pdf_password else "not set"
    lines.append(f"#   pdf_password: {password}")
    return "\n".join(lines) + "\n"


@click.group()
def config() -> None:
    """Inspect redactor's settings.

    Settings come from `redactor.toml` in the working folder, or the file given with --config,
    else the built-in defaults; command-line options override them for one run.

    Example:

    \b
        redactor config show --config school.toml
    """


@config.command("show")
@config_option
@handle_errors
def show(config_path: Path | None) -> None:
    """Print the settings in force, as TOML you can save and edit.

    The file is validated first: a mistake is reported with how to fix it (exit 2). The hash key
    is never printed, only whether its environment variable is set.

    Example:

    \b
        redactor config show > redactor.toml
    """
    click.echo(render_settings(settings_from(config_path)), nl=False)
