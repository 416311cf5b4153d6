"""A use case that records a stay (or opens a case) is one transaction with what follows
from it: a real failure in the second step — a trigger that aborts the statement, as a
constraint violation would — leaves nothing of the first, on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
import sqlalchemy as sa

from hkcase.domain.vocab import ApplicationType, Scheme
from hkcase.services.cases.opening import open_case
from hkcase.services.records import StayInput
from hkcase.services.reminders.refresh import refresh_reminders
from hkcase.services.stays.listing import delete_stay, record_printed_stay, update_stay
from hkcase.store import Store
from hkcase.store.models import AuditEntry, Case, ChecklistItem, Reminder, ReminderBasis, Stay
from tests.reminders_support import ACTOR, LEADS, add_case, add_client


@contextmanager
def failing(store: Store, table: str, event: str = "INSERT") -> Iterator[None]:
    """Every ``event`` on ``table`` aborts its statement (a real SQLite error) meanwhile."""
    with store.engine.begin() as connection:
        connection.exec_driver_sql(
            f"CREATE TRIGGER injected_failure BEFORE {event} ON {table} "
            "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
    try:
        yield
    finally:
        with store.engine.begin() as connection:
            connection.exec_driver_sql("DROP TRIGGER injected_failure")


def counts(store: Store) -> dict[str, int]:
    with store.reading() as session:
        return {model.__tablename__: session.scalar(sa.select(sa.func.count()).select_from(
            model)) or 0 for model in (Case, ChecklistItem, Stay, Reminder, ReminderBasis,
                                       AuditEntry)}


def reminders_of(store: Store, case_id: int) -> list[tuple[str, date]]:
    with store.reading() as session:
        rows = session.execute(sa.select(Reminder.key, Reminder.due_date).where(
            Reminder.case_id == case_id).order_by(Reminder.key)).all()
        return [(key, due) for key, due in rows]


@pytest.fixture
def case_id(sqlite_store: Store) -> int:
    case = add_case(sqlite_store, add_client(sqlite_store))
    refresh_reminders(sqlite_store, lead_days=LEADS)  # fingerprints kept, as after a start
    return case


@pytest.mark.parametrize("table", ["reminder", "reminder_basis"])
def test_a_stay_whose_reminders_fail_is_not_recorded(
        sqlite_store: Store, case_id: int, table: str) -> None:
    before = counts(sqlite_store)
    with failing(sqlite_store, table), pytest.raises(Exception, match="injected failure"):
        record_printed_stay(sqlite_store, StayInput(case_id, date(2025, 2, 1), date(2027, 2, 1)),
                            actor=ACTOR, lead_days=LEADS)
    assert counts(sqlite_store) == before  # no stay, no reminder, no audit entry
    # Without the failure the same call records both, together.
    stay_id = record_printed_stay(
        sqlite_store, StayInput(case_id, date(2025, 2, 1), date(2027, 2, 1)),
        actor=ACTOR, lead_days=LEADS)
    assert stay_id and reminders_of(sqlite_store, case_id)
    assert refresh_reminders(sqlite_store, lead_days=LEADS).planned == 0  # fingerprints kept


def test_a_corrected_stay_whose_reminders_fail_keeps_its_old_limit(
        sqlite_store: Store, case_id: int) -> None:
    stay_id = record_printed_stay(
        sqlite_store, StayInput(case_id, date(2025, 2, 1), date(2027, 2, 1)),
        actor=ACTOR, lead_days=LEADS)
    reminders = reminders_of(sqlite_store, case_id)
    before = counts(sqlite_store)
    with failing(sqlite_store, "reminder", "UPDATE"), \
            pytest.raises(Exception, match="injected failure"):
        update_stay(sqlite_store, stay_id, {"limit_of_stay": date(2027, 8, 1)}, actor=ACTOR,
                    lead_days=LEADS)
    assert counts(sqlite_store) == before
    assert reminders_of(sqlite_store, case_id) == reminders
    with sqlite_store.reading() as session:
        assert session.get_one(Stay, stay_id).limit_of_stay == date(2027, 2, 1)


def test_a_deleted_stay_whose_reminders_fail_stays(sqlite_store: Store, case_id: int) -> None:
    stay_id = record_printed_stay(
        sqlite_store, StayInput(case_id, date(2025, 2, 1), date(2027, 2, 1)),
        actor=ACTOR, lead_days=LEADS)
    before = counts(sqlite_store)
    with failing(sqlite_store, "reminder_basis"), \
            pytest.raises(Exception, match="injected failure"):
        delete_stay(sqlite_store, stay_id, actor=ACTOR, lead_days=LEADS)
    assert counts(sqlite_store) == before
    with sqlite_store.reading() as session:
        assert session.get(Stay, stay_id) is not None


def test_a_bad_lead_time_refuses_the_stay_before_writing(
        sqlite_store: Store, case_id: int) -> None:
    before = counts(sqlite_store)
    with pytest.raises(Exception, match="lead times"):
        record_printed_stay(sqlite_store, StayInput(case_id, date(2025, 2, 1), date(2027, 2, 1)),
                            actor=ACTOR, lead_days=[0])
    assert counts(sqlite_store) == before


def test_a_case_whose_checklist_fails_is_not_opened(sqlite_store: Store) -> None:
    client_id = add_client(sqlite_store, "LEE", "Siu Ming")
    before = counts(sqlite_store)
    with failing(sqlite_store, "checklist_item"), \
            pytest.raises(Exception, match="injected failure"):
        open_case(sqlite_store, client_id, Scheme.GEP, ApplicationType.NEW, actor=ACTOR)
    assert counts(sqlite_store) == before  # no case, no checklist, no audit entry
    ref = open_case(sqlite_store, client_id, Scheme.GEP, ApplicationType.NEW, actor=ACTOR)
    with sqlite_store.reading() as session:
        items = session.scalar(sa.select(sa.func.count()).where(
            ChecklistItem.case_id == ref.id))
    assert items
