"""Schema migrations with Alembic, run in code when the store opens.

Opening a database that is already at the newest schema (nearly every start)
needs no Alembic: the stamp is read from ``alembic_version`` with plain SQL and
the known revisions from the scripts' ``revision`` / ``down_revision`` lines.
Alembic (a few hundred milliseconds to import) is loaded only when an upgrade is
due, or when the scripts are not a plain chain it can be read without.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from hkcase.store.errors import NewerSchemaError, NotAnHkcaseDatabaseError, StoreError
from hkcase.store.sqlite_backup import copy_database, copy_file_database

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: Execution option marking a connection that only reads (plain deferred BEGIN on SQLite).
READ_ONLY_OPTION = "hkcase_read_only"
VERSION_TABLE = "alembic_version"

_REVISION = re.compile(r"^revision\s*(?::[^=\n]*)?=\s*(['\"])([\w.-]+)\1\s*$", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=\n]*)?=\s*(?:None|(['\"])([\w.-]+)\1)\s*$", re.M)


@dataclass(frozen=True)
class MigrationReport:
    """What opening the store did to the schema."""

    revision: str
    previous: str | None
    backup: Path | None

    @property
    def upgraded(self) -> bool:
        return self.previous != self.revision


@dataclass(frozen=True)
class Revisions:
    """The revisions a migrations folder holds (``known``) and its newest (``head``)."""

    head: str
    known: frozenset[str]


def alembic_config(script_location: str | None = None) -> Config:
    """An Alembic configuration pointing at hkcase's migration scripts."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", script_location or str(MIGRATIONS_DIR))
    return config


def _read_chain(versions: Path) -> Revisions | None:
    """The revisions read from the scripts' text; None unless they form one plain chain."""
    down_of: dict[str, str | None] = {}
    try:
        scripts = sorted(versions.glob("*.py"))
        for script in scripts:
            if script.name.startswith("__"):
                continue
            text = script.read_text(encoding="utf-8")
            revisions, downs = _REVISION.findall(text), _DOWN.findall(text)
            if len(revisions) != 1 or len(downs) != 1 or revisions[0][1] in down_of:
                return None  # a merge, a branch or an unusual script: Alembic reads it
            down_of[revisions[0][1]] = downs[0][1] or None
    except (OSError, UnicodeDecodeError):
        return None
    heads = set(down_of) - {down for down in down_of.values() if down is not None}
    roots = [rev for rev, down in down_of.items() if down is None]
    if len(heads) != 1 or len(roots) != 1 or any(
            down is not None and down not in down_of for down in down_of.values()):
        return None
    return Revisions(head=heads.pop(), known=frozenset(down_of))


@lru_cache(maxsize=8)
def _revisions_at(location: str, stamp: tuple[int, int]) -> Revisions:
    chain = _read_chain(Path(location) / "versions")
    if chain is not None:
        return chain
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(location))
    head = script.get_current_head()
    if head is None:
        raise StoreError("hkcase has no database migrations installed")
    return Revisions(head=head, known=frozenset(r.revision for r in script.walk_revisions()))


def revisions(script_location: str | None = None) -> Revisions:
    """The revisions this hkcase knows, without Alembic when the scripts are a plain chain."""
    location = script_location or str(MIGRATIONS_DIR)
    versions = Path(location) / "versions"
    try:
        # Re-read when a script is added or changed (tests write migrations of their own).
        stamp = (versions.stat().st_mtime_ns, len(list(versions.glob("*.py"))))
    except OSError:
        stamp = (0, 0)
    found = _revisions_at(location, stamp)
    if not found.known:
        raise StoreError("hkcase has no database migrations installed")
    return found


def head_revision(script_location: str | None = None) -> str:
    """The newest revision this hkcase knows."""
    return revisions(script_location).head


def current_revision(connection: sa.Connection) -> str | None:
    """The revision a database is stamped with, or None for an unstamped one (plain SQL)."""
    if not sa.inspect(connection).has_table(VERSION_TABLE):
        return None
    rows = connection.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
    if len(rows) > 1:  # several heads: Alembic's own reading says what that means
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()
    return str(rows[0][0]) if rows else None


def file_revision(database: Path) -> str | None:
    """The stamp of a plain SQLite file, read-only without SQLAlchemy; None if unknown.

    None also for a file it cannot read (missing, encrypted, locked): the caller
    then treats the schema as possibly out of date.
    """
    try:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        rows = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return str(rows[0][0]) if len(rows) == 1 else None


def backup_sqlite(database: Path, backup_dir: Path, label: str, *,
                  engine: Engine | None = None) -> Path:
    """Copy a SQLite database with the online backup API to a timestamped file.

    Consistent even in WAL mode; all or nothing (``BackupError`` says why). With
    ``engine`` the copy reads through the engine's own connection (and so its
    connection factory, e.g. an encrypted database's).
    """
    backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{database.stem}-{stamp}-{label}.sqlite3"
    if engine is None:
        return copy_file_database(database, target, check=False)
    raw = engine.raw_connection()
    try:
        return copy_database(raw.driver_connection, target, check=False)
    finally:
        raw.close()


def upgrade_to_head(
    engine: Engine, *, backup_dir: Path | None = None, script_location: str | None = None
) -> MigrationReport:
    """Bring the database behind ``engine`` to the newest schema, backing it up first."""
    known = revisions(script_location)
    head = known.head
    with engine.execution_options(**{READ_ONLY_OPTION: True}).connect() as connection:
        current = current_revision(connection)
        tables = set(sa.inspect(connection).get_table_names()) if current is None else set()
        connection.rollback()
    if current is None and tables - {VERSION_TABLE}:
        raise NotAnHkcaseDatabaseError(
            f"{engine.url.render_as_string(hide_password=True)} holds tables but is not an "
            "hkcase database; choose another file or an empty database"
        )
    if current is not None and current not in known.known:
        raise NewerSchemaError(
            f"this database was written by a newer version of hkcase (schema {current}); "
            "install that version or later to open it"
        )
    if current == head:
        return MigrationReport(revision=head, previous=current, backup=None)

    backup = None
    database = engine.url.database
    if current is not None and engine.url.get_backend_name() == "sqlite" and database:
        if backup_dir is None:
            raise StoreError("a backup folder is needed before upgrading the database")
        backup = backup_sqlite(Path(database), Path(backup_dir), f"schema-{current}", engine=engine)
        log.info("backed up database before upgrade from %s to %s: %s", current, head, backup)
    # PostgreSQL databases are shared: their backups belong to whoever runs the
    # server (pg_dump), not to whichever desktop happens to upgrade first.
    from alembic import command

    config = alembic_config(script_location)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except sa.exc.DBAPIError as exc:
        log.exception("schema upgrade from %s to %s failed", current, head)
        kept = f"; a copy from before is at {backup}" if backup else ""
        raise StoreError(
            f"upgrading the database from schema {current or 'empty'} to {head} failed and "
            f"was rolled back ({str(exc.orig).splitlines()[0]}){kept}"
        ) from None
    log.info("database schema upgraded from %s to %s", current, head)
    return MigrationReport(revision=head, previous=current, backup=backup)


def known_revision(revision: str, script_location: str | None = None) -> bool:
    """Whether this hkcase's migrations include ``revision`` (else it is from a newer one)."""
    return revision in revisions(script_location).known
