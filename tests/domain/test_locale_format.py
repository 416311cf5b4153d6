"""Dates and Hong Kong dollars as the printed outputs write them in each language."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hkcase.domain.checklists import Lang
from hkcase.domain.locale_format import long_date, money_hkd


def test_dates_in_each_language() -> None:
    day = date(2026, 12, 2)
    assert long_date(day) == long_date(day, Lang.EN) == "2 December 2026"
    assert long_date(day, Lang.ZH_HK) == long_date(day, "zh-cn") == "2026年12月2日"
    assert long_date(date(2027, 3, 15), "zh_HK") == "2027年3月15日"


def test_money_in_each_language() -> None:
    assert money_hkd(1234) == "HK$1,234"
    assert money_hkd(2_500_000, Lang.ZH_HK) == "港幣2,500,000元"
    assert money_hkd(1234, Lang.ZH_CN) == "港币1,234元"
    assert money_hkd(Decimal("99.5")) == "HK$99.50"
    assert money_hkd(12.25, Lang.ZH_HK) == "港幣12.25元"
    assert money_hkd(-600) == "-HK$600"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="choose en, zh-hk or zh-cn"):
        long_date(date(2026, 1, 1), "de")
