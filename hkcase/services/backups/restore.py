"""Restoring a backup: checked first, the current database kept aside, all or nothing."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hkcase.config.locations import Locations
from hkcase.services.backups.attachments import restore_attachments
from hkcase.services.backups.files import ATTACHMENTS, DAMAGED, backup_name, list_backups
from hkcase.store import open_store, sqlite_path, sqlite_url
from hkcase.store.errors import BackupError, DamagedDatabaseError, StoreError
from hkcase.store.failures import describe
from hkcase.store.integrity import check_database_file
from hkcase.store.migrate import head_revision, known_revision
from hkcase.store.sqlite_backup import (
    SQLITE_HEADER,
    copy_file_database,
    fsync_folder,
    open_quietly,
)

_BUSY_MS = 10_000


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds, once checked."""

    path: Path
    revision: str
    clients: int
    cases: int
    modified: datetime

    def describe(self) -> str:
        return (f"{self.path.name} ({self.clients:,} clients, {self.cases:,} cases, schema "
                f"{self.revision}, saved {self.modified:%Y-%m-%d %H:%M})")


@dataclass(frozen=True)
class RestoreReport:
    restored: BackupInfo
    kept_aside: Path | None
    attachments_copied: int
    attachments_missing: tuple[str, ...]


def inspect_backup(path: Path) -> BackupInfo:
    """Check that ``path`` is a whole hkcase database this hkcase can open.

    ``PRAGMA integrity_check`` (every page), then the schema revision: a backup
    written by a newer hkcase, or by another program, is refused with ``BackupError``.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise BackupError(f"cannot read {path}: {exc.strerror}") from None
    if head != SQLITE_HEADER:
        raise BackupError(f"{path} is not an hkcase backup (not an SQLite database)")
    try:
        conn = open_quietly(path)
        try:
            verdict = "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check(5)"))
            if verdict != "ok":
                raise BackupError(f"{path} is damaged (integrity check: {verdict[:200]}); "
                                  "choose another backup")
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"alembic_version", "client", "case"} <= tables:
                raise BackupError(f"{path} is not an hkcase database")
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            clients = conn.execute("SELECT count(*) FROM client").fetchone()[0]
            cases = conn.execute('SELECT count(*) FROM "case"').fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if isinstance(describe(exc, str(path)), DamagedDatabaseError):
            raise BackupError(f"{path} is damaged ({str(exc).splitlines()[0]}); choose "
                              "another backup") from None
        raise BackupError(f"{path} cannot be read as an hkcase backup "
                          f"({str(exc).splitlines()[0]})") from None
    if revision is None or not known_revision(revision[0]):
        raise BackupError(f"{path} was written by a newer version of hkcase (schema "
                          f"{revision[0] if revision else 'none'}); install that version "
                          f"(head here is {head_revision()})")
    modified = datetime.fromtimestamp(path.stat().st_mtime)
    return BackupInfo(path, revision[0], int(clients), int(cases), modified)


def newest_good_backup(backup_dir: Path) -> BackupInfo | None:
    """The newest backup in ``backup_dir`` that passes ``inspect_backup``."""
    for backup in list_backups(backup_dir):
        if backup.label == DAMAGED:
            continue
        with contextlib.suppress(BackupError, OSError):
            return inspect_backup(backup.path)
    return None


def database_file(locations: Locations) -> Path:
    path = sqlite_path_of(locations.database_url)
    if path is None:
        raise BackupError("restore works on an SQLite data folder; a server database is "
                          "restored by whoever runs the server (pg_restore)")
    return path


def sqlite_path_of(url: str) -> Path | None:
    from sqlalchemy.engine import make_url

    return sqlite_path(make_url(url))


def _healthy(path: Path) -> bool:
    try:
        check_database_file(path)
    except StoreError:
        return False
    return path.exists() and path.stat().st_size > 0


def _restore_into_live(source: Path, database: Path) -> None:
    """Overwrite the live database with ``source`` in one transaction (the backup API),
    so other connections see the old or the new database, never a mix."""
    src = open_quietly(source)
    try:
        dst = sqlite3.connect(database, timeout=_BUSY_MS / 1000)
        try:
            src.backup(dst, pages=-1)
            dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise BackupError(f"restoring {source.name} failed and nothing was changed "
                          f"({str(exc).splitlines()[0]})") from None
    finally:
        src.close()


def _replace_damaged(source: Path, database: Path, backup_dir: Path) -> Path | None:
    """Put a checked copy of ``source`` in place of a damaged or missing database file;
    the damaged file (and its -wal) are kept in ``backup_dir``."""
    fresh = copy_file_database(source, database.with_name(f".{database.name}.restoring"))
    aside = None
    try:
        if database.exists():
            aside = backup_dir / backup_name(database, DAMAGED, datetime.now())
            shutil.copy2(database, aside)
            wal = database.with_name(database.name + "-wal")
            if wal.exists():
                shutil.copy2(wal, aside.with_name(aside.name + "-wal"))
                os.remove(wal)
        shm = database.with_name(database.name + "-shm")
        with contextlib.suppress(FileNotFoundError):
            os.remove(shm)
        os.replace(fresh, database)
        fsync_folder(database.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            fresh.unlink()
        raise BackupError(f"restoring {source.name} failed ({exc.strerror}); the current "
                          "database was not replaced") from None
    return aside


def restore(locations: Locations, source: Path) -> RestoreReport:
    """Replace the data folder's database with the backup ``source``.

    The backup is checked first (``inspect_backup``); the current database is
    backed up (or, if damaged, kept as is) in the backups folder; then the
    backup replaces it in one step. Attachments the restored database names and
    the folder lacks are copied back from the backups folder.
    """
    info = inspect_backup(source)
    database = database_file(locations)
    if database.exists() and database.resolve() == source.resolve():
        raise BackupError(f"{source} is the current database itself")
    locations.ensure()
    kept = None
    if _healthy(database):
        # The safety copy goes through the normal store (migrated, checked).
        from hkcase.services.backups.make import backup_before

        store = open_store(sqlite_url(database), backup_dir=locations.backup_dir, check=False)
        try:
            kept = backup_before(store, locations.backup_dir, locations.attachments_dir,
                                 "restore")
        finally:
            store.close()
        _restore_into_live(source, database)
    else:
        kept = _replace_damaged(source, database, locations.backup_dir)
    copied, missing = _attachments_back(database, locations)
    return RestoreReport(info, kept, copied, tuple(missing))


def _attachments_back(database: Path, locations: Locations) -> tuple[int, list[str]]:
    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            wanted = [r[0] for r in conn.execute("SELECT DISTINCT stored_path FROM document")]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0, []
    return restore_attachments(locations.backup_dir / ATTACHMENTS, locations.attachments_dir,
                               wanted)
