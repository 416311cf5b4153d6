"""Planning reminders from facts, and classifying them for the digest (pure functions)."""

from __future__ import annotations

from datetime import date

import pytest

from hkcase.domain.reminders.plan import (
    DocumentFact,
    LeadDaysError,
    PlannedReminder,
    SponsorLink,
    StayFact,
    TravelDocumentFact,
    current_stays,
    normalise_lead_days,
    plan_reminders,
)
from hkcase.domain.reminders.urgency import Urgency, classify, fold_stay_deadlines
from hkcase.domain.vocab import ReminderKind, Scheme

LEADS = [84, 42, 7]


def stay(stay_id: int, client: int, limit: date, *, scheme: Scheme = Scheme.GEP,
         granted: date = date(2024, 1, 10), entry: date | None = None) -> StayFact:
    return StayFact(stay_id, 10 * stay_id, client, scheme, granted, limit, entry, 0)


def by_key(plan: list[PlannedReminder]) -> dict[str, PlannedReminder]:
    return {p.key: p for p in plan}


def test_stay_reminders_at_each_lead_time_and_the_window() -> None:
    plan = by_key(plan_reminders([stay(1, 1, date(2027, 3, 10))], [], [], [], LEADS))
    assert {k: (p.kind, p.due_date) for k, p in plan.items() if k.startswith("stay:")} == {
        "stay:1:lead:84": (ReminderKind.BEFORE_LIMIT, date(2026, 12, 16)),
        "stay:1:lead:42": (ReminderKind.BEFORE_LIMIT, date(2027, 1, 27)),
        "stay:1:window": (ReminderKind.WINDOW_OPENS, date(2027, 2, 10)),
        "stay:1:lead:7": (ReminderKind.FINAL_WEEK, date(2027, 3, 3)),
    }
    assert plan["stay:1:window"].case_id == 10 and plan["stay:1:window"].stay_id == 1
    assert "4 weeks before the limit of stay 2027-03-10" in plan["stay:1:window"].title


def test_ttps_window_reminder_is_three_months_ahead() -> None:
    plan = by_key(plan_reminders([stay(1, 1, date(2027, 3, 10), scheme=Scheme.TTPS)],
                                 [], [], [], LEADS))
    assert plan["stay:1:window"].due_date == date(2026, 12, 10)
    assert "3 months" in plan["stay:1:window"].title


def test_a_lead_time_on_the_window_day_is_not_doubled() -> None:
    plan = plan_reminders([stay(1, 1, date(2027, 3, 10))], [], [], [], [28, 7])
    assert sorted(p.key for p in plan if p.key.startswith("stay:")) == [
        "stay:1:lead:7", "stay:1:window"]


def test_final_week_title_names_the_last_working_day_of_a_holiday_limit() -> None:
    plan = by_key(plan_reminders([stay(1, 1, date(2026, 12, 26))], [], [], [], LEADS))
    assert "last working day 2026-12-24" in plan["stay:1:lead:7"].title


def test_only_the_current_stay_of_each_client_gets_reminders() -> None:
    old = stay(1, 1, date(2026, 3, 1), granted=date(2023, 2, 1))
    new = stay(2, 1, date(2029, 3, 1), granted=date(2026, 2, 1))
    other = stay(3, 2, date(2027, 1, 1))
    assert current_stays([old, new, other]) == {1: new, 2: other}
    keys = {p.key for p in plan_reminders([old, new, other], [], [], [], LEADS)}
    assert not any(k.startswith("stay:1:") for k in keys)
    assert {"stay:2:window", "stay:3:window"} <= keys


@pytest.mark.parametrize(("expiry", "expected"), [
    (date(2026, 6, 1), ("before the limit", date(2026, 3, 9))),         # expires before limit
    (date(2027, 4, 1), ("within 3 months", date(2026, 11, 18))),       # < window + 3 months
    (date(2027, 5, 10), None),                                          # valid long enough
])
def test_travel_document_expiring_too_soon(expiry: date,
                                           expected: tuple[str, date] | None) -> None:
    # Limit 2027-03-10, window opens 2027-02-10: the document must be valid to 2027-05-10.
    plan = by_key(plan_reminders([stay(1, 1, date(2027, 3, 10))],
                                 [TravelDocumentFact(5, 1, "passport", expiry)], [], [], LEADS))
    reminder = plan.get("stay:1:tdoc:5")
    if expected is None:
        assert reminder is None
    else:
        assert reminder is not None and reminder.kind is ReminderKind.TRAVEL_DOCUMENT_EXPIRY
        assert expected[0] in reminder.title and reminder.title.startswith("Passport expires")
        assert reminder.due_date == expected[1]  # renew-by (expiry or window) − 84 days


def test_a_newer_travel_document_replaces_the_old_one() -> None:
    docs = [TravelDocumentFact(5, 1, "passport", date(2026, 6, 1)),
            TravelDocumentFact(6, 1, "passport", date(2035, 6, 1))]
    plan = plan_reminders([stay(1, 1, date(2027, 3, 10))], docs, [], [], LEADS)
    assert not any(p.kind is ReminderKind.TRAVEL_DOCUMENT_EXPIRY for p in plan)


def test_document_expiry_reminder() -> None:
    plan = by_key(plan_reminders(
        [stay(1, 1, date(2027, 3, 10))], [],
        [DocumentFact(9, 77, 1, "Employment contract", date(2026, 9, 30))], [], LEADS))
    reminder = plan["doc:9"]
    assert (reminder.case_id, reminder.stay_id, reminder.due_date) == (77, 1, date(2026, 7, 8))
    assert reminder.title == "Employment contract expires 2026-09-30"


def test_permanent_residence_seven_years_after_first_entry() -> None:
    stays = [stay(1, 1, date(2024, 3, 1), granted=date(2020, 1, 5), entry=date(2020, 2, 29)),
             stay(2, 1, date(2027, 3, 1), granted=date(2024, 2, 1))]
    reminder = by_key(plan_reminders(stays, [], [], [], LEADS))["client:1:pr"]
    assert reminder.due_date == date(2027, 2, 28)  # 29 Feb + 7 years, clamped
    assert (reminder.case_id, reminder.stay_id) == (20, 2)  # attached to the current stay
    assert "first entry 2020-02-29" in reminder.title and "estimate" in reminder.title
    no_entry = by_key(plan_reminders([stay(3, 2, date(2027, 1, 1))], [], [], [], LEADS))
    assert "first grant 2024-01-10 (no entry date)" in no_entry["client:2:pr"].title


def test_dependant_is_reminded_when_the_sponsors_limit_changes() -> None:
    sponsor_new = stay(2, 1, date(2030, 1, 10), granted=date(2026, 12, 1))
    dependant = stay(3, 2, date(2027, 1, 10), scheme=Scheme.DEPENDANT, granted=date(2024, 1, 20))
    link = [SponsorLink(1, 2)]
    plan = by_key(plan_reminders([sponsor_new, dependant], [], [], link, LEADS))
    reminder = plan["stay:3:sponsor-stay:2"]
    assert reminder.kind is ReminderKind.SPONSOR_LIMIT_CHANGED
    assert (reminder.due_date, reminder.case_id) == (date(2026, 12, 1), 30)
    assert "2030-01-10" in reminder.title and "2027-01-10" in reminder.title
    # Once the dependant's new stay matches, the trigger is gone.
    matched = stay(4, 2, date(2030, 1, 10), scheme=Scheme.DEPENDANT, granted=date(2026, 12, 20))
    plan = plan_reminders([sponsor_new, dependant, matched], [], [], link, LEADS)
    assert not any(p.kind is ReminderKind.SPONSOR_LIMIT_CHANGED for p in plan)


def test_lead_days_are_checked() -> None:
    assert normalise_lead_days([7, 84, 42, 42]) == (84, 42, 7)
    for bad in ([], [0], [-3], [True], ["7"], [1000]):
        with pytest.raises(LeadDaysError):
            normalise_lead_days(bad)  # type: ignore[arg-type]


TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(("kind", "due", "limit", "opens", "expected"), [
    (ReminderKind.FINAL_WEEK, date(2026, 11, 10), date(2026, 11, 17), date(2026, 10, 20),
     Urgency.OVERDUE),                                   # the limit has passed
    (ReminderKind.WINDOW_OPENS, date(2026, 11, 20), date(2026, 12, 18), date(2026, 11, 20),
     Urgency.WINDOW_OPEN),
    (ReminderKind.BEFORE_LIMIT, date(2026, 11, 1), date(2027, 1, 24), date(2026, 12, 27),
     Urgency.OVERDUE),                                   # missed, window not yet open
    (ReminderKind.BEFORE_LIMIT, date(2026, 11, 22), date(2027, 2, 14), date(2027, 1, 17),
     Urgency.UPCOMING),                                  # due today
    (ReminderKind.WINDOW_OPENS, date(2026, 12, 1), date(2026, 12, 29), date(2026, 12, 1),
     Urgency.UPCOMING),
    (ReminderKind.WINDOW_OPENS, date(2027, 1, 1), date(2027, 1, 29), date(2027, 1, 1), None),
    (ReminderKind.PERMANENT_RESIDENCE, date(2026, 10, 1), date(2027, 5, 1), None,
     Urgency.OVERDUE),
    (ReminderKind.TRAVEL_DOCUMENT_EXPIRY, date(2026, 11, 1), date(2026, 12, 18),
     date(2026, 11, 20), Urgency.OVERDUE),               # not an extension reminder
])
def test_urgency(kind: ReminderKind, due: date, limit: date, opens: date | None,
                 expected: Urgency | None) -> None:
    assert classify(kind, due, limit, opens, TODAY, 30) == expected


def test_fold_keeps_the_most_advanced_due_reminder_of_each_stay() -> None:
    items = [
        ("a84", 1, ReminderKind.BEFORE_LIMIT, date(2026, 10, 1)),
        ("a42", 1, ReminderKind.BEFORE_LIMIT, date(2026, 11, 12)),
        ("awin", 1, ReminderKind.WINDOW_OPENS, date(2026, 11, 20)),
        ("a7", 1, ReminderKind.FINAL_WEEK, date(2026, 12, 11)),   # not yet due
        ("b84", 2, ReminderKind.BEFORE_LIMIT, date(2026, 12, 1)),  # nothing due yet
        ("b42", 2, ReminderKind.BEFORE_LIMIT, date(2027, 1, 12)),
        ("pr", 1, ReminderKind.PERMANENT_RESIDENCE, date(2026, 1, 1)),
    ]
    kept = fold_stay_deadlines(items, stay_of=lambda i: i[1], kind_of=lambda i: i[2],
                               date_of=lambda i: i[3], today=TODAY)
    assert sorted((item[0], folded) for item, folded in kept) == [
        ("awin", 3), ("b84", 1), ("pr", 0)]
