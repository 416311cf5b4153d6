"""Locations, settings and the redacting log."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from hkcase.config.locations import DATABASE_FILENAME, LocationError, Locations
from hkcase.config.logs import configure_logging, redact
from hkcase.config.settings import Settings, load_settings, save_settings


def test_data_dir_puts_everything_in_one_folder(tmp_path: Path) -> None:
    loc = Locations.resolve(tmp_path / "portable", env={})
    assert loc.portable
    for folder in (loc.config_dir, loc.log_dir, loc.backup_dir, loc.attachments_dir):
        assert folder.is_relative_to(tmp_path / "portable")
    assert loc.database_url == f"sqlite:///{tmp_path / 'portable' / DATABASE_FILENAME}"


def test_environment_data_dir_and_database_url(tmp_path: Path) -> None:
    env = {"HKCASE_DATA_DIR": str(tmp_path / "env"),
           "HKCASE_DATABASE_URL": "postgresql+psycopg://office/hkcase"}
    loc = Locations.resolve(env=env)
    assert loc.data_dir == tmp_path / "env"
    assert loc.database_url == "postgresql+psycopg://office/hkcase"
    # The command-line option wins over the environment.
    assert Locations.resolve(tmp_path / "cli", env=env).data_dir == tmp_path / "cli"


def test_platform_defaults_follow_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    loc = Locations.resolve(env={})
    assert not loc.portable
    assert loc.data_dir == tmp_path / "xdg-data" / "hkcase"
    assert loc.config_dir == tmp_path / "xdg-config" / "hkcase"


def test_ensure_creates_the_folders(tmp_path: Path) -> None:
    loc = Locations.resolve(tmp_path / "new", env={}).ensure()
    assert loc.attachments_dir.is_dir() and loc.backup_dir.is_dir() and loc.log_dir.is_dir()


def test_a_file_where_the_data_folder_should_be(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(LocationError, match="blocker is a file, not a folder"):
        Locations.resolve(blocker, env={}).ensure()
    with pytest.raises(LocationError, match="cannot create folder"):
        Locations.resolve(blocker / "inside", env={}).ensure()


def test_settings_round_trip_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert load_settings(path) == Settings()
    save_settings(Settings(consultant_name="陳小姐", reminder_lead_days=[90, 30]), path)
    loaded = load_settings(path)
    assert loaded.consultant_name == "陳小姐"
    assert loaded.reminder_lead_days == [90, 30]
    assert '"version": 1' in path.read_text(encoding="utf-8")


def test_unreadable_settings_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path) == Settings()
    path.write_text('{"version": 1, "consultant_name": "Amy", "retired_option": 3}')
    assert load_settings(path).consultant_name == "Amy"


@pytest.mark.parametrize(
    "secret",
    ["A123456(3)", "AB9876543", "E12345678", "K1234567", "11010519491231002X",
     "360426199101010071"],
)
def test_redact_masks_identity_numbers(secret: str) -> None:
    assert secret not in redact(f"saved client with number {secret}.")


def test_redact_keeps_ordinary_text() -> None:
    text = "case 2026-000123 opened for GEP, 3 stays, schema 0001"
    assert redact(text) == text


def test_log_file_never_holds_a_passport_number(tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "hkcase.log"
    handler = configure_logging(log_file)
    try:
        logger = logging.getLogger("hkcase.test")
        logger.info("passport %s for client %s", "E12345678", "陳大文")
        try:
            raise ValueError("bad HKID A123456(3)")
        except ValueError:
            logger.exception("could not save")
        handler.flush()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    written = log_file.read_text(encoding="utf-8")
    assert "陳大文" in written and "[redacted]" in written
    assert "E12345678" not in written
    assert "A123456(3)" not in written
