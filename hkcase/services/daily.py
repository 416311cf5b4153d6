"""The first start of the day's care of the database, for a window that is already up.

``open_app`` does all of it before returning (what the CLI wants). The GUI opens the
store with ``integrity=False, daily_backup=False`` so its window paints at once, and
runs ``daily_care`` on a worker thread after that first paint: ``PRAGMA quick_check``
first, so every daily backup is still of a checked database, then the backup. When
the first start of the day also has a schema upgrade due, ``check_before_open`` says
so and the check runs before the store is opened, as it always did.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from sqlalchemy.engine import make_url

from hkcase.config.locations import Locations
from hkcase.domain.messages import tr
from hkcase.services.backups import daily_backup, list_backups
from hkcase.services.workspace import Workspace
from hkcase.store import sqlite_path
from hkcase.store.errors import BackupError
from hkcase.store.integrity import check_database_file
from hkcase.store.migrate import file_revision, head_revision

log = logging.getLogger(__name__)

_PLAIN_HEADER = b"SQLite format 3\x00"


def first_start_today(locations: Locations, today: date | None = None) -> bool:
    """No automatic backup from today yet: today's check and backup are still due."""
    day = today or datetime.now().date()
    return not any(b.label == "daily" and b.taken.date() == day
                   for b in list_backups(locations.backup_dir))


def check_before_open(locations: Locations) -> bool:
    """Whether ``PRAGMA quick_check`` must run before the store opens.

    Only on the first start of the day, and only when the schema is not known to be
    current (an upgrade is due, or the file cannot be read plainly): a migration
    never runs on a database that has not been checked today.
    """
    database = sqlite_path(make_url(locations.database_url))
    if database is None or not database.exists() or not first_start_today(locations):
        return False
    return file_revision(database) != head_revision()


def check_database(ctx: Workspace) -> None:
    """``PRAGMA quick_check`` of the open store's file; ``DamagedDatabaseError`` if it fails."""
    database = ctx.store.file
    if database is None or not database.exists():
        return
    with open(database, "rb") as handle:
        plain = handle.read(len(_PLAIN_HEADER)) == _PLAIN_HEADER
    if plain:
        check_database_file(database, integrity=True)
        return
    from hkcase.store import crypto, sqlcipher

    keys = crypto.keys_for(ctx.locations.data_dir)
    if keys is not None:
        sqlcipher.quick_check(database, keys)


def daily_care(ctx: Workspace, *, check: bool) -> list[str]:
    """Today's check (with ``check``) and automatic backup; returns notices for the user.

    Raises ``DamagedDatabaseError`` (and takes no backup) when the check fails. Safe on
    a worker thread: the check opens its own connection, the backup a pooled one.
    """
    if check:
        check_database(ctx)
    try:
        daily_backup(ctx.store, ctx.locations.backup_dir, ctx.locations.attachments_dir)
    except BackupError as exc:
        log.warning("daily backup failed: %s", exc)
        return [tr("today's automatic backup failed: {error}", error=exc)]
    return []
