"""Client records beyond creation: reading for the editor, updating, finding duplicates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.labels import label
from hkcase.domain.messages import current_language, tr
from hkcase.domain.plausibility import Impossible, award_problems, employment_problems
from hkcase.domain.vocab import (
    AuditAction,
    EducationLevel,
    RelationshipKind,
)
from hkcase.services.conflicts import conflict
from hkcase.services.edits import assign, impossible, touch
from hkcase.services.errors import ValidationError
from hkcase.services.records import (
    TRAVEL_DOCUMENT_FIELDS,
    ClientInput,
    TravelDocumentInput,
    add_travel_document,
    check_person,
)
from hkcase.services.trash.bin import delete_record, trash_record
from hkcase.store import Store, audit
from hkcase.store.models import Client, Education, Employment, Relationship, TravelDocument
from hkcase.store.queries import search


@dataclass(frozen=True)
class ClientRecord:
    """A client as the editor shows it, with the version it was read at."""

    id: int
    version: int
    data: ClientInput


def get_client(store: Store, client_id: int) -> ClientRecord:
    with store.reading() as session:
        client = session.get(Client, client_id)
        if client is None:
            raise ValidationError("client_id", tr("there is no client number {client_id}",
                                                  client_id=client_id))
        docs = [TravelDocumentInput(d.doc_type, d.number, d.issuing_country, d.issue_date,
                                    d.expiry_date, d.id) for d in client.travel_documents]
        data = ClientInput(
            family_name=client.family_name, given_names=client.given_names, sex=client.sex,
            date_of_birth=client.date_of_birth, nationality=client.nationality,
            residence=client.residence, chinese_name=client.chinese_name, hkid=client.hkid,
            mainland_id=client.mainland_id, email=client.email, phone=client.phone,
            travel_documents=docs)
        return ClientRecord(client.id, client.version, data)


@dataclass(frozen=True)
class Duplicate:
    """An existing client who may be the same person, and why."""

    client_id: int
    name: str
    chinese_name: str | None
    date_of_birth: date
    reason: str


def find_duplicates(store: Store, data: ClientInput, *, exclude_id: int | None = None
                    ) -> list[Duplicate]:
    """Clients with the same name and date of birth, or the same travel document number."""
    numbers = ["".join(d.number.split()).upper() for d in data.travel_documents if d.number]
    found: dict[int, Duplicate] = {}
    with store.reading() as session:
        same_person = sa.select(Client).where(
            sa.func.upper(Client.family_name) == data.family_name.strip().upper(),
            sa.func.upper(Client.given_names) == data.given_names.strip().upper(),
            Client.date_of_birth == data.date_of_birth)
        for client in session.scalars(same_person):
            found[client.id] = Duplicate(client.id, f"{client.family_name} {client.given_names}",
                                         client.chinese_name, client.date_of_birth,
                                         tr("same name and date of birth"))
        if numbers:
            for client, number in session.execute(
                    sa.select(Client, TravelDocument.number)
                    .join(TravelDocument, TravelDocument.client_id == Client.id)
                    .where(TravelDocument.number.in_(numbers))):
                found.setdefault(client.id, Duplicate(
                    client.id, f"{client.family_name} {client.given_names}",
                    client.chinese_name, client.date_of_birth,
                    tr("same travel document {number}", number=number)))
    return [d for cid, d in sorted(found.items()) if cid != exclude_id]


_PERSON_FIELDS = tuple(f.name for f in fields(ClientInput) if f.name != "travel_documents")


def is_principal(session: Session, client_id: int) -> bool:
    """Whether the client is not (only) someone's dependant."""
    return session.scalar(sa.select(sa.func.count()).select_from(Relationship)
                          .where(Relationship.dependant_id == client_id)) == 0


def update_client(store: Store, client_id: int, expected_version: int, data: ClientInput, *,
                  actor: str, confirm: bool = True) -> int:
    """Save an edited client; returns the new version.

    Travel documents in ``data`` with an ``id`` update that document, those without
    one are added; documents not mentioned are kept (delete them on their own).
    Each changed record gets its audit entry (old → new, numbers included). With
    ``confirm=False`` an implausible date of birth raises ``NeedsConfirmation``.
    """
    with store.transaction() as session:
        return _save_client(session, client_id, expected_version, data, actor=actor,
                            confirm=confirm)


def undo_client_edit(store: Store, client_id: int, expected_version: int, old: ClientInput,
                     added_documents: Sequence[int], *, actor: str) -> int:
    """Undo an edit of a client in one transaction: the old particulars back, and the travel
    documents that edit added moved to the Trash. Returns the new version."""
    with store.transaction() as session:
        _save_client(session, client_id, expected_version, old, actor=actor, confirm=True)
        session.flush()
        for doc_id in added_documents:
            if session.get(TravelDocument, doc_id) is not None:  # not deleted meanwhile
                trash_record(session, "travel_document", doc_id, actor=actor)
        version = session.scalar(sa.select(Client.version).where(Client.id == client_id))
        assert version is not None
        return version


def _save_client(session: Session, client_id: int, expected_version: int, data: ClientInput,
                 *, actor: str, confirm: bool) -> int:
    client = session.get(Client, client_id)
    if client is None:
        raise ValidationError("client_id", tr("there is no client number {client_id}",
                                                  client_id=client_id))
    check_person(data, date.today(), principal=is_principal(session, client_id),
                 confirm=confirm)
    if client.version != expected_version:
        raise conflict(client, session)
    assign(client, {name: getattr(data, name) for name in _PERSON_FIELDS}, _PERSON_FIELDS)
    # Taken before anything loads the documents: a lazy load flushes, and a flushed
    # change no longer shows as pending.
    diff = audit.pending_changes(client)
    diff.pop("version", None)
    diff.pop("updated_at", None)
    documents_changed = False
    for doc in data.travel_documents:
        if doc.id is None:
            add_travel_document(session, client, doc, actor=actor)
            documents_changed = True
            continue
        row = session.get(TravelDocument, doc.id)
        if row is None or row.client_id != client_id:
            raise ValidationError("travel_documents", tr(
                "document {number} is no longer on file (deleted meanwhile?); reopen the client",
                number=doc.number))
        assign(row, {name: getattr(doc, name) for name in TRAVEL_DOCUMENT_FIELDS},
               TRAVEL_DOCUMENT_FIELDS)
        changes = audit.pending_changes(row)
        if changes:
            audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=row,
                         changes=changes)
            documents_changed = True
    if diff:
        audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=client,
                     changes=diff)
    elif documents_changed:
        touch(client)
    session.flush()
    search.refresh_client(session, client_id)
    return client.version


@dataclass(frozen=True)
class ClientMatch:
    id: int
    name: str
    chinese_name: str | None
    date_of_birth: date
    nationality: str


def find_clients(store: Store, text: str, limit: int = 50) -> list[ClientMatch]:
    """Clients whose names, Chinese name or travel document number start with ``text``."""
    cleaned = text.strip()
    if not cleaned:
        return []
    pattern = cleaned.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    upper = pattern.upper()
    with store.reading() as session:
        numbers = sa.select(TravelDocument.client_id).where(
            TravelDocument.number.like(upper, escape="\\"))
        rows = session.execute(
            sa.select(Client.id, Client.family_name, Client.given_names, Client.chinese_name,
                      Client.date_of_birth, Client.nationality)
            .where(sa.or_(Client.family_name.like(upper, escape="\\"),
                          Client.chinese_name.like(f"%{pattern}", escape="\\"),
                          Client.id.in_(numbers)))
            .order_by(Client.family_name, Client.given_names).limit(limit)).all()
    return [ClientMatch(i, f"{family} {given}".strip(), chinese, born, nationality)
            for i, family, given, chinese, born, nationality in rows]


@dataclass(frozen=True)
class HistoryRow:
    """A row of a client's education, employment or family, as the editor lists it."""

    id: int
    text: str


def education_rows(store: Store, client_id: int) -> list[HistoryRow]:
    with store.reading() as session:
        return [HistoryRow(e.id, f"{label(e.level.value, current_language())} · {e.institution}"
                           + (f" · {e.award_date}" if e.award_date else ""))
                for e in session.scalars(sa.select(Education).where(
                    Education.client_id == client_id).order_by(Education.award_date))]


def employment_rows(store: Store, client_id: int) -> list[HistoryRow]:
    with store.reading() as session:
        return [HistoryRow(e.id, f"{e.employer} · {e.position or ''} · {e.start_date} – "
                           f"{e.end_date or tr('now')}")
                for e in session.scalars(sa.select(Employment).where(
                    Employment.client_id == client_id).order_by(Employment.start_date))]


def family_rows(store: Store, client_id: int) -> list[HistoryRow]:
    """Dependants of the client and the sponsors the client follows."""
    with store.reading() as session:
        rows = []
        for link, other in session.execute(
                sa.select(Relationship, Client).join(Client, Client.id == Relationship.dependant_id)
                .where(Relationship.sponsor_id == client_id)):
            rows.append(HistoryRow(link.id, tr(
                "dependant ({kind}): {name}", kind=label(link.kind.value, current_language()),
                name=f"{other.family_name} {other.given_names} "
                     f"{other.chinese_name or ''}".strip())))
        for link, other in session.execute(
                sa.select(Relationship, Client).join(Client, Client.id == Relationship.sponsor_id)
                .where(Relationship.dependant_id == client_id)):
            rows.append(HistoryRow(link.id, tr(
                "follows sponsor ({kind}): {name}",
                kind=label(link.kind.value, current_language()),
                name=f"{other.family_name} {other.given_names} "
                     f"{other.chinese_name or ''}".strip())))
        return rows


def add_education(store: Store, client_id: int, *, level: EducationLevel, institution: str,
                  award_date: date | None, full_time: bool | None, actor: str) -> int:
    if not institution.strip():
        raise ValidationError("institution", tr("the institution is required"))
    with store.transaction() as session:
        client = session.get(Client, client_id)
        if client is None:
            raise ValidationError("client_id", tr("there is no client number {client_id}",
                                                  client_id=client_id))
        try:
            award_problems(award_date, None, client.date_of_birth)
        except Impossible as exc:
            raise impossible(exc) from None
        row = Education(client_id=client_id, level=level, institution=institution.strip(),
                        award_date=award_date, full_time=full_time)
        session.add(row)
        audit.record(session, actor=actor, action=AuditAction.CREATE, obj=row)
        touch(client)
        return row.id


def add_employment(store: Store, client_id: int, *, employer: str, position: str | None,
                   start_date: date, end_date: date | None, annual_income_hkd: int | None,
                   actor: str) -> int:
    if not employer.strip():
        raise ValidationError("employer", tr("the employer is required"))
    if end_date is not None and end_date < start_date:
        raise ValidationError("end_date", tr("the job cannot end before it started"))
    with store.transaction() as session:
        client = session.get(Client, client_id)
        if client is None:
            raise ValidationError("client_id", tr("there is no client number {client_id}",
                                                  client_id=client_id))
        try:
            employment_problems(start_date, end_date, client.date_of_birth)
        except Impossible as exc:
            raise impossible(exc) from None
        row = Employment(client_id=client_id, employer=employer.strip(), position=position,
                         start_date=start_date, end_date=end_date,
                         annual_income_hkd=annual_income_hkd)
        session.add(row)
        audit.record(session, actor=actor, action=AuditAction.CREATE, obj=row)
        touch(client)
        return row.id


def link_dependant(store: Store, sponsor_id: int, dependant_id: int, kind: RelationshipKind,
                   *, actor: str) -> int:
    """Record that ``dependant_id`` follows ``sponsor_id``."""
    if sponsor_id == dependant_id:
        raise ValidationError("dependant", tr("a client cannot be their own dependant"))
    with store.transaction() as session:
        ends = [session.get(Client, client_id) for client_id in (sponsor_id, dependant_id)]
        for client_id, end in zip((sponsor_id, dependant_id), ends, strict=True):
            if end is None:
                raise ValidationError("client_id", tr("there is no client number {client_id}",
                                                  client_id=client_id))
            touch(end)
        exists = session.scalar(sa.select(Relationship.id).where(
            Relationship.sponsor_id == sponsor_id, Relationship.dependant_id == dependant_id))
        if exists is not None:
            raise ValidationError("dependant", tr("this family link is already recorded"))
        link = Relationship(sponsor_id=sponsor_id, dependant_id=dependant_id, kind=kind)
        session.add(link)
        audit.record(session, actor=actor, action=AuditAction.CREATE, obj=link)
        return link.id


def remove_history(store: Store, kind: str, row_id: int, *, actor: str) -> int:
    """Delete an education, employment or family row to the Trash; returns the trash id."""
    table = {"education": "education", "employment": "employment", "family": "relationship",
             "travel_document": "travel_document"}.get(kind)
    if table is None:
        raise ValidationError("kind", tr("{kind!r} is not part of a client's history", kind=kind))
    deletion = delete_record(store, table, row_id, actor=actor)
    assert deletion.trash_id is not None
    return deletion.trash_id
