"""Checks on a SQLite file before hkcase uses it (and creates anything beside it)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hkcase.store.errors import (
    DamagedDatabaseError,
    EmptyDatabaseFileError,
    NotAnHkcaseDatabaseError,
    StoreError,
)
from hkcase.store.failures import describe
from hkcase.store.sqlite_backup import SQLITE_HEADER


def quick_check(path: Path) -> str:
    """SQLite's ``PRAGMA quick_check`` of ``path``: ``"ok"`` or the first problem found."""
    # Read-write like any user of the file (another process may be writing it), so the
    # -wal and -shm files it needs are removed again when it closes.
    conn = sqlite3.connect(path, timeout=10)
    try:
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    finally:
        conn.close()
    verdict = "; ".join(str(r[0]) for r in rows)
    return "ok" if verdict == "ok" else verdict


def check_database_file(path: Path, *, integrity: bool = True) -> None:
    """Refuse a file that is not a usable hkcase SQLite database; a missing one is fine.

    Opens nothing for writing and creates nothing. Raises ``EmptyDatabaseFileError``
    for a zero-byte file (never silently replaced by a new database),
    ``NotAnHkcaseDatabaseError`` for another kind of file, and
    ``DamagedDatabaseError`` when ``PRAGMA quick_check`` fails.
    """
    if path.is_dir():
        raise StoreError(f"database path {path} is a folder, not a file")
    if not path.exists():
        return
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"cannot read database {path}: {exc.strerror}") from None
    if not head:
        wal = path.with_name(path.name + "-wal")
        if not (wal.is_file() and wal.stat().st_size > 0):  # else SQLite recovers from the WAL
            raise EmptyDatabaseFileError(
                f"{path} is empty (0 bytes): it is not a database, perhaps a failed copy or "
                "a full disk. hkcase will not replace it; restore a backup with "
                "'hkcase restore FILE', or move the file away to start a new database")
        return
    if head != SQLITE_HEADER:
        raise NotAnHkcaseDatabaseError(
            f"{path} cannot be read as an hkcase database (not an SQLite database file)")
    if not integrity:
        return
    try:
        verdict = quick_check(path)
    except sqlite3.Error as exc:
        problem = describe(exc, str(path))
        if not isinstance(problem, DamagedDatabaseError):
            raise problem from None  # locked, unreadable folder …: not damage
        verdict = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    if verdict != "ok":
        raise DamagedDatabaseError(
            f"{path} is damaged (integrity check: {verdict[:200]})", path)
