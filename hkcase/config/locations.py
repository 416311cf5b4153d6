"""Where hkcase keeps its database, attachments, backups, settings and logs."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from hkcase import APP_NAME
from hkcase.config.permissions import tighten

ENV_DATA_DIR = "HKCASE_DATA_DIR"
ENV_DATABASE_URL = "HKCASE_DATABASE_URL"
DATABASE_FILENAME = "hkcase.sqlite3"


class LocationError(Exception):
    """A folder hkcase needs cannot be used; the message names it and says why."""


@dataclass(frozen=True)
class Locations:
    """Every place hkcase reads or writes, resolved once at start-up."""

    data_dir: Path
    config_dir: Path
    log_dir: Path
    backup_dir: Path
    attachments_dir: Path
    database_url: str
    portable: bool

    @property
    def log_file(self) -> Path:
        return self.log_dir / "hkcase.log"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @classmethod
    def resolve(
        cls, data_dir: str | Path | None = None, env: Mapping[str, str] | None = None
    ) -> Locations:
        """Work out the locations from ``--data-dir``, the environment, or platform defaults.

        ``data_dir`` (or ``HKCASE_DATA_DIR``) puts everything in one folder: a
        portable install, a test, a benchmark. ``HKCASE_DATABASE_URL`` overrides
        only the database (for a shared PostgreSQL server).
        """
        env = os.environ if env is None else env
        chosen = data_dir if data_dir is not None else env.get(ENV_DATA_DIR) or None
        if chosen is not None:
            root = Path(chosen).expanduser().absolute()
            places = {
                "data_dir": root,
                "config_dir": root / "config",
                "log_dir": root / "logs",
                "backup_dir": root / "backups",
                "attachments_dir": root / "attachments",
            }
        else:
            data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
            places = {
                "data_dir": data,
                "config_dir": Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
                "log_dir": Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
                "backup_dir": data / "backups",
                "attachments_dir": data / "attachments",
            }
        url = env.get(ENV_DATABASE_URL) or f"sqlite:///{places['data_dir'] / DATABASE_FILENAME}"
        return cls(database_url=url, portable=chosen is not None, **places)

    @property
    def folders(self) -> tuple[Path, ...]:
        """Every folder hkcase keeps things in."""
        return (self.data_dir, self.config_dir, self.log_dir, self.backup_dir,
                self.attachments_dir)

    def check(self) -> Locations:
        """Raise ``LocationError`` if a folder cannot be made or used; creates nothing."""
        for folder in self.folders:
            if folder.exists() and not folder.is_dir():
                raise LocationError(f"{folder} is a file, not a folder")
            existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
            if existing is not None and not existing.is_dir():
                raise LocationError(f"cannot create folder {folder}: {existing} is a file")
        return self

    def ensure(self) -> Locations:
        """Create the folders owner-only (0700) and tighten existing ones and their files.

        Raises ``LocationError`` saying which folder failed.
        """
        for folder in self.folders:
            if folder.exists() and not folder.is_dir():
                raise LocationError(f"{folder} is a file, not a folder")
            try:
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError as exc:
                raise LocationError(f"cannot create folder {folder}: {exc.strerror}") from None
            if not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
                raise LocationError(f"folder {folder} cannot be read and written by you")
        for folder in (self.data_dir, self.config_dir, self.log_dir):
            tighten(folder)
            for entry in _files_in(folder):
                tighten(entry)
        tighten(self.backup_dir, recursive=True)
        tighten(self.attachments_dir, recursive=True)
        return self


def _files_in(folder: Path) -> list[Path]:
    try:
        return [entry for entry in folder.iterdir() if entry.is_file()]
    except OSError:
        return []
