"""The rule sets of the 2026-12 review (ImmD's pages), each on both sides of its date."""

from __future__ import annotations

from typing import Any

import pytest

from hkcase.domain.eligibility import Verdict
from hkcase.domain.eligibility.model import Status
from tests.eligibility_support import STRONG, cautions, review, run, status

MET, NOT_MET, UNKNOWN = Status.MET, Status.NOT_MET, Status.UNKNOWN


def rule_set(result: Any) -> str:
    assert result.rule_set is not None
    return str(result.rule_set.id)


# --- QMAS (items 1-3) -------------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["QMAS_GPT", "QMAS_ABPT"])
def test_qmas_language_is_no_longer_a_prerequisite(scheme: str) -> None:
    facts: dict[str, Any] = {"languages": ["German"], "achievement": False}
    before = run(scheme, assessment_date="2025-12-14", **facts)
    assert status(before, "language") is NOT_MET
    after = run(scheme, assessment_date="2025-12-15", **facts)
    assert rule_set(after) == f"{scheme}-2025-12-15"
    assert after.status_of("language") is None
    assert "https://www.immd.gov.hk/eng/services/visas/quality_migrant_admission_scheme.html" \
        in after.rule_set.sources  # type: ignore[union-attr]


def test_qmas_languages_still_count_through_criteria_4_and_5() -> None:
    after = run("QMAS_GPT", assessment_date="2025-12-15", languages=["German"])
    assert status(after, "c4_two_languages") is NOT_MET
    assert status(after, "c5_english") is NOT_MET
    assert after.outcome is Verdict.ELIGIBLE  # the strong profile still meets 6 others


def test_qmas_criteria_wording_is_marked_second_hand() -> None:
    result = run("QMAS_GPT")
    assert result.rule_set is not None
    assert "https://asym.immiknow.com/zgxgyj/24110126707.html" in result.rule_set.second_hand
    assert any("consultancy" in c for c in result.cautions)
    data = result.as_dict()["rule_set"]
    assert data["second_hand_sources"] == ["https://asym.immiknow.com/zgxgyj/24110126707.html"]


# --- TTPS (items 4-6) -------------------------------------------------------------------

PROFIT = {"income_source": "own_company_profit", "years_experience_last_5y": 0,
          "bachelor_award_date": "2000-01-01"}


def test_company_profit_needs_shares_held_throughout_the_year_not_50_percent() -> None:
    before = run("TTPS", assessment_date="2025-12-31", shareholding_pct_full_assessment_year=10,
                 **PROFIT)
    assert status(before, "a_income_source") is NOT_MET
    assert review(before, "a_income_source")  # the 50 % figure is second-hand
    assert before.outcome is Verdict.NEEDS_REVIEW
    after = run("TTPS", assessment_date="2026-01-01", shareholding_pct_full_assessment_year=10,
                **PROFIT)
    assert rule_set(after) == "TTPS-2026-01-01"
    assert status(after, "a_income_source") is MET
    assert (after.outcome, after.category) == (Verdict.ELIGIBLE, "A")
    not_held = run("TTPS", assessment_date="2026-01-01",
                   shareholding_pct_full_assessment_year=0, **PROFIT)
    assert status(not_held, "a_income_source") is NOT_MET
    unknown = run("TTPS", assessment_date="2026-01-01", **PROFIT)
    assert status(unknown, "a_income_source") is UNKNOWN
    assert unknown.missing == ["shareholding_pct_full_assessment_year"]


GRADUATE = {"annual_income_hkd": 400_000, "years_experience": 1.5,
            "years_experience_last_5y": 1.5}


@pytest.mark.parametrize(
    ("award", "expected", "boundary"),
    [("2022-01-01", MET, False), ("2021-12-31", UNKNOWN, True), ("2021-01-01", UNKNOWN, True),
     ("2020-12-31", NOT_MET, False)],
)
def test_category_c_counts_by_year_of_graduation(award: str, expected: Status,
                                                 boundary: bool) -> None:
    result = run("TTPS", assessment_date="2026-06-01", bachelor_award_date=award, **GRADUATE)
    assert status(result, "c_recent_degree") is expected
    assert bool(review(result, "c_recent_degree")) is boundary
    if boundary:  # the boundary year is ImmD's to settle: review, no fact asked for
        assert result.outcome is Verdict.NEEDS_REVIEW
        assert "year of graduation" in (review(result, "c_recent_degree") or "")
        assert "c_recent_degree" not in " ".join(result.missing)


def test_category_c_on_both_sides_of_2026_01_01() -> None:
    award = {"bachelor_award_date": "2021-01-15", **GRADUATE}
    before = run("TTPS", assessment_date="2025-12-31", **award)  # five years to the day
    assert (status(before, "c_recent_degree"), before.outcome) == (MET, Verdict.ELIGIBLE)
    after = run("TTPS", assessment_date="2026-01-01", **award)  # 2026 - 2021 = 5: boundary
    assert status(after, "c_recent_degree") is UNKNOWN
    assert after.outcome is Verdict.NEEDS_REVIEW


def test_experience_after_graduation_is_a_caution_from_2026() -> None:
    facts = {"annual_income_hkd": 0, "bachelor_award_date": "2024-07-01",
             "years_experience_last_5y": 4, "years_experience": 4}
    before = run("TTPS", assessment_date="2025-12-31", **facts)
    assert cautions(before, "b_experience") == ()
    after = run("TTPS", assessment_date="2026-11-22", **facts)
    (caution,) = cautions(after, "b_experience")
    assert "since graduation" in caution and "note 5" in caution
    assert (after.outcome, after.category) == (Verdict.ELIGIBLE, "B")  # asserted: stands
    assert caution in after.cautions


# --- TTPS list: exact, alias and candidate matches (issue 9) ------------------------------

NAMED = {"bachelor_institution_on_ttps_list": None, "annual_income_hkd": 0}


@pytest.mark.parametrize("name", ["清华大学", "清華大學", "Tsinghua University",
                                  "  the TSINGHUA university. "])
def test_chinese_and_english_names_are_exact_matches(name: str) -> None:
    result = run("TTPS", bachelor_institution=name, **NAMED)
    assert status(result, "b_eligible_degree") is MET
    assert any("Tsinghua University" in c.detail for c in result.criteria)
    assert any("aggregate list of 2026-01-01" in c
               for c in cautions(result, "b_eligible_degree"))
    assert result.outcome is Verdict.ELIGIBLE


def test_hong_kong_and_taiwan_names_in_both_scripts() -> None:
    for name in ("香港大學", "香港大学", "國立臺灣大學", "国立台湾大学"):
        assert status(run("TTPS", bachelor_institution=name, **NAMED),
                      "b_eligible_degree") is MET, name


def test_a_partial_name_asks_for_confirmation_until_asserted() -> None:
    partial = run("TTPS", bachelor_institution="Oxford", **NAMED)
    assert status(partial, "b_eligible_degree") is UNKNOWN
    assert any("University of Oxford" in c.detail for c in partial.criteria)
    assert partial.missing == ["bachelor_institution_on_ttps_list"]
    assert partial.outcome is Verdict.NEEDS_REVIEW
    confirmed = run("TTPS", bachelor_institution="Oxford",
                    **{**NAMED, "bachelor_institution_on_ttps_list": True})
    assert confirmed.outcome is Verdict.ELIGIBLE
    assert cautions(confirmed, "b_eligible_degree") == ()  # the consultant's own check


# --- IANG (item 10) ---------------------------------------------------------------------

VIETNAMESE = {**STRONG, "nationality": "越南", "entered_hk_with_student_visa": True,
              "hk_programme_full_time_locally_accredited": True,
              "hk_qualification_level": "master", "graduation_date": "2025-11-30",
              "job_offer": None, "programme_ugc_funded": False}


def test_vietnam_comes_under_the_ugc_funded_limit() -> None:
    before = run("IANG", VIETNAMESE, assessment_date="2025-12-14")
    assert status(before, "nationality") is MET
    after = run("IANG", VIETNAMESE, assessment_date="2025-12-15")
    assert rule_set(after) == "IANG-2025-12-15"
    assert status(after, "nationality") is UNKNOWN
    assert after.missing == ["gba_campus_graduate"]
    gba = run("IANG", VIETNAMESE, assessment_date="2025-12-15", gba_campus_graduate=True)
    assert (status(gba, "nationality"), gba.outcome) == (MET, Verdict.ELIGIBLE)
    neither = run("IANG", VIETNAMESE, assessment_date="2025-12-15", gba_campus_graduate=False)
    assert (status(neither, "nationality"), neither.outcome) == (NOT_MET,
                                                                 Verdict.NOT_ELIGIBLE)
    ugc = run("IANG", VIETNAMESE, assessment_date="2025-12-15", programme_ugc_funded=True)
    assert status(ugc, "nationality") is MET


# --- ASSG (item 11) ---------------------------------------------------------------------

ASSG = {**STRONG, "date_of_birth": "1990-06-15", "place_of_birth": "Canada",
        "parent_holds_valid_hk_permanent_id": True,
        "parent_was_chinese_national_settled_overseas_at_birth": True}


def test_assg_opened_on_4_may_2015() -> None:
    before = run("ASSG", ASSG, assessment_date="2015-05-03")
    assert before.outcome is Verdict.NOT_ELIGIBLE
    assert "opened on 2015-05-04" in before.reasons[0]
    assert run("ASSG", ASSG, assessment_date="2015-05-04").outcome is Verdict.ELIGIBLE


def test_assg_rule_set_from_immd_page() -> None:
    assert rule_set(run("ASSG", ASSG, assessment_date="2025-11-25")) == "ASSG-2015-05"
    after = run("ASSG", ASSG, assessment_date="2025-11-26")
    assert rule_set(after) == "ASSG-2025-11-26"
    assert after.rule_set is not None and after.rule_set.second_hand == ()


# --- New CIES (item 12) -----------------------------------------------------------------

CIES = {**STRONG, "net_assets_hkd_min_over_6_months": 30_000_000,
        "planned_investment_hkd": 30_000_000, "planned_cies_portfolio_hkd": 3_000_000}


@pytest.mark.parametrize("nationality", ["AF", "古巴", "North Korea"])
def test_cies_exclusions_are_official(nationality: str) -> None:
    before = run("NEW_CIES", CIES, assessment_date="2025-11-18", nationality=nationality)
    assert before.outcome is Verdict.NEEDS_REVIEW  # second-hand until ImmD's page
    after = run("NEW_CIES", CIES, assessment_date="2025-11-19", nationality=nationality)
    assert rule_set(after) == "NEW_CIES-2025-11-19"
    assert status(after, "applicant_type") is NOT_MET
    assert after.outcome is Verdict.NOT_ELIGIBLE


def test_stateless_with_foreign_permanent_residence_may_apply() -> None:
    stateless = {"nationality": "stateless", "overseas_permanent_residence": True}
    before = run("NEW_CIES", CIES, assessment_date="2025-11-18", **stateless)
    assert before.outcome is Verdict.NEEDS_REVIEW
    after = run("NEW_CIES", CIES, assessment_date="2025-11-19", **stateless)
    assert after.outcome is Verdict.ELIGIBLE
    without = run("NEW_CIES", CIES, nationality="無國籍", overseas_permanent_residence=False)
    assert status(without, "applicant_type") is NOT_MET


# --- Dependants (items 13-15) -----------------------------------------------------------

SPOUSE: dict[str, Any] = {"assessment_date": "2026-11-22", "date_of_birth": "1991-01-01",
                          "nationality": "US", "residence": "overseas", "relationship": "spouse",
                          "relationship_legally_recognised": True,
                          "sponsor_status": "employment_visa", "sponsor_scheme": "GEP",
                          "sponsor_can_support_well_above_subsistence": True,
                          "sponsor_limit_of_stay": "2028-03-01"}
MAINLAND = {"residence": "mainland_china", "nationality": "CN"}


@pytest.mark.parametrize("scheme", ["TTPS", "TECHTAS", "NEW_CIES", "IANG"])
def test_mainland_dependants_of_the_new_sponsor_schemes(scheme: str) -> None:
    result = run("DEPENDANT", SPOUSE, **MAINLAND, sponsor_scheme=scheme)
    assert rule_set(result) == "DEPENDANT-2025-12-15"
    assert (status(result, "sponsor_status"), result.outcome) == (MET, Verdict.ELIGIBLE)


def test_mainland_dependant_of_another_sponsor_is_refused_from_2025_12_15() -> None:
    before = run("DEPENDANT", SPOUSE, **MAINLAND, sponsor_scheme="OTHER",
                 assessment_date="2025-12-14")
    assert before.outcome is Verdict.NEEDS_REVIEW
    after = run("DEPENDANT", SPOUSE, **MAINLAND, sponsor_scheme="OTHER",
                assessment_date="2025-12-15")
    assert (status(after, "sponsor_status"), after.outcome) == (NOT_MET, Verdict.NOT_ELIGIBLE)


@pytest.mark.parametrize(("nationality", "before", "after"), [
    ("KP", Verdict.NEEDS_REVIEW, Verdict.NOT_ELIGIBLE),
    ("AF", Verdict.NEEDS_REVIEW, Verdict.NOT_ELIGIBLE),
    ("CU", Verdict.ELIGIBLE, Verdict.ELIGIBLE),
])
def test_dependants_excluded_nationalities(nationality: str, before: Verdict,
                                           after: Verdict) -> None:
    assert run("DEPENDANT", SPOUSE, nationality=nationality,
               assessment_date="2025-12-14").outcome is before
    assert run("DEPENDANT", SPOUSE, nationality=nationality,
               assessment_date="2025-12-15").outcome is after


def test_macao_id_under_seven_years_is_excluded() -> None:
    macao = {"residence": "macao", "nationality": "CN"}
    before = run("DEPENDANT", SPOUSE, assessment_date="2025-12-14", **macao)
    assert before.status_of("macao_id") is None
    unknown = run("DEPENDANT", SPOUSE, **macao)
    assert unknown.missing == ["macao_id_under_7_years"]
    assert unknown.outcome is Verdict.NEEDS_REVIEW
    short = run("DEPENDANT", SPOUSE, **macao, macao_id_under_7_years=True)
    assert short.outcome is Verdict.NOT_ELIGIBLE
    settled = run("DEPENDANT", SPOUSE, **macao, macao_id_under_7_years=False)
    assert settled.outcome is Verdict.ELIGIBLE


def test_dependants_of_students_and_permanent_residents_do_not_follow_the_sponsor() -> None:
    student = run("DEPENDANT", SPOUSE, sponsor_status="student_visa", sponsor_scheme="STUDENT")
    assert any("12 months" in r for r in student.reasons)
    assert not any("follows the sponsor" in r for r in student.reasons)
    parent = run("DEPENDANT", SPOUSE, relationship="parent", date_of_birth="1950-01-01",
                 sponsor_status="permanent_resident", sponsor_limit_of_stay=None)
    assert any("2-2-3" in r for r in parent.reasons)
    before = run("DEPENDANT", SPOUSE, assessment_date="2025-12-14",
                 sponsor_status="student_visa", sponsor_scheme="STUDENT")
    assert any("follows the sponsor" in r for r in before.reasons)


# --- TechTAS (items 16-17) --------------------------------------------------------------

def test_techtas_rule_set_from_immd_page() -> None:
    assert rule_set(run("TECHTAS", assessment_date="2025-12-16")) == "TECHTAS-2018-06-25"
    after = run("TECHTAS", assessment_date="2025-12-17")
    assert rule_set(after) == "TECHTAS-2025-12-17"
    assert after.outcome is Verdict.ELIGIBLE
    assert any("USNWR" in r or "U.S. News" in r for r in after.reasons)
