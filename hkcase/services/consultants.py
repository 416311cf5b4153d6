"""The firm's consultants: the list the pickers show, managed in the app.

Each change is one transaction with its audit entry. A consultant is never deleted
(cases keep naming them): one who left is deactivated, and drops out of the pickers
and filters, and can be reactivated. Names are unique regardless of case and spacing,
so "ben lau" cannot be added beside "Ben Lau".
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.messages import tr
from hkcase.domain.vocab import AuditAction
from hkcase.services.errors import ValidationError
from hkcase.store import Store, audit
from hkcase.store.models import Case, Consultant
from hkcase.store.queries.case_list import ConsultantRow, consultants

__all__ = ["NAME_LIMIT", "ConsultantRow", "ConsultantSummary", "active_consultants",
           "add_consultant", "all_consultants", "my_consultant", "rename_consultant",
           "set_active"]

#: The longest name the list keeps (the column's width).
NAME_LIMIT = 100


@dataclass(frozen=True, slots=True)
class ConsultantSummary:
    """A consultant as the Consultants dialog lists them."""

    id: int
    name: str
    active: bool
    #: Cases assigned to them (open or closed).
    cases: int


def active_consultants(store: Store) -> list[ConsultantRow]:
    """Active consultants by name, read in one short transaction."""
    with store.reading() as session:
        return consultants(session)


def all_consultants(store: Store) -> list[ConsultantSummary]:
    """Every consultant, active ones first, each by name, with their number of cases."""
    counts = (sa.select(Case.consultant_id, sa.func.count().label("n"))
              .where(Case.consultant_id.is_not(None)).group_by(Case.consultant_id).subquery())
    with store.reading() as session:
        rows = session.execute(
            sa.select(Consultant.id, Consultant.name, Consultant.active,
                      sa.func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.consultant_id == Consultant.id)
            .order_by(Consultant.active.desc(), sa.func.lower(Consultant.name)))
        return [ConsultantSummary(i, n, bool(a), int(c)) for i, n, a, c in rows]


def my_consultant(store: Store, name: str) -> ConsultantRow | None:
    """The active consultant this desktop's settings name ("my cases"), if on the list."""
    key = _key(name)
    if not key:
        return None
    return next((row for row in active_consultants(store) if _key(row.name) == key), None)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _checked_name(session: Session, name: str, *, exclude_id: int | None = None) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("name", tr("type the consultant's name"))
    if len(cleaned) > NAME_LIMIT:
        raise ValidationError("name", tr("a name can have at most {limit} characters (this one "
                                         "has {length})", limit=NAME_LIMIT,
                                         length=len(cleaned)))
    for other_id, other, active in session.execute(
            sa.select(Consultant.id, Consultant.name, Consultant.active)):
        if other_id != exclude_id and _key(other) == _key(cleaned):
            if active:
                raise ValidationError("name", tr("{name} is already on the list", name=other))
            raise ValidationError("name", tr("{name} is already on the list (inactive: "
                                             "reactivate them instead)", name=other))
    return cleaned


def add_consultant(store: Store, name: str, *, actor: str) -> int:
    """Add a consultant (active); returns their id."""
    with store.transaction() as session:
        consultant = Consultant(name=_checked_name(session, name), active=True)
        session.add(consultant)
        audit.record(session, actor=actor, action=AuditAction.CREATE, obj=consultant,
                     changes={"name": [None, consultant.name]})
        return consultant.id


def _get(session: Session, consultant_id: int) -> Consultant:
    consultant = session.get(Consultant, consultant_id)
    if consultant is None:
        raise ValidationError("consultant", tr("that consultant is no longer on the list"))
    return consultant


def rename_consultant(store: Store, consultant_id: int, name: str, *, actor: str) -> None:
    """Correct a consultant's name (their cases follow: they refer to the record)."""
    with store.transaction() as session:
        consultant = _get(session, consultant_id)
        cleaned = _checked_name(session, name, exclude_id=consultant_id)
        if cleaned == consultant.name:
            return
        old, consultant.name = consultant.name, cleaned
        audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=consultant,
                     changes={"name": [old, cleaned]})


def set_active(store: Store, consultant_id: int, active: bool, *, actor: str) -> None:
    """Deactivate (left the firm: off the pickers, cases keep the name) or reactivate."""
    with store.transaction() as session:
        consultant = _get(session, consultant_id)
        if consultant.active == active:
            return
        consultant.active = active
        audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=consultant,
                     changes={"active": [not active, active]})
