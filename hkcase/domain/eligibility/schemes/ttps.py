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
    highest_degree,
    nationality_not_excluded,
    unknown,
)
from hkcase.domain.eligibility.lists import TTPS_LIST_SOURCE, lookup_university
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
from hkcase.domain.eligibility.wording import category_reason, listed, rule_texts, word
from hkcase.domain.labels import label
from hkcase.domain.messages import Message, current_language, tr


@lru_cache(maxsize=8)
def _said(lang: str) -> dict[str, Message]:
    """This module's fixed sentences in ``lang``."""
    return {
        "master_review": tr("whether a master's from a listed university counts when the "
                            "bachelor's does not is not settled"),
        "copy": tr("hkcase's copy is a third-party transcription not yet checked against the "
                   "published PDF"),
        "part_time": tr("the bachelor's programme was not full-time"),
        "part_time_review": tr("LWB releases say a full-time bachelor's; ImmD's FAQ only says "
                               "bachelor's level"),
        "consultant": tr("on the list (consultant's check)"),
        "not_listed": tr("not on the list"),
        "share_text": tr("company profits count only for shares held throughout the tax "
                         "assessment year before the application"),
        "share_second_hand": tr("the minimum shareholding for company profits is second-hand "
                                "(consultancies); ImmD's page, revised 2026-01-01, states none"),
        "not_throughout": tr("the shares were not held throughout the assessment year before "
                             "applying"),
        "own_profit": tr("own company profit"),
        "investment": tr("personal investment income does not count"),
        "after_graduation": tr("only full-time employment or self-employment after graduation "
                               "counts (ImmD note 5)"),
        "boundary": tr("on the exact boundary of the five-year window"),
        "use_iang": tr("use IANG instead"),
        "prc_overseas": tr("PRC-passport holders overseas apply as overseas applicants only "
                           "with permanent residence overseas or a year's residence there "
                           "before applying"),
    }


@lru_cache(maxsize=4096)
def years_before(on: date, years: int) -> date:
    return add_years(on, -years)  # relativedelta(years=-n): 29 February falls back to the 28th


@lru_cache(maxsize=4096)
def _list_caution(version: str, lang: str) -> str:
    # the copy's caution (lists.TTPS_LIST_COPY) in the reader's language
    prefix = "aggregate list of "
    named: str = (tr("aggregate list of {day}", day=version[len(prefix):])
                  if version.startswith(prefix) else version)
    return tr("on the TTPS {version} by exact name (list compiled by the Labour and Welfare "
              "Bureau, {source}); {copy}", version=named, source=TTPS_LIST_SOURCE,
              copy=_said(lang)["copy"])


def _looked_up(p: Profile, name: str) -> tuple[bool | None, str, tuple[str, ...], bool]:
    """(on the list?, detail, cautions, a candidate awaiting confirmation) for a typed name."""
    return _look_up(name, p.assessment_date, current_language())


@lru_cache(maxsize=4096)
def _look_up(name: str, on: date, lang: str) -> tuple[bool | None, str, tuple[str, ...], bool]:
    match = lookup_university(name, on)
    if match.kind == "candidate":
        options = [repr(c) for c in match.candidates[:3]]
        return None, tr("{name} is not on the list under that name: is it {options}?",
                        name=repr(name), options=_either(options)), (), True
    if match.kind == "none" or match.entry is None:
        return None, tr("{name} not found in the list under that name", name=repr(name)), (), \
            False
    entry = match.entry
    span = (tr("listed {start} to {end}", start=entry.effective_from, end=entry.effective_to)
            if entry.effective_to else tr("listed {start}", start=entry.effective_from))
    detail = tr("{university} ({country}), {span}", university=entry.name_en,
                country=entry.country, span=span)
    cautions = (_list_caution(match.list_version, lang),) if match.on_list else ()
    return match.on_list, detail, cautions, False


def _either(options: list[str]) -> Message:
    """``'A' or 'B' or 'C'``."""
    if len(options) == 1:
        return listed(options)
    joined = tr("{first} or {then}", first=options[0], then=options[1])
    for option in options[2:]:
        joined = tr("{first} or {then}", first=joined, then=option)
    return joined


def listed_bachelor(p: Profile, prefix: str) -> Criterion:
    """A bachelor's degree from a university on the list in force on the assessment date."""
    cid = f"{prefix}_eligible_degree"
    text = "bachelor's degree from an eligible university (list in force on the date)"
    if p.highest_degree is not None and DEGREE_RANK[p.highest_degree] < DEGREE_RANK["bachelor"]:
        return Criterion(cid, text, NOT_MET, highest_degree(p.highest_degree))
    words = _said(current_language())
    if p.bachelor_full_time is False:
        return Criterion(cid, text, NOT_MET, words["part_time"],
                         review=words["part_time_review"])
    cautions: tuple[str, ...] = ()
    detail: str
    if p.bachelor_institution_on_ttps_list is not None:
        listed: bool | None = p.bachelor_institution_on_ttps_list
        detail = words["consultant"] if listed else words["not_listed"]
    elif p.bachelor_institution is not None:
        listed, detail, cautions, _ = _looked_up(p, p.bachelor_institution)
    else:
        return unknown(cid, text, "bachelor_institution")
    if listed is None:
        if p.master_institution_on_ttps_list:
            return Criterion(cid, text, UNKNOWN, _and_master(detail),
                             review=words["master_review"],
                             needs=("bachelor_institution_on_ttps_list",))
        return unknown(cid, text, "bachelor_institution_on_ttps_list", detail=detail)
    if not listed and p.master_institution_on_ttps_list:
        return Criterion(cid, text, NOT_MET, _and_master(detail),
                         review=words["master_review"])
    if p.highest_degree is None and listed:
        return unknown(cid, text, "highest_degree", detail=detail)
    return Criterion(cid, text, MET if listed else NOT_MET, detail, cautions=cautions)


def _and_master(detail: str) -> Message:
    return tr("{detail}; the master's is from a listed university", detail=detail)


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
    }


@lru_cache(maxsize=64)
def _quota(quota: int, lang: str) -> Message:
    return tr("Category C is subject to an annual quota of {quota}, allotted first come, "
              "first served", quota=f"{quota:,}")


def _company_profit(p: Profile, r: RuleSet, cid: str, text: str) -> Criterion:
    share = p.shareholding_pct_full_assessment_year
    words = _said(current_language())
    if r.params.get("category_a_shares_held_throughout_year"):
        if share is None:
            return unknown(cid, text, "shareholding_pct_full_assessment_year",
                           detail=words["share_text"])
        if share > 0:
            return Criterion(cid, text, MET, tr("{share}% held throughout the assessment year "
                                                "(ImmD states no minimum)", share=f"{share:g}"))
        return Criterion(cid, text, NOT_MET, words["not_throughout"])
    min_share = r.params.get("category_a_company_min_shareholding_pct")
    if min_share is None:
        return Criterion(cid, text, MET, words["own_profit"])
    if share is None:
        return unknown(cid, text, "shareholding_pct_full_assessment_year")
    if share >= min_share:
        return Criterion(cid, text, MET, tr("{share}% held through the assessment year "
                                            "(≥ {minimum}%)", share=f"{share:g}",
                                            minimum=min_share),
                         cautions=(words["share_second_hand"],))
    return Criterion(cid, text, NOT_MET, tr("{share}% held through the assessment year "
                                            "(< {minimum}%)", share=f"{share:g}",
                                            minimum=min_share),
                     review=tr("the {minimum}% threshold is second-hand; ImmD's own page "
                               "(revised 2026-01-01) states no minimum", minimum=min_share))


def category_a(p: Profile, r: RuleSet) -> list[Criterion]:
    income = at_least("a_income", _texts(r)["a_income"], p.annual_income_hkd,
                      r["category_a_income_hkd"], "annual_income_hkd", "HK$")
    cid, text = "a_income_source", "income from employment or business, not personal investment"
    if p.income_source is None:
        source = unknown(cid, text, "income_source")
    elif p.income_source == "investment":
        source = Criterion(cid, text, NOT_MET, _said(current_language())["investment"])
    elif p.income_source == "own_company_profit":
        source = _company_profit(p, r, cid, text)
    else:
        source = Criterion(cid, text, MET, word(p.income_source, label(p.income_source),
                                                "IncomeSource"))
    return [income, source]


def _since_graduation(p: Profile) -> float | None:
    if p.bachelor_award_date is None or p.bachelor_award_date > p.assessment_date:
        return None
    return (p.assessment_date - p.bachelor_award_date).days / 365.25


def _experience_cautions(p: Profile, r: RuleSet, years: float | None,
                         window: float | None) -> tuple[str, ...]:
    """Cautions for work experience under the after-graduation rule (TTPS from 2026-01-01)."""
    if years is None or not r.params.get("experience_after_graduation_only"):
        return ()
    after = _said(current_language())["after_graduation"]
    since = _since_graduation(p)
    if since is not None:
        span = since if window is None else min(since, window)
        if years > span + 0.05:
            return _more_than(f"{years:g}", f"{span:.1f}", current_language())
    return (after,)


@lru_cache(maxsize=8192)
def _more_than(years: str, span: str, lang: str) -> tuple[str, ...]:
    return (tr("{years} years is more than the {span} years since graduation: {rule}",
               years=years, span=span, rule=_said(lang)["after_graduation"]),)


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
    return _by_year(p.bachelor_award_date.year, p.assessment_date.year, years, cid, text,
                    current_language())


@lru_cache(maxsize=4096)
def _by_year(graduated: int, applying: int, years: int, cid: str, text: str, lang: str
             ) -> Criterion:
    if applying - graduated < years:
        return Criterion(cid, text, MET, tr("graduated in {graduated}; applying in {applying}",
                                            graduated=graduated, applying=applying))
    if applying - graduated == years:
        return Criterion(cid, text, UNKNOWN, tr("graduated in {graduated}, exactly {years} years "
                                                "before {applying}", graduated=graduated,
                                                years=years, applying=applying),
                         review=tr("ImmD counts the {years} years by year of graduation but "
                                   "does not say whether the year {graduated} ({applying} − "
                                   "{years2}) is inside", years=years, graduated=graduated,
                                   applying=applying, years2=years))
    return Criterion(cid, text, NOT_MET, tr("graduated in {graduated}; applying in {applying}",
                                            graduated=graduated, applying=applying))


def _recent_degree(p: Profile, r: RuleSet) -> Criterion:
    years = int(r["category_c_degree_within_years"])
    cid, text = "c_recent_degree", _texts(r)["c_recent_degree"]
    if p.bachelor_award_date is None:
        return unknown(cid, text, "bachelor_award_date")
    start = years_before(p.assessment_date, years)
    if p.bachelor_award_date > p.assessment_date:
        return Criterion(cid, text, NOT_MET, tr("awarded {day}, after the date",
                                                day=p.bachelor_award_date))
    if r.params.get("category_c_by_graduation_year"):
        return _by_graduation_year(p, years, cid, text)
    if p.bachelor_award_date == start:
        return Criterion(cid, text, MET, tr("awarded exactly {years} years before", years=years),
                         review=_said(current_language())["boundary"])
    recent = p.bachelor_award_date > start
    return Criterion(cid, text, MET if recent else NOT_MET,
                     tr("awarded {day}; window starts {start}", day=p.bachelor_award_date,
                        start=start))


def category_c(p: Profile, r: RuleSet, degree: Criterion) -> list[Criterion]:
    limit = r["category_c_max_years"]
    fewer = below("c_experience", _texts(r)["c_experience"],
                  p.years_experience, limit, "years_experience", "years",
                  cautions=_experience_cautions(p, r, p.years_experience, None))
    local = flag("c_not_local_graduate", "not a non-local graduate of a full-time, locally "
                 "accredited Hong Kong bachelor's programme (they use IANG)",
                 None if p.bachelor_obtained_in_hk_as_non_local_student is None
                 else not p.bachelor_obtained_in_hk_as_non_local_student,
                 "bachelor_obtained_in_hk_as_non_local_student",
                 no=_said(current_language())["use_iang"])
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
    reasons: list[str] = list(rule_texts(r.notes))
    if p.travel_document == "prc_passport" and p.residence != "mainland_china":
        reasons.append(_said(current_language())["prc_overseas"])
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
            reasons.append(_possible(tuple(review), current_language()))
        for name in review:
            reasons += [category_reason(name, why) for why in outcomes[name][1]]
    else:
        category, outcome = None, Verdict.NOT_ELIGIBLE
        for name, (_, why) in outcomes.items():
            reasons += [category_reason(name, w) for w in why]
    if category == "C":
        reasons.append(_quota(r["category_c_annual_quota"], current_language()))
    return SchemeResult(scheme="TTPS", outcome=outcome, criteria=criteria, rule_set=r.ref,
                        category=category, reasons=list(dict.fromkeys(reasons)),
                        missing=missing_fields(criteria),
                        cautions=_cautions(criteria, category, r))


@lru_cache(maxsize=64)
def _possible(categories: tuple[str, ...], lang: str) -> Message:
    return tr("possible categories: {categories}",
              categories=[word(name, vocab="EligibilityCategory") for name in categories])


def _cautions(criteria: list[Criterion], category: str | None, r: RuleSet) -> list[str]:
    """The cautions that concern the answer: the category's criteria (all while open)."""
    if category is None:
        return cautions_of(criteria, rule_texts(r.cautions))
    prefix = category.lower() + "_"
    found: dict[str, None] = dict.fromkeys(rule_texts(r.cautions))
    for c in criteria:
        if c.cautions and (c.id.startswith(prefix) or c.id == "nationality"):
            found.update(dict.fromkeys(c.cautions))
    return list(found)
