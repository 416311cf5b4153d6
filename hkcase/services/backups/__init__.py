"""Backups and restore of the SQLite data folder (see docs/ARCHITECTURE.md, "Backups")."""

from hkcase.services.backups.files import BackupFile, list_backups
from hkcase.services.backups.make import (
    BackupReport,
    backup_before,
    backup_now,
    backup_to_file,
    daily_backup,
    rotate_backups,
    write_backup,
)
from hkcase.services.backups.restore import (
    BackupInfo,
    RestoreReport,
    inspect_backup,
    newest_good_backup,
    restore,
)

__all__ = [
    "BackupFile", "BackupInfo", "BackupReport", "RestoreReport", "backup_before", "backup_now",
    "backup_to_file",
    "daily_backup", "inspect_backup", "list_backups", "newest_good_backup", "restore",
    "rotate_backups", "write_backup",
]
