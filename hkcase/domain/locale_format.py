"""Dates and Hong Kong dollar amounts as the printed outputs write them in each language.

English: ``2 December 2026``, ``HK$1,234``; Chinese: ``2026年12月2日``, ``港幣1,234元``
(Simplified ``港币1,234元``). Month names never depend on the machine's locale.

Pure and without Babel on purpose: the forms wanted are the ones ImmD's pages print, which
CLDR does not give (CLDR's Chinese currency form is ``HK$1,234.00``, not ``港幣1,234元``), and
the dates are one line each. The Chinese money form is marked for review in
``docs/documents-and-pdfs.md`` (ImmD's Chinese pages were not among the sources read).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_CURRENCY = {"en": ("HK$", ""), "zh-hk": ("港幣", "元"), "zh-cn": ("港币", "元")}


def _code(lang: object) -> str:
    code = str(lang.value if isinstance(lang, Enum) else lang).lower().replace("_", "-")
    if code not in _CURRENCY:
        raise ValueError(f"no formats for {lang!r}: choose en, zh-hk or zh-cn")
    return code


def long_date(day: date, lang: object = "en") -> str:
    """``2 December 2026`` in English, ``2026年12月2日`` in either Chinese."""
    if _code(lang) == "en":
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def money_hkd(amount: int | float | Decimal, lang: object = "en") -> str:
    """``HK$1,234`` / ``港幣1,234元`` / ``港币1,234元``; cents only when there are some."""
    prefix, suffix = _CURRENCY[_code(lang)]
    value = Decimal(str(amount))
    sign = "-" if value < 0 else ""
    value = abs(value)
    digits = f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"
    return f"{sign}{prefix}{digits}{suffix}"
