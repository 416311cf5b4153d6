"""What an eligibility assessment returns: tri-state criteria, outcomes, dated changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import Any


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


class Outcome(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    NEEDS_REVIEW = "needs_review"


@dataclass(slots=True)  # not frozen: frozen dataclasses are slow to build, and many are
class Criterion:
    """One test of a scheme, its status on the assessment date and why.

    ``review`` names a reason the status cannot be relied on (an unpublished
    definition, a second-hand source, an exact boundary); ``needs`` lists the
    profile fields whose absence made the status unknown.
    """

    id: str
    text: str
    status: Status
    detail: str = ""
    review: str | None = None
    needs: tuple[str, ...] = ()

    @property
    def certain(self) -> bool:
        return self.status is not Status.UNKNOWN and self.review is None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "status": self.status.value,
            "detail": self.detail,
        }
        if self.review:
            data["review"] = self.review
        return data


@dataclass(frozen=True, slots=True)
class RuleSetRef:
    """The dated rule set a result was produced under."""

    id: str
    effective_from: date
    effective_to: date | None
    sources: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "effective_from": self.effective_from.isoformat(),
            "effective_to": self.effective_to.isoformat() if self.effective_to else None,
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class Change:
    """A date on which the answer changes with time alone."""

    date: date
    criterion: str
    effect: str

    def as_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "criterion": self.criterion, "effect": self.effect}


@dataclass(slots=True)
class SchemeResult:
    """The assessment of one scheme on one date."""

    scheme: str
    outcome: Outcome
    criteria: list[Criterion]
    rule_set: RuleSetRef | None
    category: str | None = None
    score: int | None = None
    pass_mark: int | None = None
    initial_stay_months: int | None = None
    reasons: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    changes_on: list[Change] = field(default_factory=list)

    def status_of(self, criterion_id: str) -> Status | None:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion.status
        return None

    def as_dict(self) -> dict[str, Any]:
        return {
            "scheme": self.scheme,
            "outcome": self.outcome.value,
            "category": self.category,
            "score": self.score,
            "pass_mark": self.pass_mark,
            "initial_stay_months": self.initial_stay_months,
            "criteria": [c.as_dict() for c in self.criteria],
            "reasons": list(self.reasons),
            "missing": list(self.missing),
            "rule_set": self.rule_set.as_dict() if self.rule_set else None,
            "changes_on": [c.as_dict() for c in self.changes_on],
        }


@dataclass(slots=True)
class Assessment:
    """Every scheme assessed for one profile on one date."""

    assessment_date: date
    results: list[SchemeResult]

    def as_dict(self) -> dict[str, Any]:
        return {
            "assessment_date": self.assessment_date.isoformat(),
            "results": [r.as_dict() for r in self.results],
        }


def missing_fields(criteria: list[Criterion]) -> list[str]:
    """The profile fields that would settle the unknown criteria, in first-seen order."""
    seen: dict[str, None] = {}
    for criterion in criteria:
        if criterion.needs and criterion.status is Status.UNKNOWN:
            seen.update(dict.fromkeys(criterion.needs))
    return list(seen)


def all_of(criteria: list[Criterion]) -> tuple[Outcome, list[str]]:
    """Outcome of a scheme whose criteria must all be met, with the reasons.

    A criterion not met for certain decides ``not_eligible``; all met for
    certain is ``eligible``; anything else (unknown facts, a flagged rule) is
    ``needs_review``.
    """
    failed: list[str] = []
    doubtful = False
    for c in criteria:
        if c.review is not None or c.status is Status.UNKNOWN:
            doubtful = True
        elif c.status is Status.NOT_MET:
            failed.append(f"not met: {c.text} ({c.detail})" if c.detail else f"not met: {c.text}")
    if failed:
        return Outcome.NOT_ELIGIBLE, failed
    if not doubtful:
        return Outcome.ELIGIBLE, []
    return Outcome.NEEDS_REVIEW, review_reasons(criteria)


@lru_cache(maxsize=16384)
def _reason(text: str, review: str | None, needs: tuple[str, ...]) -> str:
    if review is not None:
        return f"review: {text}: {review}"
    return f"unknown: {text} (needs {', '.join(needs) if needs else 'more facts'})"


def review_reasons(criteria: list[Criterion]) -> list[str]:
    """Why criteria that are not certain need a consultant's look."""
    return [_reason(c.text, c.review, c.needs) for c in criteria
            if c.review is not None or c.status is Status.UNKNOWN]
