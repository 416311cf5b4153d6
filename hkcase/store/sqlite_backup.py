"""Copying a live SQLite database with SQLite's online backup API, all or nothing.

A file copy of a database in WAL mode can miss committed pages still in the
``-wal`` file or catch a write half-way; the backup API reads one consistent
snapshot. The copy is written to a hidden temporary file in the target folder,
checked, flushed to disk and only then renamed into place, so a full disk or a
crash never leaves a partial file under a real name.

An encrypted (SQLCipher) database is copied the same way, through SQLCipher
connections under the same key, so its copies are encrypted too.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hkcase.store.errors import BackupError

if TYPE_CHECKING:
    from hkcase.store.crypto import Keys

#: Opens the SQLite file a backup is written to (a SQLCipher build would pass its own).
Connect = Callable[[str], Any]
SQLITE_HEADER = b"SQLite format 3\x00"
# All pages in one step: one read snapshot, so writers elsewhere never restart the copy.
_PAGES_PER_STEP = -1


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    text = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    if "full" in text or "disk I/O" in text:
        return f"{text} (is the disk full?)"
    return text


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def private_file(path: Path) -> None:
    """Create ``path`` empty, readable and writable by its owner only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def db_errors() -> tuple[type[Exception], ...]:
    """The DB-API error classes of ``sqlite3`` and, when installed, ``sqlcipher3``."""
    try:
        import sqlcipher3.dbapi2 as cipher  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, cipher.Error)


def is_plain(path: Path) -> bool:
    """Whether ``path`` starts as an unencrypted SQLite database."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _connect_like(source: Any) -> Connect:
    """How to open a copy of the database ``source`` is connected to: a plain ``sqlite3``
    one as plain, a SQLCipher one keyed like it (its data folder's registered keys)."""
    if isinstance(source, sqlite3.Connection):
        return sqlite3.connect
    from hkcase.store.sqlcipher import connect_for

    file = source.execute("PRAGMA database_list").fetchone()[2]
    return connect_for(Path(file))


def copy_database(source: Any, target: Path, *, connect: Connect | None = None,
                  check: bool = True) -> Path:
    """Back up the open DB-API connection ``source`` to ``target`` (replaced if present).

    ``connect`` opens the copy; by default like ``source`` (encrypted under the
    same key when it is a SQLCipher connection). Raises ``BackupError`` saying
    why; on failure no file is left at ``target`` or beside it, and an existing
    ``target`` is untouched.
    """
    target = Path(target)
    errors: tuple[type[BaseException], ...] = (OSError, *db_errors())
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    try:
        private_file(partial)
        copy = (connect or _connect_like(source))(str(partial))
        try:
            source.backup(copy, pages=_PAGES_PER_STEP)
            # One self-contained file: a copy of a WAL database is in WAL mode too.
            copy.execute("PRAGMA journal_mode = DELETE").fetchone()
            if check:
                verdict = copy.execute("PRAGMA quick_check").fetchone()[0]
                if verdict != "ok":
                    raise BackupError(f"the copy failed its check ({verdict})")
        finally:
            copy.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
        fsync_folder(target.parent)
    except BackupError as exc:
        _discard(partial)
        raise BackupError(f"backup to {target} failed: {exc}") from None
    except errors as exc:
        _discard(partial)
        raise BackupError(f"backup to {target} failed: {_reason(exc)}") from None
    except BaseException:  # SIGTERM/SIGINT mid-copy: a half copy is never left behind
        _discard(partial)
        raise
    return target


def copy_file_database(database: Path, target: Path, *, connect: Connect = sqlite3.connect,
                       check: bool = True) -> Path:
    """``copy_database`` from a database file (opened, copied, closed)."""
    try:
        source = connect(str(database))
    except db_errors() as exc:
        raise BackupError(f"backup to {target} failed: {_reason(exc)}") from None
    try:
        return copy_database(source, target, connect=connect, check=check)
    finally:
        source.close()


def _discard(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink()


def open_quietly(path: Path, keys: Keys | None = None) -> Any:
    """Open a database file nobody else uses (a backup) read-only, creating nothing beside
    it: ``immutable`` unless a ``-wal`` file holds part of it.

    An encrypted file is opened with ``keys`` (SQLCipher; ``WrongPassphraseError``
    if they do not open it); a plain one with ``sqlite3`` whatever ``keys`` says.
    """
    wal = path.with_name(path.name + "-wal").exists()
    if keys is not None and not is_plain(path):
        from hkcase.store.sqlcipher import connect_file

        if wal:
            return connect_file(path, keys)
        return connect_file(f"file:{path}?mode=ro&immutable=1", keys, uri=True)
    if wal:
        return sqlite3.connect(path)
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
