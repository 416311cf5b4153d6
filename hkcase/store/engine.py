"""Opening the store: one function from a URL to a migrated, ready database.

On SQLite every write transaction starts with ``BEGIN IMMEDIATE``: it takes the
write lock up front, so a second writer waits (the busy timeout applies)
instead of failing when a read-then-write transaction tries to upgrade its read
lock. Reads (``Store.reading``) stay ``BEGIN DEFERRED`` and never block writers
in WAL mode. Commits are ``synchronous=FULL``: a commit reported done survives a
power cut (``benchmarks/store_bench.py`` measures the cost).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import StaticPool

from hkcase.domain.messages import Message, tr
from hkcase.store.errors import (
    ConflictError,
    DatabaseBusyError,
    DiskFullError,
    NotAnHkcaseDatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
)
from hkcase.store.failures import is_translatable, translate
from hkcase.store.integrity import check_database_file
from hkcase.store.migrate import READ_ONLY_OPTION, MigrationReport, upgrade_to_head

log = logging.getLogger(__name__)

#: How long a writer waits for another's transaction before giving up (SQLite).
SQLITE_BUSY_TIMEOUT_MS = 10_000
#: SQLite durability: FULL syncs the WAL on every commit (NORMAL may lose the last
#: commits on power loss, never consistency).
SQLITE_SYNCHRONOUS = "FULL"

#: Opens a DB-API connection; the seam for an encrypted (SQLCipher) database, whose
#: factory would open the file and set the key before hkcase's pragmas run.
ConnectionFactory = Callable[[], Any]


#: What a consultant can do after losing a race to a colleague's save (one wording for the
#: store's and the services' conflicts: ``services/conflicts.py`` names it ``ADVICE``).
CONFLICT_ADVICE = "reload, or keep yours and review the differences"

#: ``(table, id, how the message names it)`` of the versioned row a failed flush updated.
_StaleOwner = tuple[str, int, str]


def local_time(moment: datetime, *, now: datetime | None = None) -> str:
    """``14:32`` today, ``30 Nov 14:32`` another day this year, else with the year."""
    if moment.tzinfo is None:  # stored as UTC without a zone (SQLite, timestamp columns)
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone()
    today = (now or datetime.now(UTC)).astimezone()
    clock = moment.strftime("%H:%M")
    if moment.date() == today.date():
        return clock
    month = _month(moment.month)
    if moment.year == today.year:
        return tr("{day} {month} {clock}", day=moment.day, month=month, clock=clock)
    return tr("{day} {month} {year} {clock}", day=moment.day, month=month, year=moment.year,
              clock=clock)


def _month(number: int) -> Message:
    """The month's short name (``Nov``; ``11月`` in Chinese), not the machine locale's."""
    return (tr("Jan"), tr("Feb"), tr("Mar"), tr("Apr"), tr("May"), tr("Jun"), tr("Jul"),
            tr("Aug"), tr("Sep"), tr("Oct"), tr("Nov"), tr("Dec"))[number - 1]


_DIRTY_OWNERS = "hkcase_dirty_owners"


def _remember_owners(session: Session, _context: Any, _instances: Any) -> None:
    """Before each flush: the changed clients and cases, named while their state is loaded.

    A flush that loses the version race rolls back and expires them, so a conflict
    could no longer say which record it was about.
    """
    owners: list[_StaleOwner] = []
    for obj in session.dirty:
        name = getattr(obj, "__tablename__", None)
        loaded = obj.__dict__
        row_id = loaded.get("id")
        if name not in ("case", "client") or not isinstance(row_id, int):
            continue
        if name == "case":
            subject = f"case {loaded.get('reference') or row_id}"
        else:
            subject = (f"{loaded.get('family_name') or ''} "
                       f"{loaded.get('given_names') or ''}").strip() or f"client {row_id}"
        owners.append((name, row_id, subject))
    session.info[_DIRTY_OWNERS] = owners


def _stale_owner(session: Session, exc: StaleDataError) -> _StaleOwner | None:
    """Which client or case the failed flush found saved by someone else (versions differ)."""
    found = re.search(r"table '([^']+)'", str(exc))
    table = found.group(1) if found else None
    for owner in session.info.get(_DIRTY_OWNERS, []):
        if table is None or owner[0] == table:
            return owner  # type: ignore[no-any-return]
    return None


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
        cursor.execute(f"PRAGMA synchronous = {SQLITE_SYNCHRONOUS}")
    finally:
        cursor.close()


def _begin(conn: sa.Connection) -> None:
    # Anything not marked read-only may write: take the write lock now, while the
    # busy timeout can still wait for it.
    if conn.get_execution_options().get(READ_ONLY_OPTION):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def create_engine(url: str | URL, *, connect: ConnectionFactory | None = None) -> Engine:
    """An engine for ``url`` with hkcase's connection settings (SQLite pragmas).

    Bound parameters never appear in error messages (``hide_parameters``): they
    hold passport and ID numbers. ``connect`` replaces the driver's own connect
    call (for an encrypted database).
    """
    parsed = make_url(url)
    kwargs: dict[str, Any] = {"hide_parameters": True}
    if connect is not None:
        kwargs["creator"] = connect
        module = getattr(connect, "dbapi_module", None)
        if module is not None:  # SQLCipher: wrap its errors
            kwargs["module"] = module
    if parsed.get_backend_name() == "sqlite":
        if sqlite_path(parsed) is None:
            # One shared connection, or every session would see its own empty database.
            kwargs |= {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        engine = sa.create_engine(parsed, **kwargs)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin)
        return engine
    return sa.create_engine(parsed, pool_pre_ping=True, **kwargs)


def owner_only(path: Path) -> None:
    """Make a SQLite file and its ``-wal``/``-shm`` companions readable by their owner only."""
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(OSError):
            if file.stat().st_mode & 0o077:
                os.chmod(file, 0o600)


@dataclass
class Store:
    """An open, migrated database and the way to start transactions on it."""

    engine: Engine
    url: URL
    migration: MigrationReport
    sessions: sessionmaker[Session]
    read_sessions: sessionmaker[Session] | None = None
    #: The session of this thread's ``snapshot()``, if one is open.
    _snapshot: threading.local = field(default_factory=threading.local, repr=False,
                                       compare=False)

    def __post_init__(self) -> None:
        if not event.contains(self.sessions, "before_flush", _remember_owners):
            event.listen(self.sessions, "before_flush", _remember_owners)
        if self.read_sessions is None:
            reader = self.engine.execution_options(**{READ_ONLY_OPTION: True})
            self.read_sessions = sessionmaker(reader, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or rolled back on error.

        On SQLite it begins ``IMMEDIATE``: a second writer waits its turn.
        A concurrent edit of the same versioned row surfaces as ``ConflictError``;
        a busy, full, read-only or damaged database as a ``StoreError`` saying so.
        """
        stale: _StaleOwner | None = None
        try:
            with self.sessions.begin() as session:
                try:
                    yield session
                    session.flush()  # the version check, where its objects can be named
                except StaleDataError as exc:
                    stale = _stale_owner(session, exc)
                    raise
        except StaleDataError as exc:
            raise ConflictError(self._stale_message(stale)) from exc
        except DBAPIError as exc:
            if not is_translatable(exc):
                raise
            raise translate(exc, self.location) from exc

    def _stale_message(self, stale: _StaleOwner | None) -> str:
        """The lost race in a colleague's name, as ``services/conflicts.conflict`` words it."""
        advice = tr("reload, or keep yours and review the differences")
        if stale is None:
            return tr("Changed by someone else since you opened it: {advice}", advice=advice)
        from hkcase.store.models import AuditEntry

        table, row_id, subject = stale
        where = (AuditEntry.case_id == row_id if table == "case" else
                 sa.and_(AuditEntry.client_id == row_id, AuditEntry.case_id.is_(None)))
        try:
            with self.reading() as session:
                entry = session.execute(sa.select(AuditEntry.actor, AuditEntry.at).where(where)
                                        .order_by(AuditEntry.id.desc()).limit(1)).first()
        except StoreError:
            entry = None
        if entry is None:
            return tr("Changed by someone else since you opened it: {advice} ({subject})",
                      advice=advice, subject=subject)
        return tr("Changed by {who} at {time}: {advice} ({subject})", who=entry.actor,
                  time=local_time(entry.at), advice=advice, subject=subject)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads (a deferred transaction); nothing written in it is kept.

        Inside ``snapshot()`` on the same thread, the snapshot's session is reused.
        """
        current: Session | None = getattr(self._snapshot, "session", None)
        if current is not None:
            yield current
            return
        assert self.read_sessions is not None
        try:
            with self.read_sessions() as session:
                try:
                    yield session
                finally:
                    session.rollback()
        except DBAPIError as exc:
            if not is_translatable(exc):
                raise
            raise translate(exc, self.location) from exc

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """One read transaction for several reads on this thread (one consistent view,
        one round trip to begin and end it): every ``reading()`` inside reuses it.

        Only for read-only work: a write inside would not be seen by the reads after it.
        """
        with self.reading() as session:
            self._snapshot.session = session
            try:
                yield session
            finally:
                self._snapshot.session = None

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

    def checkpoint(self) -> None:
        """Fold the ``-wal`` file into the database file (SQLite), so the file alone is whole."""
        if self.file is None:
            return
        with contextlib.suppress(DBAPIError, OSError, AttributeError):
            raw = self.engine.raw_connection()
            try:
                raw.driver_connection.execute(  # type: ignore[union-attr]
                    "PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()

    def close(self) -> None:
        """Checkpoint and release every connection."""
        self.checkpoint()
        self.engine.dispose()


def open_store(
    url: str | URL,
    *,
    backup_dir: Path | None = None,
    script_location: str | None = None,
    connect: ConnectionFactory | None = None,
    check: bool = True,
) -> Store:
    """Open the database at ``url`` and migrate it to the newest schema.

    A SQLite file is copied into ``backup_dir`` before any upgrade. A database
    written by a newer hkcase, a zero-byte, corrupt or damaged file (``PRAGMA
    quick_check``, skipped with ``check=False`` when the caller has just run it)
    or another program's database raises a ``StoreError`` that explains itself.
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
        if connect is None:  # an encrypted file has no readable header to check
            check_database_file(path, integrity=check)
    try:
        engine = create_engine(parsed, connect=connect)
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
        where = str(path) if path is not None else parsed.render_as_string(hide_password=True)
        translated = translate(exc, where)
        if isinstance(translated, (DatabaseBusyError, DiskFullError, ReadOnlyDatabaseError)):
            raise translated from None
        reason = str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc)
        if path is not None:
            raise NotAnHkcaseDatabaseError(
                f"{path} cannot be read as an hkcase database ({reason})"
            ) from None
        raise StoreError(f"cannot open database {where}: {reason}") from None
    if path is not None:
        owner_only(path)
    store = Store(
        engine=engine,
        url=parsed,
        migration=report,
        sessions=sessionmaker(engine, expire_on_commit=False),
    )
    log.info("opened store %s at revision %s", store.display_url, report.revision)
    return store
