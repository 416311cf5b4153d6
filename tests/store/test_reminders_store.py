"""Storing reminders: generated from stays, idempotent, states kept, stale triggers retired."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from hkcase.domain.vocab import AuditAction, ReminderKind, ReminderState, Scheme
from hkcase.services.errors import ValidationError
from hkcase.services.reminders.refresh import refresh_reminders, set_reminder_state
from hkcase.store import Store
from hkcase.store.models import AuditEntry, Stay
from tests.reminders_support import (
    ACTOR,
    LEADS,
    add_case,
    add_client,
    add_document,
    add_stay,
    close_case,
    family,
    stored,
)

TODAY = date(2026, 11, 22)


def test_every_client_with_a_stay_gets_its_reminders(any_store: Store) -> None:
    fam = family(any_store)
    add_client(any_store, "LEE", "No Stay")  # a client without a stay gets none
    report = refresh_reminders(any_store, lead_days=LEADS)
    rows = stored(any_store)
    s, d = fam.sponsor_stay, fam.dependant_stay
    assert set(rows) == {
        f"stay:{s}:lead:84", f"stay:{s}:lead:42", f"stay:{s}:window", f"stay:{s}:lead:7",
        f"stay:{d}:lead:84", f"stay:{d}:lead:42", f"stay:{d}:window", f"stay:{d}:lead:7",
        f"client:{fam.sponsor}:pr", f"client:{fam.dependant}:pr",
    }
    assert (report.planned, report.added, report.updated, report.removed) == (10, 10, 0, 0)
    window = rows[f"stay:{d}:window"]
    assert (window.kind, window.due_date, window.state) == (
        ReminderKind.WINDOW_OPENS, date(2027, 2, 10), ReminderState.PENDING)
    assert (window.case_id, window.stay_id) == (fam.dependant_case, d)
    assert rows[f"client:{fam.sponsor}:pr"].due_date == date(2031, 3, 10)


def test_refresh_twice_changes_nothing(any_store: Store) -> None:
    family(any_store)
    refresh_reminders(any_store, lead_days=LEADS)
    before = stored(any_store)
    report = refresh_reminders(any_store, lead_days=LEADS)
    assert (report.added, report.updated, report.removed) == (0, 0, 0)
    assert stored(any_store) == before


def test_states_survive_a_corrected_limit(any_store: Store) -> None:
    fam = family(any_store)
    refresh_reminders(any_store, lead_days=LEADS)
    rows = stored(any_store)
    s = fam.sponsor_stay
    set_reminder_state(any_store, rows[f"stay:{s}:lead:84"].id, ReminderState.DONE,
                       actor=ACTOR, today=TODAY)
    set_reminder_state(any_store, rows[f"stay:{s}:window"].id, ReminderState.SNOOZED,
                       actor=ACTOR, until=date(2027, 2, 20), today=TODAY)
    set_reminder_state(any_store, rows[f"client:{fam.sponsor}:pr"].id, ReminderState.DISMISSED,
                       actor=ACTOR, today=TODAY)
    with any_store.transaction() as session:  # the label was misread: 2027-03-17
        session.execute(sa.update(Stay).where(Stay.id == s).values(
            limit_of_stay=date(2027, 3, 17)))
    report = refresh_reminders(any_store, lead_days=LEADS)
    assert (report.added, report.removed) == (0, 0) and report.updated == 4
    after = stored(any_store)
    assert after[f"stay:{s}:lead:84"].state is ReminderState.DONE
    assert after[f"stay:{s}:lead:84"].due_date == date(2026, 12, 23)
    assert after[f"stay:{s}:window"].state is ReminderState.SNOOZED
    assert after[f"stay:{s}:window"].snoozed_until == date(2027, 2, 20)
    assert after[f"stay:{s}:window"].due_date == date(2027, 2, 17)
    assert after[f"client:{fam.sponsor}:pr"].state is ReminderState.DISMISSED
    assert "2027-03-17" in after[f"stay:{s}:lead:7"].title


def test_a_new_stay_retires_the_old_ones_keeping_history(any_store: Store) -> None:
    fam = family(any_store)
    refresh_reminders(any_store, lead_days=LEADS)
    old = stored(any_store)
    s = fam.sponsor_stay
    set_reminder_state(any_store, old[f"stay:{s}:window"].id, ReminderState.DONE, actor=ACTOR,
                       today=TODAY)
    extension_case = add_case(any_store, fam.sponsor, Scheme.GEP, opened=date(2027, 2, 11))
    new_stay = add_stay(any_store, extension_case, date(2027, 3, 1), date(2030, 3, 10), number=1)
    report = refresh_reminders(any_store, lead_days=LEADS)
    rows = stored(any_store)
    # Pending reminders of the superseded stay are gone; the done ones stay as history.
    assert not any(k.startswith(f"stay:{s}:") and v.state is ReminderState.PENDING
                   for k, v in rows.items())
    assert rows[f"stay:{s}:window"].state is ReminderState.DONE
    assert rows[f"stay:{s}:lead:84"].state is ReminderState.DONE  # done with the window
    assert rows[f"stay:{new_stay}:window"].due_date == date(2030, 2, 10)
    pr = rows[f"client:{fam.sponsor}:pr"]
    assert (pr.id, pr.case_id, pr.stay_id) == (old[f"client:{fam.sponsor}:pr"].id,
                                               extension_case, new_stay)
    assert report.removed == 1  # lead:7 (84, 42 and the window were done)
    # The dependant's limit no longer matches the sponsor's new one.
    sponsor_changed = rows[f"stay:{fam.dependant_stay}:sponsor-stay:{new_stay}"]
    assert sponsor_changed.kind is ReminderKind.SPONSOR_LIMIT_CHANGED
    assert sponsor_changed.due_date == date(2027, 3, 1)


def test_dependant_reminder_goes_once_the_dependant_follows(any_store: Store) -> None:
    fam = family(any_store)
    extension_case = add_case(any_store, fam.sponsor, Scheme.GEP, opened=date(2027, 2, 11))
    new_stay = add_stay(any_store, extension_case, date(2027, 3, 1), date(2030, 3, 10), number=1)
    refresh_reminders(any_store, lead_days=LEADS)
    key = f"stay:{fam.dependant_stay}:sponsor-stay:{new_stay}"
    assert key in stored(any_store)
    dependant_case = add_case(any_store, fam.dependant, Scheme.DEPENDANT,
                              sponsor_case_id=extension_case, opened=date(2027, 2, 20))
    following = add_stay(any_store, dependant_case, date(2027, 3, 5), date(2030, 3, 10),
                         number=1)
    refresh_reminders(any_store, lead_days=LEADS)
    rows = stored(any_store)
    assert key not in rows
    assert rows[f"stay:{following}:window"].due_date == date(2030, 2, 10)


def test_travel_document_and_document_reminders(any_store: Store) -> None:
    client = add_client(any_store, "PATEL", "Priya", passport_expiry=date(2027, 2, 1))
    case = add_case(any_store, client, Scheme.TTPS)
    stay = add_stay(any_store, case, date(2025, 3, 1), date(2027, 3, 10), entry=date(2025, 3, 5))
    contract = add_document(any_store, case, "Employment contract", date(2026, 9, 30))
    closed_case = add_case(any_store, client, Scheme.GEP, opened=date(2021, 1, 1))
    add_document(any_store, closed_case, "Old certificate", date(2026, 8, 1))
    close_case(any_store, closed_case)
    refresh_reminders(any_store, lead_days=LEADS)
    rows = stored(any_store)
    travel = [v for k, v in rows.items() if k.startswith(f"stay:{stay}:tdoc:")]
    assert len(travel) == 1 and travel[0].kind is ReminderKind.TRAVEL_DOCUMENT_EXPIRY
    # It expires before the limit; renew it before the TTPS window opens on 2026-12-10.
    assert travel[0].due_date == date(2026, 9, 17)
    assert "before the limit of stay 2027-03-10" in travel[0].title
    assert rows[f"doc:{contract}"].due_date == date(2026, 7, 8)
    assert rows[f"doc:{contract}"].title == "Employment contract expires 2026-09-30"
    assert [k for k in rows if k.startswith("doc:")] == [f"doc:{contract}"]
    # A renewed contract (a new version without the old expiry) retires the reminder.
    renewed = add_document(any_store, case, "Employment contract", date(2028, 9, 30),
                           version=2)
    refresh_reminders(any_store, lead_days=LEADS)
    rows = stored(any_store)
    assert f"doc:{contract}" not in rows and rows[f"doc:{renewed}"].due_date == date(2028, 7, 8)


def test_changed_lead_times_replace_pending_reminders(any_store: Store) -> None:
    fam = family(any_store)
    refresh_reminders(any_store, lead_days=LEADS)
    report = refresh_reminders(any_store, lead_days=[60])
    keys = set(stored(any_store))
    assert f"stay:{fam.sponsor_stay}:lead:60" in keys
    assert f"stay:{fam.sponsor_stay}:lead:84" not in keys
    assert (report.added, report.removed) == (2, 6)
    with pytest.raises(ValidationError, match="reminder_lead_days"):
        refresh_reminders(any_store, lead_days=[0])


def test_state_changes_are_checked_and_audited(any_store: Store) -> None:
    fam = family(any_store)
    refresh_reminders(any_store, lead_days=LEADS)
    rows = stored(any_store)
    reminder = rows[f"stay:{fam.sponsor_stay}:lead:42"].id
    with pytest.raises(ValidationError, match="needs the date"):
        set_reminder_state(any_store, reminder, ReminderState.SNOOZED, actor=ACTOR, today=TODAY)
    with pytest.raises(ValidationError, match="after today"):
        set_reminder_state(any_store, reminder, ReminderState.SNOOZED, actor=ACTOR,
                           until=TODAY, today=TODAY)
    with pytest.raises(ValidationError, match="only a snoozed"):
        set_reminder_state(any_store, reminder, ReminderState.DONE, actor=ACTOR,
                           until=date(2027, 1, 1), today=TODAY)
    with pytest.raises(ValidationError, match="no reminder number"):
        set_reminder_state(any_store, 999_999, ReminderState.DONE, actor=ACTOR)
    ref = set_reminder_state(any_store, reminder, ReminderState.DONE, actor=ACTOR, today=TODAY)
    assert (ref.state, ref.also_changed) == (ReminderState.DONE, 1)  # with the 84-day one
    set_reminder_state(any_store, reminder, ReminderState.PENDING, actor=ACTOR)
    assert stored(any_store)[f"stay:{fam.sponsor_stay}:lead:42"].state is ReminderState.PENDING
    with any_store.reading() as session:
        entries = session.execute(sa.select(AuditEntry.entity_id, AuditEntry.changes).where(
            AuditEntry.entity == "reminder", AuditEntry.action == AuditAction.UPDATE)).all()
    assert [(i, c["state"]) for i, c in entries if i == reminder] == [
        (reminder, ["pending", "done"]), (reminder, ["done", "pending"])]


def test_refresh_for_some_clients_leaves_the_others(any_store: Store) -> None:
    fam = family(any_store)
    other = add_client(any_store, "KIM", "Min-jun")
    other_stay = add_stay(any_store, add_case(any_store, other, Scheme.IANG),
                          date(2025, 1, 2), date(2027, 1, 2))
    report = refresh_reminders(any_store, lead_days=LEADS, clients=[fam.sponsor])
    keys = set(stored(any_store))
    assert report.added == 10  # the sponsor's and the dependant's, not KIM's
    assert not any(k.startswith(f"stay:{other_stay}:") for k in keys)
    assert f"stay:{fam.dependant_stay}:window" in keys
    assert refresh_reminders(any_store, lead_days=LEADS).added == 5  # KIM's, once
