"""Which backups to keep: 7 daily, 4 weekly, 12 monthly (grandfather-father-son)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import datetime

from hkcase.services.backups.files import DAILY, DAMAGED, MANUAL, BackupFile

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
