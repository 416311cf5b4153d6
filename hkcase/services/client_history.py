"""A row of a client's history (travel document, qualification, job, family link), edited.

Each edit is one transaction with its audit entry (old → new, passport numbers
included) and raises the client's ``version``: a colleague's stale save of the
client then fails with ``ConflictError`` instead of restoring old values.
Deleting goes through the Trash (``services.trash.delete_record``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hkcase.domain.messages import Message, tr
from hkcase.domain.plausibility import (
    Impossible,
    award_problems,
    employment_problems,
    travel_document_problems,
)
from hkcase.domain.vocab import AuditAction
from hkcase.services.edits import Edited, assign, check_version, impossible, old_values, touch
from hkcase.services.errors import ValidationError
from hkcase.store import Store, audit
from hkcase.store.base import Base
from hkcase.store.models import Client, Education, Employment, Relationship, TravelDocument
from hkcase.store.queries import search

MODELS: dict[str, type[Base]] = {
    "travel_document": TravelDocument,
    "education": Education,
    "employment": Employment,
    "relationship": Relationship,
}
EDITABLE: dict[str, tuple[str, ...]] = {
    "travel_document": ("doc_type", "number", "issuing_country", "issue_date", "expiry_date"),
    "education": ("level", "institution", "country", "field_of_study", "full_time",
                  "start_date", "award_date"),
    "employment": ("employer", "position", "country", "industry", "start_date", "end_date",
                   "full_time", "senior_role", "multinational", "annual_income_hkd"),
    "relationship": ("kind", "since"),
}
#: The text fields a row cannot save empty, with what the consultant is told.
REQUIRED_TEXT = ("number", "institution", "employer")


def _required(name: str) -> Message:
    if name == "number":
        return tr("the document number is required")
    if name == "institution":
        return tr("the institution is required")
    return tr("the employer is required")


def _model(kind: str) -> type[Base]:
    if kind not in MODELS:
        raise ValidationError("kind", tr("{kind!r} is not part of a client's history", kind=kind))
    return MODELS[kind]


def _row(session: Session, kind: str, row_id: int) -> Any:
    row = session.get(_model(kind), row_id)
    if row is None:
        raise ValidationError(kind, tr("that record no longer exists (deleted meanwhile?)"))
    return row


def owners(session: Session, kind: str, row: Any) -> list[Client]:
    """The clients whose version the row's edit raises (both ends of a family link)."""
    ids = [row.sponsor_id, row.dependant_id] if kind == "relationship" else [row.client_id]
    return [session.get_one(Client, i) for i in ids]


def get_row(store: Store, kind: str, row_id: int) -> dict[str, Any]:
    """The editable values of one row, with ``client_id`` (or the link's two clients)."""
    with store.reading() as session:
        row = _row(session, kind, row_id)
        values = old_values(row, EDITABLE[kind])
        if kind == "relationship":
            values.update(sponsor_id=row.sponsor_id, dependant_id=row.dependant_id)
        else:
            values["client_id"] = row.client_id
        return values


def _check(kind: str, row: Any, born: date) -> None:
    for name in REQUIRED_TEXT:
        if name in EDITABLE[kind] and not str(getattr(row, name) or "").strip():
            raise ValidationError(name, _required(name))
    try:
        if kind == "travel_document":
            travel_document_problems(row.number, row.issue_date, row.expiry_date, born)
        elif kind == "education":
            award_problems(row.award_date, row.start_date, born)
        elif kind == "employment":
            employment_problems(row.start_date, row.end_date, born)
            if row.annual_income_hkd is not None and row.annual_income_hkd < 0:
                raise Impossible("annual_income_hkd", tr("the income cannot be negative"))
    except Impossible as exc:
        raise impossible(exc) from None


def update_row(store: Store, kind: str, row_id: int, changes: Mapping[str, Any], *,
               actor: str, expected_version: int | None = None,
               client_id: int | None = None) -> Edited:
    """Change fields of one history row; ``expected_version`` is the client's.

    A family link has two clients: ``client_id`` says whose window the edit comes from
    (the version checked and returned is theirs; default: the sponsor's). Returns the old
    and new values (for undo) and that client's new version.
    """
    with store.transaction() as session:
        row = _row(session, kind, row_id)
        clients = owners(session, kind, row)
        editing = next((c for c in clients if c.id == client_id), clients[0])
        check_version(editing, expected_version)
        before = old_values(row, changes)
        assign(row, changes, EDITABLE[kind])
        diff = audit.pending_changes(row)
        _check(kind, row, clients[0].date_of_birth if kind != "relationship"
               else clients[1].date_of_birth)
        if diff:
            try:
                audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=row,
                             changes=diff)
            except IntegrityError as exc:
                raise ValidationError(kind, tr("the change breaks a rule: {reason}",
                                               reason=exc.orig)) from None
            for client in clients:
                touch(client)
            session.flush()
            if kind == "travel_document":
                search.refresh_client(session, clients[0].id)
        after = old_values(row, changes)
        return Edited(kind, row_id, before, after, editing.version, owner_id=editing.id)


def add_row(store: Store, kind: str, client_id: int, values: Mapping[str, Any], *,
            actor: str, expected_version: int | None = None) -> Edited:
    """Add a travel document, qualification or job to a client (a family link: see clients)."""
    if kind == "relationship":
        raise ValidationError("kind", tr("family links are added with link_dependant"))
    with store.transaction() as session:
        client = session.get(Client, client_id)
        if client is None:
            raise ValidationError("client_id", tr("there is no client number {client_id}",
                                                  client_id=client_id))
        check_version(client, expected_version)
        row = _model(kind)()
        assign(row, values, EDITABLE[kind])
        row.client_id = client_id  # type: ignore[attr-defined]
        _check(kind, row, client.date_of_birth)
        session.add(row)
        try:
            audit.record(session, actor=actor, action=AuditAction.CREATE, obj=row)
        except IntegrityError as exc:
            raise ValidationError(kind, tr("this breaks a rule: {reason}",
                                           reason=exc.orig)) from None
        touch(client)
        session.flush()
        if kind == "travel_document":
            search.refresh_client(session, client_id)
        new_id = int(row.id)  # type: ignore[attr-defined]
        return Edited(kind, new_id, {}, dict(values), client.version)
