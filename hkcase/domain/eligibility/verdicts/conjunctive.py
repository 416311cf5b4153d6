"""Verdicts of the schemes whose criteria must all hold: GEP, ASMTP, TechTAS, ASSG,
New CIES, dependants, the QMAS ABPT.

Each function mirrors the assessor of the same scheme in ``schemes/`` criterion by
criterion, in codes; it returns None where that assessor must run now (no rule set
in force, a legacy test), and otherwise a result that explains itself when read.
"""

from __future__ import annotations

from typing import Any

from hkcase.domain.dates import age_on
from hkcase.domain.eligibility.common import is_prc_channel
from hkcase.domain.eligibility.model import SchemeResult
from hkcase.domain.eligibility.profile import DEGREE_RANK, Profile
from hkcase.domain.eligibility.rulesets import RuleSet
from hkcase.domain.eligibility.schemes.dependants import PARTNERS, SETTLED, assess_dependant
from hkcase.domain.eligibility.schemes.employment import assess_asmtp, assess_gep, assess_techtas
from hkcase.domain.eligibility.schemes.graduates import assess_assg
from hkcase.domain.eligibility.schemes.investment import applicant_type, assess_new_cies
from hkcase.domain.eligibility.schemes.qmas import assess_qmas_abpt
from hkcase.domain.eligibility.verdicts.codes import (
    BACHELOR,
    DOUBT,
    FAIL,
    OK,
    OUTCOME,
    age,
    at_least,
    code,
    compiled,
    first_degree,
    flag,
    flag_not,
    language,
    nationality,
)

deferred = SchemeResult.deferred  # bound once: it runs for every scheme of every profile

def _params(r: RuleSet) -> dict[str, Any]:
    return dict(r.params)


def _employment(scheme: str, name: str, p: Profile, mainland: bool) -> SchemeResult | None:
    found = compiled(name, p.assessment_date, _params)
    if found is None:
        return None
    r, params = found
    answer = is_prc_channel(p, params["prc_overseas_min_months"])[0]
    bits = DOUBT if answer is None else OK if answer is mainland else FAIL
    if not mainland:
        bits |= nationality(p)
    bits |= (flag_not(p.criminal_record) | first_degree(p.highest_degree) | flag(p.job_offer)
             | flag(p.job_relevant_to_qualifications) | flag(p.remuneration_at_market_level))
    return deferred(scheme, OUTCOME[bits], r.ref, None, None, None,
                                 assess_asmtp if mainland else assess_gep, p)


def gep(p: Profile) -> SchemeResult | None:
    return _employment("GEP", "gep", p, mainland=False)


def asmtp(p: Profile) -> SchemeResult | None:
    return _employment("ASMTP", "asmtp", p, mainland=True)


def _techtas_rules(r: RuleSet) -> tuple[frozenset[str], dict[str, str], float]:
    return frozenset(r["areas"]), dict(r["area_aliases"]), float(r["bachelor_min_years_relevant"])


def _stem_qualification(p: Profile, min_years: float) -> int:
    degree = p.highest_degree
    if p.degree_is_stem is False or p.university_top100_stem is False or (
            degree is not None and DEGREE_RANK[degree] < BACHELOR):
        return DOUBT  # not met, but ImmD considers such cases individually
    if p.degree_is_stem is None or p.university_top100_stem is None or degree is None:
        return DOUBT
    if degree == "bachelor":
        years = p.years_relevant_experience
        return DOUBT if years is None or years < min_years else OK
    return OK


def techtas(p: Profile) -> SchemeResult | None:
    found = compiled("techtas", p.assessment_date, _techtas_rules)
    if found is None:
        return None
    r, (areas, aliases, min_years) = found
    if p.rd_area is None:
        area = DOUBT
    else:
        key = p.rd_area.strip().casefold()
        area = OK if aliases.get(key, key) in areas else FAIL
    bits = (nationality(p) | flag_not(p.criminal_record) | flag(p.employer_has_valid_itc_quota)
            | flag(p.full_time_employment) | area | _stem_qualification(p, min_years)
            | flag(p.remuneration_at_market_level))
    return deferred("TECHTAS", OUTCOME[bits], r.ref, None, None, None,
                                 assess_techtas, p)


def _assg_rules(r: RuleSet) -> tuple[int, int, frozenset[str]]:
    return r["min_age"], r["max_age"], frozenset(r["excluded_birthplaces"])


def assg(p: Profile) -> SchemeResult | None:
    found = compiled("assg", p.assessment_date, _assg_rules)
    if found is None:
        return None
    r, (min_age, max_age, excluded) = found
    born = p.place_of_birth
    bits = (age(p, min_age, max_age) | nationality(p)
            | (DOUBT if born is None else FAIL if born in excluded else OK)
            | flag(p.parent_holds_valid_hk_permanent_id)
            | flag(p.parent_was_chinese_national_settled_overseas_at_birth)
            | first_degree(p.highest_degree) | language(p.languages) | flag(p.self_supporting))
    return deferred("ASSG", OUTCOME[bits], r.ref, None, None, None, assess_assg, p)


def _cies_rules(r: RuleSet) -> tuple[int, int, float, float, float]:
    return (r["min_age"], int(r["net_assets_period_months"]), r["min_net_assets_hkd"],
            r["min_investment_hkd"], r["min_portfolio_hkd"])


def new_cies(p: Profile) -> SchemeResult | None:
    found = compiled("new_cies", p.assessment_date, _cies_rules)
    if found is None:
        return None
    r, (min_age, period, assets, investment, portfolio) = found
    held = at_least(p.net_assets_hkd_min_over_6_months, assets)
    if period != 6 and held == OK:
        held = DOUBT  # the profile's figure is over 6 months; this date needs another period
    bits = (age(p, min_age) | code(applicant_type(p, r)) | held
            | at_least(p.planned_investment_hkd, investment)
            | at_least(p.planned_cies_portfolio_hkd, portfolio))
    return deferred("NEW_CIES", OUTCOME[bits], r.ref, None, None, None,
                                 assess_new_cies, p)


def _dependant_rules(r: RuleSet) -> tuple[Any, ...]:
    official = r.params.get("excluded_nationalities")
    return (bool(r["same_sex_partners_recognised"]), r["child_max_age"], r["parent_min_age"],
            frozenset(r["mainland_sponsor_schemes"]),
            bool(r.params.get("mainland_sponsor_schemes_official")),
            None if official is None else frozenset(official),
            frozenset(r.params.get("guidebook_excluded_nationalities", ())),
            bool(r.params.get("macao_id_rule")))


def _relationship(p: Profile, same_sex: bool, child_max: int, parent_min: int) -> int:
    kind = p.relationship
    if kind is None:
        return DOUBT
    if kind == "de_facto_partner":
        return FAIL
    if kind in PARTNERS:
        if kind != "spouse" and not same_sex:
            return FAIL
        return flag(p.relationship_legally_recognised)
    if kind == "child":
        born = p.date_of_birth
        # over the age: not met, but a child already here who turns 18 is for review
        bits = OK if born is not None and age_on(born, p.assessment_date) <= child_max \
            else DOUBT
        status = p.marital_status
        bits |= DOUBT if status is None else (
            FAIL if status in ("married", "civil_partnership", "separated") else OK)
        return bits | flag(p.dependent_on_sponsor)
    born, settled = p.date_of_birth, p.sponsor_status
    return (DOUBT if born is None else OK if age_on(born, p.assessment_date) >= parent_min
            else FAIL) | (DOUBT if settled is None else OK if settled in SETTLED else FAIL)


def _sponsor(p: Profile, schemes: frozenset[str], official: bool) -> int:
    status = p.sponsor_status
    if status is None or status == "other":
        return DOUBT
    if p.residence == "mainland_china" and status not in SETTLED:
        scheme = p.sponsor_scheme
        if scheme is None:
            return DOUBT
        if scheme not in schemes:
            return FAIL if official else DOUBT
    return OK


def dependant(p: Profile) -> SchemeResult | None:
    found = compiled("dependant", p.assessment_date, _dependant_rules)
    if found is None:
        return None
    r, (same_sex, child_max, parent_min, schemes, official_schemes, excluded, guidebook,
        macao_rule) = found
    bits = _relationship(p, same_sex, child_max, parent_min) | _sponsor(p, schemes,
                                                                        official_schemes)
    country = p.nationality
    if country is None:
        bits |= DOUBT
    elif excluded is not None:
        bits |= FAIL if country in excluded else OK
    elif country in guidebook:
        bits |= DOUBT  # excluded in the 2015 guidebook; the current list was not found
    if macao_rule and p.residence == "macao":
        bits |= flag_not(p.macao_id_under_7_years)
    bits |= flag(p.sponsor_can_support_well_above_subsistence)
    limit = p.sponsor_limit_of_stay
    if limit is not None and limit < p.assessment_date:
        bits |= FAIL
    return deferred("DEPENDANT", OUTCOME[bits], r.ref, None, None, None,
                                 assess_dependant, p)


def prerequisites(p: Profile, r: RuleSet) -> int:
    """``qmas.prerequisites``: age, nationality, support, record, language (until 2025-12-15),
    first degree."""
    bits = (age(p, min_age=18) | nationality(p) | flag(p.self_supporting)
            | flag_not(p.criminal_record) | first_degree(p.highest_degree))
    if r.params.get("language_prerequisite", True):
        bits |= language(p.languages)
    return bits


def qmas_abpt(p: Profile) -> SchemeResult | None:
    found = compiled("qmas_abpt", p.assessment_date, _params)
    if found is None:
        return None
    r, _ = found
    # a claimed achievement is met, for the Director's discretion: never certain
    bits = prerequisites(p, r) | (DOUBT if p.achievement is None or p.achievement else FAIL)
    return deferred("QMAS_ABPT", OUTCOME[bits], r.ref, None, None, None,
                                 assess_qmas_abpt, p)
