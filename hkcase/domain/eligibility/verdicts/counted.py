"""Verdicts of the schemes with a count or categories: QMAS GPT (revised), IANG, TTPS.

As in ``conjunctive``: each mirrors its assessor in ``schemes/`` and returns None
where that assessor must run now.
"""

from __future__ import annotations

from typing import Any

from hkcase.domain.eligibility.lists import lookup_university
from hkcase.domain.eligibility.model import SchemeResult
from hkcase.domain.eligibility.profile import DEGREE_RANK, Profile
from hkcase.domain.eligibility.rulesets import RuleSet
from hkcase.domain.eligibility.schemes.graduates import HK_LEVELS, assess_iang, window_end
from hkcase.domain.eligibility.schemes.qmas import assess_qmas_gpt
from hkcase.domain.eligibility.schemes.ttps import assess_ttps, years_before
from hkcase.domain.eligibility.verdicts.codes import (
    BACHELOR,
    DOUBT,
    ELIGIBLE,
    FAIL,
    MASTER,
    NEEDS_REVIEW,
    NOT_ELIGIBLE,
    OK,
    OUTCOME,
    at_least,
    below,
    common,
    compiled,
    flag,
    flag_not,
    nationality,
)
from hkcase.domain.eligibility.verdicts.conjunctive import prerequisites

deferred = SchemeResult.deferred  # bound once: it runs for every scheme of every profile

# The revised GPT counts criteria: each is (met, certain) — met with a review is
# met but not certain; unknown is neither met nor certain.
MET, NOT_MET, UNSURE, MET_UNSURE = (True, True), (False, True), (False, False), (True, False)


def _gpt_rules(r: RuleSet) -> tuple[Any, ...] | None:
    if r["kind"] != "criteria":
        return None  # the legacy points table: the assessor scores it
    return (int(r["pass_mark"]), r["max_age"], r["min_years_experience"],
            r["min_years_multinational"], r["min_years_specified_industry"],
            r["min_years_international"], r["min_income_hkd"], r["min_business_profit_hkd"])


def _young_enough(p: Profile, max_age: int) -> tuple[bool, bool]:
    known = common(p)
    years = known.years
    if years is None:
        return UNSURE
    if years < 0:
        return NOT_MET
    ok = years <= max_age
    if known.ambiguous and (years + 1 <= max_age) != ok:
        return (ok, False)
    return (ok, True)


def _postgrad(p: Profile) -> tuple[tuple[bool, bool], tuple[bool, bool]]:
    """Criteria 2 and 3: a master's or doctorate from an eligible university, in STEM."""
    degree = p.highest_degree
    if degree is None:
        c2 = UNSURE
    elif DEGREE_RANK[degree] < MASTER:
        return NOT_MET, NOT_MET
    elif p.postgrad_from_qmas_eligible_university is not None:
        c2 = MET if p.postgrad_from_qmas_eligible_university else NOT_MET
    elif p.master_institution_on_ttps_list is not None:  # the TTPS list as a hint: for review
        c2 = MET_UNSURE if p.master_institution_on_ttps_list else UNSURE
    else:
        c2 = UNSURE
    stem = p.postgrad_is_stem
    if c2 is NOT_MET:
        return c2, NOT_MET
    if stem is None:
        return c2, UNSURE
    if not stem:
        return c2, NOT_MET
    return c2, UNSURE if c2 is UNSURE else c2  # met, as certain as criterion 2


def _measure(value: float | None, threshold: float) -> tuple[bool, bool]:
    return UNSURE if value is None else MET if value >= threshold else NOT_MET


def qmas_gpt(p: Profile) -> SchemeResult | None:
    found = compiled("qmas_gpt", p.assessment_date, _gpt_rules)
    if found is None:
        return None
    r, values = found
    if values is None:
        return None
    pass_mark, max_age, experience, multinational, industry, international, income, profit \
        = values
    languages = p.languages
    c2, c3 = _postgrad(p)
    listed = p.owns_listed_company
    twelve = (
        _young_enough(p, max_age), c2, c3,
        UNSURE if languages is None else MET if len(languages) >= 2 else NOT_MET,
        UNSURE if languages is None else MET if "english" in languages else NOT_MET,
        _measure(p.years_experience, experience),
        _measure(p.years_multinational_or_renowned, multinational),
        _measure(p.years_specified_industry, industry),
        _measure(p.years_international, international),
        _measure(p.annual_income_hkd, income),
        _measure(p.owns_business_annual_profit_hkd, profit),
        UNSURE if listed is None else MET if listed else NOT_MET,
    )
    sure = met = possible = 0
    for criterion in twelve:
        if criterion[0]:
            met += 1
            possible += 1
            sure += criterion[1]
        elif not criterion[1]:
            possible += 1
    test = OK if sure >= pass_mark else FAIL if possible < pass_mark else DOUBT
    return deferred("QMAS_GPT", OUTCOME[prerequisites(p, r) | test], r.ref, None,
                                 met, pass_mark, assess_qmas_gpt, p)


def _iang_rules(r: RuleSet) -> tuple[int, frozenset[str], bool]:
    return (int(r["fresh_window_months"]), frozenset(r["ugc_funded_only"]),
            bool(r.params.get("gba_campus_counts")))


def _iang_nationality(p: Profile, limited: frozenset[str], gba: bool) -> int:
    base = nationality(p)
    if base != OK or p.nationality not in limited:
        return base
    if gba and p.gba_campus_graduate:
        return OK
    if p.programme_ugc_funded is None:
        return DOUBT
    if p.programme_ugc_funded:
        return OK
    if gba:
        return DOUBT if p.gba_campus_graduate is None else FAIL
    return DOUBT  # not met, but GBA campus graduates also qualify and are not recorded


def iang(p: Profile) -> SchemeResult | None:
    found = compiled("iang", p.assessment_date, _iang_rules)
    if found is None:
        return None
    r, (months, limited, gba) = found
    level = p.hk_qualification_level
    base = (_iang_nationality(p, limited, gba) | flag(p.entered_hk_with_student_visa)
            | flag(p.hk_programme_full_time_locally_accredited)
            | (DOUBT if level is None else OK if level in HK_LEVELS else FAIL))
    graduated, on = p.graduation_date, p.assessment_date
    if graduated is None:  # fresh: unknown
        return deferred("IANG", OUTCOME[base | DOUBT], r.ref, None, None, None,
                                     assess_iang, p)
    end = window_end(graduated, months)
    if on < graduated:  # not yet graduated: fresh not met, decisive
        return deferred("IANG", OUTCOME[base | FAIL], r.ref, None, None, None,
                                     assess_iang, p)
    if on <= end:  # fresh (the last day for review)
        return deferred("IANG", OUTCOME[base | (DOUBT if on == end else OK)],
                                     r.ref, "fresh", None, None, assess_iang, p)
    returning = flag(p.job_offer) | flag(p.job_at_degree_level) \
        | flag(p.remuneration_at_market_level)
    return deferred("IANG", OUTCOME[base | returning], r.ref, "returning", None,
                                 None, assess_iang, p)


def _ttps_rules(r: RuleSet) -> tuple[Any, ...]:
    params = r.params
    return (r["category_a_income_hkd"], bool(params.get("category_a_shares_held_throughout_year")),
            params.get("category_a_company_min_shareholding_pct"), r["category_b_min_years"],
            int(r["category_c_degree_within_years"]),
            bool(params.get("category_c_by_graduation_year")), r["category_c_max_years"])


def _listed_bachelor(p: Profile) -> int:
    """``ttps.listed_bachelor``: a bachelor's from a university on the list in force."""
    degree = p.highest_degree
    if degree is not None and DEGREE_RANK[degree] < BACHELOR:
        return FAIL
    if p.bachelor_full_time is False:
        return DOUBT  # not met, but the sources disagree on "full-time"
    listed = p.bachelor_institution_on_ttps_list
    if listed is None:
        if p.bachelor_institution is None:
            return DOUBT
        match = lookup_university(p.bachelor_institution, p.assessment_date)
        if match.kind == "candidate" or match.kind == "none" or match.entry is None:
            return DOUBT
        listed = match.on_list
        if listed is None:
            return DOUBT
    if not listed:
        return DOUBT if p.master_institution_on_ttps_list else FAIL
    return DOUBT if degree is None else OK


def _income_source(p: Profile, throughout: bool, min_share: float | None) -> int:
    source = p.income_source
    if source is None:
        return DOUBT
    if source == "investment":
        return FAIL
    if source != "own_company_profit":
        return OK
    share = p.shareholding_pct_full_assessment_year
    if throughout:
        return DOUBT if share is None else OK if share > 0 else FAIL
    if min_share is None:
        return OK
    return DOUBT if share is None or share < min_share else OK  # below: a second-hand rule


def _recent_degree(p: Profile, years: int, by_year: bool) -> int:
    awarded, on = p.bachelor_award_date, p.assessment_date
    if awarded is None:
        return DOUBT
    if awarded > on:
        return FAIL
    if by_year:
        gap = on.year - awarded.year
        return OK if gap < years else DOUBT if gap == years else FAIL
    start = years_before(on, years)
    return DOUBT if awarded == start else OK if awarded > start else FAIL


def ttps(p: Profile) -> SchemeResult | None:
    found = compiled("ttps", p.assessment_date, _ttps_rules)
    if found is None:
        return None
    r, (income, throughout, min_share, b_years, c_within, by_year, c_max) = found
    country = nationality(p)
    degree = _listed_bachelor(p)
    categories = (
        ("A", country | at_least(p.annual_income_hkd, income)
         | _income_source(p, throughout, min_share)),
        ("B", country | degree | at_least(p.years_experience_last_5y, b_years)),
        ("C", country | degree | _recent_degree(p, c_within, by_year)
         | below(p.years_experience, c_max)
         | flag_not(p.bachelor_obtained_in_hk_as_non_local_student)),
    )
    review = []
    for name, bits in categories:
        if bits == OK:
            return deferred("TTPS", ELIGIBLE, r.ref, name, None, None,
                                         assess_ttps, p)
        if not bits & FAIL:
            review.append(name)
    if review:
        return deferred("TTPS", NEEDS_REVIEW, r.ref,
                                     review[0] if len(review) == 1 else None, None, None,
                                     assess_ttps, p)
    return deferred("TTPS", NOT_ELIGIBLE, r.ref, None, None, None, assess_ttps, p)
