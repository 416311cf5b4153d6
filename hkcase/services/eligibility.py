"""Eligibility for a client on file: facts derived from the records, overrides, kept runs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.dates import age_on
from hkcase.domain.eligibility import (
    FIELDS,
    Assessment,
    ProfileError,
    SchemeResult,
    assess,
    parse_profile,
)
from hkcase.domain.vocab import (
    AuditAction,
    EducationLevel,
    RelationshipKind,
    Scheme,
    TravelDocumentType,
)
from hkcase.services.errors import ValidationError
from hkcase.store import Store, audit
from hkcase.store.models import (
    Case,
    Client,
    Education,
    EligibilityRun,
    Employment,
    Relationship,
    Stay,
    TravelDocument,
)

_DEGREES = {EducationLevel.SUB_DEGREE: "sub_degree", EducationLevel.BACHELOR: "bachelor",
            EducationLevel.MASTER: "master", EducationLevel.DOCTORATE: "doctorate"}
_DEGREE_ORDER = ("none", "sub_degree", "bachelor", "master", "doctorate")
_RELATIONSHIPS = {RelationshipKind.SPOUSE: "spouse", RelationshipKind.SAME_SEX_SPOUSE:
                  "same_sex_spouse", RelationshipKind.CIVIL_PARTNER: "civil_partner",
                  RelationshipKind.CHILD: "child", RelationshipKind.PARENT: "parent"}
_SPONSOR_STATUS = {Scheme.NEW_CIES: "investment_visa"}


@dataclass(frozen=True)
class Fact:
    """A profile fact derived from the client's records, with where it came from."""

    name: str
    value: Any  # as the profile takes it (ISO date strings, numbers, booleans, text)
    source: str


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


def _employment_facts(rows: list[Employment], on: date, add: Any) -> None:
    spans = [(r.start_date, min(r.end_date or on, on)) for r in rows if r.start_date <= on]
    if not spans:
        return
    add("years_experience", _years(spans), "employment history")
    window = on.replace(year=on.year - 5) if not (on.month == 2 and on.day == 29) \
        else on - timedelta(days=5 * 365 + 1)
    add("years_experience_last_5y", _years([(max(s, window), e) for s, e in spans if e > window]),
        "employment history, last 5 years")
    senior = [span for span, r in zip(spans, rows, strict=False) if r.senior_role]
    add("years_senior_role", _years(senior), "employment rows marked senior")
    multinational = [span for span, r in zip(spans, rows, strict=False) if r.multinational]
    add("years_multinational_or_renowned", _years(multinational),
        "employment rows marked multinational")
    current = [r for r in rows if r.end_date is None or r.end_date >= on]
    if current and current[-1].annual_income_hkd is not None:
        add("annual_income_hkd", current[-1].annual_income_hkd, "current employment")


def derive_facts(session: Session, client_id: int, on: date) -> dict[str, Fact]:
    """Profile facts that follow from a client's records on ``on``."""
    client = session.get(Client, client_id)
    if client is None:
        raise ValidationError("client_id", f"there is no client number {client_id}")
    facts: dict[str, Fact] = {}

    def add(name: str, value: Any, source: str) -> None:
        if value is not None:
            facts[name] = Fact(name, value, source)

    add("assessment_date", on.isoformat(), "the date of the check")
    add("date_of_birth", client.date_of_birth.isoformat(), "client record")
    add("nationality", client.nationality, "client record")
    add("residence", client.residence.value, "client record")
    documents = session.scalars(sa.select(TravelDocument).where(
        TravelDocument.client_id == client_id).order_by(TravelDocument.expiry_date)).all()
    valid = [d for d in documents if d.expiry_date is None or d.expiry_date >= on]
    if valid:
        doc = valid[-1]
        kind = {TravelDocumentType.PRC_PASSPORT: "prc_passport",
                TravelDocumentType.PRC_EXIT_ENTRY_PERMIT: "prc_exit_entry_permit",
                TravelDocumentType.PASSPORT: "foreign_passport"}.get(doc.doc_type, "other")
        if kind == "foreign_passport" and doc.issuing_country == "CN":
            kind = "prc_passport"
        add("travel_document", kind, "travel document valid on the date")
    education = session.scalars(sa.select(Education).where(
        Education.client_id == client_id).order_by(Education.award_date)).all()
    awarded = [e for e in education if e.award_date is None or e.award_date <= on]
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
    masters = [e for e in awarded if e.level is EducationLevel.MASTER and e.award_date]
    if masters:
        add("master_award_date", masters[-1].award_date.isoformat(),  # type: ignore[union-attr]
            "education history")
    employment = session.scalars(sa.select(Employment).where(
        Employment.client_id == client_id).order_by(Employment.start_date)).all()
    _employment_facts(list(employment), on, add)
    _family_facts(session, client_id, on, add)
    return facts


def _family_facts(session: Session, client_id: int, on: date, add: Any) -> None:
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


def merged_profile(facts: dict[str, Fact], overrides: dict[str, Any] | None = None
                   ) -> dict[str, Any]:
    """Derived facts with the consultant's overrides on top (``None`` clears a fact)."""
    data = {name: fact.value for name, fact in facts.items()}
    for name, value in (overrides or {}).items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def _parse(data: dict[str, Any]) -> Any:
    try:
        return parse_profile(data)
    except ProfileError as exc:
        field, _, message = str(exc).partition(": ")
        raise ValidationError(field, message or str(exc)) from None


@dataclass(frozen=True)
class CaseEligibility:
    """A case's scheme assessed on its client's facts, with those facts."""

    facts: dict[str, Fact]
    result: SchemeResult


def case_eligibility(store: Store, case_id: int, *, overrides: dict[str, Any] | None = None,
                     on: date | None = None) -> CaseEligibility:
    """What the eligibility tab shows: derived facts and the result for the case's scheme."""
    day = on or date.today()
    with store.reading() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise ValidationError("case_id", f"there is no case number {case_id}")
        scheme = case.scheme
        facts = derive_facts(session, case.client_id, day)
    (result,) = assess(_parse(merged_profile(facts, overrides)), [scheme]).results
    return CaseEligibility(facts, result)


def check_client(store: Store, client_id: int, *, overrides: dict[str, Any] | None = None,
                 schemes: list[Scheme] | None = None, on: date | None = None) -> Assessment:
    """Assess a client from their records (plus overrides) without keeping the result."""
    day = on or date.today()
    with store.reading() as session:
        facts = derive_facts(session, client_id, day)
    return assess(_parse(merged_profile(facts, overrides)), schemes)


@dataclass(frozen=True)
class RunSummary:
    id: int
    case_id: int
    scheme: Scheme
    assessment_date: date
    outcome: str
    rule_set_id: str | None
    created_at: datetime
    created_by: str | None


def _summary(run: EligibilityRun) -> RunSummary:
    return RunSummary(run.id, run.case_id, run.scheme, run.assessment_date, run.outcome,
                      run.rule_set_id, run.created_at, run.created_by)


def record_check(store: Store, case_id: int, *, actor: str,
                 overrides: dict[str, Any] | None = None, on: date | None = None) -> RunSummary:
    """Assess a case's client under the case's scheme and keep the run with the case.

    The run stores the derived facts, the overrides and the full result, so it
    can be shown later exactly as it was, whatever the rules become.
    """
    day = on or date.today()
    with store.transaction() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise ValidationError("case_id", f"there is no case number {case_id}")
        facts = derive_facts(session, case.client_id, day)
        profile = _parse(merged_profile(facts, overrides))
        (result,) = assess(profile, [case.scheme]).results
        run = EligibilityRun(
            case_id=case_id,
            scheme=case.scheme,
            assessment_date=day,
            outcome=result.outcome.value,
            rule_set_id=result.rule_set.id if result.rule_set else None,
            rule_set_effective_from=result.rule_set.effective_from if result.rule_set else None,
            inputs={"derived": {n: {"value": f.value, "source": f.source}
                                for n, f in facts.items()},
                    "overrides": dict(overrides or {})},
            result=result.as_dict(),
            created_by=actor,
        )
        session.add(run)
        audit.record(session, actor=actor, action=AuditAction.CREATE, obj=run,
                     changes={"scheme": case.scheme.value, "outcome": run.outcome})
        return _summary(run)


def list_runs(store: Store, case_id: int) -> list[RunSummary]:
    """A case's kept eligibility runs, newest first."""
    with store.reading() as session:
        runs = session.scalars(sa.select(EligibilityRun).where(EligibilityRun.case_id == case_id)
                               .order_by(EligibilityRun.created_at.desc(),
                                         EligibilityRun.id.desc())).all()
        return [_summary(run) for run in runs]


def parse_override(name: str, text: str) -> Any:
    """A consultant's typed override as the profile takes it (``None`` for empty text).

    Yes/no facts take yes, no, true or false; numbers take digits with optional
    commas; lists take comma-separated items; dates take YYYY-MM-DD.
    """
    spec = FIELDS.get(name)
    if spec is None:
        raise ValidationError(name, "unknown fact")
    cleaned = text.strip()
    if not cleaned:
        return None
    if spec.kind == "bool":
        lowered = cleaned.casefold()
        if lowered in ("yes", "y", "true", "1", "是"):
            return True
        if lowered in ("no", "n", "false", "0", "否"):
            return False
        raise ValidationError(name, "answer yes or no")
    if spec.kind in ("years", "months", "hkd", "percent", "count"):
        try:
            number = float(cleaned.replace(",", "").replace("HK$", "").strip())
        except ValueError:
            raise ValidationError(name, f"{cleaned!r} is not a number") from None
        value: Any = int(number) if spec.kind == "count" or number.is_integer() else number
    elif spec.kind == "languages":
        value = [part.strip() for part in cleaned.split(",") if part.strip()]
    else:
        value = cleaned
    _parse({"assessment_date": date.today().isoformat(), name: value})  # validates the value
    return value
