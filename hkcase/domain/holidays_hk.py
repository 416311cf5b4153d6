"""Hong Kong general holidays: every Sunday plus the gazetted general holidays.

Backed by the ``holidays`` package with Hong Kong's *optional* category, which is
the general-holiday list of Cap. 149 (its default category gives the statutory
holidays of Cap. 57 instead; schemes.md §10). Years not yet checked against the
gazette are reported as provisional.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import holidays

from hkcase.domain.stay.rules import read_resource

SUNDAY = 6


@dataclass(frozen=True, slots=True)
class HolidayRules:
    country: str
    categories: tuple[str, ...]
    sundays: bool
    checked_years: frozenset[int]
    sources: tuple[str, ...]
    unchecked_note: str
    limit_review: str
    limit_sources: tuple[str, ...]
    limit_note: str


@dataclass(frozen=True, slots=True)
class DayInfo:
    """What a date is for filing purposes."""

    day: date
    holiday_name: str | None  # "Sunday", a general holiday's name, or both
    last_working_day_on_or_before: date
    provisional: bool  # the year's list was not checked against the gazette

    @property
    def is_general_holiday(self) -> bool:
        return self.holiday_name is not None


@cache
def holiday_rules() -> HolidayRules:
    """The holiday settings from ``resources/stay/holidays.toml``."""
    raw = read_resource("holidays")
    general, limit = raw["general_holidays"], raw["limit_on_holiday"]
    return HolidayRules(
        country=general["country"],
        categories=tuple(general["categories"]),
        sundays=bool(general["sundays"]),
        checked_years=frozenset(general["checked_years"]),
        sources=tuple(general["sources"]),
        unchecked_note=general["unchecked_note"],
        limit_review=limit["review"],
        limit_sources=tuple(limit["sources"]),
        limit_note=limit["note"],
    )


@cache
def _gazetted(year: int, language: str | None = None) -> dict[date, str]:
    rules = holiday_rules()
    table = holidays.country_holidays(rules.country, years=year, categories=rules.categories,
                                      language=language)
    return {day: str(name) for day, name in table.items()}


#: python-holidays' languages for Hong Kong's holiday names, by the messages' codes.
_NAME_LANGUAGE = {"zh-hk": "zh_HK", "zh-cn": "zh_CN"}


@cache
def _names_in(code: str, year: int) -> dict[str, str]:
    """English holiday name → its name in ``code``, for the years around ``year``."""
    found: dict[str, str] = {}
    for each in range(year - 3, year + 8):
        english = _gazetted(each)
        theirs = _gazetted(each, _NAME_LANGUAGE[code])
        for day, name in english.items():
            found.setdefault(name, theirs.get(day, name))
    return found


def holiday_words(name: str, code: str) -> str | None:
    """A gazetted holiday's English name (as ``holiday_name`` gives it) in ``code``
    (``zh-hk``/``zh-cn``), from python-holidays' own Chinese names; None if unknown."""
    if code not in _NAME_LANGUAGE:
        return None
    return _names_in(code, date.today().year).get(name)



def holiday_name(day: date) -> str | None:
    """The general holiday ``day`` is (``"Sunday"`` included), or None for a working day."""
    name = _gazetted(day.year).get(day)
    if day.weekday() == SUNDAY and holiday_rules().sundays:
        return "Sunday" if name is None else f"{name} (Sunday)"
    return name


def is_general_holiday(day: date) -> bool:
    """True on Sundays and gazetted general holidays."""
    return holiday_name(day) is not None


def last_working_day_on_or_before(day: date) -> date:
    """``day`` itself when it is a working day, else the last working day before it.

    Saturdays are working days: Cap. 149 does not make them general holidays.
    """
    while is_general_holiday(day):
        day -= timedelta(days=1)
    return day


def is_provisional(year: int) -> bool:
    """True when ``year``'s general-holiday list was not checked against the gazette."""
    return year not in holiday_rules().checked_years


def provisional_note(year: int) -> str:
    """The flag shown for a date in an unchecked year."""
    rules = holiday_rules()
    checked = ", ".join(str(y) for y in sorted(rules.checked_years))
    return rules.unchecked_note.format(year=year, checked=checked)


def day_info(day: date) -> DayInfo:
    """Holiday name, last working day on or before, and whether the list is provisional."""
    last = last_working_day_on_or_before(day)
    return DayInfo(
        day=day,
        holiday_name=holiday_name(day),
        last_working_day_on_or_before=last,
        provisional=is_provisional(day.year) or is_provisional(last.year),
    )
