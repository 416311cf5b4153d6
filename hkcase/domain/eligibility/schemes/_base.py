"""Helpers every scheme module uses to build its result."""

from __future__ import annotations

from hkcase.domain.eligibility.model import (
    Criterion,
    SchemeResult,
    Status,
    Verdict,
    all_of,
    missing_and_cautions,
    review_reasons,
)
from hkcase.domain.eligibility.profile import Profile
from hkcase.domain.eligibility.rulesets import RuleSet, in_force, launch_date, rule_sets

UNKNOWN, NOT_MET = Status.UNKNOWN, Status.NOT_MET


def no_rule_set(scheme: str, name: str, p: Profile) -> SchemeResult:
    """The result for a date on which hkcase has no rule set for the scheme."""
    first = rule_sets(name)[0]
    launched = launch_date(name)
    if launched is not None and p.assessment_date < launched:
        return SchemeResult(scheme=scheme, outcome=Verdict.NOT_ELIGIBLE, criteria=[],
                            rule_set=None, reasons=[f"{scheme} opened on {launched}"])
    if p.assessment_date < first.effective_from:
        reason = (f"hkcase has no {scheme} rules for {p.assessment_date} (its first rule set, "
                  f"{first.id}, starts on {first.effective_from})")
    else:
        reason = f"no {scheme} rule set is in force on {p.assessment_date}"
    return SchemeResult(scheme=scheme, outcome=Verdict.NEEDS_REVIEW, criteria=[], rule_set=None,
                        reasons=[reason])


def rules_for(name: str, p: Profile) -> RuleSet | None:
    """The rule set in force on the assessment date; None before the scheme's launch."""
    return in_force(name, p.assessment_date)


def _decide(criteria: list[Criterion], extra: tuple[str, ...]
            ) -> tuple[Verdict, list[str], list[str], list[str]]:
    """``all_of`` and ``missing_and_cautions`` in one pass over the criteria."""
    failed: list[str] = []
    doubtful = False
    missing: dict[str, None] = {}
    cautions: dict[str, None] | None = None
    for c in criteria:
        status = c.status
        if status is UNKNOWN:
            doubtful = True
            for need in c.needs:
                missing[need] = None
        elif c.review is not None:
            doubtful = True
        elif status is NOT_MET:
            failed.append(f"not met: {c.text} ({c.detail})" if c.detail else f"not met: {c.text}")
        if c.cautions:
            if cautions is None:
                cautions = dict.fromkeys(extra)
            cautions.update(dict.fromkeys(c.cautions))
    found = list(extra) if cautions is None else list(cautions)
    if failed:
        return Verdict.NOT_ELIGIBLE, failed, list(missing), found
    if not doubtful:
        return Verdict.ELIGIBLE, [], list(missing), found
    return Verdict.NEEDS_REVIEW, review_reasons(criteria), list(missing), found


def conjunctive(scheme: str, rules: RuleSet, criteria: list[Criterion],
                extra_reasons: list[str] | None = None, *,
                decisive: list[Criterion] | None = None, **fields: object) -> SchemeResult:
    """A result for a scheme whose criteria (or the ``decisive`` subset) must all hold."""
    if decisive is None:
        outcome, reasons, missing, cautions = _decide(criteria, rules.cautions)
    else:
        outcome, reasons = all_of(decisive)
        missing, cautions = missing_and_cautions(criteria, rules.cautions)
    reasons = reasons + list(rules.notes) + (extra_reasons or [])
    return SchemeResult(scheme=scheme, outcome=outcome, criteria=criteria, rule_set=rules.ref,
                        reasons=reasons, missing=missing, cautions=cautions,
                        **fields)  # type: ignore[arg-type]
