"""Bringing a database's schema up to this hkcase, as ``hkcase migrate`` does it."""

from __future__ import annotations

from pathlib import Path

from hkcase.store import open_store
from hkcase.store.migrate import MigrationReport

__all__ = ["MigrationReport", "migrate_database"]


def migrate_database(database_url: str, backup_dir: Path) -> tuple[str, MigrationReport]:
    """Open ``database_url`` (which migrates it, backing up a SQLite file first) and close it;
    where it is, printable (no password), and what was done."""
    store = open_store(database_url, backup_dir=backup_dir)
    try:
        return store.location, store.migration
    finally:
        store.close()
