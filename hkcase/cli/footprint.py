"""What a command created, so a command that fails can leave the data folder as it found it.

Commands check their input before they open anything (``arg_types``, a
registered ``validate``); some failures are only known once the store is open
(an unknown case reference in a folder that had no database yet). Then the
files and folders this run created are removed again: only paths that did not
exist before, a database only if it still holds no client, a folder only if empty.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from hkcase.config.locations import LocationError, Locations
from hkcase.services.storage import database_file


@dataclass(frozen=True)
class Footprint:
    """The hkcase paths that did not exist before a command ran."""

    absent: tuple[Path, ...]
    database: Path | None

    @classmethod
    def before(cls, data_dir: str | None) -> Footprint:
        try:
            locations = Locations.resolve(data_dir)
        except (LocationError, OSError):
            return cls((), None)
        database = database_file(locations.database_url)
        candidates = [*locations.folders, locations.settings_file, locations.log_file]
        if database is not None:
            candidates += [database.parent, database,
                           *(database.with_name(database.name + s) for s in ("-wal", "-shm"))]
        for folder in list(locations.folders):
            candidates += [p for p in folder.parents if p not in candidates]
        absent = tuple(dict.fromkeys(p for p in candidates if not p.exists()))
        return cls(absent, database if database in absent else None)

    def undo(self) -> None:
        """Remove what this run created (see the module docstring); never anything else."""
        if self.database is not None and self.database.exists() and _empty(self.database):
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    self.database.with_name(self.database.name + suffix).unlink()
        files = [p for p in self.absent if p.is_file() and p != self.database
                 and not p.name.startswith(self.database.name if self.database else "\0")]
        for file in files:
            with contextlib.suppress(OSError):
                file.unlink()
        folders = sorted((p for p in self.absent if p.is_dir()), key=lambda p: len(p.parts),
                         reverse=True)
        for folder in folders:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if empty


def _empty(database: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            return all(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] == 0
                       for t in ("client", "case") if t in tables)
        finally:
            conn.close()
    except sqlite3.Error:
        return False
