"""New Capital Investment Entrant Scheme — schemes.md §7."""

from __future__ import annotations

from functools import lru_cache

from hkcase.domain.countries import STATELESS
from hkcase.domain.eligibility.common import (
    MET,
    NOT_MET,
    UNKNOWN,
    age_criterion,
    at_least,
    excluded_nationals,
    unknown,
)
from hkcase.domain.eligibility.model import Criterion, SchemeResult
from hkcase.domain.eligibility.profile import Profile
from hkcase.domain.eligibility.rulesets import RuleSet, rule_set_on
from hkcase.domain.eligibility.schemes._base import conjunctive, no_rule_set, rules_for
from hkcase.domain.eligibility.wording import word
from hkcase.domain.messages import Message, current_language, tr


def applicant_type(p: Profile, r: RuleSet) -> Criterion:
    cid = "applicant_type"
    text = ("a foreign national, a Chinese national with permanent residence abroad, or a "
            "Macao or Taiwan resident")
    if p.nationality is None:
        return unknown(cid, text, "nationality")
    official = r.params.get("excluded_nationalities")
    if official is not None and p.nationality in official:
        return Criterion(cid, text, NOT_MET, excluded_nationals(p.nationality, r.id))
    if p.nationality == STATELESS:
        if not r.params.get("stateless_with_foreign_permanent_residence"):
            return Criterion(cid, text, UNKNOWN, tr("stateless"),
                             review=tr("whether stateless persons may apply was not found for "
                                       "this date"))
        if p.overseas_permanent_residence is None:
            return unknown(cid, text, "overseas_permanent_residence",
                           detail=tr("stateless: needs permanent residence in a foreign "
                                     "country"))
        return Criterion(cid, text, MET if p.overseas_permanent_residence else NOT_MET,
                         tr("stateless with permanent residence abroad")
                         if p.overseas_permanent_residence
                         else tr("stateless without permanent residence abroad"))
    if p.nationality != "CN" and official is not None:
        return Criterion(cid, text, MET, _foreign(p.nationality, current_language()))
    if p.nationality != "CN":
        excluded = rule_set_on("excluded_nationalities", p.assessment_date)
        if excluded is not None and p.nationality in excluded["countries"]:
            return Criterion(cid, text, NOT_MET, tr("{country} national", country=p.nationality),
                             review=tr("one consultancy says Afghan, Cuban and DPRK nationals "
                                       "are excluded; no official text found"))
        return Criterion(cid, text, MET, _foreign(p.nationality, current_language()))
    if p.residence in ("macao", "taiwan"):
        return Criterion(cid, text, MET, tr("Chinese national resident in {place}",
                                            place=word(p.residence, vocab="Residence")))
    if p.overseas_permanent_residence is None:
        return unknown(cid, text, "overseas_permanent_residence")
    return Criterion(cid, text, MET if p.overseas_permanent_residence else NOT_MET,
                     tr("Chinese national with permanent residence abroad")
                     if p.overseas_permanent_residence
                     else tr("Chinese national without permanent residence abroad"))


@lru_cache(maxsize=1024)
def _foreign(country: str, lang: str) -> Message:
    return tr("foreign national ({country})", country=country)


def assess_new_cies(p: Profile) -> SchemeResult:
    """New Capital Investment Entrant Scheme."""
    r = rules_for("new_cies", p)
    if r is None:
        return no_rule_set("NEW_CIES", "new_cies", p)
    period = int(r["net_assets_period_months"])
    assets = at_least("net_assets", f"net assets of HK${r['min_net_assets_hkd']:,} or more held "
                      f"throughout the {period} months before applying",
                      p.net_assets_hkd_min_over_6_months, r["min_net_assets_hkd"],
                      "net_assets_hkd_min_over_6_months", "HK$")
    if period != 6 and assets.status is MET:
        assets = Criterion(assets.id, assets.text, MET, assets.detail,
                           review=tr("the profile gives the lowest figure over 6 months; this "
                                     "date needs it over {months} months", months=period))
    criteria = [
        age_criterion("age", "aged 18 or above", p, min_age=r["min_age"]),
        applicant_type(p, r),
        assets,
        at_least("investment", f"plans to invest HK${r['min_investment_hkd']:,} or more in "
                 "permissible assets", p.planned_investment_hkd, r["min_investment_hkd"],
                 "planned_investment_hkd", "HK$"),
        at_least("cies_portfolio", f"places HK${r['min_portfolio_hkd']:,} in the CIES "
                 "Investment Portfolio", p.planned_cies_portfolio_hkd, r["min_portfolio_hkd"],
                 "planned_cies_portfolio_hkd", "HK$"),
    ]
    return conjunctive("NEW_CIES", r, criteria)


