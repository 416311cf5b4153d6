"""Opening the store: one function from a URL to a migrated, ready database."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import StaticPool

from hkcase.store.errors import ConflictError, NotAnHkcaseDatabaseError, StoreError
from hkcase.store.migrate import MigrationReport, upgrade_to_head

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 5000


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for memory databases and other backends."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{path}"


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Python's sqlite3 module opens transactions lazily and never for DDL; turning
    # that off and emitting BEGIN ourselves (see _begin) makes every write, and
    # every migration, one real transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def _begin(conn: sa.Connection) -> None:
    conn.exec_driver_sql("BEGIN")


def create_engine(url: str | URL) -> Engine:
    """An engine for ``url`` with hkcase's connection settings (SQLite pragmas)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        kwargs: dict[str, Any] = {}
        if sqlite_path(parsed) is None:
            # One shared connection, or every session would see its own empty database.
            kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        engine = sa.create_engine(parsed, **kwargs)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin)
        return engine
    return sa.create_engine(parsed, pool_pre_ping=True)


@dataclass
class Store:
    """An open, migrated database and the way to start transactions on it."""

    engine: Engine
    url: URL
    migration: MigrationReport
    sessions: sessionmaker[Session]

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or rolled back on error.

        A concurrent edit of the same versioned row surfaces as ``ConflictError``.
        """
        try:
            with self.sessions.begin() as session:
                yield session
        except StaleDataError as exc:
            raise ConflictError(
                "someone else saved this record while you were editing it; "
                "reload it and make your change again"
            ) from exc

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads; nothing written in it is kept."""
        with self.sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    @property
    def display_url(self) -> str:
        """The URL with any password hidden, fit for logs and the info screen."""
        return self.url.render_as_string(hide_password=True)

    @property
    def location(self) -> str:
        """The SQLite file's path, or the URL (password hidden) of a server database."""
        return str(self.file) if self.file is not None else self.display_url

    @property
    def file(self) -> Path | None:
        """The SQLite file, if the store is one."""
        return sqlite_path(self.url)

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()


def open_store(
    url: str | URL,
    *,
    backup_dir: Path | None = None,
    script_location: str | None = None,
) -> Store:
    """Open the database at ``url`` and migrate it to the newest schema.

    A SQLite file is copied into ``backup_dir`` before any upgrade. A database
    written by a newer hkcase, a corrupt file or another program's database
    raises a ``StoreError`` that explains itself.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"{str(url)!r} is not a database URL") from None
    path = sqlite_path(parsed)
    if path is not None:
        if path.is_dir():
            raise StoreError(f"database path {path} is a folder, not a file")
        if not path.parent.is_dir():
            raise StoreError(f"folder {path.parent} for the database does not exist")
    try:
        engine = create_engine(parsed)
    except NoSuchModuleError:
        raise StoreError(
            f"no driver for {parsed.get_backend_name()!r} databases is installed"
        ) from None
    try:
        report = upgrade_to_head(engine, backup_dir=backup_dir, script_location=script_location)
    except StoreError:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        reason = str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc)
        if path is not None:
            raise NotAnHkcaseDatabaseError(
                f"{path} cannot be read as an hkcase database ({reason})"
            ) from None
        raise StoreError(
            f"cannot open database {parsed.render_as_string(hide_password=True)}: {reason}"
        ) from None
    store = Store(
        engine=engine,
        url=parsed,
        migration=report,
        sessions=sessionmaker(engine, expire_on_commit=False),
    )
    log.info("opened store %s at revision %s", store.display_url, report.revision)
    return store
