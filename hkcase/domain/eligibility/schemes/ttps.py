"""TTPS (Top Talent Pass Scheme): categories A, B and C — schemes.md §3."""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from hkcase.domain.eligibility.common import (
    MET,
    NOT_MET,
    UNKNOWN,
    at_least,
    below,
    flag,
    nationality_not_excluded,
    unknown,
)
from hkcase.domain.eligibility.lists import find_ttps_university
from hkcase.domain.eligibility.model import (
    Criterion,
    Outcome,
    SchemeResult,
    all_of,
    missing_fields,
)
from hkcase.domain.eligibility.profile import DEGREE_RANK, Profile
from hkcase.domain.eligibility.rulesets import RuleSet
from hkcase.domain.eligibility.schemes._base import no_rule_set, rules_for

LIST_REVIEW = ("hkcase's copy of the aggregate list is a third-party transcription not yet "
               "checked against ImmD's PDF; confirm, then set bachelor_institution_on_ttps_list")


@lru_cache(maxsize=4096)
def years_before(on: date, years: int) -> date:
    result: date = on - relativedelta(years=years)
    return result


def listed_bachelor(p: Profile, prefix: str) -> Criterion:
    """A bachelor's degree from a university on the list in force on the assessment date."""
    cid = f"{prefix}_eligible_degree"
    text = "bachelor's degree from an eligible university (list in force on the date)"
    if p.highest_degree is not None and DEGREE_RANK[p.highest_degree] < DEGREE_RANK["bachelor"]:
        return Criterion(cid, text, NOT_MET, f"highest degree: {p.highest_degree}")
    if p.bachelor_full_time is False:
        return Criterion(cid, text, NOT_MET, "the bachelor's programme was not full-time",
                         review="LWB releases say a full-time bachelor's; ImmD's FAQ only says "
                         "bachelor's level")
    if p.bachelor_institution_on_ttps_list is not None:
        listed: bool | None = p.bachelor_institution_on_ttps_list
        detail = "on the list (consultant's check)" if listed else "not on the list"
        review = None
    elif p.bachelor_institution is not None:
        match = find_ttps_university(p.bachelor_institution, p.assessment_date)
        if match.entry is None:
            listed, review = None, None
            detail = f"{p.bachelor_institution!r} not found in the list under that name"
        else:
            entry = match.entry
            listed = match.on_list
            span = f"listed {entry.effective_from}" + (f" to {entry.effective_to}"
                                                       if entry.effective_to else "")
            detail = f"{entry.name_en} ({entry.country}), {span}"
            review = LIST_REVIEW if listed else None
    else:
        return unknown(cid, text, "bachelor_institution")
    if listed is None:
        if p.master_institution_on_ttps_list:
            return Criterion(cid, text, UNKNOWN, detail + "; the master's is from a listed "
                             "university", review="whether a master's from a listed university "
                             "counts when the bachelor's does not is not settled",
                             needs=("bachelor_institution_on_ttps_list",))
        return unknown(cid, text, "bachelor_institution_on_ttps_list", detail=detail)
    if not listed and p.master_institution_on_ttps_list:
        return Criterion(cid, text, NOT_MET, detail + "; the master's is from a listed "
                         "university", review="whether a master's from a listed university "
                         "counts when the bachelor's does not is not settled")
    if p.highest_degree is None and listed:
        return unknown(cid, text, "highest_degree", detail=detail)
    return Criterion(cid, text, MET if listed else NOT_MET, detail, review=review)


_TEXTS: dict[str, dict[str, str]] = {}


def _texts(r: RuleSet) -> dict[str, str]:
    """Criterion wording for one rule set (formatted once, kept by rule-set id)."""
    found = _TEXTS.get(r.id)
    if found is None:
        found = _TEXTS[r.id] = _format_texts(r)
    return found


def _format_texts(r: RuleSet) -> dict[str, str]:
    return {
        "a_income": f"annual income of HK${r['category_a_income_hkd']:,} or more in the year "
                    "before applying",
        "b_experience": f"at least {r['category_b_min_years']} years of work experience in the "
                        f"{r['category_b_window_years']} years before applying",
        "c_recent_degree": f"degree obtained within the {r['category_c_degree_within_years']} "
                           "years before applying",
        "c_experience": f"less than {r['category_c_max_years']} years of work experience",
        "quota": f"Category C is subject to an annual quota of "
                 f"{r['category_c_annual_quota']:,}, allotted first come, first served",
    }


def category_a(p: Profile, r: RuleSet) -> list[Criterion]:
    income = at_least("a_income", _texts(r)["a_income"], p.annual_income_hkd,
                      r["category_a_income_hkd"], "annual_income_hkd", "HK$")
    cid, text = "a_income_source", "income from employment or business, not personal investment"
    min_share = r.params.get("category_a_company_min_shareholding_pct")
    if p.income_source is None:
        source = unknown(cid, text, "income_source")
    elif p.income_source == "investment":
        source = Criterion(cid, text, NOT_MET, "personal investment income does not count")
    elif p.income_source == "own_company_profit" and min_share is not None:
        share = p.shareholding_pct_full_assessment_year
        review = ("the shareholding rule for company profits is reported by consultancies; "
                  "ImmD's guidebook text was not found")
        if share is None:
            source = unknown(cid, text, "shareholding_pct_full_assessment_year")
        else:
            source = Criterion(cid, text, MET if share >= min_share else NOT_MET,
                               f"{share:g}% held through the assessment year "
                               f"({'≥' if share >= min_share else '<'} {min_share}%)",
                               review=review)
    else:
        source = Criterion(cid, text, MET, p.income_source.replace("_", " "))
    return [income, source]


def category_b(p: Profile, r: RuleSet, degree: Criterion) -> list[Criterion]:
    return [
        degree,
        at_least("b_experience", _texts(r)["b_experience"], p.years_experience_last_5y,
                 r["category_b_min_years"], "years_experience_last_5y", "years"),
    ]


def _recent_degree(p: Profile, r: RuleSet) -> Criterion:
    years = int(r["category_c_degree_within_years"])
    cid, text = "c_recent_degree", _texts(r)["c_recent_degree"]
    if p.bachelor_award_date is None:
        return unknown(cid, text, "bachelor_award_date")
    start = years_before(p.assessment_date, years)
    if p.bachelor_award_date > p.assessment_date:
        return Criterion(cid, text, NOT_MET, f"awarded {p.bachelor_award_date}, after the date")
    if p.bachelor_award_date == start:
        return Criterion(cid, text, MET, f"awarded exactly {years} years before",
                         review="on the exact boundary of the five-year window")
    recent = p.bachelor_award_date > start
    return Criterion(cid, text, MET if recent else NOT_MET,
                     f"awarded {p.bachelor_award_date}; window starts {start}")


def category_c(p: Profile, r: RuleSet, degree: Criterion) -> list[Criterion]:
    limit = r["category_c_max_years"]
    fewer = below("c_experience", _texts(r)["c_experience"],
                  p.years_experience, limit, "years_experience", "years")
    local = flag("c_not_local_graduate", "not a non-local graduate of a full-time, locally "
                 "accredited Hong Kong bachelor's programme (they use IANG)",
                 None if p.bachelor_obtained_in_hk_as_non_local_student is None
                 else not p.bachelor_obtained_in_hk_as_non_local_student,
                 "bachelor_obtained_in_hk_as_non_local_student", no="use IANG instead")
    return [degree, _recent_degree(p, r), fewer, local]


def assess_ttps(p: Profile) -> SchemeResult:
    """Top Talent Pass Scheme: eligible under the first category met, A before B before C."""
    r = rules_for("ttps", p)
    if r is None:
        return no_rule_set("TTPS", "ttps", p)
    nationality = nationality_not_excluded(p)
    degree = listed_bachelor(p, "b")
    c_degree = dataclasses.replace(degree, id="c_eligible_degree")
    categories = {"A": category_a(p, r), "B": category_b(p, r, degree),
                  "C": category_c(p, r, c_degree)}
    criteria = [nationality] + [c for group in categories.values() for c in group]
    outcomes = {name: all_of([nationality, *group]) for name, group in categories.items()}
    reasons = list(r.notes)
    if p.travel_document == "prc_passport" and p.residence != "mainland_china":
        reasons.append("PRC-passport holders overseas apply as overseas applicants only with "
                       "permanent residence overseas or a year's residence there before applying")
    eligible = [name for name, (outcome, _) in outcomes.items() if outcome is Outcome.ELIGIBLE]
    review = [name for name, (outcome, _) in outcomes.items()
              if outcome is Outcome.NEEDS_REVIEW]
    category: str | None
    if eligible:
        category, outcome = eligible[0], Outcome.ELIGIBLE
    elif review:
        # One open category is named; several stay open until the facts settle them.
        category = review[0] if len(review) == 1 else None
        outcome = Outcome.NEEDS_REVIEW
        if len(review) > 1:
            reasons.append(f"possible categories: {', '.join(review)}")
        for name in review:
            reasons += [f"category {name}: {why}" for why in outcomes[name][1]]
    else:
        category, outcome = None, Outcome.NOT_ELIGIBLE
        for name, (_, why) in outcomes.items():
            reasons += [f"category {name}: {w}" for w in why]
    if category == "C":
        reasons.append(_texts(r)["quota"])
    return SchemeResult(scheme="TTPS", outcome=outcome, criteria=criteria, rule_set=r.ref,
                        category=category, reasons=list(dict.fromkeys(reasons)),
                        missing=missing_fields(criteria))
