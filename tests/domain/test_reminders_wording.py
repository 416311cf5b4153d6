"""Reminder wording computed on the day it is shown, and snoozes capped at the deadline."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hkcase.domain.reminders.plan import StayFact, plan_reminders
from hkcase.domain.reminders.snooze import SnoozeError, check_snooze, snooze_cap, snooze_choices
from hkcase.domain.reminders.wording import limit_line, relative_day, shown_title
from hkcase.domain.vocab import ReminderKind, Scheme

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(("offset", "text"), [
    (0, "today"), (1, "tomorrow"), (-1, "yesterday"), (3, "in 3 days"), (-2, "2 days ago"),
    (13, "in 13 days"), (14, "in 2 weeks"), (15, "in 15 days"), (-21, "3 weeks ago")])
def test_relative_day(offset: int, text: str) -> None:
    assert relative_day(TODAY + timedelta(days=offset), TODAY) == text


def test_stored_titles_hold_no_relative_wording() -> None:
    stay = StayFact(1, 1, 1, Scheme.GEP, date(2024, 1, 1), date(2026, 12, 20), None, 0)
    for planned in plan_reminders([stay], [], [], [], [84, 42, 7]):
        assert " in 1 week" not in planned.title and " in 6 weeks" not in planned.title
        assert "ago" not in planned.title


def test_the_same_reminder_reads_differently_three_weeks_later() -> None:
    limit = date(2026, 12, 29)
    title = "Limit of stay 2026-12-29: the extension must be filed by then"
    first = shown_title(ReminderKind.FINAL_WEEK, title, limit - timedelta(days=7), limit,
                        date(2026, 12, 22))
    assert first.endswith("limit in 7 days")
    later = shown_title(ReminderKind.FINAL_WEEK, title, limit - timedelta(days=7), limit,
                        limit)
    assert later.endswith("limit today")


def test_a_passed_limit_is_said_loudly_with_what_to_do_now() -> None:
    limit = date(2026, 11, 24)
    title = shown_title(ReminderKind.FINAL_WEEK,
                        "Limit of stay 2026-11-24: the extension must be filed by then",
                        limit - timedelta(days=7), limit, TODAY)
    assert title.startswith("LIMIT OF STAY PASSED on 2026-11-24 (7 days ago)")
    assert "online extension is closed" in title and "Contact ImmD" in title
    assert "must be filed by then" not in title
    assert limit_line(limit, TODAY).startswith("LIMIT OF STAY PASSED")
    assert limit_line(TODAY, TODAY) == f"Limit of stay {TODAY} (today)."


def test_other_reminders_gain_their_distance() -> None:
    due = TODAY + timedelta(days=3)
    assert shown_title(ReminderKind.DOCUMENT_EXPIRY, "Contract expires 2027-02-20", due, None,
                       TODAY) == "Contract expires 2027-02-20 — in 3 days"


def test_snooze_cap_is_the_deadline_itself() -> None:
    limit = date(2026, 12, 10)
    assert snooze_cap(ReminderKind.WINDOW_OPENS, limit) == limit
    assert snooze_cap(ReminderKind.FINAL_WEEK, limit) == limit
    assert snooze_cap(ReminderKind.TRAVEL_DOCUMENT_EXPIRY, limit, date(2026, 12, 5)) == \
        date(2026, 12, 5)
    assert snooze_cap(ReminderKind.DOCUMENT_EXPIRY, limit, date(2027, 1, 5)) == \
        date(2027, 1, 5)
    assert snooze_cap(ReminderKind.PERMANENT_RESIDENCE, limit) is None


def test_a_week_past_the_limit_is_refused_and_the_limit_day_allowed() -> None:
    limit = TODAY + timedelta(days=4)
    with pytest.raises(SnoozeError, match="at the latest"):
        check_snooze(TODAY + timedelta(days=7), TODAY, limit, "the limit of stay")
    check_snooze(limit, TODAY, limit)
    with pytest.raises(SnoozeError, match="after today"):
        check_snooze(TODAY, TODAY, limit)
    with pytest.raises(SnoozeError, match="cannot be snoozed"):
        check_snooze(TODAY + timedelta(days=1), TODAY, TODAY)


def test_choices_offer_the_window_and_days_before_the_limit_never_past_it() -> None:
    limit = TODAY + timedelta(days=40)
    opens = limit - timedelta(days=28)
    choices = snooze_choices(TODAY, limit, window_opens=opens, limit_of_stay=limit)
    labels = [c.label for c in choices]
    assert f"until the window opens ({opens})" in labels
    assert f"until 7 days before the limit ({limit - timedelta(days=7)})" in labels
    assert all(TODAY < c.until <= limit for c in choices)
    assert [c.until for c in choices] == sorted(c.until for c in choices)
    near = snooze_choices(TODAY, TODAY + timedelta(days=5), limit_of_stay=TODAY + timedelta(5))
    assert "1 week" not in [c.label for c in near]
    assert all(c.until <= TODAY + timedelta(days=5) for c in near)
    assert snooze_choices(TODAY, TODAY, limit_of_stay=TODAY) == []
