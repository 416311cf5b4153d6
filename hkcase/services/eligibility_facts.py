"""Eligibility facts of a client or a case: from the records, the case facts, the overrides.

Each fact says where it came from: ``client record``, ``case facts`` or
``consultant's override`` (the later wins), with a detail such as "employment
history, last 5 years".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.case_facts import is_stem, profile_facts
from hkcase.domain.dates import age_on
from hkcase.domain.eligibility import FIELDS
from hkcase.domain.vocab import (
    EducationLevel,
    RelationshipKind,
    Scheme,
    TravelDocumentType,
)
from hkcase.services.errors import ValidationError
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

CLIENT_RECORD = "client record"
CASE_FACTS = "case facts"
OVERRIDE = "consultant's override"

_DEGREES = {EducationLevel.SUB_DEGREE: "sub_degree", EducationLevel.BACHELOR: "bachelor",
            EducationLevel.MASTER: "master", EducationLevel.DOCTORATE: "doctorate"}
_DEGREE_ORDER = ("none", "sub_degree", "bachelor", "master", "doctorate")
_RELATIONSHIPS = {RelationshipKind.SPOUSE: "spouse", RelationshipKind.SAME_SEX_SPOUSE:
                  "same_sex_spouse", RelationshipKind.CIVIL_PARTNER: "civil_partner",
                  RelationshipKind.CHILD: "child", RelationshipKind.PARENT: "parent"}
_SPONSOR_STATUS = {Scheme.NEW_CIES: "investment_visa"}
# Employment ``industry`` texts that are QMAS's specified industries.
_SPECIFIED_INDUSTRIES = {
    "technology": "innovation_and_technology", "innovation_and_technology":
    "innovation_and_technology", "innovation and technology": "innovation_and_technology",
    "financial_services": "finance", "finance": "finance", "financial services": "finance",
    "international_trade": "international_trade", "international trade": "international_trade",
}
_DOCUMENTS = {TravelDocumentType.PRC_PASSPORT: "prc_passport",
              TravelDocumentType.PRC_EXIT_ENTRY_PERMIT: "prc_exit_entry_permit",
              TravelDocumentType.PASSPORT: "foreign_passport"}


@dataclass(frozen=True)
class Fact:
    """A profile fact with where it came from (``source``) and how (``detail``)."""

    name: str
    value: Any  # as the profile takes it (ISO date strings, numbers, booleans, text)
    source: str
    detail: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "value": self.value, "source": self.source}


Add = Callable[[str, Any, str], None]


def _years(spans: list[tuple[date, date]]) -> float:
    """Total years covered by date spans, overlaps counted once."""
    total = 0
    last_end: date | None = None
    for start, end in sorted(spans):
        if last_end is not None and start < last_end:
            start = last_end
        if end > start:
            total += (end - start).days
            last_end = end if last_end is None else max(last_end, end)
    return round(total / 365.25, 2)


def _employment_facts(rows: list[Employment], on: date, add: Add) -> None:
    spans = [(r.start_date, min(r.end_date or on, on)) for r in rows if r.start_date <= on]
    if not spans:
        return
    add("years_experience", _years(spans), "employment history")
    window = on.replace(year=on.year - 5) if not (on.month == 2 and on.day == 29) \
        else on - timedelta(days=5 * 365 + 1)
    add("years_experience_last_5y", _years([(max(s, window), e) for s, e in spans if e > window]),
        "employment history, last 5 years")
    kept = [r for r in rows if r.start_date <= on]
    senior = [span for span, r in zip(spans, kept, strict=True) if r.senior_role]
    add("years_senior_role", _years(senior), "employment rows marked senior")
    multinational = [span for span, r in zip(spans, kept, strict=True) if r.multinational]
    add("years_multinational_or_renowned", _years(multinational),
        "employment rows marked multinational")
    industries = [(span, _SPECIFIED_INDUSTRIES.get((r.industry or "").strip().casefold()))
                  for span, r in zip(spans, kept, strict=True)]
    specified = [(span, name) for span, name in industries if name]
    add("years_specified_industry", _years([span for span, _ in specified]),
        "employment rows in innovation and technology, finance or international trade")
    if specified:
        add("specified_industry", specified[-1][1], "latest employment in such an industry")
    current = [r for r in kept if r.end_date is None or r.end_date >= on]
    if current and current[-1].annual_income_hkd is not None:
        add("annual_income_hkd", current[-1].annual_income_hkd, "current employment")


def _education_facts(rows: list[Education], on: date, add: Add) -> None:
    awarded = [e for e in rows if e.award_date is None or e.award_date <= on]
    levels = [_DEGREES[e.level] for e in awarded if e.level in _DEGREES]
    add("highest_degree", max(levels, key=_DEGREE_ORDER.index) if levels else "none"
        if awarded else None, "education history")
    bachelors = [e for e in awarded if e.level is EducationLevel.BACHELOR]
    if bachelors:
        first = bachelors[0]
        add("bachelor_institution", first.institution, "education history")
        add("bachelor_award_date", first.award_date.isoformat() if first.award_date else None,
            "education history")
        add("bachelor_full_time", first.full_time, "education history")
        if first.country is not None and first.country != "HK":
            add("bachelor_obtained_in_hk_as_non_local_student", False,
                "bachelor's awarded outside Hong Kong")
        if first.ttps_list_confirmed is not None \
                and first.ttps_list_confirmed_for == first.institution:
            add("bachelor_institution_on_ttps_list", first.ttps_list_confirmed,
                "consultant's confirmation of the TTPS list, kept with the education record")
    degrees = [e for e in awarded if e.level in _DEGREES and e.level is not
               EducationLevel.SUB_DEGREE and e.field_of_study]
    if degrees and degrees[-1].field_of_study:
        add("degree_is_stem", is_stem(degrees[-1].field_of_study),
            "field of study of the highest degree")
    masters = [e for e in awarded if e.level is EducationLevel.MASTER and e.award_date]
    if masters and masters[-1].award_date is not None:
        add("master_award_date", masters[-1].award_date.isoformat(), "education history")
    local = [e for e in rows if e.country == "HK" and e.level in _DEGREES]
    if local:
        latest = local[-1]
        add("hk_institution", latest.institution, "education in Hong Kong")
        add("graduation_date", latest.award_date.isoformat() if latest.award_date else None,
            "education in Hong Kong")
        add("hk_qualification_level", _DEGREES[latest.level], "education in Hong Kong")


def derive_facts(session: Session, client_id: int, on: date) -> dict[str, Fact]:
    """Profile facts that follow from a client's records on ``on``."""
    client = session.get(Client, client_id)
    if client is None:
        raise ValidationError("client_id", f"there is no client number {client_id}")
    facts: dict[str, Fact] = {}

    def add(name: str, value: Any, detail: str) -> None:
        if value is not None:
            facts[name] = Fact(name, value, CLIENT_RECORD, detail)

    add("date_of_birth", client.date_of_birth.isoformat(), "date of birth")
    add("nationality", client.nationality, "nationality")
    add("residence", client.residence.value, "residence")
    documents = session.scalars(sa.select(TravelDocument).where(
        TravelDocument.client_id == client_id).order_by(TravelDocument.expiry_date)).all()
    valid = [d for d in documents if d.expiry_date is None or d.expiry_date >= on]
    if valid:
        doc = valid[-1]
        kind = _DOCUMENTS.get(doc.doc_type, "other")
        if kind == "foreign_passport" and doc.issuing_country == "CN":
            kind = "prc_passport"
        add("travel_document", kind, "travel document valid on the date")
    education = session.scalars(sa.select(Education).where(
        Education.client_id == client_id).order_by(Education.award_date, Education.id)).all()
    _education_facts(list(education), on, add)
    employment = session.scalars(sa.select(Employment).where(
        Employment.client_id == client_id).order_by(Employment.start_date, Employment.id)).all()
    _employment_facts(list(employment), on, add)
    _family_facts(session, client_id, on, add)
    return facts


def _family_facts(session: Session, client_id: int, on: date, add: Add) -> None:
    children = session.scalars(
        sa.select(Client.date_of_birth).join(Relationship, Relationship.dependant_id == Client.id)
        .where(Relationship.sponsor_id == client_id, Relationship.kind == RelationshipKind.CHILD)
    ).all()
    if children:
        add("children_under_18", sum(1 for born in children if age_on(born, on) < 18),
            "family links")
    link = session.execute(sa.select(Relationship.kind, Relationship.sponsor_id).where(
        Relationship.dependant_id == client_id)).first()
    if link is None:
        return
    kind, sponsor_id = link
    add("relationship", _RELATIONSHIPS.get(kind), "family link to the sponsor")
    row = session.execute(
        sa.select(Case.scheme, Stay.limit_of_stay).join(Stay, Stay.case_id == Case.id)
        .where(Case.client_id == sponsor_id).order_by(Stay.limit_of_stay.desc()).limit(1)
    ).first()
    if row is not None:
        scheme, limit = row
        add("sponsor_scheme", scheme.value, "sponsor's latest stay")
        add("sponsor_limit_of_stay", limit.isoformat(), "sponsor's latest stay")
        add("sponsor_status", _SPONSOR_STATUS.get(scheme, "employment_visa")
            if scheme is not Scheme.DEPENDANT else "other", "sponsor's latest stay")


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


def case_facts_layer(values: Mapping[str, Any]) -> dict[str, Fact]:
    """The profile facts a case's stored facts give (names the profile knows only)."""
    return {name: Fact(name, value, CASE_FACTS, "case facts")
            for name, value in profile_facts(values).items() if name in FIELDS}


def merge(base: dict[str, Fact], *layers: Mapping[str, Any], source: str = OVERRIDE
          ) -> dict[str, Fact]:
    """``base`` with each layer of overrides on top (``None`` clears a fact)."""
    facts = dict(base)
    for layer in layers:
        for name, value in layer.items():
            if value is None:
                facts.pop(name, None)
            else:
                facts[name] = Fact(name, value, source, source)
    return facts


def case_fact_set(session: Session, case: Case, on: date,
                  extra: Mapping[str, Any] | None = None) -> dict[str, Fact]:
    """Every fact of a case: client record, then case facts, then overrides (kept, then
    ``extra`` not yet kept)."""
    facts = derive_facts(session, case.client_id, on)
    facts.update(case_facts_layer(stored_case_facts(session, case)))
    return merge(facts, stored_overrides(session, case.id), extra or {})
