"""The facts profile: a flat set of facts about one applicant, each optional.

``FIELDS`` is the vocabulary (documented in docs/eligibility-profile.md);
``parse_profile`` turns a JSON object into a ``Profile``, refusing unknown keys,
wrong types and impossible dates with a message that names the key.
"""

from __future__ import annotations

import dataclasses
import math
import operator
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from hkcase.domain.countries import UnknownCountryError, normalise_country
from hkcase.domain.vocab import fold_choice

PLACES = ("mainland_china", "hong_kong", "macao", "taiwan", "overseas")
DEGREES = ("none", "sub_degree", "bachelor", "master", "doctorate")
DEGREE_RANK = {name: rank for rank, name in enumerate(DEGREES)}


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One fact: its kind, what it means, its choices and a short label for screens."""

    kind: str  # date, bool, years, months, hkd, percent, count, choice, text, country, languages
    meaning: str
    choices: tuple[str, ...] = ()
    label: str = ""
    accepts_text: bool = False  # a bool that a non-empty description also asserts


F = FieldSpec
FIELDS: dict[str, FieldSpec] = {
    # Who and where
    "assessment_date": F("date", "date the application would be lodged; default today",
        label="Date of application"),
    "date_of_birth": F("date", "applicant's date of birth",
        label="Date of birth"),
    "nationality": F("country", "nationality: ISO 3166-1 alpha-2 or alpha-3 code, English or "
                      "Chinese name, or \"stateless\"",
        label="Nationality"),
    "residence": F("choice", "where the applicant ordinarily resides", PLACES,
        label="Ordinarily resides in"),
    "overseas_permanent_residence": F("bool", "holds permanent residence in a country outside "
                                      "the Mainland, Hong Kong, Macao and Taiwan",
        label="Permanent residence overseas"),
    "months_resided_overseas_immediately_before": F(
        "months", "months lived overseas immediately before applying",
        label="Months lived overseas just before applying"),
    "applying_from": F("choice", "where the application is submitted from", PLACES,
        label="Applies from"),
    "travel_document": F("choice", "travel document the applicant will use",
                         ("foreign_passport", "prc_passport", "prc_exit_entry_permit", "other"),
        label="Travel document"),
    "marital_status": F("choice", "marital status", ("single", "married", "civil_partnership",
                                                      "separated", "divorced", "widowed"),
        label="Marital status"),
    "languages": F("languages", "languages spoken and written well, e.g. [\"English\", "
                   "\"Chinese\"]; Cantonese, Putonghua and Mandarin count as Chinese",
        label="Languages spoken and written well"),
    "criminal_record": F("bool", "has a criminal or adverse immigration record anywhere",
        label="Criminal or adverse immigration record"),
    "self_supporting": F("bool", "can support and accommodate self and dependants without "
                         "public assistance",
        label="Can support self and dependants"),
    # Education
    "highest_degree": F("choice", "highest academic qualification", DEGREES,
        label="Highest qualification"),
    "bachelor_institution": F("text", "institution that awarded the bachelor's degree (looked up "
                              "in the TTPS list in force on the assessment date)",
        label="Bachelor's degree: university"),
    "bachelor_award_date": F("date", "date the bachelor's degree was awarded",
        label="Bachelor's degree: date awarded"),
    "bachelor_full_time": F("bool", "the bachelor's programme was full-time",
        label="Bachelor's degree: full-time"),
    "bachelor_institution_on_ttps_list": F("bool", "override: the bachelor's institution is on "
                                           "the TTPS eligible-university list",
        label="Bachelor's university on the TTPS list"),
    "bachelor_obtained_in_hk_as_non_local_student": F(
        "bool", "bachelor's obtained as a non-local student in a full-time, locally accredited "
        "Hong Kong programme (such graduates use IANG, not TTPS C)",
        label="Bachelor's from a Hong Kong programme as a non-local student"),
    "master_award_date": F("date", "date the master's degree was awarded",
        label="Master's degree: date awarded"),
    "master_institution_on_ttps_list": F("bool", "the master's institution is on the TTPS list",
        label="Master's university on the TTPS list"),
    "postgrad_from_qmas_eligible_university": F(
        "bool", "the master's or doctorate is from a university on the QMAS eligible list",
        label="Master's or doctorate from a QMAS-eligible university"),
    "postgrad_is_stem": F("bool", "the master's or doctorate is in a STEM subject",
        label="Master's or doctorate in a STEM subject"),
    "degree_is_stem": F("bool", "the degree relied on for TechTAS is in a STEM subject",
        label="Degree in a STEM subject"),
    "degree_from_renowned_institution": F("bool", "bachelor's or higher from a renowned "
                                          "institution (legacy QMAS bonus)",
        label="Degree from a renowned institution"),
    "university_top100_stem": F("bool", "the degree is from a university in the top 100 for STEM "
                                "in the latest specified world rankings (TechTAS)",
        label="University in the top 100 for STEM"),
    # Work
    "years_experience": F("years", "years of degree-level or specialist work experience",
        label="Years of work experience"),
    "years_experience_last_5y": F("years", "years of work experience within the 5 years "
                                  "immediately before applying",
        label="Years of work experience in the last 5 years"),
    "years_relevant_experience": F("years", "years of experience relevant to the job offered",
        label="Years of relevant experience"),
    "years_senior_role": F("years", "years of that experience in senior roles",
        label="Years in senior roles"),
    "years_multinational_or_renowned": F("years", "years in a multinational or renowned "
                                         "enterprise (listed, Forbes 2000, Fortune 500, Hurun)",
        label="Years in a multinational or renowned enterprise"),
    "years_specified_industry": F("years", "years in innovation and technology, finance or "
                                  "international trade",
        label="Years in a specified industry"),
    "specified_industry": F("choice", "the specified industry worked in",
                            ("innovation_and_technology", "finance", "international_trade",
                             "other"),
        label="Specified industry"),
    "years_international": F("years", "years of degree-level international work experience",
        label="Years of international work experience"),
    "annual_income_hkd": F("hkd", "income in the year immediately before the assessment date, "
                           "HK$",
        label="Income in the year before applying (HK$)"),
    "income_source": F("choice", "main source of that income",
                       ("salary", "own_company_profit", "investment"),
        label="Main source of income"),
    "shareholding_pct_full_assessment_year": F(
        "percent", "share of the company held through the whole assessment year, %",
        label="Shareholding held throughout the assessment year (%)"),
    "owns_business_annual_profit_hkd": F("hkd", "profit in the year before applying of a "
                                         "business the applicant currently owns, HK$",
        label="Profit of own business in the year before applying (HK$)"),
    "owns_listed_company": F("bool", "currently owns a listed company",
        label="Owns a listed company"),
    "talent_list_profession": F("bool", "meets the specification of a Talent List profession",
        label="Meets a Talent List profession"),
    "talent_list_profession_name": F("text", "name of that Talent List profession",
        label="Talent List profession"),
    "achievement": F("bool", "exceptional achievement: a major award, or work recognised by peers "
                     "as significantly advancing the field (QMAS achievement test); a "
                     "description of the evidence counts as true", accepts_text=True,
        label="Exceptional achievement"),
    # Job
    "job_offer": F("bool", "has a confirmed offer of employment in Hong Kong",
        label="Confirmed job offer in Hong Kong"),
    "offered_salary_hkd": F("hkd", "annual remuneration package offered, HK$",
        label="Annual package offered (HK$)"),
    "job_relevant_to_qualifications": F("bool", "the job is relevant to the applicant's "
                                        "qualifications or experience",
        label="Job relevant to qualifications"),
    "job_at_degree_level": F("bool", "the job is at a level normally taken by degree holders",
        label="Job at degree level"),
    "remuneration_at_market_level": F("bool", "the package is broadly at the prevailing market "
                                      "level for professionals in Hong Kong",
        label="Package at market level"),
    "full_time_employment": F("bool", "the employment is full-time",
        label="Full-time employment"),
    "occupation": F("text", "job title offered",
        label="Job title"),
    "employer_has_valid_itc_quota": F("bool", "the employer holds a valid TechTAS quota from ITC",
        label="Employer holds a TechTAS quota"),
    "rd_area": F("text", "technology area of the R&D work (TechTAS)",
        label="R&D technology area"),
    # Hong Kong study (IANG)
    "graduation_date": F("date", "graduation date shown on the Hong Kong award certificate",
        label="Hong Kong graduation date"),
    "hk_institution": F("text", "Hong Kong institution of study",
        label="Hong Kong institution"),
    "hk_qualification_level": F("choice", "level of the Hong Kong qualification",
                                ("sub_degree", "bachelor", "master", "doctorate", "exchange"),
        label="Hong Kong qualification level"),
    "hk_programme_full_time_locally_accredited": F("bool", "the programme was full-time and "
                                                   "locally accredited",
        label="Full-time, locally accredited programme"),
    "programme_ugc_funded": F("bool", "the programme was UGC-funded",
        label="UGC-funded programme"),
    "gba_campus_graduate": F("bool", "the undergraduate or higher qualification is from a "
                             "full-time programme of a Greater Bay Area campus jointly set up "
                             "by Mainland and Hong Kong universities",
        label="Graduate of a Greater Bay Area campus of a Hong Kong university"),
    "entered_hk_with_student_visa": F("bool", "entered Hong Kong as a non-local student",
        label="Entered Hong Kong as a non-local student"),
    # Second generation (ASSG)
    "place_of_birth": F("country", "country or territory of birth",
        label="Place of birth"),
    "parent_holds_valid_hk_permanent_id": F("bool", "a parent holds a valid Hong Kong Permanent "
                                            "Identity Card",
        label="Parent holds a Hong Kong Permanent ID card"),
    "parent_was_chinese_national_settled_overseas_at_birth": F(
        "bool", "that parent was a Chinese national settled overseas when the applicant was "
        "born",
        label="Parent was a Chinese national settled overseas at the birth"),
    # Capital investment (New CIES)
    "net_assets_hkd_min_over_6_months": F("hkd", "lowest net assets held over the period before "
                                          "applying (6 months; 2 years before 2025-03-01), HK$",
        label="Lowest net assets over the period (HK$)"),
    "planned_investment_hkd": F("hkd", "total planned permissible investment, HK$",
        label="Planned investment (HK$)"),
    "planned_cies_portfolio_hkd": F("hkd", "amount to be placed in the CIES Investment "
                                    "Portfolio, HK$",
        label="Planned CIES Investment Portfolio (HK$)"),
    # Dependants
    "relationship": F("choice", "relationship of the dependant to the sponsor",
                      ("spouse", "same_sex_spouse", "civil_partner", "de_facto_partner", "child",
                       "parent"),
        label="Relationship to the sponsor"),
    "relationship_legally_recognised": F("bool", "the marriage or partnership is legally and "
                                         "officially recognised where it was celebrated",
        label="Union legally recognised where celebrated"),
    "place_of_celebration": F("country", "where the marriage or partnership was celebrated",
        label="Place of celebration"),
    "dependent_on_sponsor": F("bool", "the dependant depends on the sponsor",
        label="Dependent on the sponsor"),
    "children_under_18": F("count", "accompanying unmarried dependent children under 18",
        label="Accompanying children under 18"),
    "spouse_degree": F("bool", "accompanying spouse has degree-level education",
        label="Spouse has a degree"),
    "immediate_family_hk_pr_in_hk": F("bool", "a spouse, parent, sibling or child is a Hong Kong "
                                      "permanent resident living in Hong Kong",
        label="Close family are Hong Kong permanent residents in Hong Kong"),
    "sponsor_scheme": F("choice", "scheme under which the sponsor stays in Hong Kong",
                        ("ASMTP", "GEP", "QMAS_GPT", "QMAS_ABPT", "TTPS", "TECHTAS", "IANG",
                         "ASSG", "NEW_CIES", "STUDENT", "OTHER"),
        label="Sponsor's scheme"),
    "sponsor_status": F("choice", "the sponsor's status in Hong Kong",
                        ("permanent_resident", "unconditional_stay", "employment_visa",
                         "investment_visa", "student_visa", "other"),
        label="Sponsor's status"),
    "sponsor_limit_of_stay": F("date", "the sponsor's limit of stay",
        label="Sponsor's limit of stay"),
    "macao_id_under_7_years": F("bool", "a former Chinese resident of the Mainland who has "
                                "held a Macao identity card for under 7 years, not through the "
                                "One-way Permit Scheme",
        label="Former Mainland resident with a Macao ID for under 7 years"),
    "sponsor_can_support_well_above_subsistence": F(
        "bool", "the sponsor can support the dependant well above subsistence and provide "
        "suitable accommodation",
        label="Sponsor can support the dependant"),
}


class ProfileError(ValueError):
    """A profile that cannot be assessed; the message names the key and the problem."""


@dataclass(frozen=True, slots=True)
class Profile:
    """Facts about one applicant; ``None`` means not known."""

    assessment_date: date
    date_of_birth: date | None = None
    nationality: str | None = None
    residence: str | None = None
    overseas_permanent_residence: bool | None = None
    months_resided_overseas_immediately_before: float | None = None
    applying_from: str | None = None
    travel_document: str | None = None
    marital_status: str | None = None
    languages: frozenset[str] | None = None
    criminal_record: bool | None = None
    self_supporting: bool | None = None
    highest_degree: str | None = None
    bachelor_institution: str | None = None
    bachelor_award_date: date | None = None
    bachelor_full_time: bool | None = None
    bachelor_institution_on_ttps_list: bool | None = None
    bachelor_obtained_in_hk_as_non_local_student: bool | None = None
    master_award_date: date | None = None
    master_institution_on_ttps_list: bool | None = None
    postgrad_from_qmas_eligible_university: bool | None = None
    postgrad_is_stem: bool | None = None
    degree_is_stem: bool | None = None
    degree_from_renowned_institution: bool | None = None
    university_top100_stem: bool | None = None
    years_experience: float | None = None
    years_experience_last_5y: float | None = None
    years_relevant_experience: float | None = None
    years_senior_role: float | None = None
    years_multinational_or_renowned: float | None = None
    years_specified_industry: float | None = None
    specified_industry: str | None = None
    years_international: float | None = None
    annual_income_hkd: float | None = None
    income_source: str | None = None
    shareholding_pct_full_assessment_year: float | None = None
    owns_business_annual_profit_hkd: float | None = None
    owns_listed_company: bool | None = None
    talent_list_profession: bool | None = None
    talent_list_profession_name: str | None = None
    achievement: bool | None = None
    job_offer: bool | None = None
    offered_salary_hkd: float | None = None
    job_relevant_to_qualifications: bool | None = None
    job_at_degree_level: bool | None = None
    remuneration_at_market_level: bool | None = None
    full_time_employment: bool | None = None
    occupation: str | None = None
    employer_has_valid_itc_quota: bool | None = None
    rd_area: str | None = None
    graduation_date: date | None = None
    hk_institution: str | None = None
    hk_qualification_level: str | None = None
    hk_programme_full_time_locally_accredited: bool | None = None
    programme_ugc_funded: bool | None = None
    gba_campus_graduate: bool | None = None
    entered_hk_with_student_visa: bool | None = None
    place_of_birth: str | None = None
    parent_holds_valid_hk_permanent_id: bool | None = None
    parent_was_chinese_national_settled_overseas_at_birth: bool | None = None
    net_assets_hkd_min_over_6_months: float | None = None
    planned_investment_hkd: float | None = None
    planned_cies_portfolio_hkd: float | None = None
    relationship: str | None = None
    relationship_legally_recognised: bool | None = None
    place_of_celebration: str | None = None
    dependent_on_sponsor: bool | None = None
    children_under_18: int | None = None
    spouse_degree: bool | None = None
    immediate_family_hk_pr_in_hk: bool | None = None
    sponsor_scheme: str | None = None
    sponsor_status: str | None = None
    sponsor_limit_of_stay: date | None = None
    sponsor_can_support_well_above_subsistence: bool | None = None
    macao_id_under_7_years: bool | None = None

    def replace(self, **changes: Any) -> Profile:
        """A copy with some facts changed (``changes_on`` makes one per date it tries)."""
        if not changes.keys() <= _PROFILE_FIELDS:
            return dataclasses.replace(self, **changes)  # raises the usual TypeError
        copy = object.__new__(Profile)
        put = object.__setattr__
        for name, value in zip(_PROFILE_NAMES, _profile_values(self), strict=True):
            put(copy, name, value)
        for name, value in changes.items():
            put(copy, name, value)
        return copy


_PROFILE_NAMES = tuple(f.name for f in dataclasses.fields(Profile))
_PROFILE_FIELDS = frozenset(_PROFILE_NAMES)
_profile_values = operator.attrgetter(*_PROFILE_NAMES)


_CHINESE = {"chinese", "cantonese", "putonghua", "mandarin", "中文", "粵語", "粤语", "廣東話",
            "广东话", "普通話", "普通话", "國語", "国语", "華語", "华语"}
_ENGLISH = {"英文", "英語", "英语"}
_LIMITS = {"years": 80.0, "months": 960.0, "percent": 100.0, "hkd": 1e15, "count": 50}
#: Dates outside this range are typing mistakes, not facts.
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)
_MAX_TEXT = 500
#: What people type for a choice, beyond case, spaces and hyphens.
SYNONYMS: dict[str, dict[str, str]] = {
    "marital_status": {"unmarried": "single", "never_married": "single"},
}


def _parse_date(key: str, value: object) -> date:
    if not isinstance(value, str):
        raise ProfileError(f"{key}: expected a date as \"YYYY-MM-DD\", got {_show(value)}")
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError:
        raise ProfileError(f"{key}: {_show(value)} is not a real date (YYYY-MM-DD)") from None
    if not EARLIEST <= parsed <= LATEST:
        raise ProfileError(f"{key}: {parsed} is outside {EARLIEST.year}–{LATEST.year}")
    return parsed


def _show(value: object) -> str:
    """A short rendering of a bad value for a message (never a whole nested document)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def choice_label(value: str) -> str:
    """A choice value as a person reads it: ``international_trade`` → "international trade"."""
    return value.replace("_", " ")


@lru_cache(maxsize=256)
def _choice_index(key: str, choices: tuple[str, ...]) -> dict[str, str]:
    index = {fold_choice(c): c for c in choices}
    for typed, canonical in SYNONYMS.get(key, {}).items():
        index.setdefault(fold_choice(typed), canonical)
    return index


def _number(key: str, spec: FieldSpec, value: object) -> float | int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ProfileError(f"{key}: expected a number, got {_show(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ProfileError(f"{key}: {_show(value)} is not a number that can be used")
    if value < 0:
        raise ProfileError(f"{key}: {_show(value)} cannot be negative")
    limit = _LIMITS.get(spec.kind)
    if limit is not None and value > limit:
        raise ProfileError(f"{key}: {_show(value)} is more than {limit:,.0f}")
    if spec.kind == "count":
        if not isinstance(value, int):
            raise ProfileError(f"{key}: expected a whole number, got {_show(value)}")
        return value
    return float(value)


def _parse_value(key: str, spec: FieldSpec, value: object) -> object:
    kind = spec.kind
    if kind == "date":
        return _parse_date(key, value)
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if spec.accepts_text and isinstance(value, str) and value.strip():
            return True  # a description of the evidence asserts the fact
        wanted = "true, false or a description" if spec.accepts_text else "true or false"
        raise ProfileError(f"{key}: expected {wanted}, got {_show(value)}")
    if kind in ("years", "months", "hkd", "percent", "count"):
        return _number(key, spec, value)
    if kind == "choice":
        found = (_choice_index(key, spec.choices).get(fold_choice(value))
                 if isinstance(value, str) else None)
        if found is None:
            shown = ", ".join(choice_label(c) for c in spec.choices)
            raise ProfileError(f"{key}: {_show(value)} is not one of {shown}")
        return found
    if kind == "text":
        if not isinstance(value, str) or not value.strip():
            raise ProfileError(f"{key}: expected non-empty text, got {_show(value)}")
        if len(value) > _MAX_TEXT:
            raise ProfileError(f"{key}: text longer than {_MAX_TEXT} characters")
        return value.strip()
    if kind == "country":
        if not isinstance(value, str):
            raise ProfileError(f"{key}: expected a country code or name, got {_show(value)}")
        try:
            return normalise_country(value)
        except UnknownCountryError as exc:
            raise ProfileError(f"{key}: {exc}") from None
    if kind == "languages":
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                  for v in value):
            raise ProfileError(f"{key}: expected a list of language names, got {_show(value)}")
        return frozenset(_language(v) for v in value)
    raise AssertionError(f"unknown field kind {kind}")


def _language(text: str) -> str:
    name = text.strip().casefold()
    if name in _CHINESE:
        return "chinese"
    return "english" if name in _ENGLISH else name


def parse_profile(data: Mapping[str, object], *, today: date | None = None) -> Profile:
    """Validate a JSON object and build a ``Profile``.

    ``null`` means unknown, the same as leaving the key out. Anything that cannot
    be a fact (a wrong type, NaN, an infinity, a date outside 1900–2100, a date of
    birth after today) raises ``ProfileError`` naming the key.
    """
    if not isinstance(data, Mapping):
        raise ProfileError("a profile must be a JSON object of facts")
    values: dict[str, object] = {}
    for key, value in data.items():
        spec = FIELDS.get(key) if isinstance(key, str) else None
        if spec is None:
            raise ProfileError(f"{_show(key) if not isinstance(key, str) else key}: unknown "
                               "fact (see docs/eligibility-profile.md for the accepted names)")
        if value is not None:
            values[key] = _parse_value(key, spec, value)
    now = today or date.today()
    values.setdefault("assessment_date", now)
    born = values.get("date_of_birth")
    if isinstance(born, date) and born > now:
        raise ProfileError(f"date_of_birth: {born} is in the future")
    return Profile(**values)  # type: ignore[arg-type]
