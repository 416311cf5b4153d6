"""Storing the reminders the facts call for, and a consultant's answers to them.

``refresh_reminders`` compares the plan (``hkcase.domain.reminder_plan``) with the
``reminder`` table by ``key`` and writes only the difference, with bulk Core
statements in one transaction:

- a planned key not yet stored is inserted as ``pending``;
- a stored key whose case, stay, date or title changed is updated, its state
  (done, dismissed, snoozed) kept;
- a stored key no longer planned (its stay was superseded, a document renewed, a
  lead time removed) is deleted while it is pending or snoozed, and kept as
  history once done or dismissed.

Running it twice on the same data changes nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.reminder_plan import (
    STAY_DEADLINE_KINDS,
    LeadDaysError,
    PlannedReminder,
    normalise_lead_days,
    plan_reminders,
)
from hkcase.domain.vocab import AuditAction, ReminderState
from hkcase.services.errors import ValidationError
from hkcase.services.reminder_facts import (
    load_facts,
    paused_gc,
    stored_reminders,
    with_dependants,
)
from hkcase.store import Store, audit
from hkcase.store.base import utcnow
from hkcase.store.models import Reminder

log = logging.getLogger(__name__)

OPEN_STATES = (ReminderState.PENDING, ReminderState.SNOOZED)
CHUNK = 5000
#: SQLite page cache for a large refresh (KiB, negative as SQLite wants); the default
#: 2 MB cache makes inserting 500,000 indexed rows several times slower.
SQLITE_BULK_CACHE_KIB = 65536

_REMINDER = Reminder.__table__


@dataclass(frozen=True)
class RefreshReport:
    """What ``refresh_reminders`` changed."""

    planned: int
    added: int
    updated: int
    removed: int
    seconds: float


@dataclass(frozen=True)
class ReminderRef:
    """A reminder after a state change."""

    id: int
    key: str
    state: ReminderState
    snoozed_until: date | None
    also_changed: int = 0  # the same stay's earlier extension reminders


def lead_days_or_error(lead_days: Iterable[int]) -> tuple[int, ...]:
    """Validated lead times; a ``ValidationError`` naming the setting otherwise."""
    try:
        return normalise_lead_days(lead_days)
    except (LeadDaysError, TypeError) as exc:
        raise ValidationError("reminder_lead_days", str(exc)) from None


def _insert(session: Session, rows: list[dict[str, Any]]) -> None:
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert  # type: ignore[assignment]
    else:  # pragma: no cover - hkcase supports SQLite and PostgreSQL
        raise NotImplementedError(dialect)
    # Another desktop on a shared database may have inserted the same key meanwhile.
    statement = insert(_REMINDER).on_conflict_do_nothing(index_elements=["key"])
    for start in range(0, len(rows), CHUNK):
        session.execute(statement, rows[start:start + CHUNK])


def _update(session: Session, rows: list[dict[str, Any]]) -> None:
    statement = (
        sa.update(_REMINDER)
        .where(_REMINDER.c.id == sa.bindparam("rid"))
        .values(case_id=sa.bindparam("case_id"), stay_id=sa.bindparam("stay_id"),
                kind=sa.bindparam("kind"), due_date=sa.bindparam("due_date"),
                title=sa.bindparam("title"), updated_at=sa.bindparam("now"))
    )
    for start in range(0, len(rows), CHUNK):
        session.execute(statement, rows[start:start + CHUNK])


def _remove(session: Session, ids: list[int]) -> None:
    for start in range(0, len(ids), CHUNK):
        session.execute(sa.delete(_REMINDER).where(
            _REMINDER.c.id.in_(ids[start:start + CHUNK]),
            _REMINDER.c.state.in_([s.value for s in OPEN_STATES])))


def _bulk_cache(session: Session, rows: int) -> int | None:
    """Enlarge SQLite's page cache for a big write; returns the old size to restore."""
    if rows < 10_000 or session.get_bind().dialect.name != "sqlite":
        return None
    connection = session.connection()
    previous = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    connection.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_BULK_CACHE_KIB}")
    return previous


def refresh_reminders(
    store: Store, *, lead_days: Sequence[int], clients: Collection[int] | None = None
) -> RefreshReport:
    """Bring the stored reminders in line with the facts; idempotent, one transaction.

    ``lead_days`` are the settings' lead times before the limit of stay. With
    ``clients``, only their reminders (and their dependants') are refreshed: what a
    service that changed those clients' stays or documents calls.
    """
    started = time.perf_counter()
    leads = lead_days_or_error(lead_days)
    with paused_gc(), store.transaction() as session:
        scope = None if clients is None else with_dependants(session, clients)
        facts = load_facts(session, scope)
        plan = plan_reminders(facts.stays, facts.travel_documents, facts.documents,
                              facts.sponsor_links, leads)
        if scope is not None:
            owner = {s.case_id: s.client_id for s in facts.stays}
            owner.update((d.case_id, d.client_id) for d in facts.documents)
            plan = [p for p in plan if owner[p.case_id] in scope]
        stored = stored_reminders(session, scope)
        now = utcnow()
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        planned_keys = set()
        for p in plan:
            planned_keys.add(p.key)
            row = stored.get(p.key)
            if row is None:
                inserts.append(_new_row(p, now))
            elif row[1:6] != (p.case_id, p.stay_id, p.kind.value, p.due_date.isoformat(),
                              hash(p.title)):
                updates.append({"rid": row[0], "case_id": p.case_id, "stay_id": p.stay_id,
                                "kind": p.kind, "due_date": p.due_date, "title": p.title,
                                "now": now})
        open_states = {s.value for s in OPEN_STATES}
        removals = [row[0] for key, row in stored.items()
                    if key not in planned_keys and row[6] in open_states]
        previous_cache = _bulk_cache(session, len(inserts) + len(updates))
        try:
            if inserts:
                _insert(session, inserts)
            if updates:
                _update(session, updates)
            if removals:
                _remove(session, removals)
        finally:
            if previous_cache is not None:
                session.connection().exec_driver_sql(f"PRAGMA cache_size = {previous_cache}")
    report = RefreshReport(len(plan), len(inserts), len(updates), len(removals),
                           time.perf_counter() - started)
    log.info("reminders refreshed: %d planned, %d added, %d updated, %d removed in %.2f s",
             report.planned, report.added, report.updated, report.removed, report.seconds)
    return report


def _new_row(p: PlannedReminder, now: Any) -> dict[str, Any]:
    return {"key": p.key, "case_id": p.case_id, "stay_id": p.stay_id, "kind": p.kind,
            "due_date": p.due_date, "state": ReminderState.PENDING, "snoozed_until": None,
            "title": p.title, "updated_at": now}


def set_reminder_state(
    store: Store,
    reminder_id: int,
    state: ReminderState,
    *,
    actor: str,
    until: date | None = None,
    today: date | None = None,
) -> ReminderRef:
    """Mark a reminder done, dismissed, snoozed until a date, or pending again; audited.

    The digest shows a stay's extension reminders as one line, so done, dismissed
    and snoozed also apply to the same stay's earlier open extension reminders.
    """
    today = today or date.today()
    if state is ReminderState.SNOOZED:
        if until is None:
            raise ValidationError("until", "a snoozed reminder needs the date it comes back")
        if until <= today:
            raise ValidationError("until", f"snooze until a day after today ({today}), "
                                  f"not {until}")
    elif until is not None:
        raise ValidationError("until", "only a snoozed reminder takes a date")
    with store.transaction() as session:
        reminder = session.get(Reminder, reminder_id)
        if reminder is None:
            raise ValidationError("reminder_id", f"there is no reminder number {reminder_id}")
        _change(session, reminder, state, until, actor)
        also = 0
        if (state is not ReminderState.PENDING and reminder.kind in STAY_DEADLINE_KINDS
                and reminder.stay_id is not None):
            earlier = session.scalars(sa.select(Reminder).where(
                Reminder.stay_id == reminder.stay_id, Reminder.id != reminder.id,
                Reminder.kind.in_(STAY_DEADLINE_KINDS), Reminder.state.in_(OPEN_STATES),
                Reminder.due_date <= reminder.due_date)).all()
            for other in earlier:
                _change(session, other, state, until, actor)
            also = len(earlier)
        return ReminderRef(reminder.id, reminder.key, reminder.state, reminder.snoozed_until,
                           also)


def _change(session: Session, reminder: Reminder, state: ReminderState, until: date | None,
            actor: str) -> None:
    reminder.state = state
    reminder.snoozed_until = until
    changes = audit.pending_changes(reminder)
    changes.pop("updated_at", None)
    audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=reminder,
                 changes=changes)
