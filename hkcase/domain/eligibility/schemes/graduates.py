"""IANG (non-local graduates) and ASSG (second generation) — schemes.md §5, §6."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from hkcase.domain.eligibility.calendar_math import add_months
from hkcase.domain.eligibility.common import (
    MET,
    NOT_MET,
    UNKNOWN,
    age_criterion,
    first_degree,
    flag,
    good_chinese_or_english,
    nationality_not_excluded,
    self_supporting,
    unknown,
)
from hkcase.domain.eligibility.model import Criterion, SchemeResult, Verdict
from hkcase.domain.eligibility.profile import Profile
from hkcase.domain.eligibility.rulesets import RuleSet
from hkcase.domain.eligibility.schemes._base import conjunctive, no_rule_set, rules_for
from hkcase.domain.eligibility.wording import word
from hkcase.domain.messages import Message, current_language, tr

HK_LEVELS = ("bachelor", "master", "doctorate")


def _iang_nationality(p: Profile, r: RuleSet) -> Criterion:
    base = nationality_not_excluded(p)
    limited = r["ugc_funded_only"]
    if base.status is not MET or p.nationality not in limited:
        return base
    cid, text = base.id, base.text
    gba = bool(r.params.get("gba_campus_counts"))
    if gba and p.gba_campus_graduate:
        return Criterion(cid, text, MET, tr("{country} national, Greater Bay Area campus "
                                            "graduate", country=p.nationality))
    if p.programme_ugc_funded is None:
        return unknown(cid, text, "programme_ugc_funded",
                       detail=tr("{country} nationals: only UGC-funded programmes qualify",
                                 country=p.nationality))
    if p.programme_ugc_funded:
        return Criterion(cid, text, MET, tr("{country} national, UGC-funded programme",
                                            country=p.nationality))
    if gba:
        if p.gba_campus_graduate is None:
            return unknown(cid, text, "gba_campus_graduate",
                           detail=tr("{country} nationals: a programme that is not "
                                     "UGC-funded qualifies only at a Greater Bay Area campus",
                                     country=p.nationality))
        return Criterion(cid, text, NOT_MET, tr("{country} nationals need a UGC-funded "
                                                "programme or a Greater Bay Area campus",
                                                country=p.nationality))
    return Criterion(cid, text, NOT_MET, tr("{country} nationals need a UGC-funded programme",
                                            country=p.nationality),
                     review=tr("graduates of Greater Bay Area campuses also qualify; hkcase "
                               "does not record the campus"))


def window_end(graduated: date, months: int) -> date:
    """The last day of the fresh-graduate window (relativedelta's month step, without it)."""
    return add_months(graduated, months)


def fresh_graduate(p: Profile, r: RuleSet) -> Criterion:
    """Applying within six months after the graduation date on the certificate."""
    months = int(r["fresh_window_months"])
    cid, text = "fresh_graduate", f"applying within {months} months after graduation"
    if p.graduation_date is None:
        return unknown(cid, text, "graduation_date")
    end = window_end(p.graduation_date, months)
    if p.assessment_date < p.graduation_date:
        return Criterion(cid, text, NOT_MET, tr("graduates on {day}", day=p.graduation_date))
    if p.assessment_date == end:
        return Criterion(cid, text, MET, tr("exactly {months} months after graduation ({day})",
                                            months=months, day=end),
                         review=tr("on the exact end of the six-month window"))
    fresh = p.assessment_date < end
    return Criterion(cid, text, MET if fresh else NOT_MET,
                     _window(p.graduation_date, end, fresh, current_language()))


@lru_cache(maxsize=4096)
def _window(graduated: date, end: date, fresh: bool, lang: str) -> Message:
    if fresh:
        return tr("graduated {day}; window ends {end}", day=graduated, end=end)
    return tr("graduated {day}; window ended {end}", day=graduated, end=end)


def assess_iang(p: Profile) -> SchemeResult:
    """Immigration Arrangements for Non-local Graduates: fresh or returning."""
    r = rules_for("iang", p)
    if r is None:
        return no_rule_set("IANG", "iang", p)
    level = p.hk_qualification_level
    qualification = (unknown("hk_qualification", "undergraduate or higher qualification from a "
                             "Hong Kong programme", "hk_qualification_level") if level is None
                     else Criterion("hk_qualification", "undergraduate or higher qualification "
                                    "from a Hong Kong programme",
                                    MET if level in HK_LEVELS else NOT_MET,
                                    word(level, vocab="HkQualificationLevel")))
    base = [
        _iang_nationality(p, r),
        flag("student_entry", "entered Hong Kong as a non-local student",
             p.entered_hk_with_student_visa, "entered_hk_with_student_visa"),
        flag("programme", "full-time, locally accredited programme",
             p.hk_programme_full_time_locally_accredited,
             "hk_programme_full_time_locally_accredited"),
        qualification,
    ]
    fresh = fresh_graduate(p, r)
    returning = [
        flag("job_offer", "offer of employment (returning graduates)", p.job_offer, "job_offer"),
        flag("job_at_degree_level", "job at a level normally taken by degree holders",
             p.job_at_degree_level, "job_at_degree_level"),
        flag("remuneration", "remuneration at market level", p.remuneration_at_market_level,
             "remuneration_at_market_level"),
    ]
    if fresh.status is MET:
        result = conjunctive("IANG", r, base + [fresh], category="fresh")
        if result.outcome is Verdict.NEEDS_REVIEW and fresh.review:
            result.reasons.append(tr("if the window has closed, the returning-graduate rules "
                                     "apply: a degree-level job offer at market pay"))
        return result
    everything = base + [fresh] + returning
    not_yet = p.graduation_date is not None and p.assessment_date < p.graduation_date
    if fresh.status is UNKNOWN or not_yet:
        return conjunctive("IANG", r, everything, decisive=base + [fresh])
    return conjunctive("IANG", r, everything, decisive=base + returning, category="returning")


def _born_overseas(p: Profile, excluded: list[str]) -> Criterion:
    cid, text = "born_overseas", "born outside the Mainland, Hong Kong, Macao and Taiwan"
    if p.place_of_birth is None:
        return unknown(cid, text, "place_of_birth")
    ok = p.place_of_birth not in excluded
    return Criterion(cid, text, MET if ok else NOT_MET,
                     _born_in(p.place_of_birth, current_language()))


@lru_cache(maxsize=1024)
def _born_in(place: str, lang: str) -> Message:
    return tr("born in {place}", place=place)


def assess_assg(p: Profile) -> SchemeResult:
    """Admission Scheme for the Second Generation of Chinese Hong Kong Permanent Residents."""
    r = rules_for("assg", p)
    if r is None:
        return no_rule_set("ASSG", "assg", p)
    criteria = [
        age_criterion("age", f"aged {r['min_age']} to {r['max_age']}", p, min_age=r["min_age"],
                      max_age=r["max_age"]),
        nationality_not_excluded(p),
        _born_overseas(p, r["excluded_birthplaces"]),
        flag("parent_hk_permanent_id", "a parent holds a valid Hong Kong Permanent Identity Card",
             p.parent_holds_valid_hk_permanent_id, "parent_holds_valid_hk_permanent_id"),
        flag("parent_settled_overseas", "that parent was a Chinese national settled overseas when "
             "the applicant was born", p.parent_was_chinese_national_settled_overseas_at_birth,
             "parent_was_chinese_national_settled_overseas_at_birth"),
        first_degree(p),
        good_chinese_or_english(p),
        self_supporting(p),
    ]
    return conjunctive("ASSG", r, criteria)
