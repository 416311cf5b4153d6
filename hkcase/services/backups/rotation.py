"""Which backups to keep: 7 daily, 4 weekly, 12 monthly (grandfather-father-son);
and which backed-up attachments no kept backup needs any more."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Hashable, Iterable
from datetime import datetime
from pathlib import Path

from hkcase.services.backups.files import ATTACHMENTS, DAILY, DAMAGED, MANUAL, BackupFile
from hkcase.store import crypto
from hkcase.store.crypto import Keys
from hkcase.store.errors import StoreError
from hkcase.store.sqlite_backup import db_errors, open_quietly

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
#: Safety copies taken before a migration, a restore or an import: the newest few of each.
KEEP_SAFETY_COPIES = 10


def _newest_per(backups: list[BackupFile], period: Callable[[datetime], Hashable],
                count: int) -> set[BackupFile]:
    chosen: dict[Hashable, BackupFile] = {}
    for backup in backups:  # newest first: the first seen in a period is its newest
        key = period(backup.taken)
        if key not in chosen:
            if len(chosen) == count:
                break
            chosen[key] = backup
    return set(chosen.values())


def to_keep(backups: Iterable[BackupFile]) -> set[BackupFile]:
    """The backups rotation keeps; every other one may be deleted.

    Daily backups: the newest of each of the last 7 days that have one, of the
    last 4 ISO weeks and of the last 12 months. Manual and damaged-database
    copies are never deleted; safety copies, the newest ``KEEP_SAFETY_COPIES``
    of each kind.
    """
    ordered = sorted(backups, key=lambda b: b.taken, reverse=True)
    daily = [b for b in ordered if b.label == DAILY]
    keep = _newest_per(daily, lambda t: t.date(), KEEP_DAILY)
    keep |= _newest_per(daily, lambda t: t.isocalendar()[:2], KEEP_WEEKLY)
    keep |= _newest_per(daily, lambda t: (t.year, t.month), KEEP_MONTHLY)
    keep |= {b for b in ordered if b.label in (MANUAL, DAMAGED)}
    safety: dict[str, list[BackupFile]] = {}
    for b in ordered:
        if b.label not in (DAILY, MANUAL, DAMAGED):
            safety.setdefault(b.kind, []).append(b)
    for copies in safety.values():
        keep |= set(copies[:KEEP_SAFETY_COPIES])
    return keep


_UNREADABLE: tuple[type[Exception], ...] = (OSError, StoreError, *db_errors())
#: A blob this young may belong to a backup another process is writing now.
FRESH_SECONDS = 3600


def referenced_attachments(backups: Iterable[BackupFile], keys: Keys | None) -> set[str] | None:
    """The stored paths the ``backups`` name (``document.stored_path``), or None if one of
    them cannot be read: then nothing may be pruned."""
    wanted: set[str] = set()
    for backup in backups:
        try:
            conn = open_quietly(backup.path, keys)
            try:
                tables = {r[0] for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'")}
                if "document" in tables:
                    wanted.update(r[0] for r in conn.execute(
                        "SELECT DISTINCT stored_path FROM document"))
            finally:
                conn.close()
        except _UNREADABLE:
            return None
    return wanted


def prune_attachments(backup_dir: Path, kept: Iterable[BackupFile]) -> tuple[Path, ...]:
    """Delete the files in ``backups/attachments`` no ``kept`` backup names.

    Skipped entirely when any kept backup cannot be read (then it may need any
    file); a file younger than ``FRESH_SECONDS`` is kept (a backup being taken
    by another process may be about to name it).
    """
    folder = backup_dir / ATTACHMENTS
    if not folder.is_dir():
        return ()
    wanted = referenced_attachments(kept, crypto.keys_for(backup_dir))
    if wanted is None:
        return ()
    cutoff = time.time() - FRESH_SECONDS
    removed = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        for blob in sorted(sub.iterdir()):
            relative = f"{sub.name}/{blob.name}"
            if relative in wanted or not blob.is_file():
                continue
            with contextlib.suppress(OSError):
                if blob.stat().st_mtime < cutoff:
                    blob.unlink()
                    removed.append(blob)
    return tuple(removed)
