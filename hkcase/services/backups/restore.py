"""Restoring a backup: checked first, the current database kept aside, all or nothing.

In an encrypted data folder every step goes through SQLCipher under the
folder's keys: an encrypted backup is checked and copied as it is; a plain one
(taken before the folder was encrypted, or brought from elsewhere) is
encrypted on the way in, never put in place in the clear. An encrypted backup
cannot be restored into an unencrypted folder (its key is not there).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from hkcase.config.locations import Locations
from hkcase.domain.messages import tr
from hkcase.services.backups.attachments import attachments_beside, restore_attachments
from hkcase.services.backups.files import ATTACHMENTS, DAMAGED, backup_name, list_backups
from hkcase.store import crypto, open_store, sqlite_path, sqlite_url
from hkcase.store.crypto import Keys, WrongPassphraseError
from hkcase.store.errors import BackupError, DamagedDatabaseError, StoreError
from hkcase.store.failures import describe
from hkcase.store.integrity import check_database_file
from hkcase.store.migrate import head_revision, known_revision
from hkcase.store.sqlite_backup import (
    SQLITE_HEADER,
    copy_file_database,
    db_errors,
    fsync_folder,
    is_plain,
    open_quietly,
)

_BUSY_MS = 10_000
_FAILED: tuple[type[Exception], ...] = (StoreError, *db_errors())


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds, once checked."""

    path: Path
    revision: str
    clients: int
    cases: int
    modified: datetime

    def describe(self) -> str:
        """The backup in a few words, in the interface's language."""
        return tr("{name} ({clients:,} clients, {cases:,} cases, schema {revision}, saved "
                  "{saved})", name=self.path.name, clients=self.clients, cases=self.cases,
                  revision=self.revision, saved=self.modified)


@dataclass(frozen=True)
class RestoreReport:
    restored: BackupInfo
    kept_aside: Path | None
    attachments_copied: int
    attachments_missing: tuple[str, ...]


def inspect_backup(path: Path, keys: Keys | None = None) -> BackupInfo:
    """Check that ``path`` is a whole hkcase database this hkcase can open.

    ``PRAGMA integrity_check`` (every page), then the schema revision: a backup
    written by a newer hkcase, or by another program, is refused with ``BackupError``.
    An encrypted backup needs the ``keys`` of its data folder.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise BackupError(tr("cannot read {path}: {reason}", path=path,
                             reason=exc.strerror)) from None
    if head != SQLITE_HEADER and keys is None:
        if len(head) == len(SQLITE_HEADER):
            raise BackupError(tr("{path} is not an hkcase backup, or it is encrypted and this "
                                 "data folder is not (restore it into its own encrypted data "
                                 "folder)", path=path))
        raise BackupError(tr("{path} is not an hkcase backup (not an SQLite database)",
                             path=path))
    try:
        try:
            conn = open_quietly(path, keys)
        except WrongPassphraseError:
            raise BackupError(tr("{path} is not an hkcase backup, or it is encrypted with "
                                 "another data folder's key", path=path)) from None
        try:
            verdict = "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check(5)"))
            if verdict != "ok":
                raise BackupError(tr("{path} is damaged (integrity check: {verdict}); choose "
                                     "another backup", path=path, verdict=verdict[:200]))
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"alembic_version", "client", "case"} <= tables:
                raise BackupError(tr("{path} is not an hkcase database", path=path))
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            clients = conn.execute("SELECT count(*) FROM client").fetchone()[0]
            cases = conn.execute('SELECT count(*) FROM "case"').fetchone()[0]
        finally:
            conn.close()
    except db_errors() as exc:
        if isinstance(exc, sqlite3.Error) and isinstance(describe(exc, str(path)),
                                                         DamagedDatabaseError):
            raise BackupError(tr("{path} is damaged ({error}); choose another backup",
                                 path=path, error=str(exc).splitlines()[0])) from None
        raise BackupError(tr("{path} cannot be read as an hkcase backup ({error})", path=path,
                             error=str(exc).splitlines()[0])) from None
    if revision is None or not known_revision(revision[0]):
        raise BackupError(tr("{path} was written by a newer version of hkcase (schema "
                             "{revision}); install that version (head here is {head})",
                             path=path, revision=revision[0] if revision else "none",
                             head=head_revision()))
    modified = datetime.fromtimestamp(path.stat().st_mtime)
    return BackupInfo(path, revision[0], int(clients), int(cases), modified)


def newest_good_backup(backup_dir: Path) -> BackupInfo | None:
    """The newest backup in ``backup_dir`` that passes ``inspect_backup`` (with the keys
    of the open data folder holding it, if it is encrypted)."""
    keys = crypto.keys_for(backup_dir)
    for backup in list_backups(backup_dir):
        if backup.label == DAMAGED:
            continue
        with contextlib.suppress(BackupError, OSError):
            return inspect_backup(backup.path, keys)
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


def _healthy(path: Path, keys: Keys | None) -> bool:
    if keys is not None and path.exists() and not is_plain(path):
        from hkcase.store.sqlcipher import quick_check

        try:
            quick_check(path, keys)
        except _FAILED:
            return False
        return True
    try:
        check_database_file(path)
    except StoreError:
        return False
    return path.exists() and path.stat().st_size > 0


def _connect(database: Path, keys: Keys | None) -> object:
    if keys is None or is_plain(database):
        return sqlite3.connect(database, timeout=_BUSY_MS / 1000)
    from hkcase.store.sqlcipher import connect_file

    return connect_file(database, keys, timeout=_BUSY_MS / 1000)


def _restore_into_live(source: Path, database: Path, keys: Keys | None) -> None:
    """Overwrite the live database with ``source`` in one transaction (the backup API),
    so other connections see the old or the new database, never a mix."""
    src = open_quietly(source, keys)
    try:
        dst: Any = _connect(database, keys)
        try:
            src.backup(dst, pages=-1)
            dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dst.close()
    except db_errors() as exc:
        raise BackupError(tr("restoring {name} failed and nothing was changed ({error})",
                             name=source.name, error=str(exc).splitlines()[0])) from None
    finally:
        src.close()


def _encrypted_copy(source: Path, folder: Path, keys: Keys) -> Path:
    """An encrypted, verified copy of the plain backup ``source`` in ``folder``."""
    from hkcase.store.sqlcipher import export_encrypted

    plain = copy_file_database(source, folder / f".restore-{os.getpid()}.plain", check=False)
    target = folder / f".restore-{os.getpid()}.encrypted"
    with contextlib.suppress(FileNotFoundError):
        target.unlink()
    try:
        export_encrypted(plain, target, keys)
    except _FAILED as exc:
        raise BackupError(tr("restoring {name} failed while encrypting it; nothing was "
                             "changed ({error})", name=source.name,
                             error=str(exc).splitlines()[0])) from None
    finally:
        for leftover in (plain, plain.with_name(plain.name + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return target


def _replace_damaged(source: Path, database: Path, backup_dir: Path,
                     keys: Keys | None) -> Path | None:
    """Put a checked copy of ``source`` in place of a damaged or missing database file;
    the damaged file (and its -wal) are kept in ``backup_dir``."""
    restoring = database.with_name(f".{database.name}.restoring")
    if keys is None or is_plain(source):
        fresh = copy_file_database(source, restoring)
    else:
        from hkcase.store.sqlcipher import Connector

        connect = Connector(database, keys).for_file
        fresh = copy_file_database(source, restoring, connect=connect)
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
        raise BackupError(tr("restoring {name} failed ({reason}); the current database was "
                             "not replaced", name=source.name, reason=exc.strerror)) from None
    return aside


def restore(locations: Locations, source: Path) -> RestoreReport:
    """Replace the data folder's database with the backup ``source``.

    The backup is checked first (``inspect_backup``); the current database is
    backed up (or, if damaged, kept as is) in the backups folder; then the
    backup replaces it in one step. Attachments the restored database names and
    the folder lacks are copied back from the backup's own attachments folder
    (``FILE.attachments`` beside a ``backup -o FILE``) or the backups folder.
    An encrypted folder must have been unlocked (``encryption.unlock_folder``).
    """
    keys = crypto.keys_for(locations.data_dir) \
        if crypto.read_header(locations.data_dir) is not None else None
    info = inspect_backup(source, keys)
    database = database_file(locations)
    if database.exists() and database.resolve() == source.resolve():
        raise BackupError(tr("{path} is the current database itself", path=source))
    locations.ensure()
    kept = None
    converted = None
    if keys is not None and is_plain(source):  # never put in place unencrypted
        converted = source = _encrypted_copy(source, locations.backup_dir, keys)
    try:
        if _healthy(database, keys):
            # The safety copy goes through the normal store (migrated, checked).
            from hkcase.services.backups.make import backup_before

            connector = None
            if keys is not None and not is_plain(database):
                from hkcase.store.sqlcipher import Connector

                connector = Connector(database, keys)
            store = open_store(sqlite_url(database), backup_dir=locations.backup_dir,
                               check=False, connect=connector)
            try:
                kept = backup_before(store, locations.backup_dir, locations.attachments_dir,
                                     "restore")
            finally:
                store.close()
            _restore_into_live(source, database, keys)
        else:
            kept = _replace_damaged(source, database, locations.backup_dir, keys)
    finally:
        if converted is not None:
            with contextlib.suppress(FileNotFoundError):
                converted.unlink()
    copied, missing = _attachments_back(database, locations, info.path, keys)
    return RestoreReport(info, kept, copied, tuple(missing))


def _attachments_back(database: Path, locations: Locations, source: Path,
                      keys: Keys | None) -> tuple[int, list[str]]:
    try:
        conn: Any = open_quietly(database, keys)
        try:
            wanted = [r[0] for r in conn.execute("SELECT DISTINCT stored_path FROM document")]
        finally:
            conn.close()
    except _FAILED:
        return 0, []
    copied, missing = 0, wanted
    for folder in (attachments_beside(source), locations.backup_dir / ATTACHMENTS):
        if not missing:
            break
        more, missing = restore_attachments(folder, locations.attachments_dir, missing)
        copied += more
    return copied, missing
