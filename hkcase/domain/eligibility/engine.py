"""Assess a profile under every scheme, and find when the answer changes with time alone."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import lru_cache

from hkcase.domain.dates import age_on
from hkcase.domain.eligibility.calendar_math import add_months, add_years
from hkcase.domain.eligibility.lists import lookup_university
from hkcase.domain.eligibility.model import Assessment, Change, SchemeResult, Verdict
from hkcase.domain.eligibility.profile import Profile
from hkcase.domain.eligibility.rulesets import change_dates
from hkcase.domain.eligibility.schemes.dependants import assess_dependant
from hkcase.domain.eligibility.schemes.employment import assess_asmtp, assess_gep, assess_techtas
from hkcase.domain.eligibility.schemes.graduates import assess_assg, assess_iang
from hkcase.domain.eligibility.schemes.investment import assess_new_cies
from hkcase.domain.eligibility.schemes.qmas import assess_qmas_abpt, assess_qmas_gpt
from hkcase.domain.eligibility.schemes.ttps import assess_ttps
from hkcase.domain.eligibility.verdicts import VERDICTS
from hkcase.domain.eligibility.wording import change_effect, joined, word
from hkcase.domain.labels import label as words_of
from hkcase.domain.messages import Message, current_language, tr
from hkcase.domain.stay.estimate import StayQuestion, StayQuestionError, estimate_stay
from hkcase.domain.vocab import Scheme

Assessor = Callable[[Profile], SchemeResult]

ASSESSORS: dict[Scheme, Assessor] = {
    Scheme.ASMTP: assess_asmtp,
    Scheme.GEP: assess_gep,
    Scheme.QMAS_GPT: assess_qmas_gpt,
    Scheme.QMAS_ABPT: assess_qmas_abpt,
    Scheme.TTPS: assess_ttps,
    Scheme.TECHTAS: assess_techtas,
    Scheme.IANG: assess_iang,
    Scheme.ASSG: assess_assg,
    Scheme.NEW_CIES: assess_new_cies,
    Scheme.DEPENDANT: assess_dependant,
}

# Which dated things each scheme's answer can turn on.
RULE_FILES: dict[Scheme, tuple[str, ...]] = {
    Scheme.ASMTP: ("asmtp",),
    Scheme.GEP: ("gep", "excluded_nationalities"),
    Scheme.QMAS_GPT: ("qmas_gpt", "excluded_nationalities"),
    Scheme.QMAS_ABPT: ("qmas_abpt", "excluded_nationalities"),
    Scheme.TTPS: ("ttps", "excluded_nationalities"),
    Scheme.TECHTAS: ("techtas", "excluded_nationalities"),
    Scheme.IANG: ("iang", "excluded_nationalities"),
    Scheme.ASSG: ("assg", "excluded_nationalities"),
    Scheme.NEW_CIES: ("new_cies",),
    Scheme.DEPENDANT: ("dependant",),
}
AGE_THRESHOLDS: dict[Scheme, tuple[int, ...]] = {
    Scheme.QMAS_GPT: (18, 40, 45, 51),  # 40/45/51: legacy points bands and the revised limit
    Scheme.QMAS_ABPT: (18,),
    Scheme.ASSG: (18, 41),
    Scheme.NEW_CIES: (18,),
    Scheme.DEPENDANT: (18, 60),
}
EXPERIENCE: dict[Scheme, tuple[tuple[str, tuple[float, ...]], ...]] = {
    Scheme.QMAS_GPT: (("years_experience", (2, 5, 10)),),
    Scheme.TTPS: (("years_experience", (3,)), ("years_experience_last_5y", (3,))),
    Scheme.TECHTAS: (("years_relevant_experience", (1,)),),
}
_ALL = tuple((scheme, VERDICTS[scheme], ASSESSORS[scheme]) for scheme in ASSESSORS)
NOT_ELIGIBLE = Verdict.NOT_ELIGIBLE
HORIZON_YEARS = 10
#: What a candidate date is: a kind and its values, said only when the date changes the
#: answer (most candidate dates do not, and words cost).
Label = tuple[object, ...]


def _said(label: Label) -> Message:
    """A candidate date's label in words (``turns 51``)."""
    return _said_in(label, current_language())


@lru_cache(maxsize=4096)
def _said_in(label: Label, lang: str) -> Message:
    kind, *values = label
    value = values[0] if values else None
    if kind == "turns":
        return tr("turns {age}", age=value)
    if kind == "years_experience":
        return tr("{years} years of work experience (assuming the applicant keeps working)",
                  years=f"{value:g}")
    if kind == "years_experience_last_5y":
        return tr("{years} years of work experience in the last 5 years (assuming the "
                  "applicant keeps working)", years=f"{value:g}")
    if kind == "years_relevant_experience":
        return tr("{years} years of relevant experience (assuming the applicant keeps "
                  "working)", years=f"{value:g}")
    if kind == "five_years":
        return tr("5 years since the bachelor's degree")
    if kind == "over_five_years":
        return tr("more than 5 years since the bachelor's degree")
    if kind == "graduation_year_5":
        return tr("{year}: five years after the year of graduation", year=value)
    if kind == "graduation_year_6":
        return tr("{year}: more than five years after graduation", year=value)
    if kind == "leaves_list":
        return tr("{university} leaves the list", university=value)
    if kind == "joins_list":
        return tr("{university} joins the list", university=value)
    if kind == "graduation":
        return tr("graduation")
    if kind == "six_months":
        return tr("six months after graduation")
    if kind == "window_closed":
        return tr("the fresh-graduate window has closed")
    if kind == "sponsor_limit":
        return tr("the sponsor's limit of stay passes")
    assert kind == "rules"
    return tr("rules change ({rules})", rules=_rules_name(str(value)))


def _rules_name(name: str) -> Message:
    """A rule file as the change says it: ``ttps`` (a scheme's name in Chinese)."""
    if name == "excluded_nationalities":
        return tr("excluded nationalities")
    try:
        return word(Scheme(name.upper()).value, words_of(name), "Scheme")
    except ValueError:
        return word(name, words_of(name))


@lru_cache(maxsize=16384)
def _birthday(born: date, age: int) -> date:
    """First day on which someone born on ``born`` is ``age`` (1 March for 29 February)."""
    day = add_years(born, age)
    return day if age_on(born, day) >= age else day + timedelta(days=1)


@lru_cache(maxsize=64)
def _rule_changes(scheme: Scheme) -> tuple[tuple[date, ...], tuple[tuple[date, Label], ...]]:
    """The dates on which the rule sets of ``scheme`` change, with their labels, by date."""
    changes = sorted(((day, ("rules", name))
                      for name in RULE_FILES[scheme] for day in change_dates(name)),
                     key=lambda change: change[0])  # stable: file order within a day
    return tuple(day for day, _ in changes), tuple(changes)


@lru_cache(maxsize=4096)
def _horizon(on: date) -> date:
    return add_months(on, 12 * HORIZON_YEARS)


def _candidates(scheme: Scheme, p: Profile) -> dict[date, list[Label]]:
    """Dates after the assessment date on which something the scheme tests changes."""
    on = p.assessment_date
    horizon = _horizon(on)
    found: dict[date, list[Label]] = {}

    def add(day: date, label: Label) -> None:
        if on < day <= horizon:
            found.setdefault(day, []).append(label)

    if p.date_of_birth is not None:
        for age in AGE_THRESHOLDS.get(scheme, ()):
            add(_birthday(p.date_of_birth, age), ("turns", age))
    for field, thresholds in EXPERIENCE.get(scheme, ()):
        value = getattr(p, field)
        if value is None:
            continue
        for threshold in thresholds:
            if value < threshold:
                days = math.ceil((threshold - value) * 365.25)
                add(on + timedelta(days=days), (field, threshold))
    if scheme is Scheme.TTPS:
        if p.bachelor_award_date is not None:
            fifth = add_years(p.bachelor_award_date, 5)
            add(fifth, ("five_years",))
            add(fifth + timedelta(days=1), ("over_five_years",))
            year = p.bachelor_award_date.year  # ImmD counts by year of graduation (2026-)
            if year + 6 <= 2100:
                add(date(year + 5, 1, 1), ("graduation_year_5", year + 5))
                add(date(year + 6, 1, 1), ("graduation_year_6", year + 6))
        if p.bachelor_institution and p.bachelor_institution_on_ttps_list is None:
            entry = lookup_university(p.bachelor_institution, on).entry
            if entry is not None and entry.effective_to is not None:
                add(entry.effective_to + timedelta(days=1), ("leaves_list", entry.name_en))
            if entry is not None and entry.effective_from is not None:
                add(entry.effective_from, ("joins_list", entry.name_en))
    if scheme is Scheme.IANG and p.graduation_date is not None:
        end = add_months(p.graduation_date, 6)
        add(p.graduation_date, ("graduation",))
        add(end, ("six_months",))
        add(end + timedelta(days=1), ("window_closed",))
    if scheme is Scheme.DEPENDANT and p.sponsor_limit_of_stay is not None:
        add(p.sponsor_limit_of_stay + timedelta(days=1), ("sponsor_limit",))
    days, changes = _rule_changes(scheme)
    for day, label in changes[bisect_right(days, on):bisect_right(days, horizon)]:
        found.setdefault(day, []).append(label)
    return found


def _project(p: Profile, day: date) -> Profile:
    """The profile as it will stand on ``day`` if nothing but time and work go on."""
    elapsed = (day - p.assessment_date).days / 365.25
    changes: dict[str, object] = {"assessment_date": day}
    for field in ("years_experience", "years_relevant_experience"):
        value = getattr(p, field)
        if value is not None:
            changes[field] = value + elapsed
    if p.years_experience_last_5y is not None:
        changes["years_experience_last_5y"] = min(5.0, p.years_experience_last_5y + elapsed)
    return p.replace(**changes)


def _status_map(result: SchemeResult) -> dict[str, str]:
    states = {c.id: c.status._value_ for c in result.criteria}  # _value_: no enum descriptor
    states["outcome"] = result.outcome._value_
    states["category"] = result.category or "none"
    return states


def changes_on(scheme: Scheme, p: Profile, today: SchemeResult, *,
               projected: dict[date, Profile] | None = None) -> list[Change]:
    """When the criteria, the category or the outcome change with time alone.

    ``projected`` keeps ``p`` as projected to each date, for the other schemes
    of the same assessment (many dates recur: birthdays, rule changes).
    """
    return _changes(scheme, p, today, _candidates(scheme, p), {} if projected is None
                    else projected)


def _changes(scheme: Scheme, p: Profile, today: SchemeResult,
             candidates: dict[date, list[Label]], projected: dict[date, Profile]
             ) -> list[Change]:
    """``changes_on`` over the candidate dates already found."""
    if not candidates:
        return []
    assessor = ASSESSORS[scheme]
    previous = _status_map(today)
    changes: list[Change] = []
    for day, labels in sorted(candidates.items()):
        future = projected.get(day)
        if future is None:
            future = projected[day] = _project(p, day)
        result = assessor(future)
        current = _status_map(result)
        why: Message | None = None
        for key, state in current.items():
            before = previous.get(key)
            if before is not None and before != state:
                if why is None:
                    why = joined([_said(label) for label in labels])
                changes.append(Change(day, key, change_effect(key, before, state, why)))
        previous = current
    return changes


def initial_stay_months(scheme: Scheme, on: date, category: str | None) -> int | None:
    """The first stay the scheme's dated pattern grants on approval on ``on``.

    None for dependants (their stay follows the sponsor's) and where the stay
    rules cannot say.
    """
    return _stay_months(scheme.value, on, category)


@lru_cache(maxsize=4096)
def _stay_months(name: str, on: date, category: str | None) -> int | None:
    # keyed by the scheme's name: a str hashes faster than an Enum member
    scheme = Scheme(name)
    if scheme is Scheme.DEPENDANT:
        return None
    try:
        estimate = estimate_stay(StayQuestion(
            scheme=scheme, entry_date=on, approval_date=on,
            category=category if scheme is Scheme.TTPS else None))
    except StayQuestionError:
        return None
    return estimate.grant_months


def assess(profile: Profile, schemes: Iterable[Scheme] | None = None, *,
           with_changes: bool = True) -> Assessment:
    """Assess ``profile`` on its assessment date under each scheme (all by default).

    A result whose answer cannot change with time alone (or every result, without
    ``with_changes``) builds its explanation (criteria, reasons, missing facts,
    cautions) only when first read.
    """
    on = profile.assessment_date
    plan = _ALL if not schemes else [(s, VERDICTS[s], ASSESSORS[s]) for s in schemes]
    if not with_changes:  # the bulk path: a verdict per scheme, explained when read
        stay_months = _stay_months
        results = []
        for _scheme, verdict, assessor in plan:
            quick = verdict(profile) or assessor(profile)
            if quick.outcome is not NOT_ELIGIBLE:
                quick.initial_stay_months = stay_months(quick.scheme, on, quick.category)
            results.append(quick)
        return Assessment(on, results)
    results = []
    projected: dict[date, Profile] = {}
    for scheme, verdict, assessor in plan:
        # Time can change the answer only where a candidate date falls in the horizon;
        # elsewhere the verdict is enough until the explanation is read.
        candidates = _candidates(scheme, profile)
        result = None if candidates else verdict(profile)
        if result is None:
            result = assessor(profile)
        if result.outcome is not NOT_ELIGIBLE:
            result.initial_stay_months = _stay_months(result.scheme, on, result.category)
        if candidates:
            result.changes_on = _changes(scheme, profile, result, candidates, projected)
        results.append(result)
    return Assessment(assessment_date=profile.assessment_date, results=results)
