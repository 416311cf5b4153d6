"""Recording who changed what, inside the same transaction as the change.

Each entry names its subject (``entity``, ``entity_id``) and whose file it
belongs to (``client_id``, ``case_id``). Changes are ``{column: [old, new]}``
for an update and the record's columns for a create or delete. Identity numbers
are kept under the column names in ``IDENTITY_FIELDS`` and nowhere else, so a
retention purge can find and scrub them (``scrub_identity_numbers``).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.vocab import AuditAction
from hkcase.store.base import Base
from hkcase.store.models import AuditEntry, Case, ChecklistItem

#: Where identity numbers sit in ``AuditEntry.changes``, by entity.
IDENTITY_FIELDS: dict[str, tuple[str, ...]] = {
    "client": ("hkid", "mainland_id"),
    "travel_document": ("number",),
}
SCRUBBED = "[removed]"


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
    """``{column: [old, new]}`` for every column changed on ``obj`` but not yet flushed.

    Take it before anything can flush the session (a lazy load autoflushes).
    """
    state = sa.inspect(obj)
    changes: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if _plain(old) != _plain(new):
                changes[attr.key] = [_plain(old), _plain(new)]
    return changes


def owners(session: Session, obj: Base) -> tuple[int | None, int | None]:
    """``(client_id, case_id)`` of the file ``obj`` belongs to."""
    table = obj.__tablename__
    if table == "client":
        return getattr(obj, "id", None), None
    if table == "case":
        return getattr(obj, "client_id", None), getattr(obj, "id", None)
    case_id = getattr(obj, "case_id", None)
    if case_id is None and getattr(obj, "checklist_item_id", None) is not None:
        item = session.get(ChecklistItem, obj.checklist_item_id)  # type: ignore[attr-defined]
        case_id = item.case_id if item is not None else None
    client_id = getattr(obj, "client_id", None)
    if client_id is None and table == "relationship":
        client_id = getattr(obj, "sponsor_id", None)
    if client_id is None and case_id is not None:
        client_id = session.scalar(sa.select(Case.client_id).where(Case.id == case_id))
    return client_id, case_id


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
    client_id, case_id = owners(session, obj)
    entry = AuditEntry(
        actor=actor,
        action=action,
        entity=obj.__tablename__,
        entity_id=identity[0],
        changes=changes if changes is not None else column_values(obj),
        client_id=client_id,
        case_id=case_id,
    )
    session.add(entry)
    return entry


def scrub_identity_numbers(session: Session, client_id: int) -> int:
    """Replace the identity numbers in a client's audit entries; returns entries changed."""
    changed = 0
    for entry in session.scalars(sa.select(AuditEntry).where(
            AuditEntry.client_id == client_id,
            AuditEntry.entity.in_(list(IDENTITY_FIELDS)))):
        fields = IDENTITY_FIELDS[entry.entity]
        changes = dict(entry.changes)
        touched = False
        for name in fields:
            value = changes.get(name)
            if isinstance(value, list):
                changes[name] = [None if v is None else SCRUBBED for v in value]
                touched = True
            elif value is not None:
                changes[name] = SCRUBBED
                touched = True
        if touched:
            entry.changes = changes
            changed += 1
    return changed


def record_values(
    session: Session,
    *,
    actor: str,
    action: AuditAction,
    entity: str,
    entity_id: int,
    changes: dict[str, Any],
    client_id: int | None,
    case_id: int | None,
) -> AuditEntry:
    """Add an audit entry for a subject that is not (or no longer) an ORM object."""
    entry = AuditEntry(actor=actor, action=action, entity=entity, entity_id=entity_id,
                       changes=changes, client_id=client_id, case_id=case_id)
    session.add(entry)
    return entry
