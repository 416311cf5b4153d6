"""Creating and changing clients, cases and stays: one transaction and one audit entry each."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hkcase.domain.client_fields import field_problem
from hkcase.domain.countries import UnknownCountryError
from hkcase.domain.ids import IdNumberError
from hkcase.domain.messages import tr
from hkcase.domain.plausibility import Impossible, birth_date_questions, travel_document_problems
from hkcase.domain.vocab import (
    DECIDED_STAGES,
    ApplicationType,
    AuditAction,
    Outcome,
    Residence,
    Scheme,
    Sex,
    TravelDocumentType,
)
from hkcase.services.conflicts import conflict
from hkcase.services.edits import ask, impossible, touch
from hkcase.services.errors import ValidationError
from hkcase.services.stays.checks import stay_questions
from hkcase.store import Store, audit
from hkcase.store.counters import CASE_REFERENCE, allocate, case_reference
from hkcase.store.models import Case, Client, Stay, TravelDocument
from hkcase.store.queries import search


@dataclass
class TravelDocumentInput:
    doc_type: TravelDocumentType
    number: str
    issuing_country: str
    issue_date: date | None = None
    expiry_date: date | None = None
    #: The stored document this edits (None: a new document).
    id: int | None = None


TRAVEL_DOCUMENT_FIELDS = ("doc_type", "number", "issuing_country", "issue_date", "expiry_date")


@dataclass
class ClientInput:
    """What a consultant types to create a client."""

    family_name: str
    given_names: str
    sex: Sex
    date_of_birth: date
    nationality: str
    residence: Residence
    chinese_name: str | None = None
    hkid: str | None = None
    mainland_id: str | None = None
    email: str | None = None
    phone: str | None = None
    travel_documents: list[TravelDocumentInput] = field(default_factory=list)


@dataclass(frozen=True)
class CaseRef:
    id: int
    reference: str
    version: int


def _assign(obj: Any, name: str, value: Any) -> None:
    # ORM validators raise the domain's ValueErrors; name the field for the user.
    try:
        setattr(obj, name, value)
    except (IdNumberError, UnknownCountryError) as exc:
        raise ValidationError(name, str(exc)) from None


def check_person(data: ClientInput, today: date, *, principal: bool, confirm: bool) -> None:
    """Errors for the impossible, questions (unless confirmed) for the implausible."""
    if problem := field_problem("family_name", data.family_name):
        raise ValidationError("family_name", problem)
    try:
        questions = birth_date_questions(data.date_of_birth, today, principal=principal)
        for doc in data.travel_documents:
            travel_document_problems(doc.number, doc.issue_date, doc.expiry_date,
                                     data.date_of_birth)
    except Impossible as exc:
        raise impossible(exc) from None
    ask(questions, confirm)


def add_travel_document(session: Session, client: Client, doc: TravelDocumentInput, *,
                        actor: str) -> TravelDocument:
    """A new travel document on ``client``, audited with its number (in the session)."""
    row = TravelDocument()
    for name in TRAVEL_DOCUMENT_FIELDS:
        _assign(row, name, getattr(doc, name))
    client.travel_documents.append(row)
    audit.record(session, actor=actor, action=AuditAction.CREATE, obj=row)
    return row


def create_client(store: Store, data: ClientInput, *, actor: str, principal: bool = True,
                  confirm: bool = True) -> int:
    """Save a new client with their travel documents; returns the client id.

    With ``confirm=False`` (the GUI's first try, the CLI without ``--confirm``) a date
    of birth making a principal younger than 16 or older than 90 raises
    ``NeedsConfirmation``; a dependant may be any age. Impossible dates always raise.
    """
    check_person(data, date.today(), principal=principal, confirm=confirm)
    with store.transaction() as session:
        client = Client()
        for f in fields(ClientInput):
            if f.name != "travel_documents":
                _assign(client, f.name, getattr(data, f.name))
        session.add(client)
        audit.record(session, actor=actor, action=AuditAction.CREATE, obj=client)
        for doc in data.travel_documents:
            add_travel_document(session, client, doc, actor=actor)
        search.refresh_client(session, client.id)  # found even before it has a case
        return client.id


@dataclass
class CaseInput:
    client_id: int
    scheme: Scheme
    application_type: ApplicationType
    opened_on: date
    employer: str | None = None
    sponsor_case_id: int | None = None
    consultant_id: int | None = None


def create_case(store: Store, data: CaseInput, *, actor: str) -> CaseRef:
    """Open a case for an existing client and give it a reference."""
    with store.transaction() as session:
        case = add_case(session, data, actor=actor)
        return CaseRef(case.id, case.reference, case.version)


def add_case(session: Session, data: CaseInput, *, actor: str) -> Case:
    """``create_case`` inside the caller's transaction: the new case, flushed and indexed."""
    if session.get(Client, data.client_id) is None:
        raise ValidationError("client_id", tr("there is no client number {client_id}",
                                              client_id=data.client_id))
    if data.sponsor_case_id is not None and session.get(Case, data.sponsor_case_id) is None:
        raise ValidationError("sponsor_case_id", tr("there is no sponsor case number {case_id}",
                                                    case_id=data.sponsor_case_id))
    (number,) = allocate(session, CASE_REFERENCE)
    case = Case(
        reference=case_reference(data.opened_on.year, number),
        client_id=data.client_id,
        scheme=data.scheme,
        application_type=data.application_type,
        opened_on=data.opened_on,
        employer=data.employer,
        sponsor_case_id=data.sponsor_case_id,
        consultant_id=data.consultant_id,
    )
    session.add(case)
    audit.record(session, actor=actor, action=AuditAction.CREATE, obj=case)
    search.refresh_cases(session, [case.id])
    return case


_EDITABLE_CASE_FIELDS = frozenset(
    {
        "stage",
        "outcome",
        "immd_file_ref",
        "employer",
        "consultant_id",
        "submitted_on",
        "decided_on",
        "closed_on",
        "contract_end",
    }
)


def update_case(
    store: Store, case_id: int, expected_version: int, *, actor: str, **changes: Any
) -> CaseRef:
    """Change a case's fields if nobody else saved it since ``expected_version``.

    Raises ``ConflictError`` when the case changed meanwhile, ``ValidationError``
    for fields that cannot be set or values that break a rule.
    """
    unknown = set(changes) - _EDITABLE_CASE_FIELDS
    if unknown:
        raise ValidationError(sorted(unknown)[0], tr("this field cannot be changed here"))
    with store.transaction() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise ValidationError("case_id", tr("there is no case number {case_id}",
                                                case_id=case_id))
        if case.version != expected_version:
            raise conflict(case, session)
        for name, value in changes.items():
            setattr(case, name, value)
        _check_case_rules(case)
        diff = audit.pending_changes(case)
        diff.pop("version", None)
        diff.pop("updated_at", None)
        try:
            audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=case, changes=diff)
        except IntegrityError as exc:
            raise ValidationError("case", tr("the change breaks a rule: {reason}",
                                             reason=exc.orig)) from None
        if "immd_file_ref" in diff:
            search.refresh_cases(session, [case.id])
        return CaseRef(case.id, case.reference, case.version)


def _check_case_rules(case: Case) -> None:
    if case.outcome != Outcome.PENDING and case.stage not in DECIDED_STAGES:
        raise ValidationError(
            "outcome", tr("a decision can only be recorded once the case is decided or closed")
        )
    if case.submitted_on and case.submitted_on < case.opened_on:
        raise ValidationError("submitted_on",
                              tr("the case cannot be submitted before it was opened"))
    if case.decided_on and case.submitted_on and case.decided_on < case.submitted_on:
        raise ValidationError("decided_on", tr("the decision cannot come before the submission"))
    if case.closed_on and case.closed_on < case.opened_on:
        raise ValidationError("closed_on", tr("the case cannot be closed before it was opened"))


@dataclass
class StayInput:
    case_id: int
    granted_on: date
    limit_of_stay: date
    entry_date: date | None = None
    condition_of_stay: str | None = None
    #: 0 for the first stay; None: the next number after the case's stays.
    extension_number: int | None = 0


def record_stay(store: Store, data: StayInput, *, actor: str, confirm: bool = True) -> int:
    """Record a limit of stay as printed on the visa label or e-Visa.

    With ``confirm=False`` a limit more than 6 months from the scheme's estimate or
    beyond its longest stay raises ``NeedsConfirmation`` ("Is 25 Nov 2082 right? …").
    """
    with store.transaction() as session:
        return add_stay(session, data, actor=actor, confirm=confirm).id


def add_stay(session: Session, data: StayInput, *, actor: str, confirm: bool = True) -> Stay:
    """``record_stay`` inside the caller's transaction (the stay is flushed, with its id)."""
    if data.limit_of_stay <= data.granted_on:
        raise ValidationError("limit_of_stay",
                              tr("the limit of stay must fall after the grant date"))
    if data.entry_date and data.limit_of_stay <= data.entry_date:
        raise ValidationError("limit_of_stay",
                              tr("the limit of stay must fall after the entry date"))
    case = session.get(Case, data.case_id)
    if case is None:
        raise ValidationError("case_id", tr("there is no case number {case_id}",
                                            case_id=data.case_id))
    values = {f.name: getattr(data, f.name) for f in fields(StayInput)}
    if data.extension_number is None:
        last = session.scalar(sa.select(sa.func.max(Stay.extension_number))
                              .where(Stay.case_id == data.case_id))
        values["extension_number"] = 0 if last is None else last + 1
    ask(stay_questions(session, case, extension_number=values["extension_number"],
                       granted_on=data.granted_on, limit=data.limit_of_stay,
                       entry_date=data.entry_date), confirm)
    stay = Stay(**values)
    session.add(stay)
    try:
        audit.record(session, actor=actor, action=AuditAction.CREATE, obj=stay)
    except IntegrityError:
        raise ValidationError(
            "extension_number",
            tr("this case already has a stay numbered {number}",
               number=values["extension_number"]),
        ) from None
    touch(case)
    session.flush()
    return stay


__all__ = [
    "CaseInput",
    "CaseRef",
    "ClientInput",
    "StayInput",
    "TravelDocumentInput",
    "add_stay",
    "create_case",
    "create_client",
    "record_stay",
    "update_case",
]
