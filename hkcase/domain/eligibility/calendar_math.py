"""Calendar steps the engine takes thousands of times: relativedelta's answers, without it."""

from __future__ import annotations

import calendar
from datetime import date


def add_years(start: date, years: int) -> date:
    """``start + relativedelta(years=years)``: 29 February falls back to the 28th."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        if (start.month, start.day) != (2, 29):
            raise  # out of range, as relativedelta would say
        return start.replace(year=start.year + years, day=28)


def add_months(start: date, months: int) -> date:
    """``start + relativedelta(months=months)``: the day clamped to the month's end."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = start.day
    if day > 28:
        day = min(day, 29 if month == 2 and calendar.isleap(year) else _DAYS[month - 1])
    return date(year, month, day)


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
