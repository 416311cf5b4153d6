"""Locations, settings and the redacting log."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from hkcase.config.locations import DATABASE_FILENAME, LocationError, Locations
from hkcase.config.logs import configure_logging, redact
from hkcase.config.settings import Settings, load_settings, read_settings, save_settings


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
    assert '"version": 2' in path.read_text(encoding="utf-8")  # 2: the language setting


def test_unreadable_settings_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path) == Settings()
    path.write_text('{"version": 1, "consultant_name": "Amy", "retired_option": 3}')
    assert load_settings(path).consultant_name == "Amy"


@pytest.mark.parametrize("garbage", [b"{not json", b"[1, 2]", b"\xff\xfe\x00garbage",
                                     b'{"version": "x"}', b"[" * 100_000])
def test_a_garbage_settings_file_is_kept_aside_reported_and_replaced(
        tmp_path: Path, garbage: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(garbage)
    read = read_settings(path)
    assert read.settings == Settings()
    assert read.problem is not None and "kept as settings.json.broken-" in read.problem
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("settings.json.broken-")]
    assert len(aside) == 1 and aside[0].read_bytes() == garbage
    assert load_settings(path) == Settings() and read_settings(path).problem is None
    assert path.stat().st_mode & 0o777 == 0o600


def test_settings_of_the_wrong_type_use_their_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"version": 1, "consultant_name": "Amy", "reminder_lead_days": "soon"}')
    read = read_settings(path)
    assert read.settings.consultant_name == "Amy"
    assert read.settings.reminder_lead_days == Settings().reminder_lead_days
    assert read.problem is not None and "reminder_lead_days" in read.problem


def test_the_cli_reports_a_garbage_settings_file(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from hkcase.cli.main import main

    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text("{oops", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "info"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("hkcase: warning: settings file") and "default settings" in err


def test_everything_is_created_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    from hkcase.cli.main import main

    data = tmp_path / "data"
    old = os.umask(0o000)
    try:
        assert main(["--data-dir", str(data), "demo", "--clients", "5"]) == 0
        assert main(["--data-dir", str(data), "info"]) == 0  # takes the daily backup
        assert main(["--data-dir", str(data), "backup"]) == 0
        save_settings(Settings(consultant_name="Amy"), data / "config" / "settings.json")
    finally:
        os.umask(old)
    paths = [data, *data.rglob("*")]
    assert {p.name for p in paths} >= {"hkcase.sqlite3", "hkcase.log", "settings.json",
                                       "backups", "attachments"}
    assert len([p for p in paths if p.suffix == ".sqlite3"]) >= 3
    loose = {str(p): oct(p.stat().st_mode & 0o777) for p in paths
             if p.stat().st_mode & 0o777 != (0o700 if p.is_dir() else 0o600)}
    assert loose == {}


def test_existing_folders_and_files_are_tightened_on_start(tmp_path: Path) -> None:
    loc = Locations.resolve(tmp_path / "data", env={}).ensure()
    (loc.data_dir / "hkcase.sqlite3").write_bytes(b"")
    attachment = loc.attachments_dir / "ab" / "abc.pdf"
    attachment.parent.mkdir()
    attachment.write_bytes(b"%PDF")
    for path in (loc.data_dir, loc.attachments_dir, attachment.parent):
        path.chmod(0o755)
    for path in (attachment, loc.data_dir / "hkcase.sqlite3"):
        path.chmod(0o644)
    loc.ensure()
    assert loc.data_dir.stat().st_mode & 0o777 == 0o700
    assert attachment.parent.stat().st_mode & 0o777 == 0o700
    assert attachment.stat().st_mode & 0o777 == 0o600
    assert (loc.data_dir / "hkcase.sqlite3").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "secret",
    ["A123456(3)", "AB9876543", "E12345678", "K1234567", "11010519491231002X",
     "360426199101010071", "e12345678", "E 1234 5678", "a123456(3)", "A123456 (3)",
     "A 123456 (3)", "A1234563", "110105 19491231 002x", "amy.chan@example.com",
     "+852 9123 4567", "9123 4567", "13812345678"],
)
def test_redact_masks_identity_numbers(secret: str) -> None:
    masked = redact(f"saved client with number {secret}.")
    assert masked == "saved client with number [redacted]."


def test_redact_keeps_ordinary_text() -> None:
    text = "case 2026-000123 opened for GEP, 3 stays, schema 0001"
    assert redact(text) == text
    # A backup made just after midnight: its name must reach the user whole.
    name = "hkcase-20261202-001219-094992-manual.sqlite3"
    assert redact(f"restore it with: hkcase restore {name}").endswith(name)


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
