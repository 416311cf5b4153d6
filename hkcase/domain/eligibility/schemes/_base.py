"""Helpers every scheme module uses to build its result."""

from __future__ import annotations

from hkcase.domain.eligibility.model import (
    Criterion,
    Outcome,
    SchemeResult,
    all_of,
    missing_fields,
)
from hkcase.domain.eligibility.profile import Profile
from hkcase.domain.eligibility.rulesets import RuleSet, launch_date, rule_set_on, rule_sets


def no_rule_set(scheme: str, name: str, p: Profile) -> SchemeResult:
    """The result for a date on which hkcase has no rule set for the scheme."""
    first = rule_sets(name)[0]
    launched = launch_date(name)
    if launched is not None and p.assessment_date < launched:
        return SchemeResult(scheme=scheme, outcome=Outcome.NOT_ELIGIBLE, criteria=[],
                            rule_set=None, reasons=[f"{scheme} opened on {launched}"])
    if p.assessment_date < first.effective_from:
        reason = (f"hkcase has no {scheme} rules for {p.assessment_date} (its first rule set, "
                  f"{first.id}, starts on {first.effective_from})")
    else:
        reason = f"no {scheme} rule set is in force on {p.assessment_date}"
    return SchemeResult(scheme=scheme, outcome=Outcome.NEEDS_REVIEW, criteria=[], rule_set=None,
                        reasons=[reason])


def rules_for(name: str, p: Profile) -> RuleSet | None:
    return rule_set_on(name, p.assessment_date)


def conjunctive(scheme: str, rules: RuleSet, criteria: list[Criterion],
                extra_reasons: list[str] | None = None, *,
                decisive: list[Criterion] | None = None, **fields: object) -> SchemeResult:
    """A result for a scheme whose criteria (or the ``decisive`` subset) must all hold."""
    outcome, reasons = all_of(criteria if decisive is None else decisive)
    reasons = reasons + list(rules.notes) + (extra_reasons or [])
    return SchemeResult(scheme=scheme, outcome=outcome, criteria=criteria, rule_set=rules.ref,
                        reasons=reasons, missing=missing_fields(criteria), **fields)  # type: ignore[arg-type]
