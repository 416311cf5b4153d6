"""When the answer changes with time alone, and the dated rule files themselves."""

from __future__ import annotations

from datetime import date, timedelta
from importlib.resources import files

import pytest

from hkcase.domain.eligibility.engine import ASSESSORS, RULE_FILES
from hkcase.domain.eligibility.model import Change
from hkcase.domain.eligibility.rulesets import change_dates, rule_set_on, rule_sets
from tests.eligibility_support import STRONG, run


def _change(changes: list[Change], criterion: str) -> Change:
    found = [c for c in changes if c.criterion == criterion]
    assert found, f"no change of {criterion} in {changes}"
    return found[0]


def test_qmas_age_criterion_lost_on_51st_birthday() -> None:
    result = run("QMAS_GPT", changes=True, date_of_birth="1977-03-10")
    change = _change(result.changes_on, "c1_age")
    assert change.date == date(2028, 3, 10)
    assert change.effect.startswith("met → not_met")


def test_assg_lost_on_41st_birthday() -> None:
    result = run("ASSG", changes=True, date_of_birth="1987-01-05", place_of_birth="CA",
                 parent_holds_valid_hk_permanent_id=True,
                 parent_was_chinese_national_settled_overseas_at_birth=True)
    assert _change(result.changes_on, "age").date == date(2028, 1, 5)
    outcome = _change(result.changes_on, "outcome")
    assert (outcome.date, outcome.effect.split(":")[0]) == (date(2028, 1, 5),
                                                            "eligible → not_eligible")


def test_ttps_c_lost_after_five_years_and_b_gained_with_experience() -> None:
    result = run("TTPS", changes=True, annual_income_hkd=300_000, years_experience=1,
                 years_experience_last_5y=1, bachelor_award_date="2024-07-15")
    recent = [c for c in result.changes_on if c.criterion == "c_recent_degree"]
    # From 2026-01-01 ImmD counts by year of graduation: 2029 is the open boundary year.
    assert [(c.date, c.effect.split(":")[0]) for c in recent] == [
        (date(2029, 1, 1), "met → unknown"), (date(2030, 1, 1), "unknown → not_met")]
    gained = _change(result.changes_on, "b_experience")
    assert gained.effect.startswith("not_met → met") and "keeps working" in gained.effect
    assert gained.date == date(2026, 11, 22) + timedelta(days=731)  # 2 years of 365.25 days
    category = _change(result.changes_on, "category")
    assert category.effect.startswith("C → B")


def test_iang_fresh_window_closes() -> None:
    graduate = {**STRONG, "nationality": "IN", "entered_hk_with_student_visa": True,
                "hk_programme_full_time_locally_accredited": True,
                "hk_qualification_level": "bachelor", "graduation_date": "2026-08-31",
                "job_offer": None}
    result = run("IANG", graduate, changes=True)
    assert _change(result.changes_on, "fresh_graduate").date == date(2027, 3, 1)
    assert _change(result.changes_on, "category").effect.startswith("fresh → returning")


def test_leap_day_birthday_is_reviewed_on_28_february() -> None:
    born = {"date_of_birth": "1976-02-29"}
    on_28th = run("QMAS_GPT", assessment_date="2027-02-28", **born)
    age = next(c for c in on_28th.criteria if c.id == "c1_age")
    assert age.review and "29 February" in age.review
    assert run("QMAS_GPT", assessment_date="2027-03-01", **born).status_of("c1_age").value \
        == "not_met"
    result = run("QMAS_GPT", changes=True, assessment_date="2026-11-22", **born)
    assert _change(result.changes_on, "c1_age").date == date(2027, 3, 1)


def test_a_university_leaving_the_list_is_foreseen() -> None:
    result = run("TTPS", changes=True, assessment_date="2023-06-01", annual_income_hkd=0,
                 bachelor_institution_on_ttps_list=None,
                 bachelor_institution="University of Goettingen")
    change = _change(result.changes_on, "b_eligible_degree")
    assert change.date == date(2024, 1, 1) and "leaves the list" in change.effect


def test_changes_are_in_date_order_and_after_the_assessment_date() -> None:
    for scheme in ASSESSORS:
        result = run(scheme, changes=True, assessment_date="2020-01-01")
        dates = [c.date for c in result.changes_on]
        assert dates == sorted(dates)
        assert all(d > date(2020, 1, 1) for d in dates)


@pytest.mark.parametrize("name", sorted({n for names in RULE_FILES.values() for n in names}))
def test_rule_files_are_dated_sourced_and_switch_on_their_dates(name: str) -> None:
    sets = rule_sets(name)
    for rule_set in sets:
        assert rule_set.sources and all(s.startswith("http") for s in rule_set.sources)
    for day in change_dates(name):
        before, after = rule_set_on(name, day - timedelta(days=1)), rule_set_on(name, day)
        assert before != after
        if after is not None:
            assert after.effective_from == day


def test_every_rule_file_is_used() -> None:
    shipped = {p.name[:-5] for p in files("hkcase.resources").joinpath("eligibility").iterdir()
               if p.name.endswith(".toml")}
    assert shipped == {n for names in RULE_FILES.values() for n in names}


@pytest.mark.parametrize(
    ("scheme", "day", "facts", "months"),
    [("TTPS", "2024-10-15", {}, 24), ("TTPS", "2024-10-16", {}, 36),
     ("TTPS", "2026-11-22", {"annual_income_hkd": 0}, 24),
     ("GEP", "2022-12-27", {}, 24), ("GEP", "2022-12-28", {}, 36),
     ("QMAS_ABPT", "2026-11-22", {"achievement": True}, 96)],
)
def test_initial_stay_comes_from_the_dated_stay_rules(scheme: str, day: str,
                                                     facts: dict[str, object],
                                                     months: int) -> None:
    assert run(scheme, assessment_date=day, **facts).initial_stay_months == months


def test_no_initial_stay_when_not_eligible_or_a_dependant() -> None:
    assert run("TTPS", nationality="KP").initial_stay_months is None
    assert run("DEPENDANT").initial_stay_months is None
