"""Extension windows (4 weeks, TTPS 3 months from 2024-11-01), holidays and their flags."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hkcase.domain import holidays_hk
from hkcase.domain.stay.estimate import StayQuestion, estimate_stay
from hkcase.domain.stay.extension_window import WindowTable, extension_window
from hkcase.domain.stay.rules import RuleDataError, rule_book
from hkcase.domain.vocab import Scheme

# schemes.md §10: the gazetted 2026 general holidays (ISD, 2025-05-16).
GAZETTED_2026 = {
    date(2026, 1, 1), date(2026, 2, 17), date(2026, 2, 18), date(2026, 2, 19),
    date(2026, 4, 3), date(2026, 4, 4), date(2026, 4, 6), date(2026, 4, 7),
    date(2026, 5, 1), date(2026, 5, 25), date(2026, 6, 19), date(2026, 7, 1),
    date(2026, 9, 26), date(2026, 10, 1), date(2026, 10, 19), date(2026, 12, 25),
    date(2026, 12, 26),
}


def test_general_holidays_2026_are_the_gazetted_ones_plus_sundays() -> None:
    days = [date(2026, 1, 1) + timedelta(days=n) for n in range(365)]
    holidays = {d for d in days if holidays_hk.is_general_holiday(d)}
    sundays = {d for d in days if d.weekday() == 6}
    assert holidays == GAZETTED_2026 | sundays
    # Good Friday is a general holiday but not a statutory one (the package's default).
    assert holidays_hk.holiday_name(date(2026, 4, 3)) == "Good Friday"
    assert holidays_hk.holiday_name(date(2026, 3, 8)) == "Sunday"
    assert holidays_hk.holiday_name(date(2026, 3, 7)) is None  # Saturdays are working days


@pytest.mark.parametrize(("day", "last"), [
    (date(2026, 10, 1), date(2026, 9, 30)),    # National Day, a Thursday
    (date(2026, 12, 26), date(2026, 12, 24)),  # Saturday holiday after Christmas Day
    (date(2026, 4, 5), date(2026, 4, 2)),      # Sunday after Good Friday and the day after
    (date(2026, 2, 19), date(2026, 2, 16)),    # third day of Chinese New Year
    (date(2026, 3, 10), date(2026, 3, 10)),    # an ordinary Tuesday
])
def test_last_working_day_on_or_before(day: date, last: date) -> None:
    assert holidays_hk.last_working_day_on_or_before(day) == last


def test_years_not_checked_against_the_gazette_are_provisional() -> None:
    assert not holidays_hk.is_provisional(2026)
    assert holidays_hk.is_provisional(2027)
    assert "2027" in holidays_hk.provisional_note(2027)


def test_four_week_window_is_28_days_before_the_limit() -> None:
    window = extension_window(Scheme.GEP, date(2027, 3, 10))
    assert (window.opens, window.rule, window.rule_id) == (date(2027, 2, 10), "4_weeks",
                                                           "general.4-weeks")
    assert window.is_open_on(date(2027, 2, 10)) and window.is_open_on(date(2027, 3, 10))
    assert not window.is_open_on(date(2027, 2, 9)) and not window.is_open_on(date(2027, 3, 11))


@pytest.mark.parametrize(("limit", "opens", "rule"), [
    (date(2024, 10, 31), date(2024, 10, 3), "4_weeks"),   # limit before the 3-month rule
    (date(2024, 11, 28), date(2024, 10, 31), "4_weeks"),  # 4 weeks still opens earlier
    (date(2024, 12, 15), date(2024, 11, 1), "3_months"),  # 3 months, from the day it began
    (date(2025, 2, 1), date(2024, 11, 1), "3_months"),
    (date(2025, 2, 2), date(2024, 11, 2), "3_months"),
    (date(2025, 5, 31), date(2025, 2, 28), "3_months"),   # month end clamped
    (date(2027, 3, 10), date(2026, 12, 10), "3_months"),
])
def test_ttps_window_changes_on_1_november_2024(limit: date, opens: date, rule: str) -> None:
    window = extension_window(Scheme.TTPS, limit, category="A")
    assert (window.opens, window.rule) == (opens, rule)
    assert WindowTable().opening(Scheme.TTPS, limit) == (opens, rule)


def test_ttps_window_is_official_for_every_category() -> None:
    # ImmD's TTPS page (revised 2026-01-01) states the 3-month window for all TTPS entrants.
    a = extension_window(Scheme.TTPS, date(2027, 3, 10), category="A")
    b = extension_window(Scheme.TTPS, date(2027, 3, 10), category="B")
    unknown = extension_window(Scheme.TTPS, date(2027, 3, 10))
    assert a.opens == b.opens == unknown.opens == date(2026, 12, 10)
    assert a.review == b.review == unknown.review == ()
    assert "https://www.immd.gov.hk/eng/services/visas/TTPS.html" in b.sources


def test_dependants_of_ttps_holders_keep_4_weeks() -> None:
    # ImmD's dependants page (revised 2025-12-15): four weeks, stated, so no review.
    window = extension_window(Scheme.DEPENDANT, date(2027, 3, 10), sponsor_scheme=Scheme.TTPS)
    assert (window.rule, window.opens) == ("4_weeks", date(2027, 2, 10))
    assert window.review == ()
    assert any("Dependants of TTPS entrants" in text for text in window.notes)
    assert "https://www.immd.gov.hk/eng/services/visas/residence_as_dependant.html" in \
        window.sources


def test_window_opening_on_a_general_holiday_is_shown() -> None:
    # Limit 2026-03-17: the window opens on 2026-02-17, the first day of Chinese New Year.
    e = estimate_stay(StayQuestion(Scheme.GEP, entry_date=date(2023, 3, 17),
                                   application_date=date(2023, 1, 5)))
    data = e.as_dict()
    assert data["limit_of_stay"] == "2026-03-17"
    assert data["extension_window_opens"] == "2026-02-17"
    assert data["window_opens_on_general_holiday"] is True
    assert data["window_holiday_name"] == "Chinese New Year"
    assert data["limit_is_general_holiday"] is False
    assert data["last_working_day_on_or_before_limit"] == "2026-03-17"
    assert not any(f["code"] == "holidays_provisional" for f in data["needs_review"])


def test_limit_on_a_holiday_is_never_moved_but_flagged() -> None:
    e = estimate_stay(StayQuestion(Scheme.IANG, entry_date=date(2024, 12, 26),
                                   printed_limit=date(2026, 12, 26)))
    data = e.as_dict()
    assert data["limit_of_stay"] == "2026-12-26"
    assert data["limit_is_general_holiday"] is True
    assert data["holiday_name"] == "The first weekday after Christmas Day"
    assert data["last_working_day_on_or_before_limit"] == "2026-12-24"
    codes = [f["code"] for f in data["needs_review"]]
    assert "limit_on_holiday" in codes  # Cap. 1 s.71 is an open question
    assert "holidays_provisional" not in codes


def test_dates_in_unchecked_years_are_flagged_provisional() -> None:
    e = estimate_stay(StayQuestion(Scheme.GEP, entry_date=date(2025, 6, 3)))
    assert e.limit_of_stay == date(2028, 6, 3)
    assert any(f.code == "holidays_provisional" and "2028" in f.text for f in e.needs_review)


def test_rule_data_is_complete_and_sourced() -> None:
    book = rule_book()
    for scheme in Scheme:
        assert book.patterns_for(scheme), scheme
    for pattern in book.patterns:
        assert pattern.sources and all(s.startswith("http") for s in pattern.sources)
    for window in book.windows:
        assert window.sources and all(s.startswith("http") for s in window.sources)
    # Exactly one pattern per scheme on any day after the first change date.
    for scheme in Scheme:
        for day in (date(2015, 5, 4), date(2022, 12, 27), date(2022, 12, 28), date(2026, 1, 1)):
            covering = [p for p in book.patterns_for(scheme) if p.covers(day)]
            assert len(covering) <= 1


def test_overlapping_patterns_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from hkcase.domain.stay import rules as stay_rules

    real = stay_rules.read_resource

    def overlapping(name: str) -> dict[str, object]:
        raw = real(name)
        if name == "patterns":
            raw["pattern"].append({**raw["pattern"][-2], "id": "NEW-CIES.copy"})
        return raw

    monkeypatch.setattr(stay_rules, "read_resource", overlapping)
    stay_rules.rule_book.cache_clear()
    try:
        with pytest.raises(RuleDataError, match="overlaps"):
            stay_rules.rule_book()
    finally:
        monkeypatch.undo()
        stay_rules.rule_book.cache_clear()
    assert stay_rules.rule_book().patterns
