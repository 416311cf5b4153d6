"""Declarative base, naming convention and shared column types."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints let Alembic's batch mode rebuild SQLite tables and keep
# PostgreSQL and SQLite schemas identical.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(sa.TypeDecorator[datetime]):
    """A timestamp stored as naive UTC and always returned timezone-aware."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: dict[Any, Any] = {
        datetime: UTCDateTime(),
        date: sa.Date(),
        str: sa.String(),
    }


def enum_type(enum_cls: type[StrEnum], name: str) -> sa.Enum:
    """A portable enum column: VARCHAR plus a named CHECK constraint, storing values."""
    return sa.Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        # Room to grow: adding a value then needs no column change on PostgreSQL.
        length=max(32, *(len(m.value) for m in enum_cls)),
        values_callable=lambda cls: [m.value for m in cls],
        validate_strings=True,
    )


class Timestamps:
    """``created_at`` / ``updated_at`` columns maintained by SQLAlchemy."""

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


# Tables the database has but the models do not describe: SQLite's FTS5 index
# and its shadow tables. Migrations and the drift check leave them alone.
UNMAPPED_TABLE_PREFIXES = ("search_fts",)
# PostgreSQL's search indexes (GIN full text and trigrams, migration 0010): they exist
# on one backend only, so the models cannot declare them.
UNMAPPED_INDEXES = ("ix_search_entry_words", "ix_search_entry_fragments")


def include_in_migrations(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic ``include_name`` hook: skip the unmapped FTS tables and search indexes."""
    if type_ == "index" and name in UNMAPPED_INDEXES:
        return False
    return not (type_ == "table" and name is not None
                and name.startswith(UNMAPPED_TABLE_PREFIXES))
