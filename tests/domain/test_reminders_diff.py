"""Comparing the plan with the stored reminders: pure, no database."""

from __future__ import annotations

from datetime import date
from typing import Any

from hkcase.domain.reminders.diff import OPEN_STATES, StoredReminder, compare, same, stored
from hkcase.domain.reminders.plan import PlannedReminder
from hkcase.domain.vocab import ReminderKind, ReminderState

LIMIT = PlannedReminder("stay:1:lead:84", 10, 1, ReminderKind.BEFORE_LIMIT, date(2027, 1, 5),
                        "Limit of stay 2027-03-30: prepare the extension")
PASSPORT = PlannedReminder("travel:3:passport:4", 10, None,
                           ReminderKind.TRAVEL_DOCUMENT_EXPIRY, date(2030, 6, 1),
                           "Passport expires 2030-12-01")


def _as_stored(p: PlannedReminder, rid: int, state: ReminderState = ReminderState.PENDING,
               **changed: Any) -> StoredReminder:
    values: dict[str, Any] = {"case_id": p.case_id, "stay_id": p.stay_id, "kind": p.kind.value,
                              "due": p.due_date.isoformat(), "title": p.title, **changed}
    return stored(rid, values["case_id"], values["stay_id"], values["kind"], values["due"],
                  values["title"], state.value)


def test_nothing_stored_inserts_every_planned_reminder() -> None:
    changes = compare([LIMIT, PASSPORT], {})
    assert changes.inserts == [LIMIT, PASSPORT] and not changes.updates
    assert not changes.removals and changes.planned == 2 and changes.cases() == {10}


def test_the_same_plan_twice_changes_nothing() -> None:
    table = {LIMIT.key: _as_stored(LIMIT, 1), PASSPORT.key: _as_stored(PASSPORT, 2)}
    changes = compare([LIMIT, PASSPORT], table)
    assert not changes and changes.planned == 2


def test_a_changed_date_or_title_is_an_update_keeping_the_row() -> None:
    table = {LIMIT.key: _as_stored(LIMIT, 1, ReminderState.SNOOZED, due="2027-01-01"),
             PASSPORT.key: _as_stored(PASSPORT, 2, title="an older wording")}
    changes = compare([LIMIT, PASSPORT], table)
    assert changes.updates == [(1, LIMIT), (2, PASSPORT)]
    assert not changes.inserts and not changes.removals


def test_a_reminder_no_longer_planned_goes_only_while_open() -> None:
    table = {LIMIT.key: _as_stored(LIMIT, 1),
             "stay:9:lead:42": _as_stored(LIMIT._replace(key="stay:9:lead:42", case_id=11), 5),
             "stay:9:lead:7": _as_stored(LIMIT._replace(key="stay:9:lead:7", case_id=11), 6,
                                         ReminderState.SNOOZED),
             "stay:9:window": _as_stored(LIMIT._replace(key="stay:9:window", case_id=11), 7,
                                         ReminderState.DONE),
             "stay:9:limit": _as_stored(LIMIT._replace(key="stay:9:limit", case_id=11), 8,
                                        ReminderState.DISMISSED)}
    changes = compare([LIMIT], table)
    assert [r.id for r in changes.removals] == [5, 6]  # done and dismissed stay as history
    assert changes.cases() == {11}
    assert {s.value for s in (ReminderState.PENDING, ReminderState.SNOOZED)} == OPEN_STATES


def test_same_compares_every_planned_field_but_the_state() -> None:
    row = _as_stored(LIMIT, 1, ReminderState.DONE)
    assert same(LIMIT, row)
    for field, value in (("case_id", 99), ("stay_id", None), ("kind", "limit_of_stay"),
                         ("due", "2027-01-06"), ("title", "other")):
        changed: dict[str, Any] = {field: value}
        assert not same(LIMIT, _as_stored(LIMIT, 1, **changed)), field
