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

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.messages import stored, tr
from hkcase.domain.names import chinese_sort_key
from hkcase.domain.vocab import (
    ApplicationType,
    AuditAction,
    NoteKind,
    Outcome,
    Residence,
    Scheme,
    Stage,
)
from hkcase.services.conflicts import ColleagueConflict, changed_by, local_time, subject_label
from hkcase.services.edits import assign, touch
from hkcase.services.imports import bulk
from hkcase.services.imports.plan import (
    NEW,
    ImportPlan,
    RowPlan,
    client_input,
    passport_type,
    residence_of,
)
from hkcase.services.imports.progress import INDEXING, WRITING, Progress, silent
from hkcase.services.records import TravelDocumentInput, add_travel_document
from hkcase.store import ConflictError, Store, audit
from hkcase.store.counters import CASE_REFERENCE, allocate, case_reference
from hkcase.store.models import Case, Client, Note, Stay, TravelDocument
from hkcase.store.queries import search

_DOCUMENT_FIELDS = ("doc_type", "number", "issuing_country", "issue_date", "expiry_date")
_CHUNK = 500
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
    """A note kept in the database: English (``said_again`` reads it in Chinese)."""
    return stored("Imported from {source}: the file gave no residence, so it was set to "
                  "{residence} from the nationality. Confirm it.", source=source,
                  residence=residence.value)


def _grant_text(source: str, limit: date, today: date) -> str:
    """A note kept in the database: English (``said_again`` reads it in Chinese)."""
    return stored("Imported from {source}: limit of stay {limit}; the file gave no grant date, "
                  "so the stay is recorded as granted on {granted}. Correct it from the visa "
                  "label.", source=source, limit=limit, granted=today)


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


@dataclass
class _Held:
    """What the updated clients already have, loaded in one query per kind (not per row)."""

    clients: dict[int, Client]
    documents: dict[tuple[int, str], TravelDocument]
    cases: dict[tuple[int, Scheme], Case]  # the newest case per client and scheme
    stays: dict[int, list[tuple[int, date]]]  # case id → (extension number, limit)


def _held(session: Session, client_ids: list[int]) -> _Held:
    held = _Held({}, {}, {}, defaultdict(list))
    for start in range(0, len(client_ids), _CHUNK):
        chunk = client_ids[start:start + _CHUNK]
        held.clients.update((c.id, c) for c in session.scalars(
            sa.select(Client).where(Client.id.in_(chunk))))
        for doc in session.scalars(sa.select(TravelDocument).where(
                TravelDocument.client_id.in_(chunk)).order_by(TravelDocument.id.desc())):
            held.documents[(doc.client_id, doc.number)] = doc  # the oldest wins, as before
        for case in session.scalars(sa.select(Case).where(Case.client_id.in_(chunk))
                                    .order_by(Case.id)):
            held.cases[(case.client_id, case.scheme)] = case
    case_ids = sorted(case.id for case in held.cases.values())
    for start in range(0, len(case_ids), _CHUNK):
        for case_id, number, limit in session.execute(
                sa.select(Stay.case_id, Stay.extension_number, Stay.limit_of_stay).where(
                    Stay.case_id.in_(case_ids[start:start + _CHUNK]))):
            held.stays[case_id].append((number, limit))
    return held


def _update_client(session: Session, row: RowPlan, actor: str, held: _Held) -> Client:
    client = held.clients.get(row.client_id) if row.client_id is not None else None
    if client is None:
        raise ConflictError(tr("client {client} ({name}) was removed since the import was "
                               "previewed; nothing was imported: preview it again",
                               client=row.client_id, name=row.name))
    if client.version != row.version:
        who, at = changed_by(client, session)
        named = tr("changed by {who} at {when}", who=who, when=local_time(at)) \
            if who and at else tr("changed by someone else")
        raise ColleagueConflict(
            tr("client {client} ({name}) was {named} since the import was previewed; nothing "
               "was imported: preview it again", client=row.client_id, name=row.name,
               named=named),
            subject=subject_label(client), changed_by=who, changed_at=at)
    changes = {name: row.values[name] for name in _CLIENT_FIELDS if name in row.values}
    assign(client, changes, _CLIENT_FIELDS)
    diff = audit.pending_changes(client)
    child_changed = _passport(session, client, row, actor, held)
    if diff:
        audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=client, changes=diff)
    elif child_changed:
        touch(client)
    return client


def _passport(session: Session, client: Client, row: RowPlan, actor: str, held: _Held) -> bool:
    number = row.values.get("passport_number")
    if number is None:
        return False
    expiry = row.values.get("passport_expiry")
    document = held.documents.get((client.id, number))
    if document is None:
        held.documents[(client.id, number)] = add_travel_document(
            session, client, TravelDocumentInput(passport_type(client.nationality), number,
                                                 client.nationality, expiry_date=expiry),
            actor=actor)
        return True
    if expiry is not None and document.expiry_date != expiry:
        document.expiry_date = expiry
        audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=document,
                     changes=audit.pending_changes(document))
        return True
    return False


def _case_and_stay(session: Session, client: Client, row: RowPlan, actor: str, today: date,
                   source: str, held: _Held) -> tuple[int, int, int | None]:
    """Open the case (or find it) and record the stay; returns (cases, stays, case id)."""
    scheme: Scheme | None = row.values.get("scheme")
    if scheme is None:
        return 0, 0, None
    limit: date | None = row.values.get("limit_of_stay")
    granted: date | None = row.values.get("granted_on")
    existing = held.cases.get((client.id, scheme))
    opened = 0
    if existing is None:
        (number,) = allocate(session, CASE_REFERENCE)
        existing = Case(**_case_values(row, client.id, number, today))
        session.add(existing)
        audit.record(session, actor=actor, action=AuditAction.CREATE, obj=existing)
        held.cases[(client.id, scheme)] = existing
        opened = 1
    if limit is None:
        return opened, 0, existing.id
    limits = held.stays[existing.id]
    if any(recorded == limit for _, recorded in limits):
        return opened, 0, existing.id
    stay = Stay(case_id=existing.id, extension_number=max((n for n, _ in limits), default=-1) + 1,
                granted_on=granted or today, limit_of_stay=limit)
    session.add(stay)
    audit.record(session, actor=actor, action=AuditAction.CREATE, obj=stay)
    limits.append((stay.extension_number, limit))
    if granted is None:
        session.add(Note(case_id=existing.id, kind=NoteKind.NOTE, author=actor,
                         body=_grant_text(source, limit, today)))
    if not opened:
        touch(existing)
    return opened, 1, existing.id


def _new_clients(session: Session, rows: list[RowPlan], actor: str, today: date,
                 source: str) -> tuple[list[int], int, int]:
    """Every new row's client, passport, case and stay in Core bulk inserts, each audited."""
    client_rows, inputs = [], []
    for row in rows:
        data = client_input(row.values)
        inputs.append(data)
        client_rows.append(bulk.checked(Client, {n: getattr(data, n) for n in _CLIENT_FIELDS},
                                        _CLIENT_FIELDS))
        client_rows[-1]["chinese_name_key"] = chinese_sort_key(data.chinese_name)  # 0012
    client_ids = bulk.insert_returning(session, Client, client_rows)
    doc_rows = [{"client_id": client_id,
                 **bulk.checked(TravelDocument, {n: getattr(doc, n) for n in _DOCUMENT_FIELDS},
                                _DOCUMENT_FIELDS)}
                for client_id, data in zip(client_ids, inputs, strict=True)
                for doc in data.travel_documents]
    doc_ids = bulk.insert_returning(session, TravelDocument, doc_rows)
    with_scheme = [(row, client_id) for row, client_id in zip(rows, client_ids, strict=True)
                   if "scheme" in row.values]
    numbers = allocate(session, CASE_REFERENCE, len(with_scheme)) if with_scheme else range(0)
    case_rows = [_case_values(row, client_id, number, today)
                 for (row, client_id), number in zip(with_scheme, numbers, strict=True)]
    case_ids = bulk.insert_returning(session, Case, case_rows)
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
    stay_ids = bulk.insert_returning(session, Stay, stay_rows)
    for row, client_id, values in zip(rows, client_ids, client_rows, strict=True):
        if residence_of(row.values)[1]:
            notes.append({"client_id": client_id, "kind": NoteKind.NOTE, "author": actor,
                          "body": _residence_text(source, values["residence"])})
    bulk.insert(session, Note, notes)
    stay_owner = dict(zip(stay_ids, stay_clients, strict=True))
    bulk.audit(session, [
        *bulk.creations("client", client_rows, client_ids, actor, lambda r, i: (i, None)),
        *bulk.creations("travel_document", doc_rows, doc_ids, actor,
                        lambda r, i: (r["client_id"], None)),
        *bulk.creations("case", case_rows, case_ids, actor, lambda r, i: (r["client_id"], i)),
        *bulk.creations("stay", stay_rows, stay_ids, actor,
                        lambda r, i: (stay_owner[i], r["case_id"])),
    ])
    return client_ids, len(case_ids), len(stay_ids)


def apply_plan(store: Store, plan: ImportPlan, *, actor: str, progress: Progress = silent
               ) -> ImportResult:
    """Write every accepted row of ``plan`` in one transaction (``ConflictError``: nothing).

    ``progress`` is told how far the writing got; when it raises ``Cancelled``
    the transaction is rolled back and nothing is written.
    """
    source = plan.source.name
    total = len(plan.rows) + 1  # the rows, then the search index
    with store.transaction() as session:
        fresh = [row for row in plan.rows if row.action == NEW]
        progress(WRITING, 0, total)
        ids, cases, stays = _new_clients(session, fresh, actor, plan.today, source)
        updating = [row for row in plan.rows if row.action != NEW]
        held = _held(session, sorted({row.client_id for row in updating
                                      if row.client_id is not None}))
        for done, row in enumerate(updating):
            if done % _CHUNK == 0:
                progress(WRITING, len(fresh) + done, total)
            client = _update_client(session, row, actor, held)
            opened, recorded, _ = _case_and_stay(session, client, row, actor, plan.today,
                                                 source, held)
            cases += opened
            stays += recorded
            ids.append(client.id)
        progress(INDEXING, total - 1, total)
        session.flush()
        search.refresh_clients(session, ids)
        progress(INDEXING, total, total)  # the last chance to cancel: commit follows
    return ImportResult(plan.new, plan.updated, cases, stays, tuple(ids))


def summary(values: dict[str, Any]) -> str:
    """What a row brings, in a few words (for the preview)."""
    parts = []
    if "passport_number" in values:
        parts.append(tr("passport {number}", number=values["passport_number"]))
    if "date_of_birth" in values:
        parts.append(tr("born {day}", day=values["date_of_birth"]))
    if "scheme" in values:
        scheme = values["scheme"].value
        parts.append(tr("{scheme} case, limit of stay {day}", scheme=scheme,
                        day=values["limit_of_stay"]) if "limit_of_stay" in values
                     else tr("{scheme} case (intake)", scheme=scheme))
    return " · ".join(parts)
