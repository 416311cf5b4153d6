"""The dashboard service: sections in SQL, counts equal to the Cases filters', capped snoozes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hkcase.domain.vocab import ApplicationType, ReminderKind, ReminderState, Residence, Scheme, Sex
from hkcase.services.cases.listing import CaseFilter, CaseList, DeadlineFilter
from hkcase.services.demo.generate import generate_demo
from hkcase.services.errors import ValidationError
from hkcase.services.records import CaseInput, ClientInput, StayInput, create_case, create_client
from hkcase.services.records import record_stay as _record_stay
from hkcase.services.reminders.dashboard import CASE_SECTIONS, consultant_id_for, dashboard
from hkcase.services.reminders.refresh import refresh_reminders, set_reminder_state, snooze_options
from hkcase.services.stays.listing import case_reminders
from hkcase.store import Store

LEADS = [84, 42, 7]


def _case_with_limit(store: Store, name: str, limit: date, scheme: Scheme = Scheme.GEP) -> int:
    client = create_client(store, ClientInput(
        family_name=name, given_names="Test", sex=Sex.FEMALE, date_of_birth=date(1990, 1, 1),
        nationality="GB", residence=Residence.OVERSEAS), actor="t")
    case = create_case(store, CaseInput(client, scheme, ApplicationType.NEW, date(2024, 1, 1)),
                       actor="t")
    _record_stay(store, StayInput(case.id, date(2024, 2, 1), limit), actor="t", confirm=True)
    return case.id


def test_case_section_counts_equal_the_cases_filters(sqlite_store: Store) -> None:
    generate_demo(sqlite_store, 400, seed=5)
    refresh_reminders(sqlite_store, lead_days=LEADS)
    today = date.today()
    board = dashboard(sqlite_store, today, verdicts=False)
    assert [s.key for s in board.sections][:5] == [k.value for k in CASE_SECTIONS]
    seen: set[int] = set()
    for deadline in CASE_SECTIONS:
        listing = CaseList(sqlite_store, CaseFilter(deadline=deadline), today=today)
        section = board.section(deadline.value)
        assert section.count == listing.count()
        ids = {r.case_id for r in section.rows}
        assert ids <= {i.row.case_id for i in listing.page(0, 5000)}
        assert not ids & seen  # a case stands in one section only
        seen |= ids
    assert sum(board.section(k.value).count for k in CASE_SECTIONS) > 0


def test_sections_in_order_of_urgency_and_milestones_apart(sqlite_store: Store) -> None:
    today = date.today()
    passed = _case_with_limit(sqlite_store, "PASSED", today - timedelta(days=3))
    final = _case_with_limit(sqlite_store, "FINAL", today)
    window = _case_with_limit(sqlite_store, "OPEN", today + timedelta(days=20))
    soon = _case_with_limit(sqlite_store, "SOON", today + timedelta(days=40))
    later = _case_with_limit(sqlite_store, "LATER", today + timedelta(days=100))
    refresh_reminders(sqlite_store, lead_days=LEADS)
    board = dashboard(sqlite_store, today, verdicts=False)
    keys = [s.key for s in board.sections]
    assert keys == ["overdue", "limit_7_days", "window_open", "opening_30", "opening_90",
                    "documents", "passports", "decisions", "milestones"]
    assert board.sections[-1].milestone
    where = {r.case_id: s.key for s in board.sections for r in s.rows
             if not s.milestone}
    assert where == {passed: "overdue", final: "limit_7_days", window: "window_open",
                     soon: "opening_30", later: "opening_90"}
    loud = board.section("overdue").rows[0]
    assert loud.what.startswith("LIMIT OF STAY PASSED") and "Contact ImmD" in loud.what
    assert board.section("overdue").note and "online extension is closed" in \
        board.section("overdue").note
    today_row = board.section("limit_7_days").rows[0]
    assert today_row.due_today and "(today)" in today_row.what
    assert not board.section("window_open").rows[0].due_today
    assert board.section("window_open").rows[0].reminder_id is not None


def test_my_cases(sqlite_store: Store) -> None:
    generate_demo(sqlite_store, 200, seed=6)
    refresh_reminders(sqlite_store, lead_days=LEADS)
    everyone = dashboard(sqlite_store, verdicts=False)
    from hkcase.store.queries.case_list import consultants

    with sqlite_store.reading() as session:
        first = consultants(session)[0]
    me = consultant_id_for(sqlite_store, first.name.upper())
    assert me == first.id
    mine = dashboard(sqlite_store, consultant_id=me, verdicts=False)
    for section in mine.sections[:5]:
        listing = CaseList(sqlite_store, CaseFilter(consultant_id=me,
                                                    deadline=DeadlineFilter(section.key)))
        assert section.count == listing.count() <= everyone.section(section.key).count
    assert consultant_id_for(sqlite_store, "") is None


def test_snooze_is_capped_at_the_limit_of_stay(sqlite_store: Store) -> None:
    today = date.today()
    case_id = _case_with_limit(sqlite_store, "NEAR", today + timedelta(days=4))
    refresh_reminders(sqlite_store, lead_days=LEADS)
    final = next(r for r in case_reminders(sqlite_store, case_id)
                 if r.kind is ReminderKind.FINAL_WEEK)
    with pytest.raises(ValidationError, match="at the latest"):
        set_reminder_state(sqlite_store, final.id, ReminderState.SNOOZED, actor="t",
                           until=today + timedelta(days=7))
    options = snooze_options(sqlite_store, final.id)
    assert options.cap == today + timedelta(days=4)
    assert options.choices and all(c.until <= options.cap for c in options.choices)
    assert "1 week" not in [c.label for c in options.choices]
    chosen = options.choices[-1]
    ref = set_reminder_state(sqlite_store, final.id, ReminderState.SNOOZED, actor="t",
                             until=chosen.until)
    assert ref.snoozed_until == chosen.until


def test_a_passed_limit_cannot_be_snoozed(sqlite_store: Store) -> None:
    today = date.today()
    case_id = _case_with_limit(sqlite_store, "GONE", today - timedelta(days=2))
    refresh_reminders(sqlite_store, lead_days=LEADS)
    reminder = next(r for r in case_reminders(sqlite_store, case_id)
                    if r.kind is ReminderKind.FINAL_WEEK)
    options = snooze_options(sqlite_store, reminder.id)
    assert options.choices == () and options.why_none
    with pytest.raises(ValidationError, match="cannot be snoozed"):
        set_reminder_state(sqlite_store, reminder.id, ReminderState.SNOOZED, actor="t",
                           until=today + timedelta(days=1))
