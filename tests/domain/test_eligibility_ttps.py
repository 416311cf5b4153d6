"""TTPS categories A, B, C, the dated university list and the launch date."""

from __future__ import annotations

import pytest

from hkcase.domain.eligibility import Verdict
from hkcase.domain.eligibility.model import Status
from tests.eligibility_support import cautions, review, run, status

MET, NOT_MET, UNKNOWN = Status.MET, Status.NOT_MET, Status.UNKNOWN

# A recent graduate with no Category A income.
GRADUATE = {"annual_income_hkd": 400_000, "years_experience": 1.5,
            "years_experience_last_5y": 1.5, "bachelor_award_date": "2023-06-30"}


def test_category_a_income_boundary() -> None:
    assert run("TTPS", annual_income_hkd=2_499_999, years_experience_last_5y=1,
               bachelor_award_date="2010-01-01").outcome is Verdict.NOT_ELIGIBLE
    at = run("TTPS", annual_income_hkd=2_500_000)
    assert (at.outcome, at.category) == (Verdict.ELIGIBLE, "A")


def test_investment_income_does_not_count() -> None:
    result = run("TTPS", income_source="investment")
    assert status(result, "a_income_source") is NOT_MET
    assert result.category == "B"  # still qualifies through B


def test_company_profit_rule_from_2025_05_09() -> None:
    facts = {"income_source": "own_company_profit", "shareholding_pct_full_assessment_year": 40,
             "years_experience_last_5y": 0, "bachelor_award_date": "2000-01-01"}
    before = run("TTPS", assessment_date="2025-05-08", **facts)
    assert status(before, "a_income_source") is MET and before.category == "A"
    after = run("TTPS", assessment_date="2025-05-09", **facts)
    assert status(after, "a_income_source") is NOT_MET
    assert review(after, "a_income_source")  # second-hand rule
    assert after.outcome is Verdict.NEEDS_REVIEW
    held = run("TTPS", assessment_date="2025-05-09", **{**facts,
               "shareholding_pct_full_assessment_year": 50})
    assert status(held, "a_income_source") is MET


def test_category_b_experience_boundary() -> None:
    facts = {"annual_income_hkd": 100_000, "bachelor_award_date": "2010-01-01"}
    assert run("TTPS", years_experience_last_5y=2.99, **facts).outcome is Verdict.NOT_ELIGIBLE
    at = run("TTPS", years_experience_last_5y=3, **facts)
    assert (at.outcome, at.category) == (Verdict.ELIGIBLE, "B")


def test_category_c_recent_graduate() -> None:
    result = run("TTPS", **GRADUATE)
    assert (result.outcome, result.category) == (Verdict.ELIGIBLE, "C")
    assert any("quota" in r for r in result.reasons)


@pytest.mark.parametrize(
    ("award", "expected", "flagged"),
    [("2020-11-23", MET, False), ("2020-11-22", MET, True), ("2020-11-21", NOT_MET, False)],
)
def test_category_c_five_year_window(award: str, expected: Status, flagged: bool) -> None:
    # Before 2026-01-01 (TTPS-2025-05-09): five years to the day.
    result = run("TTPS", assessment_date="2025-11-22", **{**GRADUATE, "bachelor_award_date": award})
    assert status(result, "c_recent_degree") is expected
    assert bool(review(result, "c_recent_degree")) is flagged


def test_category_c_needs_less_than_three_years() -> None:
    result = run("TTPS", **{**GRADUATE, "years_experience": 3, "years_experience_last_5y": 2})
    assert status(result, "c_experience") is NOT_MET
    assert result.outcome is Verdict.NOT_ELIGIBLE


def test_local_non_local_graduates_use_iang() -> None:
    result = run("TTPS", **GRADUATE, bachelor_obtained_in_hk_as_non_local_student=True)
    assert status(result, "c_not_local_graduate") is NOT_MET
    assert result.outcome is Verdict.NOT_ELIGIBLE


def test_exact_list_match_counts_with_a_caution() -> None:
    # Verdict policy (issue 9): an exact match is on the list, with a caution naming the list.
    result = run("TTPS", bachelor_institution_on_ttps_list=None,
                 bachelor_institution="the university of oxford", annual_income_hkd=0)
    assert status(result, "b_eligible_degree") is MET
    assert review(result, "b_eligible_degree") is None
    (caution,) = cautions(result, "b_eligible_degree")
    assert "aggregate list of 2026-01-01" in caution and "transcription" in caution
    assert result.outcome is Verdict.ELIGIBLE and result.category == "B"
    assert caution in result.cautions


@pytest.mark.parametrize(
    ("name", "day", "on_list"),
    [("University of Goettingen", "2023-12-31", MET),
     ("University of Goettingen", "2024-01-01", NOT_MET),
     ("Adelaide University", "2025-12-31", NOT_MET),
     ("Adelaide University", "2026-01-01", MET),
     ("清华大学", "2025-06-01", MET)],
)
def test_university_list_in_force_on_the_date(name: str, day: str, on_list: Status) -> None:
    result = run("TTPS", bachelor_institution_on_ttps_list=None, bachelor_institution=name,
                 assessment_date=day, annual_income_hkd=0)
    assert status(result, "b_eligible_degree") is on_list


def test_unknown_university_name_asks_for_the_override() -> None:
    result = run("TTPS", bachelor_institution_on_ttps_list=None,
                 bachelor_institution="Springfield Community College", annual_income_hkd=0)
    assert status(result, "b_eligible_degree") is UNKNOWN
    assert "bachelor_institution_on_ttps_list" in result.missing


def test_part_time_bachelors_and_masters_only_cases_need_review() -> None:
    part_time = run("TTPS", bachelor_full_time=False, annual_income_hkd=0)
    assert status(part_time, "b_eligible_degree") is NOT_MET
    assert part_time.outcome is Verdict.NEEDS_REVIEW
    masters_only = run("TTPS", bachelor_institution_on_ttps_list=False,
                       master_institution_on_ttps_list=True, annual_income_hkd=0)
    assert review(masters_only, "b_eligible_degree")
    assert masters_only.outcome is Verdict.NEEDS_REVIEW


def test_excluded_nationality() -> None:
    assert run("TTPS", nationality="KP").outcome is Verdict.NOT_ELIGIBLE


def test_scheme_did_not_exist_before_launch() -> None:
    before = run("TTPS", assessment_date="2022-12-27")
    assert before.outcome is Verdict.NOT_ELIGIBLE
    assert "opened on 2022-12-28" in before.reasons[0]
    assert run("TTPS", assessment_date="2022-12-28").outcome is Verdict.ELIGIBLE


@pytest.mark.parametrize(("day", "rule_set"), [("2024-10-15", "TTPS-2022-12-28"),
                                               ("2024-10-16", "TTPS-2024-10-16"),
                                               ("2025-05-08", "TTPS-2024-10-16"),
                                               ("2025-05-09", "TTPS-2025-05-09"),
                                               ("2025-12-31", "TTPS-2025-05-09"),
                                               ("2026-01-01", "TTPS-2026-01-01")])
def test_rule_set_change_dates(day: str, rule_set: str) -> None:
    result = run("TTPS", assessment_date=day)
    assert result.rule_set is not None and result.rule_set.id == rule_set


def test_several_open_categories_leave_the_category_open() -> None:
    result = run("TTPS", annual_income_hkd=None, **{k: v for k, v in GRADUATE.items()
                                                    if k != "annual_income_hkd"},
                 bachelor_obtained_in_hk_as_non_local_student=None)
    assert result.outcome is Verdict.NEEDS_REVIEW
    assert result.category is None
    assert any("possible categories: A, C" in r for r in result.reasons)
