"""TTPS (Top Talent Pass Scheme): categories A, B and C — schemes.md §3."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from hkcase.domain.eligibility.calendar_math import add_years
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
from hkcase.domain.eligibility.lists import TTPS_LIST_COPY, TTPS_LIST_SOURCE, lookup_university
from hkcase.domain.eligibility.model import (
    Criterion,
    SchemeResult,
    Verdict,
    all_of,
    cautions_of,
    missing_fields,
)
from hkcase.domain.eligibility.profile import DEGREE_RANK, Profile
from hkcase.domain.eligibility.rulesets import RuleSet
from hkcase.domain.eligibility.schemes._base import no_rule_set, rules_for
from hkcase.domain.labels import label

MASTER_REVIEW = ("whether a master's from a listed university counts when the bachelor's "
                 "does not is not settled")


@lru_cache(maxsize=4096)
def years_before(on: date, years: int) -> date:
    return add_years(on, -years)  # relativedelta(years=-n): 29 February falls back to the 28th


@lru_cache(maxsize=4096)
def _list_caution(version: str) -> str:
    return (f"on the TTPS {version} by exact name (list compiled by the Labour and Welfare "
            f"Bureau, {TTPS_LIST_SOURCE}); {TTPS_LIST_COPY}")


def _looked_up(p: Profile, name: str) -> tuple[bool | None, str, tuple[str, ...], bool]:
    """(on the list?, detail, cautions, a candidate awaiting confirmation) for a typed name."""
    match = lookup_university(name, p.assessment_date)
    if match.kind == "candidate":
        options = " or ".join(repr(c) for c in match.candidates[:3])
        return None, f"{name!r} is not on the list under that name: is it {options}?", (), True
    if match.kind == "none" or match.entry is None:
        return None, f"{name!r} not found in the list under that name", (), False
    entry = match.entry
    span = f"listed {entry.effective_from}" + (f" to {entry.effective_to}"
                                               if entry.effective_to else "")
    detail = f"{entry.name_en} ({entry.country}), {span}"
    cautions = (_list_caution(match.list_version),) if match.on_list else ()
    return match.on_list, detail, cautions, False


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
    cautions: tuple[str, ...] = ()
    if p.bachelor_institution_on_ttps_list is not None:
        listed: bool | None = p.bachelor_institution_on_ttps_list
        detail = "on the list (consultant's check)" if listed else "not on the list"
    elif p.bachelor_institution is not None:
        listed, detail, cautions, _ = _looked_up(p, p.bachelor_institution)
    else:
        return unknown(cid, text, "bachelor_institution")
    if listed is None:
        if p.master_institution_on_ttps_list:
            return Criterion(cid, text, UNKNOWN, detail + "; the master's is from a listed "
                             "university", review=MASTER_REVIEW,
                             needs=("bachelor_institution_on_ttps_list",))
        return unknown(cid, text, "bachelor_institution_on_ttps_list", detail=detail)
    if not listed and p.master_institution_on_ttps_list:
        return Criterion(cid, text, NOT_MET, detail + "; the master's is from a listed "
                         "university", review=MASTER_REVIEW)
    if p.highest_degree is None and listed:
        return unknown(cid, text, "highest_degree", detail=detail)
    return Criterion(cid, text, MET if listed else NOT_MET, detail, cautions=cautions)


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


SHARE_TEXT = ("company profits count only for shares held throughout the tax assessment year "
              "before the application")


SHARE_SECOND_HAND = ("the minimum shareholding for company profits is second-hand "
                     "(consultancies); ImmD's page, revised 2026-01-01, states none")


def _company_profit(p: Profile, r: RuleSet, cid: str, text: str) -> Criterion:
    share = p.shareholding_pct_full_assessment_year
    if r.params.get("category_a_shares_held_throughout_year"):
        if share is None:
            return unknown(cid, text, "shareholding_pct_full_assessment_year",
                           detail=SHARE_TEXT)
        if share > 0:
            return Criterion(cid, text, MET, f"{share:g}% held throughout the assessment year "
                             "(ImmD states no minimum)")
        return Criterion(cid, text, NOT_MET, "the shares were not held throughout the "
                         "assessment year before applying")
    min_share = r.params.get("category_a_company_min_shareholding_pct")
    if min_share is None:
        return Criterion(cid, text, MET, "own company profit")
    if share is None:
        return unknown(cid, text, "shareholding_pct_full_assessment_year")
    if share >= min_share:
        return Criterion(cid, text, MET, f"{share:g}% held through the assessment year "
                         f"(≥ {min_share}%)", cautions=(SHARE_SECOND_HAND,))
    return Criterion(cid, text, NOT_MET, f"{share:g}% held through the assessment year "
                     f"(< {min_share}%)", review=f"the {min_share}% threshold is second-hand; "
                     "ImmD's own page (revised 2026-01-01) states no minimum")


def category_a(p: Profile, r: RuleSet) -> list[Criterion]:
    income = at_least("a_income", _texts(r)["a_income"], p.annual_income_hkd,
                      r["category_a_income_hkd"], "annual_income_hkd", "HK$")
    cid, text = "a_income_source", "income from employment or business, not personal investment"
    if p.income_source is None:
        source = unknown(cid, text, "income_source")
    elif p.income_source == "investment":
        source = Criterion(cid, text, NOT_MET, "personal investment income does not count")
    elif p.income_source == "own_company_profit":
        source = _company_profit(p, r, cid, text)
    else:
        source = Criterion(cid, text, MET, label(p.income_source))
    return [income, source]


AFTER_GRADUATION = ("only full-time employment or self-employment after graduation counts "
                    "(ImmD note 5)")


def _since_graduation(p: Profile) -> float | None:
    if p.bachelor_award_date is None or p.bachelor_award_date > p.assessment_date:
        return None
    return (p.assessment_date - p.bachelor_award_date).days / 365.25


_AFTER = (AFTER_GRADUATION,)


def _experience_cautions(p: Profile, r: RuleSet, years: float | None,
                         window: float | None) -> tuple[str, ...]:
    """Cautions for work experience under the after-graduation rule (TTPS from 2026-01-01)."""
    if years is None or not r.params.get("experience_after_graduation_only"):
        return ()
    since = _since_graduation(p)
    if since is not None:
        span = since if window is None else min(since, window)
        if years > span + 0.05:
            return (f"{years:g} years is more than the {span:.1f} years since graduation: "
                    f"{AFTER_GRADUATION}",)
    return _AFTER


def category_b(p: Profile, r: RuleSet, degree: Criterion) -> list[Criterion]:
    window = float(r["category_b_window_years"])
    return [
        degree,
        at_least("b_experience", _texts(r)["b_experience"], p.years_experience_last_5y,
                 r["category_b_min_years"], "years_experience_last_5y", "years",
                 cautions=_experience_cautions(p, r, p.years_experience_last_5y, window)),
    ]


def _by_graduation_year(p: Profile, years: int, cid: str, text: str) -> Criterion:
    """ImmD note 6: the five years are counted by year of graduation."""
    assert p.bachelor_award_date is not None
    graduated, applying = p.bachelor_award_date.year, p.assessment_date.year
    if applying - graduated < years:
        return Criterion(cid, text, MET, f"graduated in {graduated}; applying in {applying}")
    if applying - graduated == years:
        return Criterion(cid, text, UNKNOWN, f"graduated in {graduated}, exactly {years} years "
                         f"before {applying}",
                         review=f"ImmD counts the {years} years by year of graduation but does "
                         f"not say whether the year {graduated} ({applying} − {years}) is "
                         "inside")
    return Criterion(cid, text, NOT_MET, f"graduated in {graduated}; applying in {applying}")


def _recent_degree(p: Profile, r: RuleSet) -> Criterion:
    years = int(r["category_c_degree_within_years"])
    cid, text = "c_recent_degree", _texts(r)["c_recent_degree"]
    if p.bachelor_award_date is None:
        return unknown(cid, text, "bachelor_award_date")
    start = years_before(p.assessment_date, years)
    if p.bachelor_award_date > p.assessment_date:
        return Criterion(cid, text, NOT_MET, f"awarded {p.bachelor_award_date}, after the date")
    if r.params.get("category_c_by_graduation_year"):
        return _by_graduation_year(p, years, cid, text)
    if p.bachelor_award_date == start:
        return Criterion(cid, text, MET, f"awarded exactly {years} years before",
                         review="on the exact boundary of the five-year window")
    recent = p.bachelor_award_date > start
    return Criterion(cid, text, MET if recent else NOT_MET,
                     f"awarded {p.bachelor_award_date}; window starts {start}")


def category_c(p: Profile, r: RuleSet, degree: Criterion) -> list[Criterion]:
    limit = r["category_c_max_years"]
    fewer = below("c_experience", _texts(r)["c_experience"],
                  p.years_experience, limit, "years_experience", "years",
                  cautions=_experience_cautions(p, r, p.years_experience, None))
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
    c_degree = Criterion("c_eligible_degree", degree.text, degree.status, degree.detail,
                         degree.review, degree.needs, degree.cautions)
    categories = {"A": category_a(p, r), "B": category_b(p, r, degree),
                  "C": category_c(p, r, c_degree)}
    criteria = [nationality] + [c for group in categories.values() for c in group]
    outcomes = {name: all_of([nationality, *group]) for name, group in categories.items()}
    reasons = list(r.notes)
    if p.travel_document == "prc_passport" and p.residence != "mainland_china":
        reasons.append("PRC-passport holders overseas apply as overseas applicants only with "
                       "permanent residence overseas or a year's residence there before applying")
    eligible = [name for name, (outcome, _) in outcomes.items() if outcome is Verdict.ELIGIBLE]
    review = [name for name, (outcome, _) in outcomes.items()
              if outcome is Verdict.NEEDS_REVIEW]
    category: str | None
    if eligible:
        category, outcome = eligible[0], Verdict.ELIGIBLE
    elif review:
        # One open category is named; several stay open until the facts settle them.
        category = review[0] if len(review) == 1 else None
        outcome = Verdict.NEEDS_REVIEW
        if len(review) > 1:
            reasons.append(f"possible categories: {', '.join(review)}")
        for name in review:
            reasons += [f"category {name}: {why}" for why in outcomes[name][1]]
    else:
        category, outcome = None, Verdict.NOT_ELIGIBLE
        for name, (_, why) in outcomes.items():
            reasons += [f"category {name}: {w}" for w in why]
    if category == "C":
        reasons.append(_texts(r)["quota"])
    return SchemeResult(scheme="TTPS", outcome=outcome, criteria=criteria, rule_set=r.ref,
                        category=category, reasons=list(dict.fromkeys(reasons)),
                        missing=missing_fields(criteria),
                        cautions=_cautions(criteria, category, r))


def _cautions(criteria: list[Criterion], category: str | None, r: RuleSet) -> list[str]:
    """The cautions that concern the answer: the category's criteria (all while open)."""
    if category is None:
        return cautions_of(criteria, r.cautions)
    prefix = category.lower() + "_"
    found: dict[str, None] = dict.fromkeys(r.cautions)
    for c in criteria:
        if c.cautions and (c.id.startswith(prefix) or c.id == "nationality"):
            found.update(dict.fromkeys(c.cautions))
    return list(found)
