"""GEP and ASMTP (employment as a professional) and TechTAS — schemes.md §1, §4."""

from __future__ import annotations

from functools import lru_cache

from hkcase.domain.eligibility.common import (
    MET,
    NOT_MET,
    first_degree,
    flag,
    is_prc_channel,
    nationality_not_excluded,
    no_criminal_record,
    unknown,
)
from hkcase.domain.eligibility.model import Criterion, SchemeResult
from hkcase.domain.eligibility.profile import DEGREE_RANK, Profile
from hkcase.domain.eligibility.schemes._base import conjunctive, no_rule_set, rules_for
from hkcase.domain.eligibility.wording import word
from hkcase.domain.messages import Message, current_language, tr


@lru_cache(maxsize=8)
def _said(lang: str) -> dict[str, Message]:
    """This module's fixed sentences in ``lang``."""
    return {
        "below_market": tr("package below market level"),
        "special": tr("cases without these qualifications are considered individually with "
                      "justification"),
        "no_stem": tr("no STEM degree from a top-100 STEM university"),
    }


def _job_criteria(p: Profile) -> list[Criterion]:
    return [
        flag("job_offer", "confirmed offer of a genuine job in Hong Kong", p.job_offer,
             "job_offer"),
        flag("job_relevant", "job relevant to the applicant's qualifications or experience",
             p.job_relevant_to_qualifications, "job_relevant_to_qualifications"),
        flag("remuneration", "package broadly at the market level for professionals",
             p.remuneration_at_market_level, "remuneration_at_market_level",
             no=_said(current_language())["below_market"]),
    ]


def _recruitment_note(p: Profile, exemption: int | None) -> list[str]:
    if exemption is None:
        return []
    if p.talent_list_profession or (p.offered_salary_hkd or 0) >= exemption:
        return [_no_recruitment_test(exemption, current_language())]
    return []


@lru_cache(maxsize=64)
def _no_recruitment_test(exemption: int, lang: str) -> Message:
    return tr("The employer need not prove local recruitment difficulty (Talent List post "
              "or package of HK${amount} or more).", amount=f"{exemption:,}")


def _employment(scheme: str, name: str, p: Profile, mainland_channel: bool) -> SchemeResult:
    rules = rules_for(name, p)
    if rules is None:
        return no_rule_set(scheme, name, p)
    answer, why, needs = is_prc_channel(p, rules["prc_overseas_min_months"])
    if mainland_channel:
        text = "a Chinese resident of the Mainland (otherwise GEP applies)"
        wanted = answer
    else:
        text = "not a Mainland resident (Mainland residents apply under ASMTP)"
        wanted = None if answer is None else not answer
    channel = (unknown("channel", text, *needs, detail=why) if wanted is None
               else Criterion("channel", text, MET if wanted else NOT_MET, why))
    criteria = [channel]
    if not mainland_channel:
        criteria.append(nationality_not_excluded(p))
    criteria += [no_criminal_record(p), first_degree(p), *_job_criteria(p)]
    return conjunctive(scheme, rules, criteria,
                       _recruitment_note(p, rules.params.get("recruitment_exemption_salary_hkd")))


def assess_gep(p: Profile) -> SchemeResult:
    """General Employment Policy (professionals)."""
    return _employment("GEP", "gep", p, mainland_channel=False)


def assess_asmtp(p: Profile) -> SchemeResult:
    """Admission Scheme for Mainland Talents and Professionals."""
    return _employment("ASMTP", "asmtp", p, mainland_channel=True)


def _area(p: Profile, areas: list[str], aliases: dict[str, str]) -> Criterion:
    cid, text = "rd_area", "R&D in one of the listed technology areas"
    if p.rd_area is None:
        return unknown(cid, text, "rd_area")
    key = p.rd_area.strip().casefold()
    area = aliases.get(key, key)
    if area in areas:
        return Criterion(cid, text, MET, area)
    return Criterion(cid, text, NOT_MET, _not_an_area(p.rd_area, tuple(areas),
                                                      current_language()))


@lru_cache(maxsize=1024)
def _not_an_area(area: str, areas: tuple[str, ...], lang: str) -> Message:
    return tr("{area} is not one of: {areas}", area=repr(area), areas=", ".join(areas))


def _stem_qualification(p: Profile, min_years: float) -> Criterion:
    cid = "qualification"
    text = (f"STEM degree from a top-100 STEM university; bachelor's holders need "
            f"{min_years:g} year of relevant experience")
    needs = [n for n, v in (("degree_is_stem", p.degree_is_stem),
                            ("university_top100_stem", p.university_top100_stem),
                            ("highest_degree", p.highest_degree)) if v is None]
    words = _said(current_language())
    special = words["special"]
    if p.degree_is_stem is False or p.university_top100_stem is False or (
            p.highest_degree is not None
            and DEGREE_RANK[p.highest_degree] < DEGREE_RANK["bachelor"]):
        return Criterion(cid, text, NOT_MET, words["no_stem"], review=special)
    if needs:
        return unknown(cid, text, *needs)
    if p.highest_degree == "bachelor":
        years = p.years_relevant_experience
        if years is None:
            return unknown(cid, text, "years_relevant_experience")
        if years < min_years:
            return Criterion(cid, text, NOT_MET, tr("bachelor's with {years} years of relevant "
                                                    "experience (< {minimum})",
                                                    years=f"{years:g}",
                                                    minimum=f"{min_years:g}"), review=special)
        return Criterion(cid, text, MET, tr("bachelor's with {years} years' relevant experience",
                                            years=f"{years:g}"))
    return Criterion(cid, text, MET, tr("{degree}: no experience needed",
                                        degree=word(p.highest_degree or "",
                                                    vocab="EducationLevel")))


def assess_techtas(p: Profile) -> SchemeResult:
    """Technology Talent Admission Scheme."""
    rules = rules_for("techtas", p)
    if rules is None:
        return no_rule_set("TECHTAS", "techtas", p)
    criteria = [
        nationality_not_excluded(p),
        no_criminal_record(p),
        flag("itc_quota", "employer holds a valid TechTAS quota", p.employer_has_valid_itc_quota,
             "employer_has_valid_itc_quota"),
        flag("full_time", "full-time employment with that employer", p.full_time_employment,
             "full_time_employment"),
        _area(p, rules["areas"], rules["area_aliases"]),
        _stem_qualification(p, rules["bachelor_min_years_relevant"]),
        flag("remuneration", "pay not below the market level", p.remuneration_at_market_level,
             "remuneration_at_market_level"),
    ]
    return conjunctive("TECHTAS", rules, criteria)


__all__ = ["assess_asmtp", "assess_gep", "assess_techtas"]
