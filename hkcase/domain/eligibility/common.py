"""Criteria shared by several schemes, each returning a tri-state ``Criterion``."""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache

from hkcase.domain.dates import age_on
from hkcase.domain.eligibility.model import Criterion, Status
from hkcase.domain.eligibility.profile import DEGREE_RANK, Profile
from hkcase.domain.eligibility.rulesets import rule_set_on

MET, NOT_MET, UNKNOWN = Status.MET, Status.NOT_MET, Status.UNKNOWN


@lru_cache(maxsize=16384)
def _unknown(cid: str, text: str, needs: tuple[str, ...], detail: str) -> Criterion:
    return Criterion(cid, text, UNKNOWN, detail or "needs " + ", ".join(needs), needs=needs)


def unknown(cid: str, text: str, *needs: str, detail: str = "") -> Criterion:
    """A criterion that cannot be decided until ``needs`` are known (a shared instance)."""
    return _unknown(cid, text, needs, detail)


@lru_cache(maxsize=16384)
def flag(cid: str, text: str, value: bool | None, field: str, *, yes: str = "", no: str = "",
         review: str | None = None, cautions: tuple[str, ...] = ()) -> Criterion:
    """A criterion that is exactly one yes/no fact (a shared instance)."""
    if value is None:
        return unknown(cid, text, field)
    return Criterion(cid, text, MET if value else NOT_MET, yes if value else no, review=review,
                     cautions=cautions)


def with_cautions(criterion: Criterion, *cautions: str) -> Criterion:
    """A copy of ``criterion`` carrying ``cautions`` as well (criteria may be shared)."""
    if not cautions:
        return criterion
    merged = tuple(dict.fromkeys(criterion.cautions + cautions))
    return Criterion(criterion.id, criterion.text, criterion.status, criterion.detail,
                     review=criterion.review, needs=criterion.needs, cautions=merged,
                     group=criterion.group)


@lru_cache(maxsize=1024)
def _amount(value: float, unit: str) -> str:
    if unit == "HK$":
        return f"HK${value:,.0f}"
    return f"{value:g} {unit}" if unit else f"{value:g}"


def at_least(cid: str, text: str, value: float | None, threshold: float, field: str,
             unit: str = "", review: str | None = None,
             cautions: tuple[str, ...] = ()) -> Criterion:
    """``value >= threshold`` (thresholds are "or above" unless a rule says otherwise).

    ``cautions`` go with a met criterion only: a definition in doubt cannot turn a
    shortfall into a pass.
    """
    if value is None:
        return unknown(cid, text, field)
    if value >= threshold:
        return Criterion(cid, text, MET, f"{_amount(value, unit)} ≥ {_amount(threshold, unit)}",
                         review=review, cautions=cautions)
    return Criterion(cid, text, NOT_MET, f"{_amount(value, unit)} < {_amount(threshold, unit)}",
                     review=review)


def below(cid: str, text: str, value: float | None, limit: float, field: str,
          unit: str = "", cautions: tuple[str, ...] = ()) -> Criterion:
    """``value < limit``."""
    if value is None:
        return unknown(cid, text, field)
    met = value < limit
    suffix = f" {unit}" if unit else ""
    return Criterion(cid, text, MET if met else NOT_MET,
                     f"{value:g}{suffix} {'<' if met else '≥'} {limit:g}{suffix}",
                     cautions=cautions)


def feb29_ambiguous(born: date, on: date) -> bool:
    # Whether someone born on 29 February turns a year older on 28 February or on
    # 1 March in a common year is not settled (schemes.md §0.4): on 28 February the
    # age is in doubt.
    return (born.month, born.day) == (2, 29) and (on.month, on.day) == (2, 28) \
        and not calendar.isleap(on.year)


def age_criterion(cid: str, text: str, p: Profile, *, min_age: int | None = None,
                  max_age: int | None = None) -> Criterion:
    """Age on the assessment date within ``[min_age, max_age]`` (English reckoning)."""
    if p.date_of_birth is None:
        return unknown(cid, text, "date_of_birth")
    age = age_on(p.date_of_birth, p.assessment_date)
    if age < 0:
        return Criterion(cid, text, NOT_MET, "born after the assessment date")
    ok = (min_age is None or age >= min_age) and (max_age is None or age <= max_age)
    review = None
    if feb29_ambiguous(p.date_of_birth, p.assessment_date):
        older = age + 1
        if ((min_age is None or older >= min_age) and (max_age is None or older <= max_age)) != ok:
            review = ("born on 29 February: whether the birthday counts on 28 February or "
                      "1 March in a common year is not published")
    return Criterion(cid, text, MET if ok else NOT_MET, f"aged {age}", review=review)


@lru_cache(maxsize=4096)
def _nationality_on(nationality: str, on: date) -> Criterion:
    cid, text = "nationality", "nationality not excluded from the scheme"
    rules = rule_set_on("excluded_nationalities", on)
    if rules is None:
        return Criterion(cid, text, UNKNOWN, "no exclusion list recorded for this date",
                         review="exclusion list before 2006-06-28 not recorded")
    if nationality in rules["countries"]:
        return Criterion(cid, text, NOT_MET, f"{nationality} nationals are excluded ({rules.id})")
    return Criterion(cid, text, MET, f"{nationality} not on the list ({rules.id})")


def nationality_not_excluded(p: Profile) -> Criterion:
    """Nationality not on the exclusion list in force on the assessment date.

    The criterion objects are shared between results: nothing may modify them.
    """
    if p.nationality is None:
        return unknown("nationality", "nationality not excluded from the scheme", "nationality")
    return _nationality_on(p.nationality, p.assessment_date)


def no_criminal_record(p: Profile) -> Criterion:
    return flag("criminal_record", "no security objection or known record of serious crime",
                None if p.criminal_record is None else not p.criminal_record, "criminal_record",
                no="has a criminal or adverse immigration record")


def good_chinese_or_english(p: Profile) -> Criterion:
    return _language(p.languages)


@lru_cache(maxsize=1024)
def _language(languages: frozenset[str] | None) -> Criterion:
    cid, text = "language", "good written and spoken Chinese or English"
    if languages is None:
        return unknown(cid, text, "languages")
    ok = bool(languages & {"chinese", "english"})
    detail = ("speaks and writes " + ", ".join(sorted(x.title() for x in languages))
              if languages else "no language given")
    return Criterion(cid, text, MET if ok else NOT_MET, detail)


def first_degree(p: Profile, cid: str = "education",
                 text: str = "good education: normally a first degree") -> Criterion:
    """Normally a first degree; without one, ImmD may still accept special cases."""
    return _first_degree(p.highest_degree, cid, text)


@lru_cache(maxsize=256)
def _first_degree(degree: str | None, cid: str, text: str) -> Criterion:
    if degree is None:
        return unknown(cid, text, "highest_degree")
    if DEGREE_RANK[degree] >= DEGREE_RANK["bachelor"]:
        return Criterion(cid, text, MET, f"highest degree: {degree}")
    return Criterion(cid, text, NOT_MET, f"highest degree: {degree}",
                     review="without a degree, good technical qualifications, proven abilities "
                     "or documented experience may be accepted in special circumstances")


def self_supporting(p: Profile) -> Criterion:
    return flag("self_supporting", "can support and accommodate self and dependants without "
                "public assistance", p.self_supporting, "self_supporting")


def is_prc_channel(p: Profile, min_overseas_months: float
                   ) -> tuple[bool | None, str, tuple[str, ...]]:
    """Whether the applicant must use the Mainland channel (ASMTP) rather than GEP.

    Chinese residents of the Mainland and PRC-passport holders use ASMTP unless
    they hold permanent residence overseas, or lived overseas for a year
    immediately before applying and apply from overseas (schemes.md §1.1).
    Returns the answer (None if unknown), an explanation and the facts needed.
    """
    residence, document = p.residence, p.travel_document
    if document == "prc_exit_entry_permit":
        return True, "travels on a Mainland exit-entry permit: a Mainland resident", ()
    concerned = residence == "mainland_china" or document == "prc_passport"
    if not concerned:
        if document is None and p.nationality in (None, "CN"):
            return None, "travel document unknown", ("travel_document",)
        return False, "not a Mainland resident or PRC-passport holder", ()
    months = p.months_resided_overseas_immediately_before
    if months is None and residence == "mainland_china":
        months = 0.0  # living in the Mainland now: no overseas residence immediately before
    if p.overseas_permanent_residence:
        return False, "PRC national with permanent residence overseas", ()
    lived_abroad = None if months is None or p.applying_from is None else (
        months >= min_overseas_months and p.applying_from == "overseas")
    if lived_abroad:
        return False, (f"PRC national who lived overseas {months:g} months immediately before "
                       "and applies from overseas"), ()
    if p.overseas_permanent_residence is False and lived_abroad is False:
        return True, "PRC national without permanent residence or a year's residence overseas", ()
    needs = tuple(n for n, v in (("overseas_permanent_residence", p.overseas_permanent_residence),
                                 ("months_resided_overseas_immediately_before", months),
                                 ("applying_from", p.applying_from)) if v is None)
    return None, "PRC national: whether an overseas exception applies is not known", needs
