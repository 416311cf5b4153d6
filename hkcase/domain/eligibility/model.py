"""What an eligibility assessment returns: tri-state criteria, outcomes, dated changes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import Any

from hkcase.domain.eligibility.wording import not_met_in, open_in
from hkcase.domain.messages import current_language
from hkcase.domain.rules.kernel import RuleSetRef


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


class Verdict(StrEnum):
    """An eligibility assessment's answer for one scheme (``hkcase.domain.vocab.Outcome``
    is the government's decision on a case: another thing)."""

    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    NEEDS_REVIEW = "needs_review"


@dataclass(slots=True)  # not frozen: frozen dataclasses are slow to build, and many are
class Criterion:
    """One test of a scheme, its status on the assessment date and why.

    ``review`` names why a consultant must decide (an open boundary or threshold,
    a lookup awaiting confirmation, ImmD's discretion): it makes the outcome
    ``needs_review``. ``cautions`` say what to double-check (an unpublished
    definition, a second-hand source) without changing the outcome. ``needs``
    lists the profile facts whose absence made the status unknown; ``group`` is
    the heading ImmD puts the criterion under ("" = the scheme's default).
    """

    id: str
    text: str
    status: Status
    detail: str = ""
    review: str | None = None
    needs: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()
    group: str = ""

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
        data["cautions"] = list(self.cautions)
        data["needs"] = list(self.needs) if self.status is Status.UNKNOWN else []
        return data


@dataclass(frozen=True, slots=True)
class Change:
    """A date on which the answer changes with time alone."""

    date: date
    criterion: str
    effect: str

    def as_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "criterion": self.criterion, "effect": self.effect}


_new = object.__new__  # looked up once: ``deferred`` runs for every scheme of every profile


class SchemeResult:
    """The assessment of one scheme on one date.

    A result made by ``deferred`` carries its verdict (outcome, category, score)
    and builds its explanation (criteria, reasons, missing facts, cautions) on
    first use, by running the scheme's assessor: bulk readers want the verdict only.
    """

    __slots__ = (
        "_assessor",
        "_cautions",
        "_criteria",
        "_missing",
        "_profile",
        "_reasons",
        "category",
        "changes_on",
        "initial_stay_months",
        "outcome",
        "pass_mark",
        "rule_set",
        "scheme",
        "score",
    )

    def __init__(self, scheme: str, outcome: Verdict, criteria: list[Criterion],
                 rule_set: RuleSetRef | None, category: str | None = None,
                 score: int | None = None, pass_mark: int | None = None,
                 initial_stay_months: int | None = None, reasons: list[str] | None = None,
                 missing: list[str] | None = None, changes_on: list[Change] | None = None,
                 cautions: list[str] | None = None) -> None:
        self.scheme = scheme
        self.outcome = outcome
        self.rule_set = rule_set
        self.category = category
        self.score = score
        self.pass_mark = pass_mark
        self.initial_stay_months = initial_stay_months
        self.changes_on: list[Change] = [] if changes_on is None else changes_on
        self._criteria = criteria
        self._reasons: list[str] = [] if reasons is None else reasons
        self._missing: list[str] = [] if missing is None else missing
        self._cautions: list[str] = [] if cautions is None else cautions
        self._assessor: Callable[[Any], SchemeResult] | None = None
        self._profile: Any = None

    @classmethod
    def deferred(cls, scheme: str, outcome: Verdict, rule_set: RuleSetRef | None,
                 category: str | None, score: int | None, pass_mark: int | None,
                 assessor: Callable[[Any], SchemeResult], profile: Any) -> SchemeResult:
        """A result whose explanation is ``assessor(profile)``'s, built when first read."""
        result = _new(cls)
        result.scheme = scheme
        result.outcome = outcome
        result.rule_set = rule_set
        result.category = category
        result.score = score
        result.pass_mark = pass_mark
        result.initial_stay_months = None
        result.changes_on = []
        result._assessor = assessor
        result._profile = profile
        return result

    def _explain(self) -> None:
        assessor = self._assessor
        if assessor is not None:
            full = assessor(self._profile)
            self._assessor = self._profile = None
            self._criteria, self._reasons = full._criteria, full._reasons
            self._missing, self._cautions = full._missing, full._cautions

    @property
    def criteria(self) -> list[Criterion]:
        if self._assessor is not None:
            self._explain()
        return self._criteria

    @criteria.setter
    def criteria(self, value: list[Criterion]) -> None:
        self._explain()
        self._criteria = value

    @property
    def reasons(self) -> list[str]:
        if self._assessor is not None:
            self._explain()
        return self._reasons

    @reasons.setter
    def reasons(self, value: list[str]) -> None:
        self._explain()
        self._reasons = value

    @property
    def missing(self) -> list[str]:
        if self._assessor is not None:
            self._explain()
        return self._missing

    @missing.setter
    def missing(self, value: list[str]) -> None:
        self._explain()
        self._missing = value

    @property
    def cautions(self) -> list[str]:
        if self._assessor is not None:
            self._explain()
        return self._cautions

    @cautions.setter
    def cautions(self, value: list[str]) -> None:
        self._explain()
        self._cautions = value

    def _fields(self) -> tuple[object, ...]:
        return (self.scheme, self.outcome, self.criteria, self.rule_set, self.category,
                self.score, self.pass_mark, self.initial_stay_months, self.reasons,
                self.missing, self.changes_on, self.cautions)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, SchemeResult)
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass was

    def __repr__(self) -> str:
        names = ("scheme", "outcome", "criteria", "rule_set", "category", "score", "pass_mark",
                 "initial_stay_months", "reasons", "missing", "changes_on", "cautions")
        shown = ", ".join(f"{n}={v!r}" for n, v in zip(names, self._fields(), strict=True))
        return f"SchemeResult({shown})"

    def status_of(self, criterion_id: str) -> Status | None:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion.status
        return None

    def group_of(self, criterion: Criterion) -> str:
        """The heading ImmD puts ``criterion`` under for this scheme."""
        return criterion.group or group_for(self.scheme, criterion.id)

    def groups(self) -> list[tuple[str, list[Criterion]]]:
        """The criteria by group, groups in first-seen order (for screens)."""
        grouped: dict[str, list[Criterion]] = {}
        for criterion in self.criteria:
            grouped.setdefault(self.group_of(criterion), []).append(criterion)
        return list(grouped.items())

    def as_dict(self) -> dict[str, Any]:
        criteria = []
        for c in self.criteria:
            data = c.as_dict()
            data["group"] = self.group_of(c)
            criteria.append(data)
        return {
            "scheme": self.scheme,
            "outcome": self.outcome.value,
            "category": self.category,
            "score": self.score,
            "pass_mark": self.pass_mark,
            "initial_stay_months": self.initial_stay_months,
            "criteria": criteria,
            "reasons": list(self.reasons),
            "missing": list(self.missing),
            "rule_set": self.rule_set.as_dict() if self.rule_set else None,
            "changes_on": [c.as_dict() for c in self.changes_on],
            "cautions": list(self.cautions),
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


# ImmD's headings: TTPS by category (criterion ids carry the prefix), QMAS by test.
_GROUPS: dict[str, tuple[tuple[str, str], ...]] = {
    "TTPS": (("a_", "Category A"), ("b_", "Category B"), ("c_", "Category C"),
             ("", "All categories")),
    "QMAS_ABPT": (("achievement", "Achievement-based Points Test"), ("", "Prerequisites")),
    "IANG": (("job_", "Returning graduates"), ("remuneration", "Returning graduates"),
             ("fresh_", "Fresh graduates")),
}
_QMAS_CRITERION = re.compile(r"c\d+_")
DEFAULT_GROUP = "Eligibility criteria"


@lru_cache(maxsize=4096)
def group_for(scheme: str, criterion_id: str) -> str:
    """ImmD's heading for a criterion of ``scheme`` (TTPS by category, QMAS by test)."""
    if scheme == "QMAS_GPT":
        if _QMAS_CRITERION.match(criterion_id):
            return "General Points Test: the 12 criteria"
        if criterion_id.endswith("_points"):
            return "General Points Test: points table"
        return "Result of the test" if criterion_id == "points_test" else "Prerequisites"
    for prefix, group in _GROUPS.get(scheme, ()):
        if criterion_id.startswith(prefix):
            return group
    return DEFAULT_GROUP


def cautions_of(criteria: list[Criterion], extra: tuple[str, ...] = ()) -> list[str]:
    """Every caution of ``criteria`` and ``extra``, once each, in first-seen order."""
    seen: dict[str, None] | None = None
    for criterion in criteria:  # most criteria carry none: stay cheap for them
        if criterion.cautions:
            if seen is None:
                seen = dict.fromkeys(extra)
            seen.update(dict.fromkeys(criterion.cautions))
    return list(extra) if seen is None else list(seen)


def missing_and_cautions(criteria: list[Criterion], extra: tuple[str, ...] = ()
                         ) -> tuple[list[str], list[str]]:
    """``missing_fields`` and ``cautions_of`` in one pass (this runs for every result)."""
    missing: dict[str, None] = {}
    cautions: dict[str, None] | None = None
    for criterion in criteria:
        if criterion.needs and criterion.status is Status.UNKNOWN:
            missing.update(dict.fromkeys(criterion.needs))
        if criterion.cautions:
            if cautions is None:
                cautions = dict.fromkeys(extra)
            cautions.update(dict.fromkeys(criterion.cautions))
    return list(missing), (list(extra) if cautions is None else list(cautions))


def missing_fields(criteria: list[Criterion]) -> list[str]:
    """The profile fields that would settle the unknown criteria, in first-seen order."""
    seen: dict[str, None] = {}
    for criterion in criteria:
        if criterion.needs and criterion.status is Status.UNKNOWN:
            seen.update(dict.fromkeys(criterion.needs))
    return list(seen)


def all_of(criteria: list[Criterion]) -> tuple[Verdict, list[str]]:
    """Outcome of a scheme whose criteria must all be met, with the reasons.

    A criterion not met for certain decides ``not_eligible``; all met for
    certain is ``eligible``; anything else (unknown facts, a flagged rule) is
    ``needs_review``.
    """
    failed: list[str] = []
    doubtful = False
    lang = current_language()
    for c in criteria:
        if c.review is not None or c.status is Status.UNKNOWN:
            doubtful = True
        elif c.status is Status.NOT_MET:
            failed.append(not_met_in(c.text, c.id, c.detail, lang))
    if failed:
        return Verdict.NOT_ELIGIBLE, failed
    if not doubtful:
        return Verdict.ELIGIBLE, []
    return Verdict.NEEDS_REVIEW, review_reasons(criteria)


def review_reasons(criteria: list[Criterion]) -> list[str]:
    """Why criteria that are not certain need a consultant's look."""
    lang = current_language()
    return [open_in(c.text, c.id, c.review, c.needs, lang) for c in criteria
            if c.review is not None or c.status is Status.UNKNOWN]
