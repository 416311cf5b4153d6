"""Taking backups: daily on start, before migrations, restores and imports, on request."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hkcase.domain.messages import tr
from hkcase.services.backups.attachments import (
    AttachmentSync,
    attachments_beside,
    sync_attachments,
)
from hkcase.services.backups.files import (
    ATTACHMENTS,
    DAILY,
    MANUAL,
    backup_name,
    list_backups,
)
from hkcase.services.backups.rotation import prune_attachments, to_keep
from hkcase.store import Store, crypto
from hkcase.store.errors import BackupError, StoreError
from hkcase.store.sqlite_backup import copy_database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupReport:
    """What a backup wrote."""

    path: Path
    seconds: float
    attachments: AttachmentSync | None
    removed: tuple[Path, ...] = ()


def _database(store: Store) -> Path:
    if store.file is None:
        raise BackupError(
            "this database is on a server; its backups belong to whoever runs the server "
            "(pg_dump, which includes the attached files), not to hkcase")
    return store.file


def write_backup(store: Store, target: Path, *, check: bool = False) -> Path:
    """Copy the store's database to ``target`` with the online backup API, all or nothing.

    Reads through the store's own connection (and so its connection factory);
    ``check`` runs ``quick_check`` on the copy (as long again as the copy itself;
    every restore checks its file anyway). Raises ``BackupError`` saying why,
    leaving no partial file.
    """
    _database(store)
    raw = store.engine.raw_connection()
    try:
        from hkcase.store.sqlcipher import connect_for  # an encrypted copy of an encrypted db

        return copy_database(raw.driver_connection, target, check=check,
                             connect=connect_for(_database(store)))
    finally:
        raw.close()


def backup_now(store: Store, backup_dir: Path, attachments_dir: Path | None, *,
               label: str = MANUAL, rotate: bool = True) -> BackupReport:
    """Back up the database (and new attachments) into ``backup_dir``, then rotate."""
    started = datetime.now()
    database = _database(store)
    try:
        backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(tr("cannot create the backups folder {folder}: {reason}",
                             folder=backup_dir, reason=exc.strerror)) from None
    target = write_backup(store, backup_dir / backup_name(database, label, started))
    synced = None
    if attachments_dir is not None:
        try:
            synced = sync_attachments(attachments_dir, backup_dir / ATTACHMENTS)
        except OSError as exc:
            raise BackupError(tr("the database was backed up to {target}, but copying the "
                                 "attachments failed: {reason}", target=target,
                                 reason=exc.strerror)) from None
    removed = rotate_backups(backup_dir) if rotate else ()
    seconds = (datetime.now() - started).total_seconds()
    log.info("backed up the database to %s in %.2f s", target.name, seconds)
    return BackupReport(target, seconds, synced, removed)


def backup_to_file(store: Store, target: Path, attachments_dir: Path | None,
                   data_dir: Path) -> BackupReport:
    """``backup -o FILE``: the database to ``target``, its attachments (by hash, only new
    ones) to ``FILE.attachments`` beside it, and, for an encrypted folder, a copy of its
    encryption header there, so ``hkcase restore FILE`` brings everything back."""
    started = datetime.now()
    copy = write_backup(store, target)
    synced = None
    beside = attachments_beside(copy)
    try:
        beside.mkdir(mode=0o700, exist_ok=True)
        if attachments_dir is not None:
            synced = sync_attachments(attachments_dir, beside)
        header = crypto.read_header(data_dir)
        if header is not None:
            crypto.write_header(beside, header)
    except (OSError, StoreError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise BackupError(tr("the database was backed up to {target}, but copying the "
                             "attachments to {folder} failed: {reason}", target=copy,
                             folder=beside, reason=reason)) from None
    seconds = (datetime.now() - started).total_seconds()
    return BackupReport(copy, seconds, synced)


def backup_before(store: Store, backup_dir: Path, attachments_dir: Path | None,
                  what: str) -> Path | None:
    """A safety copy before ``what`` (``"restore"``, ``"import"`` …); None for a server
    database. Raises ``BackupError`` if it cannot be made: do not go ahead then."""
    if store.file is None:
        return None
    return backup_now(store, backup_dir, attachments_dir, label=f"before-{what}").path


def daily_backup(store: Store, backup_dir: Path, attachments_dir: Path | None, *,
                 now: datetime | None = None) -> BackupReport | None:
    """Back up once a day (the first start of the day); None if already done or not due.

    A newly created, empty database and a server database are not backed up.
    """
    if store.file is None or store.migration.previous is None:
        return None
    today = (now or datetime.now()).date()
    if any(b.label == DAILY and b.taken.date() == today for b in list_backups(backup_dir)):
        return None
    return backup_now(store, backup_dir, attachments_dir, label=DAILY)


def rotate_backups(backup_dir: Path) -> tuple[Path, ...]:
    """Delete the database backups rotation no longer keeps; returns what was deleted."""
    backups = list_backups(backup_dir)
    keep = to_keep(backups)
    removed = []
    for backup in backups:
        if backup not in keep:
            with contextlib.suppress(OSError):
                backup.path.unlink()
                removed.append(backup.path)
    blobs = prune_attachments(backup_dir, keep)
    if blobs:
        log.info("rotation removed %d backed-up attachment files no backup needs", len(blobs))
    return tuple(removed)
