"""Eligibility facts that follow from a client's records: pure rules over plain rows.

Each fact says where it came from (``source``: client record, case facts or the
consultant's override, the later winning) and how (``detail``, such as "employment
history, last 5 years"). ``services.eligibility.facts`` reads the rows; everything
decided about them is here, testable without a database.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from hkcase.domain.case_facts import is_stem, profile_facts
from hkcase.domain.dates import age_on
from hkcase.domain.eligibility import FIELDS
from hkcase.domain.vocab import (
    EducationLevel,
    RelationshipKind,
    Residence,
    Scheme,
    TravelDocumentType,
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


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """A travel document, as far as the facts need it."""

    doc_type: TravelDocumentType
    issuing_country: str | None
    expiry_date: date | None


@dataclass(frozen=True, slots=True)
class EducationRow:
    """A qualification, as far as the facts need it."""

    level: EducationLevel
    institution: str | None
    award_date: date | None
    full_time: bool | None
    country: str | None
    field_of_study: str | None
    ttps_list_confirmed: bool | None = None
    ttps_list_confirmed_for: str | None = None


@dataclass(frozen=True, slots=True)
class EmploymentRow:
    """A job, as far as the facts need it."""

    start_date: date
    end_date: date | None
    senior_role: bool | None
    multinational: bool | None
    industry: str | None
    annual_income_hkd: int | None


@dataclass(frozen=True, slots=True)
class SponsorRecord:
    """This client's link to a sponsor, with the sponsor's latest stay if any."""

    kind: RelationshipKind
    sponsor_scheme: Scheme | None = None
    sponsor_limit_of_stay: date | None = None


@dataclass(frozen=True, slots=True)
class ClientRecords:
    """What a client's records hold for eligibility, ordered as the rules read them:
    documents by expiry, education by award date, jobs by start date."""

    date_of_birth: date
    nationality: str
    residence: Residence
    documents: Sequence[DocumentRow] = ()
    education: Sequence[EducationRow] = ()
    employment: Sequence[EmploymentRow] = ()
    children_born: Sequence[date] = ()
    sponsor: SponsorRecord | None = None


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


def _employment_facts(rows: Sequence[EmploymentRow], on: date, add: Add) -> None:
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


def _education_facts(rows: Sequence[EducationRow], on: date, add: Add) -> None:
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


def facts_from_records(records: ClientRecords, on: date) -> dict[str, Fact]:
    """Profile facts that follow from a client's records on ``on``."""
    facts: dict[str, Fact] = {}

    def add(name: str, value: Any, detail: str) -> None:
        if value is not None:
            facts[name] = Fact(name, value, CLIENT_RECORD, detail)

    add("date_of_birth", records.date_of_birth.isoformat(), "date of birth")
    add("nationality", records.nationality, "nationality")
    add("residence", records.residence.value, "residence")
    valid = [d for d in records.documents if d.expiry_date is None or d.expiry_date >= on]
    if valid:
        doc = valid[-1]
        kind = _DOCUMENTS.get(doc.doc_type, "other")
        if kind == "foreign_passport" and doc.issuing_country == "CN":
            kind = "prc_passport"
        add("travel_document", kind, "travel document valid on the date")
    _education_facts(records.education, on, add)
    _employment_facts(records.employment, on, add)
    _family_facts(records, on, add)
    return facts


def _family_facts(records: ClientRecords, on: date, add: Add) -> None:
    if records.children_born:
        add("children_under_18", sum(1 for born in records.children_born
                                     if age_on(born, on) < 18), "family links")
    link = records.sponsor
    if link is None:
        return
    add("relationship", _RELATIONSHIPS.get(link.kind), "family link to the sponsor")
    scheme, limit = link.sponsor_scheme, link.sponsor_limit_of_stay
    if scheme is not None and limit is not None:
        add("sponsor_scheme", scheme.value, "sponsor's latest stay")
        add("sponsor_limit_of_stay", limit.isoformat(), "sponsor's latest stay")
        add("sponsor_status", _SPONSOR_STATUS.get(scheme, "employment_visa")
            if scheme is not Scheme.DEPENDANT else "other", "sponsor's latest stay")


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
