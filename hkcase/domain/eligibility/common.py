"""Criteria shared by several schemes, each returning a tri-state ``Criterion``."""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache

from hkcase.domain.countries import Country
from hkcase.domain.dates import age_on
from hkcase.domain.eligibility.model import Criterion, Status
from hkcase.domain.eligibility.profile import DEGREE_RANK, Profile
from hkcase.domain.eligibility.rulesets import rule_set_on
from hkcase.domain.eligibility.wording import needs_text, years
from hkcase.domain.messages import Message, current_language, tr

MET, NOT_MET, UNKNOWN = Status.MET, Status.NOT_MET, Status.UNKNOWN


@lru_cache(maxsize=8)
def said(lang: str) -> dict[str, Message]:
    """The shared criteria's fixed sentences in ``lang`` (said once per language)."""
    return {
        "born_after": tr("born after the assessment date"),
        "feb29": tr("born on 29 February: whether the birthday counts on 28 February or "
                    "1 March in a common year is not published"),
        "no_list": tr("no exclusion list recorded for this date"),
        "no_list_review": tr("exclusion list before 2006-06-28 not recorded"),
        "criminal": tr("has a criminal or adverse immigration record"),
        "no_language": tr("no language given"),
        "special": tr("without a degree, good technical qualifications, proven abilities "
                      "or documented experience may be accepted in special circumstances"),
        "prc_permit": tr("travels on a Mainland exit-entry permit: a Mainland resident"),
        "no_document": tr("travel document unknown"),
        "not_prc": tr("not a Mainland resident or PRC-passport holder"),
        "prc_pr": tr("PRC national with permanent residence overseas"),
        "prc_no": tr("PRC national without permanent residence or a year's residence overseas"),
        "prc_open": tr("PRC national: whether an overseas exception applies is not known"),
    }


@lru_cache(maxsize=8)
def _language_words(lang: str) -> dict[str, Message]:
    return {"chinese": tr("Chinese"), "english": tr("English"), "cantonese": tr("Cantonese"),
            "mandarin": tr("Mandarin"), "putonghua": tr("Putonghua"), "french": tr("French"),
            "german": tr("German"), "japanese": tr("Japanese"), "korean": tr("Korean"),
            "spanish": tr("Spanish")}


@lru_cache(maxsize=16384)
def _unknown(cid: str, text: str, needs: tuple[str, ...], detail: str, lang: str) -> Criterion:
    return Criterion(cid, text, UNKNOWN, detail or needs_text(needs), needs=needs)


def unknown(cid: str, text: str, *needs: str, detail: str = "") -> Criterion:
    """A criterion that cannot be decided until ``needs`` are known (a shared instance)."""
    return _unknown(cid, text, needs, detail, current_language())


def flag(cid: str, text: str, value: bool | None, field: str, *, yes: str = "", no: str = "",
         review: str | None = None, cautions: tuple[str, ...] = ()) -> Criterion:
    """A criterion that is exactly one yes/no fact (a shared instance)."""
    return _flag(cid, text, value, field, yes, no, review, cautions, current_language())


@lru_cache(maxsize=16384)
def _flag(cid: str, text: str, value: bool | None, field: str, yes: str, no: str,
          review: str | None, cautions: tuple[str, ...], lang: str) -> Criterion:
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


def _amount(value: float, unit: str) -> str:
    if unit == "HK$":
        return f"HK${value:,.0f}"
    if unit == "years":
        return years(value)
    return f"{value:g} {unit}" if unit else f"{value:g}"


@lru_cache(maxsize=8192)
def _compare(value: float, threshold: float, unit: str, met: bool, lang: str) -> str:
    """``value ≥ threshold`` / ``value < threshold`` (amounts in HK$ need no words)."""
    if unit == "HK$":
        return f"{_amount(value, unit)} {'≥' if met else '<'} {_amount(threshold, unit)}"
    said, limit = _amount(value, unit), _amount(threshold, unit)
    if met:
        return tr("{value} ≥ {threshold}", value=said, threshold=limit)
    return tr("{value} < {threshold}", value=said, threshold=limit)


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
        return Criterion(cid, text, MET, _compare(value, threshold, unit, True,
                                                  current_language()),
                         review=review, cautions=cautions)
    return Criterion(cid, text, NOT_MET, _compare(value, threshold, unit, False,
                                                  current_language()),
                     review=review)


def below(cid: str, text: str, value: float | None, limit: float, field: str,
          unit: str = "", cautions: tuple[str, ...] = ()) -> Criterion:
    """``value < limit``."""
    if value is None:
        return unknown(cid, text, field)
    met = value < limit
    return Criterion(cid, text, MET if met else NOT_MET,
                     _compare(value, limit, unit, not met, current_language()),
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
        return Criterion(cid, text, NOT_MET, said(current_language())["born_after"])
    ok = (min_age is None or age >= min_age) and (max_age is None or age <= max_age)
    review = None
    if feb29_ambiguous(p.date_of_birth, p.assessment_date):
        older = age + 1
        if ((min_age is None or older >= min_age) and (max_age is None or older <= max_age)) != ok:
            review = said(current_language())["feb29"]
    return Criterion(cid, text, MET if ok else NOT_MET, aged(age), review=review)


def aged(age: int) -> str:
    """``aged 34``."""
    return _aged(age, current_language())


@lru_cache(maxsize=512)
def _aged(age: int, lang: str) -> str:
    return tr("aged {age}", age=age)


@lru_cache(maxsize=4096)
def _nationality_on(nationality: str, on: date, lang: str) -> Criterion:
    cid, text = "nationality", "nationality not excluded from the scheme"
    rules = rule_set_on("excluded_nationalities", on)
    if rules is None:
        return Criterion(cid, text, UNKNOWN, said(lang)["no_list"],
                         review=said(lang)["no_list_review"])
    if nationality in rules["countries"]:
        return Criterion(cid, text, NOT_MET, excluded_nationals(nationality, rules.id))
    return Criterion(cid, text, MET, tr("{country} not on the list ({rules})",
                                        country=Country(nationality), rules=rules.id))


def excluded_nationals(country: str, rules: str) -> Message:
    """``AF nationals are excluded (EXCLUDED-…)``."""
    return tr("{country} nationals are excluded ({rules})", country=Country(country),
              rules=rules)


def nationality_not_excluded(p: Profile) -> Criterion:
    """Nationality not on the exclusion list in force on the assessment date.

    The criterion objects are shared between results: nothing may modify them.
    """
    if p.nationality is None:
        return unknown("nationality", "nationality not excluded from the scheme", "nationality")
    return _nationality_on(p.nationality, p.assessment_date, current_language())


def no_criminal_record(p: Profile) -> Criterion:
    return flag("criminal_record", "no security objection or known record of serious crime",
                None if p.criminal_record is None else not p.criminal_record, "criminal_record",
                no=said(current_language())["criminal"])


def good_chinese_or_english(p: Profile) -> Criterion:
    return _language(p.languages, current_language())


def language_names(languages: frozenset[str]) -> list[str]:
    """The languages by name, in English order (``Chinese, English``)."""
    return [language_name(x) for x in sorted(languages, key=str.title)]


def language_name(language: str) -> str:
    """A language by name (``Chinese``); one hkcase has no Chinese name for stays English."""
    return _language_words(current_language()).get(language) or language.title()


@lru_cache(maxsize=1024)
def _language(languages: frozenset[str] | None, lang: str) -> Criterion:
    cid, text = "language", "good written and spoken Chinese or English"
    if languages is None:
        return unknown(cid, text, "languages")
    ok = bool(languages & {"chinese", "english"})
    detail = (tr("speaks and writes {languages}", languages=language_names(languages))
              if languages else said(lang)["no_language"])
    return Criterion(cid, text, MET if ok else NOT_MET, detail)


def first_degree(p: Profile, cid: str = "education",
                 text: str = "good education: normally a first degree") -> Criterion:
    """Normally a first degree; without one, ImmD may still accept special cases."""
    return _first_degree(p.highest_degree, cid, text, current_language())


def highest_degree(degree: str) -> Message:
    """``highest degree: master``."""
    return _highest_degree(degree, current_language())


@lru_cache(maxsize=64)
def _highest_degree(degree: str, lang: str) -> Message:
    from hkcase.domain.eligibility.wording import word

    return tr("highest degree: {degree}", degree=tr("none") if degree == "none"
              else word(degree, vocab="EducationLevel"))


@lru_cache(maxsize=256)
def _first_degree(degree: str | None, cid: str, text: str, lang: str) -> Criterion:
    if degree is None:
        return unknown(cid, text, "highest_degree")
    if DEGREE_RANK[degree] >= DEGREE_RANK["bachelor"]:
        return Criterion(cid, text, MET, highest_degree(degree))
    return Criterion(cid, text, NOT_MET, highest_degree(degree), review=said(lang)["special"])


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
    words = said(current_language())
    if document == "prc_exit_entry_permit":
        return True, words["prc_permit"], ()
    concerned = residence == "mainland_china" or document == "prc_passport"
    if not concerned:
        if document is None and p.nationality in (None, "CN"):
            return None, words["no_document"], ("travel_document",)
        return False, words["not_prc"], ()
    months = p.months_resided_overseas_immediately_before
    if months is None and residence == "mainland_china":
        months = 0.0  # living in the Mainland now: no overseas residence immediately before
    if p.overseas_permanent_residence:
        return False, words["prc_pr"], ()
    lived_abroad = None if months is None or p.applying_from is None else (
        months >= min_overseas_months and p.applying_from == "overseas")
    if lived_abroad:
        return False, tr("PRC national who lived overseas {months} months immediately before "
                         "and applies from overseas", months=f"{months:g}"), ()
    if p.overseas_permanent_residence is False and lived_abroad is False:
        return True, words["prc_no"], ()
    needs = tuple(n for n, v in (("overseas_permanent_residence", p.overseas_permanent_residence),
                                 ("months_resided_overseas_immediately_before", months),
                                 ("applying_from", p.applying_from)) if v is None)
    return None, words["prc_open"], needs
