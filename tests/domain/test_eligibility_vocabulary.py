"""What people type: choices, countries in English and Chinese; refusing what is not a fact."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hkcase.domain.countries import STATELESS, UnknownCountryError, normalise_country
from hkcase.domain.eligibility import FIELDS, ProfileError, assess, parse_profile
from hkcase.domain.eligibility.engine import ASSESSORS, changes_on
from hkcase.domain.vocab import fold_choice

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(("typed", "stored"), [
    ("international trade", "international_trade"),
    ("International Trade", "international_trade"),
    ("international-trade", "international_trade"),
    (" international_trade ", "international_trade"),
])
def test_choices_accept_what_people_type(typed: str, stored: str) -> None:
    assert parse_profile({"specified_industry": typed}, today=TODAY).specified_industry == stored


def test_choice_synonyms_and_upper_case_values() -> None:
    assert parse_profile({"marital_status": "Unmarried"}, today=TODAY).marital_status == "single"
    assert parse_profile({"sponsor_scheme": "qmas gpt"}, today=TODAY).sponsor_scheme == \
        "QMAS_GPT"
    assert parse_profile({"residence": "Mainland China"}, today=TODAY).residence == \
        "mainland_china"
    assert fold_choice("  Same-sex  spouse ") == "same_sex_spouse"


def test_an_achievement_description_is_true() -> None:
    profile = parse_profile({"achievement": "Turing Award 2019"}, today=TODAY)
    assert profile.achievement is True
    with pytest.raises(ProfileError, match="achievement"):
        parse_profile({"achievement": "   "}, today=TODAY)
    with pytest.raises(ProfileError, match="job_offer"):
        parse_profile({"job_offer": "yes, from HSBC"}, today=TODAY)  # only for achievement


@pytest.mark.parametrize(("typed", "code"), [
    ("朝鲜", "KP"), ("北韓", "KP"), ("越南", "VN"), ("中國", "CN"), ("中国", "CN"),
    ("寮國", "LA"), ("老挝", "LA"), ("英國", "GB"), ("美国", "US"), ("阿富汗", "AF"),
    ("North Korea", "KP"), ("Vietnam", "VN"), ("viet nam", "VN"), ("the Netherlands", "NL"),
    ("GBR", "GB"), ("gb", "GB"), ("stateless", STATELESS), ("無國籍", STATELESS),
])
def test_countries_in_english_and_chinese(typed: str, code: str) -> None:
    assert normalise_country(typed) == code
    assert parse_profile({"nationality": typed}, today=TODAY).nationality == code


def test_unknown_country_is_a_clear_error() -> None:
    with pytest.raises(UnknownCountryError, match="English or Chinese"):
        normalise_country("Atlantis")
    with pytest.raises(ProfileError, match="place_of_birth"):
        parse_profile({"place_of_birth": "火星"}, today=TODAY)


def test_chinese_language_names() -> None:
    profile = parse_profile({"languages": ["普通話", "英文", "French"]}, today=TODAY)
    assert profile.languages == frozenset({"chinese", "english", "french"})


@pytest.mark.parametrize(("data", "key"), [
    ({"date_of_birth": "2026-11-23"}, "date_of_birth"),  # tomorrow
    ({"years_experience": float("nan")}, "years_experience"),
    ({"annual_income_hkd": float("inf")}, "annual_income_hkd"),
    ({"annual_income_hkd": json.loads("1e400")}, "annual_income_hkd"),
    ({"annual_income_hkd": 10 ** 400}, "annual_income_hkd"),
    ({"children_under_18": 10 ** 30}, "children_under_18"),
    ({"graduation_date": "1899-12-31"}, "graduation_date"),
    ({"sponsor_limit_of_stay": "2101-01-01"}, "sponsor_limit_of_stay"),
    ({"assessment_date": "2200-01-01"}, "assessment_date"),
    ({"languages": [["English"]]}, "languages"),
    ({"languages": "English"}, "languages"),
    ({"residence": {"a": 1}}, "residence"),
    ({"nationality": ["GB"]}, "nationality"),
    ({"bachelor_award_date": {"year": 2020}}, "bachelor_award_date"),
    ({"occupation": ["x"]}, "occupation"),
    ({"job_offer": [True]}, "job_offer"),
    ({"occupation": "x" * 501}, "occupation"),
])
def test_not_a_fact_is_refused_naming_the_key(data: dict[str, Any], key: str) -> None:
    with pytest.raises(ProfileError, match=f"^{key}:"):
        parse_profile(data, today=TODAY)


def test_a_date_of_birth_today_is_accepted() -> None:
    assert parse_profile({"date_of_birth": "2026-11-22"}, today=TODAY).date_of_birth == TODAY


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
    | st.sampled_from(["2026-11-22", "1900-01-01", "2100-12-31", "1990-02-29", "2024-02-29",
                       "GB", "越南", "international trade", "bachelor", "清华大学", "Oxford"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5),
                                                                       children, max_size=3),
    max_leaves=6)
KEYS = st.sampled_from(sorted(FIELDS)) | st.text(max_size=8)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS, JSON, max_size=8) | JSON)
def test_arbitrary_json_raises_nothing_but_profile_error(data: Any) -> None:
    try:
        profile = parse_profile(data, today=TODAY)
    except ProfileError:
        return
    assessment = assess(profile)
    json.dumps(assessment.as_dict(), ensure_ascii=False)
    for scheme in ASSESSORS:
        today_result = ASSESSORS[scheme](profile)
        changes_on(scheme, profile, today_result)
