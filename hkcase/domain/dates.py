"""Calendar arithmetic used across hkcase (schemes.md §0.4)."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta


def add_months(start: date, months: int) -> date:
    """``start`` plus ``months`` calendar months, on the same day, clamped to the month's end.

    2024-02-29 + 24 months = 2026-02-28; 2027-01-31 + 1 month = 2027-02-28.
    """
    result: date = start + relativedelta(months=months)
    return result


def age_on(born: date, on: date) -> int:
    """Age in whole years on ``on`` (English reckoning: a birthday counts from its day)."""
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return years
