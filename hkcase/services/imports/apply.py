"""Writing an import plan: every accepted row in one transaction, or nothing.

A new row makes a client (and a passport); an updating row fills in the
non-blank cells of an existing client (a blank cell never erases anything).
A row with a scheme opens a case under it; with a limit of stay too, that
case is a granted one (decided, approved) holding the stay as printed — what
a consultant has for a client who already holds the visa and needs the
extension tracked. Without a grant date (the optional ``granted_on`` column)
the stay is recorded as granted on the import date, and a note on the case
says so, to be corrected from the visa label.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.vocab import (
    ApplicationType,
    AuditAction,
    NoteKind,
    Outcome,
    Residence,
    Scheme,
    Stage,
)
from hkcase.services.edits import assign, touch
from hkcase.services.imports.plan import (
    NEW,
    ImportPlan,
    RowPlan,
    client_input,
    passport_type,
    residence_of,
)
from hkcase.services.records import TravelDocumentInput, add_travel_document
from hkcase.store import ConflictError, Store, audit, search
from hkcase.store.counters import CASE_REFERENCE, allocate, case_reference
from hkcase.store.models import AuditEntry, Case, Client, Note, Stay, TravelDocument

_DOCUMENT_FIELDS = ("doc_type", "number", "issuing_country", "issue_date", "expiry_date")
_CLIENT_FIELDS = ("family_name", "given_names", "chinese_name", "sex", "date_of_birth",
                  "nationality", "residence", "hkid", "mainland_id", "email", "phone")


@dataclass(frozen=True)
class ImportResult:
    new: int
    updated: int
    cases: int
    stays: int
    client_ids: tuple[int, ...]


def _residence_text(source: str, residence: Residence) -> str:
    return (f"Imported from {source}: the file gave no residence, so it was set to "
            f"{residence.value} from the nationality. Confirm it.")


def _grant_text(source: str, limit: date, today: date) -> str:
    return (f"Imported from {source}: limit of stay {limit.isoformat()}; the file gave no "
            f"grant date, so the stay is recorded as granted on {today.isoformat()}. "
            "Correct it from the visa label.")


def _case_values(row: RowPlan, client_id: int, number: int, today: date) -> dict[str, Any]:
    """A case under the row's scheme: granted (decided, approved) when it has a stay."""
    scheme: Scheme = row.values["scheme"]
    granted: date | None = row.values.get("granted_on")
    opened_on = granted or today
    stayed = "limit_of_stay" in row.values
    return {"reference": case_reference(opened_on.year, number), "client_id": client_id,
            "scheme": scheme, "opened_on": opened_on,
            "application_type": ApplicationType.DEPENDANT if scheme is Scheme.DEPENDANT
            else ApplicationType.NEW,
            "stage": Stage.DECIDED if stayed else Stage.INTAKE,
            "outcome": Outcome.APPROVED if stayed else Outcome.PENDING,
            "decided_on": granted}


def _update_client(session: Session, row: RowPlan, actor: str) -> Client:
    client = session.get(Client, row.client_id)
    if client is None or client.version != row.version:
        raise ConflictError(f"client {row.client_id} ({row.name}) was changed or removed since "
                            "the import was previewed; nothing was imported: preview it again")
    changes = {name: row.values[name] for name in _CLIENT_FIELDS if name in row.values}
    assign(client, changes, _CLIENT_FIELDS)
    diff = audit.pending_changes(client)
    child_changed = _passport(session, client, row, actor)
    if diff:
        audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=client, changes=diff)
    elif child_changed:
        touch(client)
    return client


def _passport(session: Session, client: Client, row: RowPlan, actor: str) -> bool:
    number = row.values.get("passport_number")
    if number is None:
        return False
    expiry = row.values.get("passport_expiry")
    held = session.scalars(sa.select(TravelDocument).where(
        TravelDocument.client_id == client.id, TravelDocument.number == number)).first()
    if held is None:
        add_travel_document(session, client, TravelDocumentInput(
            passport_type(client.nationality), number, client.nationality,
            expiry_date=expiry), actor=actor)
        return True
    if expiry is not None and held.expiry_date != expiry:
        held.expiry_date = expiry
        audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=held,
                     changes=audit.pending_changes(held))
        return True
    return False


def _case_and_stay(session: Session, client: Client, row: RowPlan, actor: str, today: date,
                   source: str) -> tuple[int, int, int | None]:
    """Open the case (or find it) and record the stay; returns (cases, stays, case id)."""
    scheme: Scheme | None = row.values.get("scheme")
    if scheme is None:
        return 0, 0, None
    limit: date | None = row.values.get("limit_of_stay")
    granted: date | None = row.values.get("granted_on")
    existing = session.scalars(sa.select(Case).where(
        Case.client_id == client.id, Case.scheme == scheme).order_by(Case.id.desc())).first()
    opened = 0
    if existing is None:
        (number,) = allocate(session, CASE_REFERENCE)
        existing = Case(**_case_values(row, client.id, number, today))
        session.add(existing)
        audit.record(session, actor=actor, action=AuditAction.CREATE, obj=existing)
        opened = 1
    if limit is None:
        return opened, 0, existing.id
    limits = session.execute(sa.select(Stay.extension_number, Stay.limit_of_stay).where(
        Stay.case_id == existing.id)).all()
    if any(recorded == limit for _, recorded in limits):
        return opened, 0, existing.id
    stay = Stay(case_id=existing.id, extension_number=max((n for n, _ in limits), default=-1) + 1,
                granted_on=granted or today, limit_of_stay=limit)
    session.add(stay)
    audit.record(session, actor=actor, action=AuditAction.CREATE, obj=stay)
    if granted is None:
        session.add(Note(case_id=existing.id, kind=NoteKind.NOTE, author=actor,
                         body=_grant_text(source, limit, today)))
    if not opened:
        touch(existing)
    return opened, 1, existing.id


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    return value.isoformat() if isinstance(value, date) else value


def _insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Bulk INSERT … RETURNING id, ids in the order of ``rows``."""
    if not rows:
        return []
    statement = sa.insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(session.scalars(statement, rows))


def _probe(model: Any, values: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """``values`` checked by the model's own validators (a transient object, never saved)."""
    obj = model()
    assign(obj, values, names)
    return {name: getattr(obj, name) for name in names}


def _audit_rows(entity: str, rows: list[dict[str, Any]], ids: list[int], actor: str,
                owner: Any) -> list[dict[str, Any]]:
    """Creation entries (the new row's values) for rows inserted in bulk."""
    entries = []
    for row, new_id in zip(rows, ids, strict=True):
        client_id, case_id = owner(row, new_id)
        entries.append({"actor": actor, "action": AuditAction.CREATE, "entity": entity,
                        "entity_id": new_id, "client_id": client_id, "case_id": case_id,
                        "changes": {"id": new_id, **{k: _plain(v) for k, v in row.items()}}})
    return entries


def _new_clients(session: Session, rows: list[RowPlan], actor: str, today: date,
                 source: str) -> tuple[list[int], int, int]:
    """Every new row's client, passport, case and stay in bulk inserts, each audited."""
    client_rows, inputs = [], []
    for row in rows:
        data = client_input(row.values)
        inputs.append(data)
        client_rows.append(_probe(Client, {n: getattr(data, n) for n in _CLIENT_FIELDS},
                                  _CLIENT_FIELDS))
    client_ids = _insert(session, Client, client_rows)
    doc_rows = [{"client_id": client_id,
                 **_probe(TravelDocument, {n: getattr(doc, n) for n in _DOCUMENT_FIELDS},
                          _DOCUMENT_FIELDS)}
                for client_id, data in zip(client_ids, inputs, strict=True)
                for doc in data.travel_documents]
    doc_ids = _insert(session, TravelDocument, doc_rows)
    with_scheme = [(row, client_id) for row, client_id in zip(rows, client_ids, strict=True)
                   if "scheme" in row.values]
    numbers = allocate(session, CASE_REFERENCE, len(with_scheme)) if with_scheme else range(0)
    case_rows = [_case_values(row, client_id, number, today)
                 for (row, client_id), number in zip(with_scheme, numbers, strict=True)]
    case_ids = _insert(session, Case, case_rows)
    stay_rows, notes, stay_clients = [], [], []
    for (row, client_id), case_id in zip(with_scheme, case_ids, strict=True):
        limit = row.values.get("limit_of_stay")
        if limit is None:
            continue
        granted = row.values.get("granted_on")
        stay_rows.append({"case_id": case_id, "extension_number": 0, "limit_of_stay": limit,
                          "granted_on": granted or today})
        stay_clients.append(client_id)
        if granted is None:
            notes.append({"case_id": case_id, "kind": NoteKind.NOTE, "author": actor,
                          "body": _grant_text(source, limit, today)})
    stay_ids = _insert(session, Stay, stay_rows)
    for row, client_id, values in zip(rows, client_ids, client_rows, strict=True):
        if residence_of(row.values)[1]:
            notes.append({"client_id": client_id, "kind": NoteKind.NOTE, "author": actor,
                          "body": _residence_text(source, values["residence"])})
    if notes:
        session.execute(sa.insert(Note), notes)
    stay_owner = dict(zip(stay_ids, stay_clients, strict=True))
    entries = [
        *_audit_rows("client", client_rows, client_ids, actor, lambda r, i: (i, None)),
        *_audit_rows("travel_document", doc_rows, doc_ids, actor,
                     lambda r, i: (r["client_id"], None)),
        *_audit_rows("case", case_rows, case_ids, actor, lambda r, i: (r["client_id"], i)),
        *_audit_rows("stay", stay_rows, stay_ids, actor,
                     lambda r, i: (stay_owner[i], r["case_id"])),
    ]
    for start in range(0, len(entries), 2000):
        session.execute(sa.insert(AuditEntry), entries[start:start + 2000])
    return client_ids, len(case_ids), len(stay_ids)


def apply_plan(store: Store, plan: ImportPlan, *, actor: str) -> ImportResult:
    """Write every accepted row of ``plan`` in one transaction (``ConflictError``: nothing)."""
    source = plan.source.name
    with store.transaction() as session:
        fresh = [row for row in plan.rows if row.action == NEW]
        ids, cases, stays = _new_clients(session, fresh, actor, plan.today, source)
        for row in plan.rows:
            if row.action != NEW:
                client = _update_client(session, row, actor)
                opened, recorded, _ = _case_and_stay(session, client, row, actor, plan.today,
                                                     source)
                cases += opened
                stays += recorded
                ids.append(client.id)
        session.flush()
        search.refresh_clients(session, ids)
    return ImportResult(plan.new, plan.updated, cases, stays, tuple(ids))


def summary(values: dict[str, Any]) -> str:
    """What a row brings, in a few words (for the preview)."""
    parts = []
    if "passport_number" in values:
        parts.append(f"passport {values['passport_number']}")
    if "date_of_birth" in values:
        parts.append(f"born {values['date_of_birth'].isoformat()}")
    if "scheme" in values:
        scheme = values["scheme"].value
        parts.append(f"{scheme} case, limit of stay {values['limit_of_stay'].isoformat()}"
                     if "limit_of_stay" in values else f"{scheme} case (intake)")
    return " · ".join(parts)
