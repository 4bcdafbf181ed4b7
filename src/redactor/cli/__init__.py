"""The `redactor` command line: thin wrappers over the Python API, one module per command.

Exit codes (every command):
    0  done, nothing found (check) / every file written (redact, batch, suppress)
    1  findings: `check` found personal data or an unprotected small cell;
       `redact`/`batch` refused at least one file (the others were written)
    2  usage, configuration or input error: nothing was written for the failing input
"""

from __future__ import annotations

import click

from redactor._registry import load
from redactor._version import VERSION

__all__ = ["main"]

#: command name -> "module:click command"; one line per command
COMMANDS: dict[str, str] = {
    "redact": "redactor.cli.redact:redact",
    "suppress": "redactor.cli.suppress:suppress",
    "check": "redactor.cli.check:check",
    "batch": "redactor.cli.batch:batch",
    "config": "redactor.cli.config:config",
}


class _LazyGroup(click.Group):
    """Imports a command's module only when that command runs (or help lists it)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if self.get_command(ctx, name) is not None]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        dotted = COMMANDS.get(cmd_name)
        if dotted is None:
            return None
        try:
            command: click.Command = load(dotted)
        except (ImportError, AttributeError):
            return None  # a command whose module is not written yet is simply not offered
        return command


@click.group(cls=_LazyGroup)
@click.version_option(VERSION, prog_name="redactor")
def main() -> None:
    """De-identify school documents: children's and adults' names, addresses, phone numbers,
    emails, dates of birth and pupil identifiers, in .txt, .docx, .pdf, .xlsx and .csv files;
    and protect small groups in tables of pupil counts.

    Exit codes: 0 clean/done, 1 findings or a refused file, 2 usage, configuration or input error.

    Example:

        redactor redact samples/ --out redacted/
    """
