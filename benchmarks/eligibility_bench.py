"""Eligibility engine throughput: profiles assessed under all ten schemes per second."""

from __future__ import annotations

import dataclasses
import random
import time
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from benchmarks.harness import Result
from hkcase.domain.eligibility import FIELDS, Profile, assess, parse_profile


def generate_profiles(count: int, seed: int = 7) -> list[Profile]:
    """Varied, realistic-typed profiles: each fact present with probability 0.7."""
    rng = random.Random(seed)
    today = date(2026, 11, 22)
    countries = ["CN", "GB", "US", "IN", "AU", "CA", "MY", "SG", "VN", "NP", "KR", "JP"]
    universities = ["University of Oxford", "Tsinghua University", "Peking University",
                    "Nowhere College", "University of Toronto", "University of Goettingen"]
    profiles = []
    for _ in range(count):
        data: dict[str, Any] = {"assessment_date": today.isoformat()}
        for name, spec in FIELDS.items():
            if name == "assessment_date" or rng.random() > 0.7:
                continue
            kind = spec.kind
            if kind == "date":
                data[name] = (today - timedelta(days=rng.randrange(0, 60 * 365))).isoformat()
            elif kind == "bool":
                data[name] = rng.random() < 0.6
            elif kind in ("years", "months"):
                data[name] = round(rng.uniform(0, 15), 1)
            elif kind == "hkd":
                data[name] = rng.randrange(0, 40_000_000)
            elif kind == "percent":
                data[name] = rng.uniform(0, 100)
            elif kind == "count":
                data[name] = rng.randrange(0, 3)
            elif kind == "choice":
                data[name] = rng.choice(spec.choices)
            elif kind == "country":
                data[name] = rng.choice(countries)
            elif kind == "languages":
                data[name] = rng.sample(["English", "Chinese", "French"], rng.randrange(0, 3))
            else:
                data[name] = rng.choice(universities)
        profiles.append(parse_profile(data))
    return profiles


def _rate(profiles: list[Profile], with_changes: bool, explained: bool = False,
          rounds: int = 3) -> float:
    """Profiles per second of this process's CPU time (one core), the best of ``rounds``
    (the machine is shared: CPU time does not count the time other processes ran).

    Every result's outcome and category are read (what a list or a filter shows);
    with ``explained``, its criteria too (what the case pane and the pack show).
    """
    best = 0.0
    for _ in range(rounds):
        started = time.process_time()
        for profile in profiles:
            for result in assess(profile, with_changes=with_changes).results:
                result.outcome, result.category  # noqa: B018
                if explained:
                    result.criteria  # noqa: B018
        best = max(best, len(profiles) / (time.process_time() - started))
    return best


# The bare way: the rules in force on the benchmark's date typed in as constants.
_EXCLUDED = frozenset({"AF", "CU", "KP"})
_AREAS = frozenset({
    "advanced communication technologies", "artificial intelligence", "biotechnology",
    "cybersecurity", "data analytics", "digital entertainment", "financial technologies",
    "green technology", "integrated circuit design", "internet of things", "material science",
    "microelectronics", "quantum technology", "robotics"})
_ALIASES = {"ai": "artificial intelligence", "fintech": "financial technologies",
            "iot": "internet of things", "quantum": "quantum technology"}
_RANK = {"none": 0, "sub_degree": 1, "bachelor": 2, "master": 3, "doctorate": 4}
_SETTLED = ("permanent_resident", "unconditional_stay")
_OUTCOME = ("eligible", "not_eligible", "needs_review", "not_eligible")


def _bare(d: dict[str, Any]) -> list[tuple[str, str]]:
    """The ten schemes' threshold comparisons over a plain dict: 0 met, 1 failed, 2 unknown."""
    on, born, nat = d["assessment_date"], d["date_of_birth"], d["nationality"]
    age = None if born is None else on.year - born.year - ((on.month, on.day)
                                                          < (born.month, born.day))
    degree = d["highest_degree"]
    rank = None if degree is None else _RANK[degree]
    n = 2 if nat is None else 1 if nat in _EXCLUDED else 0
    crime = 2 if d["criminal_record"] is None else 1 if d["criminal_record"] else 0
    first = 2 if rank is None or rank < 2 else 0
    langs = d["languages"]
    lang = 2 if langs is None else 0 if "chinese" in langs or "english" in langs else 1
    support = 2 if d["self_supporting"] is None else 0 if d["self_supporting"] else 1
    job = 0
    for key in ("job_offer", "job_relevant_to_qualifications", "remuneration_at_market_level"):
        job |= 2 if d[key] is None else 0 if d[key] else 1
    mainland = d["residence"] == "mainland_china" or d["travel_document"] in (
        "prc_passport", "prc_exit_entry_permit")
    if d["overseas_permanent_residence"]:
        mainland = False
    out = [("ASMTP", _OUTCOME[(0 if mainland else 1) | crime | first | job]),
           ("GEP", _OUTCOME[(1 if mainland else 0) | n | crime | first | job])]
    pre = (2 if age is None else 0 if age >= 18 else 1) | n | support | crime | first
    twelve = [age is not None and age <= 50, rank is not None and rank >= 3
              and bool(d["postgrad_from_qmas_eligible_university"]),
              bool(d["postgrad_is_stem"]), langs is not None and len(langs) >= 2,
              langs is not None and "english" in langs]
    for key, minimum in (("years_experience", 5), ("years_multinational_or_renowned", 3),
                         ("years_specified_industry", 3), ("years_international", 2),
                         ("annual_income_hkd", 1_000_000),
                         ("owns_business_annual_profit_hkd", 5_000_000)):
        twelve.append(d[key] is not None and d[key] >= minimum)
    met = sum(twelve) + bool(d["owns_listed_company"])
    out.append(("QMAS_GPT", _OUTCOME[pre | (0 if met >= 6 else 2)]))
    out.append(("QMAS_ABPT", _OUTCOME[pre | (1 if d["achievement"] is False else 2)]))
    listed = d["bachelor_institution_on_ttps_list"]
    deg = 2 if listed is None else 0 if listed else 1
    income = d["annual_income_hkd"]
    a = n | (2 if income is None else 0 if income >= 2_500_000 else 1) | (
        2 if d["income_source"] is None else 1 if d["income_source"] == "investment" else 0)
    recent = d["bachelor_award_date"]
    b = n | deg | (2 if d["years_experience_last_5y"] is None
                   else 0 if d["years_experience_last_5y"] >= 3 else 1)
    c = n | deg | (2 if recent is None else 0 if on.year - recent.year < 5 else 1) | (
        2 if d["years_experience"] is None else 0 if d["years_experience"] < 3 else 1)
    ttps = next((name for name, bits in (("A", a), ("B", b), ("C", c)) if bits == 0), None)
    out.append(("TTPS", "eligible" if ttps else "needs_review" if not a & b & c & 1
                else "not_eligible"))
    area = d["rd_area"]
    typed = "" if area is None else area.strip().casefold()
    tech = n | crime | (2 if area is None else 0 if _ALIASES.get(typed, typed) in _AREAS else 1)
    for key in ("employer_has_valid_itc_quota", "full_time_employment"):
        tech |= 2 if d[key] is None else 0 if d[key] else 1
    for key in ("degree_is_stem", "university_top100_stem"):  # without: considered individually
        tech |= 0 if d[key] else 2
    out.append(("TECHTAS", _OUTCOME[tech]))
    graduated = d["graduation_date"]
    level = d["hk_qualification_level"]
    iang = n | (2 if level is None else 0 if level in ("bachelor", "master", "doctorate") else 1)
    fresh = graduated is not None and graduated <= on and (on - graduated).days <= 182
    if not fresh:
        iang |= 2 if d["job_offer"] is None else 0 if d["job_offer"] else 1
    out.append(("IANG", _OUTCOME[iang]))
    birth = d["place_of_birth"]
    assg = n | first | lang | support | (2 if age is None else 0 if 18 <= age <= 40 else 1) | (
        2 if birth is None else 1 if birth in ("CN", "HK", "MO", "TW") else 0)
    out.append(("ASSG", _OUTCOME[assg]))
    cies = 2 if age is None else 0 if age >= 18 else 1
    for key, minimum in (("net_assets_hkd_min_over_6_months", 30_000_000),
                         ("planned_investment_hkd", 30_000_000),
                         ("planned_cies_portfolio_hkd", 3_000_000)):
        cies |= 2 if d[key] is None else 0 if d[key] >= minimum else 1
    out.append(("NEW_CIES", _OUTCOME[cies | n]))
    kind, status = d["relationship"], d["sponsor_status"]
    dep = (2 if kind is None else 1 if kind == "de_facto_partner" else 0) | n | (
        2 if status is None else 0 if status in _SETTLED or status != "other" else 2)
    if kind == "child":
        dep |= 2 if age is None else 0 if age <= 17 else 2
    elif kind == "parent":
        dep |= 2 if age is None else 0 if age >= 60 else 1
    out.append(("DEPENDANT", _OUTCOME[dep]))
    return out


def _bare_rate(profiles: list[Profile], rounds: int = 3) -> float:
    """Profiles per second of ``_bare`` over the same profiles as plain dicts."""
    names = [f.name for f in dataclasses.fields(Profile)]
    rows = [{name: getattr(p, name) for name in names} for p in profiles]
    best = 0.0
    for _ in range(rounds):
        started = time.process_time()
        for row in rows:
            for _scheme, _outcome in _bare(row):
                pass
        best = max(best, len(rows) / (time.process_time() - started))
    return best


#: Issue 12's budget (benchmarks/README.md): 50,000 profiles/s, all ten schemes, one core.
BUDGET = 50_000


def run(quick: bool) -> Iterator[Result]:
    profiles = generate_profiles(2_000 if quick else 20_000)
    _rate(profiles[:200], True, rounds=1)  # warm the caches (rule files, lists)
    bare = _bare_rate(profiles)
    yield Result("eligibility_all_schemes", _rate(profiles, False), "profiles/s", bare)
    yield Result("eligibility_all_schemes_explained", _rate(profiles, False, explained=True),
                 "profiles/s", bare)
    yield Result("eligibility_all_schemes_with_changes_on", _rate(profiles, True),
                 "profiles/s", bare)
