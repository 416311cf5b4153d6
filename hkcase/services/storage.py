"""What the GUI and CLI may know of the store: its handle, and database URLs as text.

Re-exported or wrapped here so that the layers above services import neither
``hkcase.store`` nor SQLAlchemy.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from hkcase.store import Store, sqlite_path

__all__ = ["Store", "database_file", "is_database_url", "sqlite_path"]


def is_database_url(text: str) -> bool:
    """Whether ``text`` reads as a database URL (``postgresql+psycopg://role@host/db``)."""
    try:
        make_url(text)
    except ArgumentError:
        return False
    return True


def database_file(url: str) -> Path | None:
    """The file behind a SQLite database URL; None for a server or a memory database."""
    return sqlite_path(make_url(url))
