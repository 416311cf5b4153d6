"""Deterministic varied profiles and their results, for the eligibility golden test.

``python -m tests.eligibility_golden`` rewrites the snapshot in ``tests/data/`` from
the engine as it stands: do that only for a deliberate change of results.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta

from hkcase.domain.eligibility import FIELDS, ProfileError, assess, parse_profile
from hkcase.domain.vocab import Scheme

DATA = Path(__file__).parent / "data"
DIGESTS = DATA / "eligibility_golden.txt"
FULL = DATA / "eligibility_golden_full.json"
COUNT = 3_000
TODAY = date(2026, 12, 1)
#: Indices whose whole result is kept (failures there show the difference).
FULL_INDICES = (0, 11, 28, 43)

#: The facts as they were when the snapshot was taken (a new fact must not shift the inputs).
NAMES = (
    "assessment_date", "date_of_birth", "nationality", "residence",
    "overseas_permanent_residence", "months_resided_overseas_immediately_before",
    "applying_from", "travel_document", "marital_status", "languages", "criminal_record",
    "self_supporting", "highest_degree", "bachelor_institution", "bachelor_award_date",
    "bachelor_full_time", "bachelor_institution_on_ttps_list",
    "bachelor_obtained_in_hk_as_non_local_student", "master_award_date",
    "master_institution_on_ttps_list", "postgrad_from_qmas_eligible_university",
    "postgrad_is_stem", "degree_is_stem", "degree_from_renowned_institution",
    "university_top100_stem", "years_experience", "years_experience_last_5y",
    "years_relevant_experience", "years_senior_role", "years_multinational_or_renowned",
    "years_specified_industry", "specified_industry", "years_international",
    "annual_income_hkd", "income_source", "shareholding_pct_full_assessment_year",
    "owns_business_annual_profit_hkd", "owns_listed_company", "talent_list_profession",
    "talent_list_profession_name", "achievement", "job_offer", "offered_salary_hkd",
    "job_relevant_to_qualifications", "job_at_degree_level", "remuneration_at_market_level",
    "full_time_employment", "occupation", "employer_has_valid_itc_quota", "rd_area",
    "graduation_date", "hk_institution", "hk_qualification_level",
    "hk_programme_full_time_locally_accredited", "programme_ugc_funded",
    "gba_campus_graduate", "entered_hk_with_student_visa", "place_of_birth",
    "parent_holds_valid_hk_permanent_id",
    "parent_was_chinese_national_settled_overseas_at_birth",
    "net_assets_hkd_min_over_6_months", "planned_investment_hkd",
    "planned_cies_portfolio_hkd", "relationship", "relationship_legally_recognised",
    "place_of_celebration", "dependent_on_sponsor", "children_under_18", "spouse_degree",
    "immediate_family_hk_pr_in_hk", "sponsor_scheme", "sponsor_status",
    "sponsor_limit_of_stay", "sponsor_can_support_well_above_subsistence",
    "macao_id_under_7_years",
)

#: Rule-set and launch dates (each tried on the day, the day before and the day after).
RULE_DAYS = (
    "2006-06-28", "2008-05-01", "2015-04-01", "2015-05-01", "2015-05-04", "2017-03-01",
    "2018-06-25", "2018-08-28", "2018-09-19", "2022-12-28", "2023-10-25", "2024-03-01",
    "2024-10-16", "2024-11-01", "2025-03-01", "2025-05-09", "2025-11-19", "2025-11-26",
    "2025-11-27", "2025-12-15", "2025-12-17", "2026-01-01",
)
COUNTRIES = ("CN", "GB", "US", "IN", "AU", "CA", "MY", "SG", "VN", "NP", "KR", "JP", "AF", "KP",
             "CU", "LA", "KH", "HK", "GBR", "United Kingdom", "中國", "中国", "Stateless")
UNIVERSITIES = ("University of Oxford", "the university of oxford", "Tsinghua University",
                "清華大學", "Peking University", "Nowhere College", "University of Toronto",
                "University of Goettingen", "Monash University", "Universidad de Buenos Aires",
                "Australian National", "University of Adelaide", "Adelaide University",
                "The University of Queensland", "Oxford", "Massachusetts Institute of Technology")
AREAS = ("artificial intelligence", "AI", "fintech", "Robotics", "quantum technology",
         "basket weaving", "green technology")
PROFESSIONS = ("Actuaries", "精算師", "Experienced professionals in marine insurance",
               "Juggler")
LANGUAGES = ("English", "Chinese", "Cantonese", "普通話", "French", "英文", "Japanese")
YEARS = (0, 0.9, 1, 1.9, 2, 2.9, 3, 3.1, 4.9, 5, 9.9, 10, 12)
MONTHS = (0, 6, 11, 11.9, 12, 13, 24)
HKD = (0, 999_999, 1_000_000, 1_999_999, 2_000_000, 2_499_999, 2_500_000, 2_500_001,
       3_000_000, 4_999_999, 5_000_000, 29_999_999, 30_000_000, 45_000_000)
PERCENT = (0, 10, 49.9, 50, 100)
AGES = (17, 18, 39, 40, 41, 45, 46, 50, 51, 59, 60)


def _assessment_day(rng: random.Random) -> date:
    pick = rng.random()
    if pick < 0.25:
        return date.fromisoformat(rng.choice(RULE_DAYS)) + timedelta(days=rng.choice((-1, 0, 1)))
    if pick < 0.35:  # 28 February of a common year (the 29 February birthday question)
        return date(rng.choice((2019, 2021, 2022, 2023, 2025, 2026)), 2, 28)
    if pick < 0.7:
        return TODAY - timedelta(days=rng.randrange(0, 400))
    return date(2004, 1, 1) + timedelta(days=rng.randrange(0, 25 * 365))


def _date(rng: random.Random, name: str, on: date) -> str:
    pick = rng.random()
    if name == "date_of_birth":
        if pick < 0.4:
            day = on - relativedelta(years=rng.choice(AGES)) \
                + timedelta(days=rng.choice((-1, 0, 1)))
        elif pick < 0.5:
            day = date(rng.choice((1972, 1980, 1988, 2000, 2004)), 2, 29)
        else:
            day = on - timedelta(days=rng.randrange(0, 75 * 365))
    elif name == "bachelor_award_date":
        if pick < 0.4:
            day = on - relativedelta(years=rng.choice((3, 4, 5, 6))) \
                + timedelta(days=rng.choice((-1, 0, 1)))
        elif pick < 0.55:
            day = date(on.year - rng.choice((4, 5, 6)), rng.choice((1, 12)), rng.choice((1, 28)))
        else:
            day = on - timedelta(days=rng.randrange(-30, 15 * 365))
    elif name == "graduation_date":
        if pick < 0.4:
            day = on - relativedelta(months=rng.choice((5, 6, 7))) \
                + timedelta(days=rng.choice((-1, 0, 1)))
        else:
            day = on - timedelta(days=rng.randrange(-60, 4 * 365))
    elif name == "sponsor_limit_of_stay":
        day = on + timedelta(days=rng.randrange(-30, 6 * 365))
    else:
        day = on - timedelta(days=rng.randrange(0, 20 * 365))
    return day.isoformat()


def _value(rng: random.Random, name: str, on: date) -> Any:
    spec = FIELDS[name]
    kind = spec.kind
    if kind == "date":
        return _date(rng, name, on)
    if kind == "bool":
        if spec.accepts_text and rng.random() < 0.2:
            return "Gold medal, International Physics Olympiad"
        return rng.random() < 0.6
    if kind == "years":
        return rng.choice(YEARS) if rng.random() < 0.6 else round(rng.uniform(0, 20), 1)
    if kind == "months":
        return rng.choice(MONTHS) if rng.random() < 0.6 else round(rng.uniform(0, 40), 1)
    if kind == "hkd":
        return rng.choice(HKD) if rng.random() < 0.6 else rng.randrange(0, 40_000_000)
    if kind == "percent":
        return rng.choice(PERCENT) if rng.random() < 0.6 else rng.uniform(0, 100)
    if kind == "count":
        return rng.randrange(0, 4)
    if kind == "choice":
        value = rng.choice(spec.choices)
        if rng.random() < 0.15:
            return value.replace("_", " ").title()
        if name == "marital_status" and rng.random() < 0.1:
            return "Unmarried"
        return value
    if kind == "country":
        return rng.choice(COUNTRIES)
    if kind == "languages":
        return rng.sample(LANGUAGES, rng.randrange(0, 4))
    if name == "bachelor_institution":
        return rng.choice(UNIVERSITIES)
    if name == "rd_area":
        return rng.choice(AREAS)
    if name == "talent_list_profession_name":
        return rng.choice(PROFESSIONS)
    return rng.choice(("Engineer", "Data scientist", "HKU", "CUHK"))


def _profile(rng: random.Random) -> dict[str, Any]:
    on = _assessment_day(rng)
    density = rng.choice((0.2, 0.5, 0.8, 0.95, 1.0))
    data: dict[str, Any] = {"assessment_date": on.isoformat()}
    for name in NAMES[1:]:
        if rng.random() < density:
            data[name] = _value(rng, name, on)
    if rng.random() < 0.03:  # the odd bad input: its message is frozen too
        data[rng.choice(("date_of_birth", "annual_income_hkd", "nationality"))] = \
            rng.choice(("2999-01-01", -5, "Xanadu", float("nan"), [1]))
    if rng.random() < 0.02:
        del data["assessment_date"]
    return data


def profiles(count: int = COUNT, seed: int = 20261201) -> list[dict[str, Any]]:
    """``count`` raw profiles (JSON objects as a consultant's tool would send them)."""
    rng = random.Random(seed)
    return [_profile(rng) for _ in range(count)]


def _schemes(index: int) -> list[Scheme] | None:
    if index % 7 == 3:  # a few assessments of a subset, in another order
        return [Scheme.TTPS, Scheme.GEP, Scheme.DEPENDANT][: 1 + index % 3]
    return None


def result_text(index: int, raw: dict[str, Any]) -> str:
    """The canonical JSON of everything the engine says about one raw profile."""
    try:
        profile = parse_profile(raw, today=TODAY)
    except ProfileError as exc:
        return json.dumps({"error": str(exc)}, ensure_ascii=False)
    out: dict[str, Any] = {"with_changes": assess(profile, _schemes(index)).as_dict()}
    if index % 5 == 0:
        out["without_changes"] = assess(profile, with_changes=False).as_dict()
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def inputs_digest(raws: list[dict[str, Any]]) -> str:
    return digest(json.dumps(raws, ensure_ascii=False, sort_keys=True, default=repr))


def snapshot() -> Iterator[tuple[int, str]]:
    for index, raw in enumerate(profiles()):
        yield index, result_text(index, raw)


def write() -> None:
    raws = profiles()
    lines = [f"inputs {inputs_digest(raws)}"]
    full: dict[str, Any] = {}
    for index, raw in enumerate(raws):
        text = result_text(index, raw)
        lines.append(digest(text))
        if index in FULL_INDICES:
            full[str(index)] = json.loads(text)
    DIGESTS.write_text("\n".join(lines) + "\n", "utf-8")
    FULL.write_text(json.dumps(full, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")


if __name__ == "__main__":
    write()
