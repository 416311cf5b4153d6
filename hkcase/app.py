"""Starting hkcase: locations, logging, settings and the store, the same for CLI and GUI.

The order matters for "nothing written by a command that fails": the database
file is checked (zero bytes, not SQLite, ``PRAGMA quick_check``) before any
folder is created beside it; everything created is owner-only (umask 077,
existing folders tightened); the daily backup is taken once the store is open.
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from hkcase import __version__
from hkcase.config.locations import Locations
from hkcase.config.logs import configure_logging
from hkcase.config.permissions import private_umask
from hkcase.config.settings import Settings, read_settings
from hkcase.store import Store, open_store, sqlite_path
from hkcase.store.errors import BackupError, DamagedDatabaseError, StoreError
from hkcase.store.integrity import check_database_file

log = logging.getLogger(__name__)

#: Where notices go as soon as they arise besides ``AppContext.notices`` (the CLI
#: prints them as warnings; the GUI shows ``notices`` once its window is up).
notice_listeners: list[Callable[[str], None]] = []


@dataclass
class AppContext:
    """Everything a command or a window needs, opened once."""

    locations: Locations
    settings: Settings
    store: Store
    #: Things the user should be told (a garbage settings file, a failed daily backup).
    notices: list[str] = field(default_factory=list)

    @property
    def actor(self) -> str:
        """Who is doing the work, for the audit trail."""
        return self.settings.consultant_name or getpass.getuser()

    def close(self) -> None:
        """Close the store."""
        self.store.close()


def open_app(data_dir: str | Path | None = None, *, daily_backup: bool = True,
             integrity: bool | None = None) -> AppContext:
    """Resolve the locations, start logging, read settings and open (migrate) the store.

    The database file is always checked for what can be seen at once (zero bytes,
    not SQLite); ``PRAGMA quick_check`` (seconds on a large database) runs with
    ``integrity=True``, or by default on the first start of each day — until
    that day's automatic backup exists, so every daily backup is of a checked
    database. Raises ``LocationError`` or ``StoreError`` with a message fit for the
    user; a damaged database raises ``DamagedDatabaseError`` naming the newest good
    backup and the command that restores it.
    """
    private_umask()
    locations = Locations.resolve(data_dir).check()
    database = sqlite_path(make_url(locations.database_url))
    from hkcase.services.encryption import prepare_open  # encryption at rest, opt-in
    opening = prepare_open(locations.data_dir, database) if database is not None else None
    connector = opening.connector(database) if opening and database else None
    if database is not None:
        if integrity is None:
            integrity = not _backed_up_today(locations)
        try:
            if connector is None:
                check_database_file(database, integrity=integrity)
            elif integrity:
                from hkcase.store.sqlcipher import quick_check as encrypted_check

                encrypted_check(database, connector.keys)
        except DamagedDatabaseError as exc:
            raise DamagedDatabaseError(_with_restore_hint(str(exc), locations), database) \
                from None
    locations.ensure()
    configure_logging(locations.log_file)
    log.info("hkcase %s starting; data in %s", __version__, locations.data_dir)
    read = read_settings(locations.settings_file)
    notices = [read.problem] if read.problem else []
    notices += opening.notices if opening else []
    store = open_store(locations.database_url, backup_dir=locations.backup_dir, check=False,
                       connect=connector)
    if store.migration.backup is not None:
        log.info("database backed up to %s before the upgrade", store.migration.backup)
    ctx = AppContext(locations=locations, settings=read.settings, store=store, notices=notices)
    if read.problem:
        _announce(read.problem)
    if daily_backup:
        from hkcase.services.backups import daily_backup as take_daily_backup

        try:
            take_daily_backup(store, locations.backup_dir, locations.attachments_dir)
        except BackupError as exc:
            log.warning("daily backup failed: %s", exc)
            ctx.notices.append(f"today's automatic backup failed: {exc}")
            _announce(ctx.notices[-1])
    return ctx


def _announce(notice: str) -> None:
    for listener in notice_listeners:
        listener(notice)


def _backed_up_today(locations: Locations) -> bool:
    from hkcase.services.backups import list_backups

    today = datetime.now().date()
    return any(b.label == "daily" and b.taken.date() == today
               for b in list_backups(locations.backup_dir))


def _with_restore_hint(message: str, locations: Locations) -> str:
    from hkcase.services.backups import newest_good_backup

    try:
        good = newest_good_backup(locations.backup_dir)
    except (OSError, StoreError):
        good = None
    if good is None:
        return f"{message}. No good backup was found in {locations.backup_dir}"
    return (f"{message}. The newest good backup is {good.describe()}: restore it with "
            f"'hkcase restore {good.path}'")
