"""Eligibility for a client on file: facts from the records, the case facts and the
consultant's overrides; kept runs.

``case_eligibility`` is the one call the eligibility tab and ``hkcase check
--case`` both use, so they show the same verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from hkcase.domain.eligibility import (
    FIELDS,
    Assessment,
    Profile,
    ProfileError,
    SchemeResult,
    assess,
    parse_profile,
)
from hkcase.domain.eligibility.wording import stored_dict
from hkcase.domain.labels import label
from hkcase.domain.vocab import AuditAction, Scheme
from hkcase.services.eligibility.facts import (
    CASE_FACTS,
    CLIENT_RECORD,
    OVERRIDE,
    Fact,
    case_fact_set,
    derive_facts,
    merge,
)
from hkcase.services.errors import ValidationError
from hkcase.store import Store, audit
from hkcase.store.models import Case, EligibilityRun

__all__ = [
    "CASE_FACTS",
    "CLIENT_RECORD",
    "OVERRIDE",
    "CaseEligibility",
    "Fact",
    "RunSummary",
    "case_eligibility",
    "check_client",
    "derive_facts",
    "fact_label",
    "list_runs",
    "merged_profile",
    "parse_override",
    "record_check",
]


def fact_label(name: str) -> str:
    """What a screen or report calls a profile fact ("Job offer in Hong Kong"), never its key."""
    spec = FIELDS.get(name)
    if spec is None:
        return label(name)
    text = getattr(spec, "label", "")
    return str(text) if text else spec.meaning[:1].upper() + spec.meaning[1:]


def merged_profile(facts: dict[str, Fact], overrides: dict[str, Any] | None = None
                   ) -> dict[str, Any]:
    """Facts with overrides on top (``None`` clears a fact), as the profile takes them."""
    return {name: fact.value for name, fact in merge(facts, overrides or {}).items()}


def _parse(data: dict[str, Any], on: date) -> Profile:
    try:
        return parse_profile({**data, "assessment_date": on.isoformat()})
    except ProfileError as exc:
        field, _, message = str(exc).partition(": ")
        raise ValidationError(field, message or str(exc)) from None


@dataclass(frozen=True)
class CaseEligibility:
    """A case's scheme assessed on the case's facts, with those facts and their sources."""

    case_id: int
    reference: str
    assessment_date: date
    facts: dict[str, Fact]
    result: SchemeResult

    def as_dict(self) -> dict[str, Any]:
        """The JSON of ``hkcase check --case``: ``check --profile``'s shape plus the facts."""
        return {
            "assessment_date": self.assessment_date.isoformat(),
            "results": [self.result.as_dict()],
            "facts": [self.facts[name].as_dict() for name in FIELDS if name in self.facts],
        }


def case_eligibility(store: Store, case_id: int, *, overrides: dict[str, Any] | None = None,
                     on: date | None = None) -> CaseEligibility:
    """What the eligibility tab shows: the case's facts and the result for its scheme.

    ``overrides`` are applied on top of the kept ones without being kept.
    """
    day = on or date.today()
    with store.reading() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise ValidationError("case_id", f"there is no case number {case_id}")
        scheme, reference = case.scheme, case.reference
        facts = case_fact_set(session, case, day, overrides)
    data = {name: fact.value for name, fact in facts.items()}
    (result,) = assess(_parse(data, day), [scheme]).results
    return CaseEligibility(case_id, reference, day, facts, result)


def check_client(store: Store, client_id: int, *, overrides: dict[str, Any] | None = None,
                 schemes: list[Scheme] | None = None, on: date | None = None) -> Assessment:
    """Assess a client from their records (plus overrides) without keeping the result."""
    day = on or date.today()
    with store.reading() as session:
        facts = derive_facts(session, client_id, day)
    return assess(_parse(merged_profile(facts, overrides), day), schemes)


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
    """Assess a case as the tab does and keep the run with the case.

    The run stores every fact with its source, the overrides and the full
    result, so it can be shown later exactly as it was, whatever the rules become.
    """
    day = on or date.today()
    with store.transaction() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise ValidationError("case_id", f"there is no case number {case_id}")
        facts = case_fact_set(session, case, day, overrides)
        data = {name: fact.value for name, fact in facts.items()}
        (result,) = assess(_parse(data, day), [case.scheme]).results
        run = EligibilityRun(
            case_id=case_id,
            scheme=case.scheme,
            assessment_date=day,
            outcome=result.outcome.value,
            rule_set_id=result.rule_set.id if result.rule_set else None,
            rule_set_effective_from=result.rule_set.effective_from if result.rule_set else None,
            inputs={"derived": {n: {"value": f.value, "source": f.source, "detail": f.detail}
                                for n, f in facts.items()},
                    "overrides": {n: f.value for n, f in facts.items() if f.source == OVERRIDE}
                    | {n: v for n, v in (overrides or {}).items() if v is None}},
            result=stored_dict(result.as_dict()),  # English, whatever the desktop's language
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


_YES = ("yes", "y", "true", "1", "是")
_NO = ("no", "n", "false", "0", "否")


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
        if lowered in _YES:
            return True
        if lowered in _NO:
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
    check_override(name, value)
    return value


def check_override(name: str, value: Any) -> None:
    """Refuse a value the profile would refuse (``ValidationError`` naming the fact)."""
    if name not in FIELDS or name == "assessment_date":
        raise ValidationError(name, "unknown fact")
    _parse({name: value}, date.today())
