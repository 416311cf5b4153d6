"""Database errors in the consultant's terms: one line, no SQL, no bound values.

SQLAlchemy's exception text holds the statement (and, unless the engine hides
them, the parameters); users see none of it. ``translate`` turns the
operational failures a desktop meets (busy, full, read-only, damaged) into
``StoreError`` subclasses with a message fit to show.
"""

from __future__ import annotations

import errno
from typing import Any

from sqlalchemy import exc as sa_exc

from hkcase.store.errors import (
    DamagedDatabaseError,
    DatabaseBusyError,
    DiskFullError,
    ReadOnlyDatabaseError,
    StoreError,
)

# SQLite primary result codes (sqlite3.h).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26

#: Errors that mean "your input or our code", not "the database file": left as they are.
_NOT_OPERATIONAL = (sa_exc.IntegrityError, sa_exc.ProgrammingError, sa_exc.DataError,
                    sa_exc.NotSupportedError, sa_exc.InterfaceError)


def sqlite_code(error: BaseException | None) -> int | None:
    """The primary SQLite result code of a ``sqlite3.Error`` (None for other drivers)."""
    code: Any = getattr(error, "sqlite_errorcode", None)
    return int(code) & 0xFF if isinstance(code, int) else None


def is_translatable(exc: BaseException) -> bool:
    """Whether ``exc`` is an operational database failure ``translate`` rewords."""
    return isinstance(exc, sa_exc.DBAPIError) and not isinstance(exc, _NOT_OPERATIONAL)


def describe(error: BaseException | None, location: str) -> StoreError:
    """A ``StoreError`` for a DB-API error raised while using the database at ``location``."""
    code = sqlite_code(error)
    first = str(error).splitlines()[0] if error is not None and str(error) else "unknown error"
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseBusyError(
            f"the database {location} is busy: another hkcase window or program kept it "
            "locked too long; nothing was saved, try again in a moment")
    if code == SQLITE_FULL or _errno(error) in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return DiskFullError(
            f"the disk holding {location} is full; nothing was saved. Free some space "
            "and try again")
    if code == SQLITE_READONLY:
        return ReadOnlyDatabaseError(
            f"{location} cannot be written (the file or its folder is read-only); "
            "nothing was saved")
    if code == SQLITE_CANTOPEN:
        return ReadOnlyDatabaseError(
            f"{location} cannot be opened; check that its folder exists and that you "
            "may read and write it")
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DamagedDatabaseError(
            f"{location} is damaged ({first}); restore a backup with 'hkcase restore FILE'",
            location)
    if code == SQLITE_IOERR:
        return DiskFullError(
            f"reading or writing {location} failed (a full or failing disk); nothing "
            "was saved")
    if code is not None:
        name = getattr(error, "sqlite_errorname", "SQLITE_ERROR")
        return StoreError(f"the database {location} reported an error ({name}: {first})")
    return StoreError(f"the database {location} reported an error: {first}")


def translate(exc: BaseException, location: str) -> StoreError:
    """``describe`` for a SQLAlchemy ``DBAPIError`` (its driver error, never its SQL)."""
    orig = getattr(exc, "orig", None)
    return describe(orig if isinstance(orig, BaseException) else exc, location)


def _errno(error: BaseException | None) -> int | None:
    value = getattr(error, "errno", None)
    return value if isinstance(value, int) else None
