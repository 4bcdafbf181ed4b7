"""What every command shares: exit codes, error-to-message handling, settings from options."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from redactor.errors import RedactorError
from redactor.settings import Settings, load_settings

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = EXIT_ERROR) -> None:
    """Print a one-line error to stderr and exit."""
    click.echo(f"redactor: error: {message}", err=True)
    sys.exit(code)


def handle_errors(func: F) -> F:
    """Turn library errors into one-line messages and exit code 2 (never a traceback)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except RedactorError as err:
            fail(str(err))
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as err:
            if os.environ.get("REDACTOR_DEBUG"):
                raise
            # Never a traceback, and never the exception's text (it could quote a document).
            fail(f"internal error ({type(err).__name__}); set REDACTOR_DEBUG=1 for details")

    return wrapper  # type: ignore[return-value]


def config_option(func: F) -> F:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(path_type=Path, dir_okay=False),
        help="Settings file (default: ./redactor.toml when present).",
    )(func)


def people_options(func: F) -> F:
    """--roster and --staff: the school's own lists of pupils and staff."""
    func = click.option(
        "--staff",
        type=click.Path(path_type=Path, dir_okay=False, exists=True),
        help="Staff list CSV: every mention of these adults is found.",
    )(func)
    return click.option(
        "--roster",
        type=click.Path(path_type=Path, dir_okay=False, exists=True),
        help="Pupil list (MIS export CSV): every mention of these children is found.",
    )(func)


def settings_from(config_path: Path | None, **overrides: Any) -> Settings:
    """Settings from the config file, then the command-line options given (None = not given)."""
    return load_settings(config_path).with_changes(**overrides)
