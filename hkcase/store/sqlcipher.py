"""The database encrypted with SQLCipher 4 (``sqlcipher3``), behind SQLAlchemy's SQLite dialect.

``sqlcipher3`` is a drop-in ``sqlite3`` (same DB-API, its own SQLite build with
the codec). The engine keeps the plain ``sqlite://`` URL and dialect and is given
the module (so SQLAlchemy wraps SQLCipher's errors as it does SQLite's) and a
``creator`` that keys each connection before hkcase's pragmas run: WAL,
``synchronous=FULL``, ``BEGIN IMMEDIATE`` and the rest work unchanged on the
encrypted file. (SQLAlchemy's ``sqlite+pysqlcipher`` dialect would work too but
carries the passphrase in the URL, where it can reach logs and ``info``.)
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from hkcase.store.crypto import Keys, WrongPassphraseError
from hkcase.store.errors import DamagedDatabaseError, StoreError

_CANT_READ = ("file is not a database", "not a database", "encrypted")


def dbapi() -> ModuleType:
    """The ``sqlcipher3`` DB-API module, or ``StoreError`` saying how to install it."""
    try:
        import sqlcipher3.dbapi2 as module  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:
        raise StoreError("this data folder is encrypted, and opening it needs the "
                         "encryption extra: pip install 'hkcase[encryption]'") from None
    mod: ModuleType = module
    return mod


def connect_file(path: Path | str, keys: Keys, **kwargs: Any) -> Any:
    """A DB-API connection to the encrypted ``path``, keyed and checked.

    Raises ``WrongPassphraseError`` when the key does not open an existing file.
    """
    module = dbapi()
    conn = module.connect(str(path), **kwargs)
    try:
        with contextlib.suppress(module.Error):  # quiet the codec's stderr messages
            conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(keys.sqlcipher_pragma)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError as exc:
        conn.close()
        if any(words in str(exc) for words in _CANT_READ):
            raise WrongPassphraseError("wrong passphrase") from None
        raise
    return conn


class Connector:
    """The engine's ``creator`` (and backups' ``connect``) for one encrypted database."""

    def __init__(self, path: Path, keys: Keys) -> None:
        self.path = path
        self.keys = keys
        #: Given to ``create_engine(module=…)`` so errors are wrapped as SQLite's are.
        self.dbapi_module = dbapi()

    def __call__(self) -> Any:
        return connect_file(self.path, self.keys, check_same_thread=False)

    def for_file(self, path: str) -> Any:
        """A connection to another file (a backup copy) under the same key."""
        return connect_file(path, self.keys)


def quick_check(path: Path, keys: Keys) -> None:
    """``PRAGMA quick_check`` of an encrypted file: ``DamagedDatabaseError`` if it fails."""
    conn = connect_file(path, keys, timeout=10)
    try:
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    finally:
        conn.close()
    verdict = "; ".join(str(r[0]) for r in rows)
    if verdict != "ok":
        raise DamagedDatabaseError(f"{path} is damaged (integrity check: {verdict[:200]})", path)


def row_counts(conn: Any) -> dict[str, int]:
    """Rows per table (FTS shadow tables included), for verifying a copy."""
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    return {n: int(conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}


def export_encrypted(plain: Path, target: Path, keys: Keys,
                     *, progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """Write an encrypted copy of the plaintext database ``plain`` to ``target``, verified.

    ``sqlcipher_export`` under a write lock on the source (no one writes while it
    copies); the copy must pass ``integrity_check`` and hold the same rows in every
    table. Returns the row counts. ``target`` must not exist; on failure it is removed.
    """
    module = dbapi()
    source = module.connect(str(plain), timeout=30, isolation_level=None)
    try:
        source.execute("BEGIN IMMEDIATE")
        counts = row_counts(source)
        version = source.execute("PRAGMA user_version").fetchone()[0]
        quoted = str(target).replace("'", "''")
        source.execute(f"ATTACH DATABASE '{quoted}' AS encrypted KEY \"x'{keys.database.hex()}'\"")
        source.execute("SELECT sqlcipher_export('encrypted')")
        source.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        source.execute("COMMIT")
        source.execute("DETACH DATABASE encrypted")
    except BaseException:
        source.close()
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        raise
    source.close()
    if progress:
        progress("verifying the encrypted copy")
    try:
        verify_copy(target, keys, counts)
        with open(target, "rb+") as handle:
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        raise
    return counts


def verify_copy(path: Path, keys: Keys, expected: dict[str, int]) -> None:
    """Open ``path`` with ``keys``: ``integrity_check`` and row counts must match."""
    conn = connect_file(path, keys)
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            raise StoreError(f"the encrypted copy failed its integrity check ({verdict})")
        got = row_counts(conn)
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        conn.close()
    if got != expected:
        differ = sorted(n for n in set(got) | set(expected) if got.get(n) != expected.get(n))
        raise StoreError(f"the encrypted copy differs from the database in {', '.join(differ)}")


def connect_for(database: Path) -> Callable[[str], Any]:
    """How to open a copy of ``database`` (a backup): keyed like it if its folder is open
    encrypted, else plain ``sqlite3``."""
    from hkcase.store.crypto import keys_for

    keys = keys_for(database)
    if keys is None or not database.exists() or _plain(database):
        import sqlite3

        return sqlite3.connect
    return Connector(database, keys).for_file


def _plain(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"
