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
from hkcase.domain.eligibility.wording import Named, not_met_in, rule_texts, word
from hkcase.domain.messages import current_language, tr

UNKNOWN, NOT_MET = Status.UNKNOWN, Status.NOT_MET


def no_rule_set(scheme: str, name: str, p: Profile) -> SchemeResult:
    """The result for a date on which hkcase has no rule set for the scheme."""
    first = rule_sets(name)[0]
    launched = launch_date(name)
    if launched is not None and p.assessment_date < launched:
        return SchemeResult(scheme=scheme, outcome=Verdict.NOT_ELIGIBLE, criteria=[],
                            rule_set=None,
                            reasons=[tr("{scheme} opened on {day}", scheme=_name(scheme),
                                        day=launched)])
    reason: str
    if p.assessment_date < first.effective_from:
        reason = tr("hkcase has no {scheme} rules for {day} (its first rule set, {rules}, "
                    "starts on {start})", scheme=_name(scheme), day=p.assessment_date,
                    rules=first.id,
                    start=first.effective_from)
    else:
        reason = tr("no {scheme} rule set is in force on {day}", scheme=_name(scheme),
                    day=p.assessment_date)
    return SchemeResult(scheme=scheme, outcome=Verdict.NEEDS_REVIEW, criteria=[], rule_set=None,
                        reasons=[reason])


def _name(scheme: str) -> Named:
    """A scheme as a reason names it: its code in English, its name in Chinese."""
    return word(scheme, vocab="Scheme")


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
    lang = current_language()
    for c in criteria:
        status = c.status
        if status is UNKNOWN:
            doubtful = True
            for need in c.needs:
                missing[need] = None
        elif c.review is not None:
            doubtful = True
        elif status is NOT_MET:
            failed.append(not_met_in(c.text, c.id, c.detail, lang))
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
        outcome, reasons, missing, cautions = _decide(criteria, rule_texts(rules.cautions))
    else:
        outcome, reasons = all_of(decisive)
        missing, cautions = missing_and_cautions(criteria, rule_texts(rules.cautions))
    reasons = reasons + list(rule_texts(rules.notes)) + (extra_reasons or [])
    return SchemeResult(scheme=scheme, outcome=outcome, criteria=criteria, rule_set=rules.ref,
                        reasons=reasons, missing=missing, cautions=cautions,
                        **fields)  # type: ignore[arg-type]
