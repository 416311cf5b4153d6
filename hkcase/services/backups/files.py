"""Backup files: how they are named, found and told apart."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<label>[a-z0-9-]+)\.sqlite3$")

DAILY = "daily"
MANUAL = "manual"
DAMAGED = "damaged"
#: The folder under the backups folder holding every attachment once, by hash.
ATTACHMENTS = "attachments"


@dataclass(frozen=True)
class BackupFile:
    """One database backup in the backups folder."""

    path: Path
    taken: datetime
    label: str  # daily, manual, schema-0004, before-restore, before-import, damaged

    @property
    def kind(self) -> str:
        """The label without its detail: ``schema-0004`` → ``schema``."""
        return "before-" + self.label.split("-", 2)[1] if self.label.startswith("before-") \
            else self.label.split("-", 1)[0]


def backup_name(database: Path, label: str, when: datetime) -> str:
    """The file name of a backup of ``database`` taken at ``when``."""
    return f"{database.stem}-{when.strftime(STAMP_FORMAT)}-{label}.sqlite3"


def parse(path: Path) -> BackupFile | None:
    """The backup a file name describes, or None for other files."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match["stamp"], STAMP_FORMAT)
    except ValueError:
        return None
    return BackupFile(path, taken, match["label"])


def list_backups(backup_dir: Path) -> list[BackupFile]:
    """Every database backup in ``backup_dir``, newest first."""
    try:
        entries = [p for p in backup_dir.iterdir() if p.is_file()]
    except OSError:
        return []
    found = [b for b in (parse(p) for p in entries) if b is not None]
    return sorted(found, key=lambda b: b.taken, reverse=True)
