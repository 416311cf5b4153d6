"""What eligibility reads from the records: a client's rows, a case's facts and overrides."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.eligibility.record_facts import (
    ClientRecords,
    DocumentRow,
    EducationRow,
    EmploymentRow,
    SponsorRecord,
)
from hkcase.domain.errors import ValidationError
from hkcase.domain.vocab import RelationshipKind
from hkcase.store.models import (
    Case,
    CaseFactOverride,
    CaseFacts,
    Client,
    Education,
    Employment,
    Relationship,
    Stay,
    TravelDocument,
)


def client_records(session: Session, client_id: int) -> ClientRecords:
    """The rows of a client that eligibility facts follow from."""
    client = session.get(Client, client_id)
    if client is None:
        raise ValidationError("client_id", f"there is no client number {client_id}")
    documents = session.scalars(sa.select(TravelDocument).where(
        TravelDocument.client_id == client_id).order_by(TravelDocument.expiry_date)).all()
    education = session.scalars(sa.select(Education).where(
        Education.client_id == client_id).order_by(Education.award_date, Education.id)).all()
    employment = session.scalars(sa.select(Employment).where(
        Employment.client_id == client_id).order_by(Employment.start_date, Employment.id)).all()
    children = session.scalars(
        sa.select(Client.date_of_birth).join(Relationship, Relationship.dependant_id == Client.id)
        .where(Relationship.sponsor_id == client_id, Relationship.kind == RelationshipKind.CHILD)
    ).all()
    return ClientRecords(
        client.date_of_birth, client.nationality, client.residence,
        [DocumentRow(d.doc_type, d.issuing_country, d.expiry_date) for d in documents],
        [EducationRow(e.level, e.institution, e.award_date, e.full_time, e.country,
                      e.field_of_study, e.ttps_list_confirmed, e.ttps_list_confirmed_for)
         for e in education],
        [EmploymentRow(e.start_date, e.end_date, e.senior_role, e.multinational, e.industry,
                       e.annual_income_hkd) for e in employment],
        list(children), _sponsor(session, client_id))


def _sponsor(session: Session, client_id: int) -> SponsorRecord | None:
    link = session.execute(sa.select(Relationship.kind, Relationship.sponsor_id).where(
        Relationship.dependant_id == client_id)).first()
    if link is None:
        return None
    kind, sponsor_id = link
    row = session.execute(
        sa.select(Case.scheme, Stay.limit_of_stay).join(Stay, Stay.case_id == Case.id)
        .where(Case.client_id == sponsor_id).order_by(Stay.limit_of_stay.desc()).limit(1)
    ).first()
    return SponsorRecord(kind) if row is None else SponsorRecord(kind, row[0], row[1])


def stored_case_facts(session: Session, case: Case) -> dict[str, Any]:
    """A case's stored facts by editor key (the case's employer and contract end included)."""
    row = session.get(CaseFacts, case.id)
    values: dict[str, Any] = {"employer_name": case.employer, "contract_end": case.contract_end}
    if row is not None:
        for attr in sa.inspect(CaseFacts).column_attrs:
            if attr.key not in ("case_id", "updated_at", "updated_by"):
                values[attr.key] = getattr(row, attr.key)
    return values


def stored_overrides(session: Session, case_id: int) -> dict[str, Any]:
    """A case's kept overrides, by profile fact name."""
    rows = session.execute(sa.select(CaseFactOverride.name, CaseFactOverride.value).where(
        CaseFactOverride.case_id == case_id).order_by(CaseFactOverride.name)).all()
    return {name: value for name, value in rows}
