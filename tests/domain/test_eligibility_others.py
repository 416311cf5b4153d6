"""IANG, ASSG, New CIES and dependants."""

from __future__ import annotations

from typing import Any

import pytest

from hkcase.domain.eligibility import Verdict
from hkcase.domain.eligibility.model import Status
from tests.eligibility_support import STRONG, review, run, status

MET, NOT_MET, UNKNOWN = Status.MET, Status.NOT_MET, Status.UNKNOWN

GRADUATE: dict[str, Any] = {
    **STRONG, "nationality": "IN", "entered_hk_with_student_visa": True,
    "hk_programme_full_time_locally_accredited": True, "hk_qualification_level": "master",
    "graduation_date": "2026-06-30", "job_offer": None, "programme_ugc_funded": False,
}


@pytest.mark.parametrize(
    ("day", "category", "fresh", "flagged"),
    [("2026-12-29", "fresh", MET, False), ("2026-12-30", "fresh", MET, True),
     ("2026-12-31", "returning", NOT_MET, False)],
)
def test_iang_fresh_window(day: str, category: str, fresh: Status, flagged: bool) -> None:
    result = run("IANG", GRADUATE, assessment_date=day)
    assert status(result, "fresh_graduate") is fresh
    assert bool(review(result, "fresh_graduate")) is flagged
    assert result.category == category


def test_iang_fresh_needs_no_job_returning_does() -> None:
    assert run("IANG", GRADUATE, assessment_date="2026-09-01").outcome is Verdict.ELIGIBLE
    returning = run("IANG", GRADUATE, assessment_date="2027-09-01")
    assert returning.outcome is Verdict.NEEDS_REVIEW and "job_offer" in returning.missing
    hired = run("IANG", GRADUATE, assessment_date="2027-09-01", job_offer=True)
    assert (hired.outcome, hired.category) == (Verdict.ELIGIBLE, "returning")
    assert run("IANG", GRADUATE, assessment_date="2027-09-01", job_offer=True,
               job_at_degree_level=False).outcome is Verdict.NOT_ELIGIBLE


def test_iang_before_graduation() -> None:
    result = run("IANG", GRADUATE, assessment_date="2026-06-29")
    assert result.outcome is Verdict.NOT_ELIGIBLE and result.category is None


@pytest.mark.parametrize(("level", "expected"), [("sub_degree", NOT_MET), ("exchange", NOT_MET),
                                                 ("bachelor", MET), ("doctorate", MET)])
def test_iang_qualification_level(level: str, expected: Status) -> None:
    assert status(run("IANG", GRADUATE, hk_qualification_level=level),
                  "hk_qualification") is expected


@pytest.mark.parametrize(
    ("nationality", "day", "ugc", "expected"),
    [("LA", "2023-10-24", True, NOT_MET),  # still excluded
     ("LA", "2023-10-25", True, MET), ("NP", "2023-10-25", False, NOT_MET),
     ("NP", "2023-10-25", None, UNKNOWN), ("VN", "2023-10-25", False, MET)],
)
def test_iang_laos_and_nepal(nationality: str, day: str, ugc: bool | None,
                             expected: Status) -> None:
    result = run("IANG", GRADUATE, nationality=nationality, assessment_date=day,
                 graduation_date="2023-09-01", programme_ugc_funded=ugc, job_offer=True)
    assert status(result, "nationality") is expected


ASSG: dict[str, Any] = {**STRONG, "date_of_birth": "1990-06-15", "place_of_birth": "Canada",
                        "parent_holds_valid_hk_permanent_id": True,
                        "parent_was_chinese_national_settled_overseas_at_birth": True}


@pytest.mark.parametrize(("born", "expected"), [("2008-11-23", NOT_MET), ("2008-11-22", MET),
                                                ("1985-11-23", MET), ("1985-11-22", NOT_MET)])
def test_assg_age_18_to_40(born: str, expected: Status) -> None:
    assert status(run("ASSG", ASSG, date_of_birth=born), "age") is expected


@pytest.mark.parametrize("place", ["HK", "China", "Macao", "Taiwan"])
def test_assg_birth_overseas(place: str) -> None:
    result = run("ASSG", ASSG, place_of_birth=place)
    assert status(result, "born_overseas") is NOT_MET
    assert result.outcome is Verdict.NOT_ELIGIBLE


def test_assg_parent_and_launch() -> None:
    assert run("ASSG", ASSG).outcome is Verdict.ELIGIBLE
    assert run("ASSG", ASSG, parent_holds_valid_hk_permanent_id=False).outcome \
        is Verdict.NOT_ELIGIBLE
    assert run("ASSG", ASSG, assessment_date="2015-04-30").outcome is Verdict.NOT_ELIGIBLE


CIES: dict[str, Any] = {**STRONG, "net_assets_hkd_min_over_6_months": 30_000_000,
                        "planned_investment_hkd": 30_000_000,
                        "planned_cies_portfolio_hkd": 3_000_000}


@pytest.mark.parametrize(("fact", "low"), [("net_assets_hkd_min_over_6_months", 29_999_999),
                                           ("planned_investment_hkd", 29_999_999),
                                           ("planned_cies_portfolio_hkd", 2_999_999)])
def test_cies_thresholds(fact: str, low: int) -> None:
    assert run("NEW_CIES", CIES).outcome is Verdict.ELIGIBLE
    assert run("NEW_CIES", CIES, **{fact: low}).outcome is Verdict.NOT_ELIGIBLE


def test_cies_asset_period_changed_on_2025_03_01() -> None:
    before = run("NEW_CIES", CIES, assessment_date="2025-02-28")
    assert before.outcome is Verdict.NEEDS_REVIEW and review(before, "net_assets")
    assert run("NEW_CIES", CIES, assessment_date="2025-03-01").outcome is Verdict.ELIGIBLE
    assert run("NEW_CIES", CIES, assessment_date="2024-02-29").outcome is Verdict.NOT_ELIGIBLE


@pytest.mark.parametrize(
    ("facts", "expected"),
    [({"nationality": "CN", "overseas_permanent_residence": False,
       "residence": "mainland_china"}, NOT_MET),
     ({"nationality": "CN", "overseas_permanent_residence": True}, MET),
     ({"nationality": "CN", "residence": "macao", "overseas_permanent_residence": None}, MET),
     ({"nationality": "US"}, MET)],
)
def test_cies_applicant_types(facts: dict[str, object], expected: Status) -> None:
    assert status(run("NEW_CIES", CIES, **facts), "applicant_type") is expected


SPOUSE: dict[str, Any] = {"assessment_date": "2026-11-22", "date_of_birth": "1991-01-01",
                          "nationality": "US", "residence": "overseas", "relationship": "spouse",
                          "relationship_legally_recognised": True,
                          "sponsor_status": "employment_visa", "sponsor_scheme": "GEP",
                          "sponsor_can_support_well_above_subsistence": True,
                          "sponsor_limit_of_stay": "2028-03-01"}


def test_spouse_and_limit_note() -> None:
    result = run("DEPENDANT", SPOUSE)
    assert result.outcome is Verdict.ELIGIBLE
    assert any("2028-03-01" in r for r in result.reasons)


@pytest.mark.parametrize(("day", "expected"), [("2018-09-18", Verdict.NOT_ELIGIBLE),
                                               ("2018-09-19", Verdict.ELIGIBLE)])
def test_same_sex_partners_from_2018_09_19(day: str, expected: Verdict) -> None:
    result = run("DEPENDANT", SPOUSE, relationship="same_sex_spouse", assessment_date=day,
                 sponsor_limit_of_stay="2020-01-01")
    assert result.outcome is expected


def test_de_facto_partners_do_not_qualify() -> None:
    assert run("DEPENDANT", SPOUSE, relationship="de_facto_partner").outcome \
        is Verdict.NOT_ELIGIBLE


@pytest.mark.parametrize(("born", "expected"), [("2008-11-23", MET), ("2008-11-22", NOT_MET)])
def test_child_under_18(born: str, expected: Status) -> None:
    result = run("DEPENDANT", SPOUSE, relationship="child", date_of_birth=born,
                 marital_status="single", dependent_on_sponsor=True)
    assert status(result, "child_under_18") is expected


def test_married_child_does_not_qualify() -> None:
    result = run("DEPENDANT", SPOUSE, relationship="child", date_of_birth="2012-01-01",
                 marital_status="married", dependent_on_sponsor=True)
    assert status(result, "unmarried") is NOT_MET


@pytest.mark.parametrize(
    ("born", "sponsor", "outcome"),
    [("1966-11-22", "permanent_resident", Verdict.ELIGIBLE),
     ("1966-11-23", "permanent_resident", Verdict.NOT_ELIGIBLE),
     ("1950-01-01", "employment_visa", Verdict.NOT_ELIGIBLE),
     ("1950-01-01", "unconditional_stay", Verdict.ELIGIBLE)],
)
def test_parents_need_60_and_a_settled_sponsor(born: str, sponsor: str,
                                               outcome: Verdict) -> None:
    result = run("DEPENDANT", SPOUSE, relationship="parent", date_of_birth=born,
                 sponsor_status=sponsor)
    assert result.outcome is outcome


def test_mainland_dependant_of_a_ttps_sponsor() -> None:
    mainland = {"residence": "mainland_china", "nationality": "CN"}
    assert run("DEPENDANT", SPOUSE, **mainland).outcome is Verdict.ELIGIBLE  # GEP sponsor
    # Before ImmD's page of 2025-12-15 was read, a TTPS sponsor was not in the sources.
    before = run("DEPENDANT", SPOUSE, **mainland, sponsor_scheme="TTPS",
                 assessment_date="2025-12-14")
    assert before.outcome is Verdict.NEEDS_REVIEW
    assert review(before, "sponsor_status")
    ttps = run("DEPENDANT", SPOUSE, **mainland, sponsor_scheme="TTPS")
    assert ttps.outcome is Verdict.ELIGIBLE


def test_expired_sponsor_limit() -> None:
    assert run("DEPENDANT", SPOUSE, sponsor_limit_of_stay="2026-11-22").outcome \
        is Verdict.ELIGIBLE
    assert run("DEPENDANT", SPOUSE, sponsor_limit_of_stay="2026-11-21").outcome \
        is Verdict.NOT_ELIGIBLE
