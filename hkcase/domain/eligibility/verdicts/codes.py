"""Criterion codes: what a criterion contributes to the verdict, without its explanation.

A code is a bit: ``OK`` (met for certain), ``FAIL`` (not met for certain) or
``DOUBT`` (unknown, or flagged for review). OR-ing the codes of a scheme's
criteria gives its outcome as ``all_of`` would: any certain failure decides
``not_eligible``, else any doubt ``needs_review``, else ``eligible``. Each helper
mirrors the criterion builder of the same name in ``common.py``; the tests check
both give the same verdicts on every golden profile.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any, TypeVar

from hkcase.domain.dates import age_on
from hkcase.domain.eligibility.common import feb29_ambiguous
from hkcase.domain.eligibility.model import Criterion, Status, Verdict
from hkcase.domain.eligibility.profile import DEGREE_RANK, Profile
from hkcase.domain.eligibility.rulesets import RuleSet, in_force, rule_set_on

OK, FAIL, DOUBT = 0, 1, 2
BACHELOR, MASTER = DEGREE_RANK["bachelor"], DEGREE_RANK["master"]
ELIGIBLE, NOT_ELIGIBLE, NEEDS_REVIEW = Verdict.ELIGIBLE, Verdict.NOT_ELIGIBLE, Verdict.NEEDS_REVIEW
#: The outcome of a scheme whose criteria must all hold, by their OR-ed codes.
OUTCOME: tuple[Verdict, ...] = (ELIGIBLE, NOT_ELIGIBLE, NEEDS_REVIEW, NOT_ELIGIBLE)
T = TypeVar("T")


def code(criterion: Criterion) -> int:
    """The code of a built criterion (for the few too intricate to mirror)."""
    if criterion.review is not None or criterion.status is Status.UNKNOWN:
        return DOUBT
    return FAIL if criterion.status is Status.NOT_MET else OK


def flag(value: object) -> int:
    """A yes/no fact that must be yes."""
    return DOUBT if value is None else OK if value else FAIL


def flag_not(value: object) -> int:
    """A yes/no fact that must be no (a criminal record, a Macao ID under 7 years)."""
    return DOUBT if value is None else FAIL if value else OK


def at_least(value: float | None, threshold: float) -> int:
    return DOUBT if value is None else OK if value >= threshold else FAIL


def below(value: float | None, limit: float) -> int:
    return DOUBT if value is None else OK if value < limit else FAIL


class _Common:
    """What several schemes test of one profile, worked out once: the age and nationality."""

    __slots__ = ("ambiguous", "nationality", "years")

    def __init__(self, p: Profile) -> None:
        born, on = p.date_of_birth, p.assessment_date
        self.years = None if born is None else age_on(born, on)
        self.ambiguous = born is not None and feb29_ambiguous(born, on)
        country = p.nationality
        self.nationality = DOUBT if country is None else _nationality(country, on)


# The last profile asked about and its common answers (one assignment: safe across threads;
# holding the profile keeps its identity from being reused).
_last: tuple[Profile | None, _Common | None] = (None, None)


def common(p: Profile) -> _Common:
    """The age and nationality codes of ``p``, worked out once for all its schemes."""
    global _last
    seen, common = _last
    if seen is p and common is not None:
        return common
    common = _Common(p)
    _last = (p, common)
    return common


def age(p: Profile, min_age: int | None = None, max_age: int | None = None) -> int:
    """``common.age_criterion``: the age on the assessment date within the bounds."""
    c = common(p)
    years = c.years
    if years is None:
        return DOUBT
    if years < 0:
        return FAIL
    ok = (min_age is None or years >= min_age) and (max_age is None or years <= max_age)
    if c.ambiguous:
        older = years + 1
        if ((min_age is None or older >= min_age) and (max_age is None or older <= max_age)) != ok:
            return DOUBT
    return OK if ok else FAIL


def nationality(p: Profile) -> int:
    """``common.nationality_not_excluded``: not on the exclusion list in force."""
    return common(p).nationality


@lru_cache(maxsize=8192)
def _nationality(country: str, on: date) -> int:
    rules = rule_set_on("excluded_nationalities", on)  # none recorded: for review
    return DOUBT if rules is None else FAIL if country in rules["countries"] else OK


def first_degree(degree: str | None) -> int:
    """A first degree; below one, ImmD's special cases make it a matter for review."""
    return DOUBT if degree is None or DEGREE_RANK[degree] < BACHELOR else OK


def language(languages: frozenset[str] | None) -> int:
    """Good Chinese or English."""
    if languages is None:
        return DOUBT
    return OK if "chinese" in languages or "english" in languages else FAIL


_COMPILED: dict[tuple[str, str], Any] = {}


@lru_cache(maxsize=16384)
def compiled(name: str, on: date, compile_: Callable[[RuleSet], T]) -> tuple[RuleSet, T] | None:
    """The rule set of ``name`` in force on ``on`` and its plain values, compiled once per set.

    None when no rule set is in force (the full assessor explains that case).
    """
    rules = in_force(name, on)
    if rules is None:
        return None
    key = (name, rules.id)
    if key not in _COMPILED:
        _COMPILED[key] = compile_(rules)
    values: T = _COMPILED[key]
    return rules, values
