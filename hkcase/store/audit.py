"""Recording who changed what, inside the same transaction as the change."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.vocab import AuditAction
from hkcase.store.base import Base
from hkcase.store.models import AuditEntry


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def column_values(obj: Base) -> dict[str, Any]:
    """A record's column values as JSON-ready data."""
    mapper = sa.inspect(obj).mapper
    return {c.key: _plain(getattr(obj, c.key)) for c in mapper.column_attrs}


def pending_changes(obj: Base) -> dict[str, list[Any]]:
    """``{column: [old, new]}`` for every column changed on ``obj`` but not yet flushed."""
    state = sa.inspect(obj)
    changes: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            changes[attr.key] = [_plain(old), _plain(new)]
    return changes


def record(
    session: Session,
    *,
    actor: str,
    action: AuditAction,
    obj: Base,
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add an audit entry for ``obj``; flushes first so a new record has its id."""
    session.flush()
    identity = sa.inspect(obj).identity
    if identity is None:
        raise ValueError(f"{obj!r} is not in the session, so it cannot be audited")
    entry = AuditEntry(
        actor=actor,
        action=action,
        entity=obj.__tablename__,
        entity_id=identity[0],
        changes=changes if changes is not None else column_values(obj),
    )
    session.add(entry)
    return entry
