"""Parsing a facts profile: every problem named by its key."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest

from hkcase.domain.eligibility import FIELDS, Profile, ProfileError, parse_profile

DOCS = Path(__file__).resolve().parents[2] / "docs" / "eligibility-profile.md"


def test_profile_and_vocabulary_agree() -> None:
    assert {f.name for f in fields(Profile)} == set(FIELDS)


def test_every_fact_the_issue_names_is_accepted() -> None:
    named = """assessment_date date_of_birth nationality residence overseas_permanent_residence
    months_resided_overseas_immediately_before applying_from travel_document marital_status
    languages criminal_record self_supporting highest_degree bachelor_institution
    bachelor_award_date bachelor_full_time bachelor_institution_on_ttps_list
    bachelor_obtained_in_hk_as_non_local_student master_award_date
    master_institution_on_ttps_list postgrad_from_qmas_eligible_university postgrad_is_stem
    degree_is_stem degree_from_renowned_institution university_top100_stem years_experience
    years_experience_last_5y years_relevant_experience years_senior_role
    years_multinational_or_renowned years_specified_industry specified_industry
    years_international annual_income_hkd income_source shareholding_pct_full_assessment_year
    owns_business_annual_profit_hkd owns_listed_company talent_list_profession
    talent_list_profession_name achievement job_offer offered_salary_hkd
    job_relevant_to_qualifications job_at_degree_level remuneration_at_market_level
    full_time_employment occupation employer_has_valid_itc_quota rd_area graduation_date
    hk_institution hk_qualification_level hk_programme_full_time_locally_accredited
    programme_ugc_funded entered_hk_with_student_visa place_of_birth
    parent_holds_valid_hk_permanent_id parent_was_chinese_national_settled_overseas_at_birth
    net_assets_hkd_min_over_6_months planned_investment_hkd planned_cies_portfolio_hkd
    relationship relationship_legally_recognised place_of_celebration dependent_on_sponsor
    children_under_18 spouse_degree immediate_family_hk_pr_in_hk sponsor_scheme sponsor_status
    sponsor_limit_of_stay sponsor_can_support_well_above_subsistence
    gba_campus_graduate macao_id_under_7_years""".split()  # noqa: SIM905
    assert set(named) == set(FIELDS)


def test_every_fact_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for name in FIELDS:
        assert f"`{name}`" in text, name


def test_defaults_and_nulls() -> None:
    profile = parse_profile({"nationality": None}, today=date(2026, 1, 2))
    assert profile.assessment_date == date(2026, 1, 2)
    assert profile.nationality is None


@pytest.mark.parametrize(("value", "code"), [("CHN", "CN"), ("India", "IN"), ("gb", "GB")])
def test_nationality_forms(value: str, code: str) -> None:
    assert parse_profile({"nationality": value}).nationality == code


def test_languages_fold_chinese_varieties() -> None:
    profile = parse_profile({"languages": ["Cantonese", "Putonghua", "english"]})
    assert profile.languages == frozenset({"chinese", "english"})


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ({"favourite_colour": "red"}, "favourite_colour: unknown fact"),
        ({"date_of_birth": "1990-02-30"}, "date_of_birth: '1990-02-30' is not a real date"),
        ({"date_of_birth": 19900101}, "date_of_birth: expected a date"),
        ({"criminal_record": "no"}, "criminal_record: expected true or false"),
        ({"years_experience": "five"}, "years_experience: expected a number"),
        ({"years_experience": True}, "years_experience: expected a number"),
        ({"years_experience": -1}, "years_experience: -1 cannot be negative"),
        ({"years_experience": 200}, "years_experience: 200 is more than 80"),
        ({"children_under_18": 1.5}, "children_under_18: expected a whole number"),
        ({"residence": "moon"}, "residence: 'moon' is not one of"),
        ({"nationality": "Atlantis"}, "nationality: 'Atlantis' is not an ISO 3166-1 country"),
        ({"languages": "English"}, "languages: expected a list"),
        ({"bachelor_institution": ""}, "bachelor_institution: expected non-empty text"),
        ({"shareholding_pct_full_assessment_year": 120}, "is more than 100"),
    ],
)
def test_bad_profiles_name_the_key(facts: dict[str, object], message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        parse_profile(facts)


def test_a_profile_must_be_an_object() -> None:
    with pytest.raises(ProfileError, match="JSON object"):
        parse_profile(["not", "an", "object"])  # type: ignore[arg-type]
