"""One dated-rules kernel: every rule file's versions, results' rule-set references and
their JSON come from ``hkcase.domain.rules.kernel``; each class name means one thing."""

from __future__ import annotations

import ast
import random
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta

from hkcase.domain import checklists
from hkcase.domain.eligibility import Verdict, assess, parse_profile
from hkcase.domain.eligibility.calendar_math import add_months, add_years
from hkcase.domain.eligibility.rulesets import rule_sets
from hkcase.domain.filing.rules import FilingDataError
from hkcase.domain.rules.kernel import (
    Dated,
    RuleDataError,
    RuleSetRef,
    first_overlap,
    first_overlap_of,
    in_force,
)
from hkcase.domain.stay.estimate import StayQuestion, StayRuleSetRef, estimate_stay
from hkcase.domain.stay.rules import rule_book
from hkcase.domain.vocab import Outcome, Scheme

DOMAIN = Path(__file__).resolve().parents[2] / "hkcase" / "domain"
D = date


def test_every_kind_of_rule_version_is_dated_by_the_kernel() -> None:
    versions: list[Dated] = [*rule_sets("gep"), *rule_book().patterns,
                             *checklists.all_templates()]
    assert all(isinstance(v, Dated) for v in versions)
    for version in versions:
        start, end = version.effective_from, version.effective_to
        for day in (start, end, D(2000, 1, 1), D(2030, 6, 30)):
            if day is not None:
                assert version.covers(day) == in_force(start, end, day)
                assert version.covers(day - timedelta(days=1)) \
                    == in_force(start, end, day - timedelta(days=1))


def test_first_overlap_of_reads_the_versions_own_dates() -> None:
    a = RuleSetRef("a", D(2020, 1, 1), D(2020, 12, 31), ())
    b = RuleSetRef("b", D(2021, 1, 1), None, ())
    c = RuleSetRef("c", D(2020, 6, 1), None, ())
    assert first_overlap_of([b, a]) is None
    assert first_overlap_of([a, c]) == (a, c)
    assert first_overlap_of([a, b, c]) == first_overlap(
        [a, b, c], lambda v: (v.effective_from, v.effective_to))


def test_shipped_rule_data_errors_are_one_kind() -> None:
    assert issubclass(checklists.TemplateDataError, RuleDataError)
    assert issubclass(FilingDataError, RuleDataError)
    assert issubclass(RuleDataError, ValueError)


def test_eligibility_and_stay_results_name_the_one_rule_set_ref() -> None:
    profile = parse_profile({"assessment_date": "2026-11-22"})
    refs = [r.rule_set for r in assess(profile, with_changes=False).results if r.rule_set]
    assert refs and all(type(ref) is RuleSetRef for ref in refs)
    assert list(refs[0].as_dict()) == ["id", "effective_from", "effective_to", "sources",
                                       "second_hand_sources"]
    stay = estimate_stay(StayQuestion(scheme=Scheme.GEP, entry_date=D(2026, 3, 2),
                                      approval_date=D(2026, 2, 20)))
    assert isinstance(stay.rule_set, StayRuleSetRef)
    assert isinstance(stay.rule_set, RuleSetRef)
    assert stay.rule_set.covers(stay.rule_set.selected_on)
    # the stay JSON keeps its own order and members
    assert list(stay.rule_set.as_dict())[:8] == [
        "id", "effective_from", "effective_to", "selected_by", "selected_on", "variants",
        "sources", "second_hand_sources"]


def test_the_verdict_and_the_decision_are_two_names_with_their_stored_values() -> None:
    assert [v.value for v in Verdict] == ["eligible", "not_eligible", "needs_review"]
    assert [o.value for o in Outcome] == ["pending", "approved", "refused", "withdrawn"]


def test_no_two_public_classes_of_the_domain_share_a_name() -> None:
    where: dict[str, list[str]] = defaultdict(list)
    for path in DOMAIN.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                where[node.name].append(str(path.relative_to(DOMAIN)))
    assert {name: files for name, files in where.items() if len(files) > 1} == {}


@pytest.mark.parametrize("seed", [1, 2])
def test_the_engines_calendar_steps_are_relativedeltas(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(3_000):
        day = D(1950, 1, 1) + timedelta(days=rng.randrange(0, 60_000))
        months, years = rng.randrange(-30, 31), rng.randrange(-12, 13)
        assert add_months(day, months) == day + relativedelta(months=months)
        assert add_years(day, years) == day + relativedelta(years=years)
    for day in (D(2024, 2, 29), D(2027, 1, 31), D(2026, 8, 31)):
        assert add_months(day, 6) == day + relativedelta(months=6)
        assert add_years(day, -5) == day - relativedelta(years=5)
