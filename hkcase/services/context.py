"""Starting hkcase: locations, logging, settings and the store, the same for CLI and GUI."""

from __future__ import annotations

import getpass
import logging
from dataclasses import dataclass
from pathlib import Path

from hkcase import __version__
from hkcase.config.locations import Locations
from hkcase.config.logs import configure_logging
from hkcase.config.settings import Settings, load_settings
from hkcase.store import Store, open_store

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """Everything a command or a window needs, opened once."""

    locations: Locations
    settings: Settings
    store: Store

    @property
    def actor(self) -> str:
        """Who is doing the work, for the audit trail."""
        return self.settings.consultant_name or getpass.getuser()

    def close(self) -> None:
        """Close the store."""
        self.store.close()


def open_app(data_dir: str | Path | None = None) -> AppContext:
    """Resolve the locations, start logging, read settings and open (migrate) the store.

    Raises ``LocationError`` or ``StoreError`` with a message fit for the user.
    """
    locations = Locations.resolve(data_dir).ensure()
    configure_logging(locations.log_file)
    log.info("hkcase %s starting; data in %s", __version__, locations.data_dir)
    settings = load_settings(locations.settings_file)
    store = open_store(locations.database_url, backup_dir=locations.backup_dir)
    if store.migration.backup is not None:
        log.info("database backed up to %s before the upgrade", store.migration.backup)
    return AppContext(locations=locations, settings=settings, store=store)
