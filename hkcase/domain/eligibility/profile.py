"""The facts profile: a flat set of facts about one applicant, each optional.

``FIELDS`` is the vocabulary (documented in docs/eligibility-profile.md);
``parse_profile`` turns a JSON object into a ``Profile``, refusing unknown keys,
wrong types and impossible dates with a message that names the key.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from hkcase.domain.countries import UnknownCountryError, normalise_country

PLACES = ("mainland_china", "hong_kong", "macao", "taiwan", "overseas")
DEGREES = ("none", "sub_degree", "bachelor", "master", "doctorate")
DEGREE_RANK = {name: rank for rank, name in enumerate(DEGREES)}


@dataclass(frozen=True, slots=True)
class FieldSpec:
    kind: str  # date, bool, years, months, hkd, percent, count, choice, text, country, languages
    meaning: str
    choices: tuple[str, ...] = ()


F = FieldSpec
FIELDS: dict[str, FieldSpec] = {
    # Who and where
    "assessment_date": F("date", "date the application would be lodged; default today"),
    "date_of_birth": F("date", "applicant's date of birth"),
    "nationality": F("country", "nationality: ISO 3166-1 alpha-2 or alpha-3 code, or English name"),
    "residence": F("choice", "where the applicant ordinarily resides", PLACES),
    "overseas_permanent_residence": F("bool", "holds permanent residence in a country outside "
                                      "the Mainland, Hong Kong, Macao and Taiwan"),
    "months_resided_overseas_immediately_before": F(
        "months", "months lived overseas immediately before applying"),
    "applying_from": F("choice", "where the application is submitted from", PLACES),
    "travel_document": F("choice", "travel document the applicant will use",
                         ("foreign_passport", "prc_passport", "prc_exit_entry_permit", "other")),
    "marital_status": F("choice", "marital status", ("single", "married", "civil_partnership",
                                                      "separated", "divorced", "widowed")),
    "languages": F("languages", "languages spoken and written well, e.g. [\"English\", "
                   "\"Chinese\"]; Cantonese, Putonghua and Mandarin count as Chinese"),
    "criminal_record": F("bool", "has a criminal or adverse immigration record anywhere"),
    "self_supporting": F("bool", "can support and accommodate self and dependants without "
                         "public assistance"),
    # Education
    "highest_degree": F("choice", "highest academic qualification", DEGREES),
    "bachelor_institution": F("text", "institution that awarded the bachelor's degree (looked up "
                              "in the TTPS list in force on the assessment date)"),
    "bachelor_award_date": F("date", "date the bachelor's degree was awarded"),
    "bachelor_full_time": F("bool", "the bachelor's programme was full-time"),
    "bachelor_institution_on_ttps_list": F("bool", "override: the bachelor's institution is on "
                                           "the TTPS eligible-university list"),
    "bachelor_obtained_in_hk_as_non_local_student": F(
        "bool", "bachelor's obtained as a non-local student in a full-time, locally accredited "
        "Hong Kong programme (such graduates use IANG, not TTPS C)"),
    "master_award_date": F("date", "date the master's degree was awarded"),
    "master_institution_on_ttps_list": F("bool", "the master's institution is on the TTPS list"),
    "postgrad_from_qmas_eligible_university": F(
        "bool", "the master's or doctorate is from a university on the QMAS eligible list"),
    "postgrad_is_stem": F("bool", "the master's or doctorate is in a STEM subject"),
    "degree_is_stem": F("bool", "the degree relied on for TechTAS is in a STEM subject"),
    "degree_from_renowned_institution": F("bool", "bachelor's or higher from a renowned "
                                          "institution (legacy QMAS bonus)"),
    "university_top100_stem": F("bool", "the degree is from a university in the top 100 for STEM "
                                "in the latest specified world rankings (TechTAS)"),
    # Work
    "years_experience": F("years", "years of degree-level or specialist work experience"),
    "years_experience_last_5y": F("years", "years of work experience within the 5 years "
                                  "immediately before applying"),
    "years_relevant_experience": F("years", "years of experience relevant to the job offered"),
    "years_senior_role": F("years", "years of that experience in senior roles"),
    "years_multinational_or_renowned": F("years", "years in a multinational or renowned "
                                         "enterprise (listed, Forbes 2000, Fortune 500, Hurun)"),
    "years_specified_industry": F("years", "years in innovation and technology, finance or "
                                  "international trade"),
    "specified_industry": F("choice", "the specified industry worked in",
                            ("innovation_and_technology", "finance", "international_trade",
                             "other")),
    "years_international": F("years", "years of degree-level international work experience"),
    "annual_income_hkd": F("hkd", "income in the year immediately before the assessment date, "
                           "HK$"),
    "income_source": F("choice", "main source of that income",
                       ("salary", "own_company_profit", "investment")),
    "shareholding_pct_full_assessment_year": F(
        "percent", "share of the company held through the whole assessment year, %"),
    "owns_business_annual_profit_hkd": F("hkd", "profit in the year before applying of a "
                                         "business the applicant currently owns, HK$"),
    "owns_listed_company": F("bool", "currently owns a listed company"),
    "talent_list_profession": F("bool", "meets the specification of a Talent List profession"),
    "talent_list_profession_name": F("text", "name of that Talent List profession"),
    "achievement": F("bool", "exceptional achievement: a major award, or work recognised by peers "
                     "as significantly advancing the field (QMAS achievement test)"),
    # Job
    "job_offer": F("bool", "has a confirmed offer of employment in Hong Kong"),
    "offered_salary_hkd": F("hkd", "annual remuneration package offered, HK$"),
    "job_relevant_to_qualifications": F("bool", "the job is relevant to the applicant's "
                                        "qualifications or experience"),
    "job_at_degree_level": F("bool", "the job is at a level normally taken by degree holders"),
    "remuneration_at_market_level": F("bool", "the package is broadly at the prevailing market "
                                      "level for professionals in Hong Kong"),
    "full_time_employment": F("bool", "the employment is full-time"),
    "occupation": F("text", "job title offered"),
    "employer_has_valid_itc_quota": F("bool", "the employer holds a valid TechTAS quota from ITC"),
    "rd_area": F("text", "technology area of the R&D work (TechTAS)"),
    # Hong Kong study (IANG)
    "graduation_date": F("date", "graduation date shown on the Hong Kong award certificate"),
    "hk_institution": F("text", "Hong Kong institution of study"),
    "hk_qualification_level": F("choice", "level of the Hong Kong qualification",
                                ("sub_degree", "bachelor", "master", "doctorate", "exchange")),
    "hk_programme_full_time_locally_accredited": F("bool", "the programme was full-time and "
                                                   "locally accredited"),
    "programme_ugc_funded": F("bool", "the programme was UGC-funded"),
    "entered_hk_with_student_visa": F("bool", "entered Hong Kong as a non-local student"),
    # Second generation (ASSG)
    "place_of_birth": F("country", "country or territory of birth"),
    "parent_holds_valid_hk_permanent_id": F("bool", "a parent holds a valid Hong Kong Permanent "
                                            "Identity Card"),
    "parent_was_chinese_national_settled_overseas_at_birth": F(
        "bool", "that parent was a Chinese national settled overseas when the applicant was "
        "born"),
    # Capital investment (New CIES)
    "net_assets_hkd_min_over_6_months": F("hkd", "lowest net assets held over the period before "
                                          "applying (6 months; 2 years before 2025-03-01), HK$"),
    "planned_investment_hkd": F("hkd", "total planned permissible investment, HK$"),
    "planned_cies_portfolio_hkd": F("hkd", "amount to be placed in the CIES Investment "
                                    "Portfolio, HK$"),
    # Dependants
    "relationship": F("choice", "relationship of the dependant to the sponsor",
                      ("spouse", "same_sex_spouse", "civil_partner", "de_facto_partner", "child",
                       "parent")),
    "relationship_legally_recognised": F("bool", "the marriage or partnership is legally and "
                                         "officially recognised where it was celebrated"),
    "place_of_celebration": F("country", "where the marriage or partnership was celebrated"),
    "dependent_on_sponsor": F("bool", "the dependant depends on the sponsor"),
    "children_under_18": F("count", "accompanying unmarried dependent children under 18"),
    "spouse_degree": F("bool", "accompanying spouse has degree-level education"),
    "immediate_family_hk_pr_in_hk": F("bool", "a spouse, parent, sibling or child is a Hong Kong "
                                      "permanent resident living in Hong Kong"),
    "sponsor_scheme": F("choice", "scheme under which the sponsor stays in Hong Kong",
                        ("ASMTP", "GEP", "QMAS_GPT", "QMAS_ABPT", "TTPS", "TECHTAS", "IANG",
                         "ASSG", "NEW_CIES", "STUDENT", "OTHER")),
    "sponsor_status": F("choice", "the sponsor's status in Hong Kong",
                        ("permanent_resident", "unconditional_stay", "employment_visa",
                         "investment_visa", "student_visa", "other")),
    "sponsor_limit_of_stay": F("date", "the sponsor's limit of stay"),
    "sponsor_can_support_well_above_subsistence": F(
        "bool", "the sponsor can support the dependant well above subsistence and provide "
        "suitable accommodation"),
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

    def replace(self, **changes: Any) -> Profile:
        """A copy with some facts changed."""
        return dataclasses.replace(self, **changes)


_CHINESE = {"chinese", "cantonese", "putonghua", "mandarin"}
_LIMITS = {"years": 80.0, "months": 960.0, "percent": 100.0}


def _parse_date(key: str, value: object) -> date:
    if not isinstance(value, str):
        raise ProfileError(f"{key}: expected a date as \"YYYY-MM-DD\", got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ProfileError(f"{key}: {value!r} is not a real date (YYYY-MM-DD)") from None


def _parse_value(key: str, spec: FieldSpec, value: object) -> object:
    kind = spec.kind
    if kind == "date":
        return _parse_date(key, value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise ProfileError(f"{key}: expected true or false, got {value!r}")
        return value
    if kind in ("years", "months", "hkd", "percent", "count"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ProfileError(f"{key}: expected a number, got {value!r}")
        if value < 0 or value != value:  # NaN
            raise ProfileError(f"{key}: {value!r} cannot be negative")
        limit = _LIMITS.get(kind)
        if limit is not None and value > limit:
            raise ProfileError(f"{key}: {value!r} is more than {limit:g}")
        if kind == "count":
            if not isinstance(value, int):
                raise ProfileError(f"{key}: expected a whole number, got {value!r}")
            return value
        return float(value)
    if kind == "choice":
        if value not in spec.choices:
            raise ProfileError(f"{key}: {value!r} is not one of {', '.join(spec.choices)}")
        return value
    if kind == "text":
        if not isinstance(value, str) or not value.strip():
            raise ProfileError(f"{key}: expected non-empty text, got {value!r}")
        return value.strip()
    if kind == "country":
        if not isinstance(value, str):
            raise ProfileError(f"{key}: expected a country code or name, got {value!r}")
        try:
            return normalise_country(value)
        except UnknownCountryError as exc:
            raise ProfileError(f"{key}: {exc}") from None
    if kind == "languages":
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                  for v in value):
            raise ProfileError(f"{key}: expected a list of language names, got {value!r}")
        return frozenset("chinese" if v.strip().lower() in _CHINESE else v.strip().lower()
                         for v in value)
    raise AssertionError(f"unknown field kind {kind}")


def parse_profile(data: Mapping[str, object], *, today: date | None = None) -> Profile:
    """Validate a JSON object and build a ``Profile``.

    ``null`` means unknown, the same as leaving the key out.
    """
    if not isinstance(data, Mapping):
        raise ProfileError("a profile must be a JSON object of facts")
    values: dict[str, object] = {}
    for key, value in data.items():
        spec = FIELDS.get(key)
        if spec is None:
            raise ProfileError(f"{key}: unknown fact (see docs/eligibility-profile.md for the "
                               "accepted names)")
        if value is not None:
            values[key] = _parse_value(key, spec, value)
    values.setdefault("assessment_date", today or date.today())
    return Profile(**values)  # type: ignore[arg-type]
