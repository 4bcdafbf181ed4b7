"""`redactor config show`: the settings in force, as TOML that loads back the same; no secrets."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from click.testing import CliRunner

from redactor.cli import main
from redactor.settings import Settings, load_settings

SCHOOL = """
[detect]
entities = ["PERSON", "EMAIL", "ID"]
score_threshold = 0.65
allow = ["Hollin Brook Primary", "Quote \\"this\\""]
deny = ["Tamsk"]

[people]
roster = "pupils.csv"

[operators]
default = "redact"
PHONE = "mask"
UPN = "hash"

[hash]
key_env = "HOLLIN_KEY"

[suppress]
threshold = 10
symbol = "~"
round = 5

[batch]
workers = 2
"""


def show(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["config", "show", *args], env=env)


def reload(text: str, tmp_path: Path) -> Settings:
    path = tmp_path / "shown.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


def test_defaults_are_shown_and_load_back_identical(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # no redactor.toml here
    result = show()
    assert result.exit_code == 0, result.output
    assert "built-in defaults" in result.output
    assert dataclasses.replace(reload(result.output, tmp_path), source=None) == Settings()


def test_a_config_file_is_shown_and_loads_back_identical(tmp_path: Path) -> None:
    config = tmp_path / "school.toml"
    config.write_text(SCHOOL, encoding="utf-8")
    result = show("--config", str(config))
    assert result.exit_code == 0, result.output
    assert f"# settings from {config}" in result.output
    assert 'PHONE = "mask"' in result.output
    shown = reload(result.output, tmp_path)
    original = load_settings(config)
    assert dataclasses.replace(shown, source=None) == dataclasses.replace(original, source=None)


def test_redactor_toml_in_the_working_folder_is_used(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "redactor.toml").write_text("[suppress]\nthreshold = 7\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = show()
    assert "threshold = 7" in result.output
    assert "settings from" in result.output


def test_the_hash_key_is_never_printed(tmp_path: Path) -> None:
    config = tmp_path / "school.toml"
    config.write_text(SCHOOL, encoding="utf-8")
    secret = "zq-not-for-printing-81"
    with_key = show("--config", str(config), env={"HOLLIN_KEY": secret})
    assert secret not in with_key.output
    assert "$HOLLIN_KEY is set" in with_key.output
    without = show("--config", str(config), env={"HOLLIN_KEY": ""})
    assert "$HOLLIN_KEY is not set" in without.output


def test_an_invalid_config_exits_2_with_the_fix(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('[operators]\nPHONE = "blur"\n', encoding="utf-8")
    result = show("--config", str(config))
    assert result.exit_code == 2
    assert "choose one of tag, redact, mask, hash" in result.output
    assert "Traceback" not in result.output


def test_help_has_examples() -> None:
    group = CliRunner().invoke(main, ["config", "--help"])
    assert "redactor config show --config school.toml" in group.output
    command = CliRunner().invoke(main, ["config", "show", "--help"])
    assert "redactor config show > redactor.toml" in command.output
