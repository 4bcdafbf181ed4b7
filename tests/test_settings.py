"""Settings: loading `redactor.toml`, validation messages that say how to fix, derived values."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.errors import ConfigError
from redactor.settings import ENTITY_GROUPS, Settings, load_settings


def write(tmp_path: Path, text: str, name: str = "redactor.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_are_valid_and_cover_every_entity_group() -> None:
    settings = Settings()
    settings.validate()
    assert settings.entities == frozenset(ENTITY_GROUPS)
    assert settings.default_operator == "tag"
    assert settings.source is None


def test_no_config_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(search=tmp_path) == Settings()


def test_redactor_toml_in_the_search_folder_is_used(tmp_path: Path) -> None:
    path = write(tmp_path, "[detect]\nscore_threshold = 0.7\n")
    settings = load_settings(search=tmp_path)
    assert settings.score_threshold == 0.7
    assert settings.source == path


def test_working_folder_is_searched_by_default(tmp_path: Path, monkeypatch) -> None:
    write(tmp_path, "[suppress]\nthreshold = 10\n")
    monkeypatch.chdir(tmp_path)
    assert load_settings().threshold == 10


def test_every_section_loads_into_its_fields(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[detect]
entities = ["person", "PHONE"]
score_threshold = 1
allow = ["Oakfield Primary"]
deny = ["Bramble"]

[people]
roster = "lists/pupils.csv"
staff = "/srv/staff.csv"

[operators]
default = "redact"
phone = "mask"
UPN = "hash"

[output]
redact_marker = "[GONE]"
mask_char = "#"
encoding = "cp1252"
output_encoding = "utf-8"

[hash]
key_env = "SCHOOL_KEY"

[docx]
drop_images = true
drop_embedded = true

[pdf]
dpi = 300
text = true
print_tags = true

[xlsx]
drop_unsupported = true

[suppress]
threshold = 10
symbol = "*"
zeros = true
round = 5

[batch]
workers = 3
""",
    )
    s = load_settings(path)
    assert s.entities == frozenset({"PERSON", "PHONE"})
    assert s.score_threshold == 1.0 and isinstance(s.score_threshold, float)
    assert s.allow == ("Oakfield Primary",)
    assert s.deny == ("Bramble",)
    # a relative roster path is relative to the config file, not to the working folder
    assert s.roster == tmp_path / "lists" / "pupils.csv"
    assert s.staff == Path("/srv/staff.csv")
    assert s.default_operator == "redact"
    assert s.operator_for("PHONE") == "mask"
    assert s.operator_for("UPN") == "hash"
    assert s.operator_for("ULN") == "redact"  # another ID type falls back to the default
    assert (s.redact_marker, s.mask_char) == ("[GONE]", "#")
    assert (s.encoding, s.output_encoding) == ("cp1252", "utf-8")
    assert s.hash_key_env == "SCHOOL_KEY"
    assert s.drop_images and s.drop_embedded
    assert (s.pdf_dpi, s.pdf_text, s.pdf_print_tags) == (300, True, True)
    assert s.drop_unsupported
    assert (s.threshold, s.symbol, s.suppress_zeros, s.round_to) == (10, "*", True, 5)
    assert s.workers == 3


def test_operator_for_a_fine_type_uses_its_group() -> None:
    s = Settings(operators=(("PERSON", "mask"), ("ID", "redact")))
    assert s.operator_for("CHILD") == "mask"
    assert s.operator_for("ADULT") == "mask"
    assert s.operator_for("NHS_NUMBER") == "redact"
    assert s.operator_for("EMAIL") == "tag"


def test_a_fine_type_override_wins_over_its_group_when_listed_first() -> None:
    s = Settings(operators=(("CHILD", "redact"), ("PERSON", "mask")))
    assert s.operator_for("CHILD") == "redact"
    assert s.operator_for("ADULT") == "mask"


def test_enabled_follows_entity_groups() -> None:
    s = Settings(entities=frozenset({"PERSON", "ID"}))
    assert s.enabled("CHILD") and s.enabled("UPN")
    assert not s.enabled("PHONE") and not s.enabled("POSTCODE")


def test_hash_key_comes_from_the_named_environment_variable(monkeypatch) -> None:
    s = Settings(hash_key_env="TEST_REDACTOR_KEY")
    monkeypatch.delenv("TEST_REDACTOR_KEY", raising=False)
    assert s.hash_key() is None
    monkeypatch.setenv("TEST_REDACTOR_KEY", "k3y")
    assert s.hash_key() == b"k3y"


def test_the_pdf_password_is_not_in_the_repr() -> None:
    assert "s3cret" not in repr(Settings(pdf_password="s3cret"))


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("[detect]\nentities = ['PERSON', 'PETS']", "unknown entity type(s) PETS; choose from"),
        ("[operators]\ndefault = 'shred'", "choose one of tag, redact, mask, hash"),
        ("[operators]\nPETS = 'tag'", "unknown entity type 'PETS'"),
        ("[operators]\nPHONE = 3", "[operators] PHONE must be a string"),
        ("[detect]\nscore_threshold = 1.5", "between 0 and 1"),
        ("[detect]\nscore_threshold = true", "must be a number, not true/false"),
        ("[detect]\nscore_threshold = 'high'", "score_threshold must be a number"),
        ("[detect]\nallow = 'Oakfield'", "allow must be a list"),
        ("[suppress]\nthreshold = 1", "2 or more"),
        ("[suppress]\nsymbol = ''", "symbol must not be empty"),
        ("[suppress]\nround = 1", "rounding base must be 2 or more"),
        ("[pdf]\ndpi = 20", "between 50 and 600"),
        ("[output]\nmask_char = '**'", "single character"),
        ("[batch]\nworkers = 0", "workers must be 1 or more"),
        ("[detekt]\nallow = []", "unknown section [detekt]; known: batch, detect"),
        ("[detect]\nalow = []", "unknown key 'alow' in [detect]; known: allow, deny"),
        ("detect = 3", "'detect' must be a [section] table"),
        ("[detect\n", "not valid TOML"),
    ],
)
def test_invalid_settings_name_the_file_and_the_fix(
    tmp_path: Path, toml: str, expected: str
) -> None:
    path = write(tmp_path, toml)
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    message = str(caught.value)
    assert str(path) in message
    assert expected in message


def test_a_missing_config_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "nope.toml")


def test_a_config_file_that_is_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "redactor.toml"
    path.write_bytes(b"[detect]\nallow = ['\xff']\n")
    with pytest.raises(ConfigError, match="cannot be read"):
        load_settings(path)


def test_with_changes_ignores_none_and_validates() -> None:
    base = Settings()
    assert base.with_changes(workers=None, threshold=None) == base
    assert base.with_changes(workers=4).workers == 4
    with pytest.raises(ConfigError, match="unknown setting"):
        base.with_changes(colour="blue")
    with pytest.raises(ConfigError, match="workers must be 1 or more"):
        base.with_changes(workers=0)


def test_paths_given_as_strings_become_paths() -> None:
    from pathlib import Path

    from redactor.settings import Settings

    settings = Settings().with_changes(roster="pupils.csv", staff="staff.csv")
    assert settings.roster == Path("pupils.csv") and settings.staff == Path("staff.csv")
