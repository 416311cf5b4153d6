"""What the case pane shows: the case, its client, its stays, notes and activity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa

from hkcase.domain.labels import label
from hkcase.domain.messages import tr
from hkcase.domain.vocab import (
    ApplicationType,
    AuditAction,
    NoteKind,
    Outcome,
    Scheme,
    Stage,
)
from hkcase.services.errors import ValidationError
from hkcase.store import Store, audit
from hkcase.store.models import (
    AuditEntry,
    Case,
    Client,
    Consultant,
    Note,
    Reminder,
    Stay,
    TravelDocument,
)


@dataclass(frozen=True)
class StayRow:
    id: int
    extension_number: int
    granted_on: date
    entry_date: date | None
    limit_of_stay: date
    condition_of_stay: str | None


@dataclass(frozen=True)
class CaseDetail:
    """Everything the overview tab edits, with the version it was read at."""

    id: int
    reference: str
    version: int
    client_id: int
    client_name: str
    chinese_name: str | None
    date_of_birth: date
    nationality: str
    passport: str | None
    scheme: Scheme
    application_type: ApplicationType
    stage: Stage
    outcome: Outcome
    immd_file_ref: str | None
    employer: str | None
    consultant_id: int | None
    consultant: str | None
    opened_on: date
    submitted_on: date | None
    decided_on: date | None
    closed_on: date | None
    contract_end: date | None
    sponsor_case_id: int | None
    stays: tuple[StayRow, ...]


def get_case(store: Store, case_id: int) -> CaseDetail:
    """One case with its client and stays, as the case pane shows it."""
    with store.reading() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise ValidationError("case_id", tr("there is no case number {case_id}",
                                                case_id=case_id))
        client = session.get_one(Client, case.client_id)
        passport = session.scalars(
            sa.select(TravelDocument.number).where(TravelDocument.client_id == client.id)
            .order_by(TravelDocument.expiry_date.desc().nulls_last())).first()
        consultant = session.get(Consultant, case.consultant_id) if case.consultant_id else None
        stays = tuple(StayRow(s.id, s.extension_number, s.granted_on, s.entry_date,
                              s.limit_of_stay, s.condition_of_stay) for s in case.stays)
        return CaseDetail(
            id=case.id, reference=case.reference, version=case.version, client_id=client.id,
            client_name=f"{client.family_name} {client.given_names}".strip(),
            chinese_name=client.chinese_name, date_of_birth=client.date_of_birth,
            nationality=client.nationality, passport=passport, scheme=case.scheme,
            application_type=case.application_type, stage=case.stage, outcome=case.outcome,
            immd_file_ref=case.immd_file_ref, employer=case.employer,
            consultant_id=case.consultant_id, consultant=consultant.name if consultant else None,
            opened_on=case.opened_on, submitted_on=case.submitted_on,
            decided_on=case.decided_on, closed_on=case.closed_on,
            contract_end=case.contract_end, sponsor_case_id=case.sponsor_case_id, stays=stays)


@dataclass(frozen=True)
class NoteRow:
    id: int
    kind: NoteKind
    author: str | None
    body: str
    created_at: datetime


def add_note(store: Store, case_id: int, body: str, *, actor: str) -> NoteRow:
    """Add a consultant's note to a case."""
    if not body.strip():
        raise ValidationError("body", tr("the note is empty"))
    with store.transaction() as session:
        if session.get(Case, case_id) is None:
            raise ValidationError("case_id", tr("there is no case number {case_id}",
                                                case_id=case_id))
        note = Note(case_id=case_id, kind=NoteKind.NOTE, author=actor, body=body.strip())
        session.add(note)
        audit.record(session, actor=actor, action=AuditAction.CREATE, obj=note)
        return NoteRow(note.id, note.kind, note.author, note.body, note.created_at)


@dataclass(frozen=True)
class ActivityRow:
    """A note, or a change from the audit trail, in time order."""

    at: datetime
    who: str | None
    what: str
    is_note: bool


def case_activity(store: Store, case_id: int, limit: int = 200) -> list[ActivityRow]:
    """Notes and audited changes of a case, newest first."""
    with store.reading() as session:
        notes = [ActivityRow(n.created_at, n.author, n.body, True) for n in session.scalars(
            sa.select(Note).where(Note.case_id == case_id).order_by(Note.created_at.desc())
            .limit(limit))]
        stay_ids = session.scalars(sa.select(Stay.id).where(Stay.case_id == case_id)).all()
        reminder_ids = session.scalars(
            sa.select(Reminder.id).where(Reminder.case_id == case_id)).all()
        subjects = [sa.and_(AuditEntry.entity == "case", AuditEntry.entity_id == case_id)]
        if stay_ids:
            subjects.append(sa.and_(AuditEntry.entity == "stay",
                                    AuditEntry.entity_id.in_(stay_ids)))
        if reminder_ids:
            subjects.append(sa.and_(AuditEntry.entity == "reminder",
                                    AuditEntry.entity_id.in_(reminder_ids)))
        changes = [ActivityRow(e.at, e.actor, _describe(e), False) for e in session.scalars(
            sa.select(AuditEntry).where(sa.or_(*subjects)).order_by(AuditEntry.at.desc())
            .limit(limit))]
    return sorted(notes + changes, key=lambda a: a.at, reverse=True)[:limit]


def _describe(entry: AuditEntry) -> str:
    verb = {AuditAction.CREATE: "created", AuditAction.UPDATE: "changed",
            AuditAction.DELETE: "deleted"}[entry.action]
    if entry.action is AuditAction.UPDATE and entry.changes:
        parts = [f"{label(k)}: {v[0]} → {v[1]}" for k, v in entry.changes.items()
                 if isinstance(v, list) and len(v) == 2]
        return f"{label(entry.entity)} {verb}: " + "; ".join(parts)
    return f"{label(entry.entity)} {verb}"
