"""Schema migrations with Alembic, run in code when the store opens."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import Engine

from hkcase.store.errors import NewerSchemaError, NotAnHkcaseDatabaseError, StoreError
from hkcase.store.sqlite_backup import copy_database, copy_file_database

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: Execution option marking a connection that only reads (plain deferred BEGIN on SQLite).
READ_ONLY_OPTION = "hkcase_read_only"


@dataclass(frozen=True)
class MigrationReport:
    """What opening the store did to the schema."""

    revision: str
    previous: str | None
    backup: Path | None

    @property
    def upgraded(self) -> bool:
        return self.previous != self.revision


def alembic_config(script_location: str | None = None) -> Config:
    """An Alembic configuration pointing at hkcase's migration scripts."""
    config = Config()
    config.set_main_option("script_location", script_location or str(MIGRATIONS_DIR))
    return config


def head_revision(script_location: str | None = None) -> str:
    """The newest revision this hkcase knows."""
    head = ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()
    if head is None:
        raise StoreError("hkcase has no database migrations installed")
    return head


def current_revision(connection: sa.Connection) -> str | None:
    """The revision a database is stamped with, or None for an unstamped one."""
    return MigrationContext.configure(connection).get_current_revision()


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
    config = alembic_config(script_location)
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    if head is None:
        raise StoreError("hkcase has no database migrations installed")
    with engine.execution_options(**{READ_ONLY_OPTION: True}).connect() as connection:
        current = current_revision(connection)
        tables = set(sa.inspect(connection).get_table_names())
        connection.rollback()
    if current is None and tables - {"alembic_version"}:
        raise NotAnHkcaseDatabaseError(
            f"{engine.url.render_as_string(hide_password=True)} holds tables but is not an "
            "hkcase database; choose another file or an empty database"
        )
    if current is not None:
        try:
            script.get_revision(current)
        except CommandError:
            raise NewerSchemaError(
                f"this database was written by a newer version of hkcase (schema {current}); "
                "install that version or later to open it"
            ) from None
    if current == head:
        return MigrationReport(revision=head, previous=current, backup=None)

    backup = None
    database = engine.url.database
    if current is not None and engine.url.get_backend_name() == "sqlite" and database:
        if backup_dir is None:
            raise StoreError("a backup folder is needed before upgrading the database")
        backup = backup_sqlite(Path(database), backup_dir, f"schema-{current}", engine=engine)
        log.info("backed up database before upgrade from %s to %s: %s", current, head, backup)
    # PostgreSQL databases are shared: their backups belong to whoever runs the
    # server (pg_dump), not to whichever desktop happens to upgrade first.
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
    script = ScriptDirectory.from_config(alembic_config(script_location))
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False
