"""Building profiles for the eligibility tests."""

from __future__ import annotations

from typing import Any

from hkcase.domain.eligibility import SchemeResult, assess, parse_profile
from hkcase.domain.eligibility.model import Status
from hkcase.domain.vocab import Scheme

# A strong, complete overseas professional; each test changes what it is about.
STRONG: dict[str, Any] = {
    "assessment_date": "2026-11-22",
    "date_of_birth": "1990-06-15",
    "nationality": "GB",
    "residence": "overseas",
    "travel_document": "foreign_passport",
    "overseas_permanent_residence": True,
    "applying_from": "overseas",
    "marital_status": "married",
    "languages": ["English", "French"],
    "criminal_record": False,
    "self_supporting": True,
    "highest_degree": "master",
    "bachelor_institution": "University of Oxford",
    "bachelor_institution_on_ttps_list": True,
    "bachelor_award_date": "2012-07-01",
    "bachelor_full_time": True,
    "bachelor_obtained_in_hk_as_non_local_student": False,
    "postgrad_from_qmas_eligible_university": True,
    "postgrad_is_stem": True,
    "degree_is_stem": True,
    "degree_from_renowned_institution": True,
    "university_top100_stem": True,
    "years_experience": 12,
    "years_experience_last_5y": 5,
    "years_relevant_experience": 8,
    "years_senior_role": 6,
    "years_multinational_or_renowned": 5,
    "years_specified_industry": 5,
    "years_international": 3,
    "annual_income_hkd": 3_000_000,
    "income_source": "salary",
    "owns_business_annual_profit_hkd": 0,
    "owns_listed_company": False,
    "talent_list_profession": False,
    "achievement": False,
    "job_offer": True,
    "offered_salary_hkd": 1_200_000,
    "job_relevant_to_qualifications": True,
    "job_at_degree_level": True,
    "remuneration_at_market_level": True,
    "full_time_employment": True,
    "employer_has_valid_itc_quota": True,
    "rd_area": "artificial intelligence",
    "children_under_18": 0,
    "spouse_degree": True,
    "immediate_family_hk_pr_in_hk": False,
}


def run(scheme: Scheme | str, base: dict[str, Any] | None = None, *, changes: bool = False,
        **facts: Any) -> SchemeResult:
    """Assess one scheme for ``base`` (default STRONG) with ``facts`` changed (None deletes)."""
    data = dict(STRONG if base is None else base)
    for key, value in facts.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    profile = parse_profile(data)
    (result,) = assess(profile, [Scheme(scheme)], with_changes=changes).results
    return result


def status(result: SchemeResult, criterion: str) -> Status:
    found = result.status_of(criterion)
    assert found is not None, f"{result.scheme} has no criterion {criterion}: " + ", ".join(
        c.id for c in result.criteria)
    return found


def review(result: SchemeResult, criterion: str) -> str | None:
    return next(c.review for c in result.criteria if c.id == criterion)


def cautions(result: SchemeResult, criterion: str) -> tuple[str, ...]:
    return next(c.cautions for c in result.criteria if c.id == criterion)
