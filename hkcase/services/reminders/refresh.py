"""Storing the reminders the facts call for, and a consultant's answers to them.

``refresh_reminders`` compares the plan (``hkcase.domain.reminders.plan``) with the
``reminder`` table by ``key`` and writes only the difference, with bulk Core
statements; the comparison is read without the write lock, and only the clients
whose reminders differ are re-checked and written (see ``refresh_reminders``):

- a planned key not yet stored is inserted as ``pending``;
- a stored key whose case, stay, date or title changed is updated, its state
  (done, dismissed, snoozed) kept;
- a stored key no longer planned (its stay was superseded, a document renewed, a
  lead time removed) is deleted while it is pending or snoozed, and kept as
  history once done or dismissed.

Running it twice on the same data changes nothing, and reads little: each client's
facts are fingerprinted in SQL and only the clients whose fingerprint changed since
their reminders were planned are planned again (``hkcase.store.queries.reminder_basis``).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase import __version__
from hkcase.domain.messages import tr
from hkcase.domain.reminders.diff import compare
from hkcase.domain.reminders.plan import (
    STAY_DEADLINE_KINDS,
    LeadDaysError,
    PlannedReminder,
    normalise_lead_days,
    plan_reminders,
)
from hkcase.domain.reminders.snooze import (
    SnoozeChoice,
    SnoozeError,
    check_snooze,
    snooze_cap,
    snooze_choices,
)
from hkcase.domain.stay.extension_window import WindowTable
from hkcase.domain.stay.rules import rule_book
from hkcase.domain.vocab import AuditAction, ReminderKind, ReminderState
from hkcase.services.errors import ValidationError
from hkcase.store import Store, audit
from hkcase.store.base import utcnow
from hkcase.store.models import Case, Document, Reminder, Stay, TravelDocument
from hkcase.store.queries import reminder_basis as basis
from hkcase.store.queries import reminders
from hkcase.store.queries.reminder_facts import (
    case_owners,
    load_facts,
    paused_gc,
    with_dependants,
)

log = logging.getLogger(__name__)

OPEN_STATES = (ReminderState.PENDING, ReminderState.SNOOZED)
#: Clients re-planned and written per write transaction: a save in the window waits
#: for at most one such batch (a fraction of a second), not for the whole refresh.
WRITE_BATCH = 2000
#: Pause between write batches. SQLite's busy handler polls a waiting writer every
#: 100 ms at most: back-to-back batches would starve a save for the whole refresh.
WRITER_PAUSE_S = 0.1
#: Fingerprints written per write transaction after a full refresh.
BASIS_BATCH = 20_000

@dataclass(frozen=True)
class RefreshReport:
    """What ``refresh_reminders`` changed; ``planned`` counts the clients looked at."""

    planned: int
    added: int
    updated: int
    removed: int
    seconds: float
    #: Every client planned (True), or only those whose facts changed (or were named).
    full: bool = True


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


@dataclass
class _Diff:
    """What one comparison of plan and table found: the rows to write, and whose they are."""

    planned: int
    inserts: list[dict[str, Any]]
    updates: list[dict[str, Any]]
    removals: list[int]
    clients: set[int]  # owners of the rows above


_NOTHING = _Diff(0, [], [], [], set())


def _diff(session: Session, leads: tuple[int, ...], scope: Collection[int] | None) -> _Diff:
    """Plan ``scope``'s reminders (everyone's when None) and compare with the table."""
    facts = load_facts(session, scope)
    plan = plan_reminders(facts.stays, facts.travel_documents, facts.documents,
                          facts.sponsor_links, leads)
    owner = {s.case_id: s.client_id for s in facts.stays}
    owner.update((d.case_id, d.client_id) for d in facts.documents)
    if scope is not None:
        plan = [p for p in plan if owner[p.case_id] in scope]
    changes = compare(plan, reminders.stored_reminders(session, scope))
    unknown = changes.cases() - owner.keys()  # cases whose reminders only go
    if unknown:
        owner.update(case_owners(session, unknown))
    now = utcnow()
    return _Diff(
        planned=changes.planned,
        inserts=[_new_row(p, now) for p in changes.inserts],
        updates=[{"rid": rid, "case_id": p.case_id, "stay_id": p.stay_id, "kind": p.kind,
                  "due_date": p.due_date, "title": p.title, "now": now}
                 for rid, p in changes.updates],
        removals=[row.id for row in changes.removals],
        clients={owner[c] for c in changes.cases() if c in owner})


def _apply(session: Session, diff: _Diff) -> None:
    with reminders.bulk_cache(session, len(diff.inserts) + len(diff.updates)):
        if diff.inserts:
            reminders.insert_reminders(session, diff.inserts)
        if diff.updates:
            reminders.update_reminders(session, diff.updates)
        if diff.removals:
            reminders.remove_reminders(session, diff.removals)


def plan_marker(leads: Sequence[int]) -> str:
    """What else the plan depends on besides the facts: lead times, rules, this version."""
    text = f"{sorted(leads)}|{__version__}|{rule_book()!r}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def refresh_reminders(
    store: Store, *, lead_days: Sequence[int], clients: Collection[int] | None = None
) -> RefreshReport:
    """Bring the stored reminders in line with the facts; idempotent.

    ``lead_days`` are the settings' lead times before the limit of stay. With
    ``clients``, only their reminders (and their dependants') are refreshed: what a
    service that changed those clients' stays or documents calls.

    Without ``clients``, only the clients whose facts changed since the last refresh
    are re-planned: each client's facts are fingerprinted in SQL
    (``hkcase.store.queries.reminder_basis``) and compared with the fingerprint kept when
    their reminders were last planned, so a change made by any writer is found.
    Everyone is planned when the lead times, the rules or hkcase's version changed,
    or no fingerprints were kept yet.

    The comparison is read in a read transaction, which never holds the write lock:
    a save in the window meanwhile goes ahead. Only the clients whose reminders
    differ are then re-read, re-planned and written, inside short write transactions
    (``WRITE_BATCH`` clients each, with a pause between them for a waiting save), so
    what a concurrent save changed is planned from its new facts and never
    overwritten with stale ones. A client's fingerprint is kept with the facts its
    reminders were planned from, in the same transaction, never newer.
    """
    started = time.perf_counter()
    leads = lead_days_or_error(lead_days)
    marker = plan_marker(leads)
    added = updated = removed = 0
    with paused_gc():
        with store.reading() as session:
            same_plan = basis.kept_plan(session) == marker
            if clients is not None:
                scope: set[int] | None = with_dependants(session, clients)
            elif same_plan:
                changed = basis.changed_clients(basis.fingerprints(session),
                                                basis.stored_fingerprints(session))
                scope = with_dependants(session, changed) if changed else set()
            else:
                scope = None  # everyone
            snapshot = basis.fingerprints(session, scope) if scope != set() else {}
            first = (_diff(session, leads, scope) if scope != set()
                     else _NOTHING)
        if scope is None:  # the kept fingerprints go; the batches and the rest write new ones
            with store.transaction() as session:
                basis.forget_plan(session)
                basis.clear_fingerprints(session)
        changed_batches = sorted(first.clients)
        for start in range(0, len(changed_batches), WRITE_BATCH):
            if start:
                time.sleep(WRITER_PAUSE_S)  # let a waiting save in
            batch = set(changed_batches[start:start + WRITE_BATCH])
            with store.transaction() as session:
                diff = _diff(session, leads, batch)
                _apply(session, diff)
                if same_plan or scope is None:
                    basis.save_fingerprints(session, batch, basis.fingerprints(session, batch))
            added += len(diff.inserts)
            updated += len(diff.updates)
            removed += len(diff.removals)
        if scope != set():
            _keep_basis(store, scope, snapshot, set(first.clients), marker, same_plan)
    report = RefreshReport(first.planned, added, updated, removed,
                           time.perf_counter() - started, scope is None)
    log.info("reminders refreshed (%s): %d planned, %d added, %d updated, %d removed in "
             "%.2f s", "everyone" if report.full else f"{len(scope or ())} clients looked at",
             report.planned, report.added, report.updated, report.removed, report.seconds)
    return report


def refresh_in_session(session: Session, *, lead_days: Sequence[int],
                       clients: Collection[int]) -> RefreshReport:
    """``refresh_reminders`` for ``clients`` (and their dependants) inside the caller's
    write transaction: what a use case that changed their stays calls, so the change
    and its reminders commit together or not at all.

    The caller's pending changes are flushed first; the clients' fingerprints are kept
    in the same transaction (or forgotten, to be looked at again, when the kept plan
    was made with other lead times).
    """
    started = time.perf_counter()
    leads = lead_days_or_error(lead_days)
    session.flush()
    scope = with_dependants(session, clients)
    diff = _diff(session, leads, scope)
    _apply(session, diff)
    if basis.kept_plan(session) == plan_marker(leads):
        basis.save_fingerprints(session, scope, basis.fingerprints(session, scope))
    else:
        basis.save_fingerprints(session, scope, {})
    return RefreshReport(diff.planned, len(diff.inserts), len(diff.updates),
                         len(diff.removals), time.perf_counter() - started, full=False)


def _keep_basis(store: Store, scope: set[int] | None, snapshot: dict[int, int],
                written: set[int], marker: str, same_plan: bool) -> None:
    """Keep the read snapshot's fingerprints for the clients whose reminders were right.

    After a full refresh, every client's, in short write transactions (a waiting save
    goes between them); the plan is named only once they are all written.
    """
    if scope is None:  # the batches' own clients were fingerprinted in their transactions
        kept = {c: h for c, h in snapshot.items() if c not in written}
        pending = sorted(kept)
        for start in range(0, len(pending), BASIS_BATCH):
            time.sleep(WRITER_PAUSE_S)  # let a waiting save in
            with store.transaction() as session:
                basis.save_fingerprints(session, pending[start:start + BASIS_BATCH], kept)
        with store.transaction() as session:
            basis.set_plan(session, marker)
        return
    with store.transaction() as session:
        if same_plan:
            basis.save_fingerprints(session, scope - written, snapshot)
        else:  # planned with other lead times than the kept fingerprints': look again
            basis.save_fingerprints(session, scope, {})


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
    and snoozed also apply to the same stay's earlier open extension reminders, and
    pending again (reopening the line) to its earlier ones in the state this one was
    in (those the line closed with it): each undoes the other.
    """
    today = today or date.today()
    if state is ReminderState.SNOOZED:
        if until is None:
            raise ValidationError("until", tr("a snoozed reminder needs the date it comes "
                                              "back"))
    elif until is not None:
        raise ValidationError("until", tr("only a snoozed reminder takes a date"))
    with store.transaction() as session:
        reminder = session.get(Reminder, reminder_id)
        if reminder is None:
            raise ValidationError("reminder_id", tr("there is no reminder number {number}",
                                                    number=reminder_id))
        if state is ReminderState.SNOOZED and until is not None:
            deadline = _deadline(session, reminder)
            try:
                check_snooze(until, today, deadline.cap, deadline.what)
            except SnoozeError as exc:
                raise ValidationError("until", str(exc)) from None
        was, was_until = reminder.state, reminder.snoozed_until
        _change(session, reminder, state, until, actor)
        also = 0
        if reminder.kind in STAY_DEADLINE_KINDS and reminder.stay_id is not None:
            alike: sa.ColumnElement[bool]
            if state is not ReminderState.PENDING:
                alike = Reminder.state.in_(OPEN_STATES)
            elif was is ReminderState.PENDING:
                alike = sa.false()  # already open: nothing was closed with it
            else:
                alike = sa.and_(Reminder.state == was, Reminder.snoozed_until.is_(None)
                                if was_until is None else Reminder.snoozed_until == was_until)
            earlier = session.scalars(sa.select(Reminder).where(
                Reminder.stay_id == reminder.stay_id, Reminder.id != reminder.id,
                Reminder.kind.in_(STAY_DEADLINE_KINDS), alike,
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


@dataclass(frozen=True)
class _Deadline:
    cap: date | None
    what: str
    limit_of_stay: date | None
    window_opens: date | None


def _deadline(session: Session, reminder: Reminder) -> _Deadline:
    """The date a reminder is about (its snooze cap), with the stay's limit and window."""
    limit = opens = None
    if reminder.stay_id is not None:
        stay = session.get(Stay, reminder.stay_id)
        if stay is not None:
            limit = stay.limit_of_stay
            scheme = session.get_one(Case, stay.case_id).scheme
            opens = WindowTable().opening(scheme, limit)[0]
    expiry = None
    parts = reminder.key.split(":")
    if reminder.kind is ReminderKind.DOCUMENT_EXPIRY and parts[0] == "doc":
        document = session.get(Document, int(parts[1]))
        expiry = document.expiry_date if document is not None else None
    elif reminder.kind is ReminderKind.TRAVEL_DOCUMENT_EXPIRY and len(parts) == 4:
        travel = session.get(TravelDocument, int(parts[3]))
        expiry = travel.expiry_date if travel is not None else None
    cap = snooze_cap(reminder.kind, limit, expiry)
    what = (tr("the document's expiry") if cap is not None and cap == expiry
            else tr("the limit of stay"))
    return _Deadline(cap, what, limit, opens)


@dataclass(frozen=True)
class SnoozeOptions:
    """What a reminder may be snoozed until; empty ``choices`` when it may not be."""

    reminder_id: int
    cap: date | None
    choices: tuple[SnoozeChoice, ...]
    why_none: str | None = None


def snooze_options(store: Store, reminder_id: int, *, today: date | None = None
                   ) -> SnoozeOptions:
    """The snoozes the GUI may offer for a reminder: none past its deadline."""
    day = today or date.today()
    with store.reading() as session:
        reminder = session.get(Reminder, reminder_id)
        if reminder is None:
            raise ValidationError("reminder_id", tr("there is no reminder number {number}",
                                                    number=reminder_id))
        deadline = _deadline(session, reminder)
    choices = tuple(snooze_choices(day, deadline.cap, window_opens=deadline.window_opens,
                                   limit_of_stay=deadline.limit_of_stay))
    why = None
    if not choices:
        why = (tr("{what} is {cap}: this reminder cannot be snoozed past it",
                  what=deadline.what, cap=deadline.cap)
               if deadline.cap is not None else tr("no snooze date is available"))
    return SnoozeOptions(reminder_id, deadline.cap, choices, why)
