"""The daily digest: open reminders that are overdue, in an open window, or due soon.

One indexed query (``reminder.state, due_date``) joined to case, client and stay
returns the open reminders due by the horizon; the window, urgency and holiday
facts are worked out in Python for those rows only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import sqlalchemy as sa

from hkcase.domain.extension_window import WindowTable
from hkcase.domain.holidays_hk import holiday_name, last_working_day_on_or_before
from hkcase.domain.reminder_plan import STAY_DEADLINE_KINDS
from hkcase.domain.reminder_urgency import URGENCY_ORDER, Urgency, classify, fold_stay_deadlines
from hkcase.domain.reminder_wording import shown_title
from hkcase.domain.vocab import ReminderKind, ReminderState, Scheme
from hkcase.services.reminder_facts import paused_gc
from hkcase.store import Store
from hkcase.store.models import Case, Client, Consultant, Reminder, Stay

DEFAULT_WITHIN_DAYS = 30


@dataclass(frozen=True, slots=True)  # slots: the dashboard holds tens of thousands
class DigestItem:
    """One line of the digest: an open reminder with its client, case and urgency."""

    reminder_id: int
    key: str
    case_ref: str
    case_id: int
    stay_id: int | None
    client_id: int
    client_name: str
    chinese_name: str | None
    scheme: Scheme
    kind: ReminderKind
    title: str  # worded for the digest's day (hkcase.domain.reminder_wording)
    due_date: date
    effective_date: date  # the snooze date of a snoozed reminder
    state: ReminderState
    snoozed_until: date | None
    limit_of_stay: date | None
    window_opens: date | None
    urgency: Urgency
    limit_holiday: str | None
    last_working_day_on_or_before_limit: date | None
    folded: int  # other reminders of the same stay this line stands for

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of one ``hkcase remind --json`` item."""
        return {
            "reminder_id": self.reminder_id,
            "key": self.key,
            "case_ref": self.case_ref,
            "client_id": self.client_id,
            "client_name": self.client_name,
            "chinese_name": self.chinese_name,
            "scheme": self.scheme.value,
            "kind": self.kind.value,
            "title": self.title,
            "due_date": self.due_date.isoformat(),
            "effective_date": self.effective_date.isoformat(),
            "limit_of_stay": _iso(self.limit_of_stay),
            "extension_window_opens": _iso(self.window_opens),
            "urgency": self.urgency.value,
            "state": self.state.value,
            "snoozed_until": _iso(self.snoozed_until),
            "limit_is_general_holiday": self.limit_holiday is not None,
            "holiday_name": self.limit_holiday,
            "last_working_day_on_or_before_limit":
                _iso(self.last_working_day_on_or_before_limit),
            "folded": self.folded,
        }


@dataclass(frozen=True)
class Digest:
    """The digest for one day, most urgent first."""

    today: date
    within_days: int
    items: tuple[DigestItem, ...]

    def count(self, urgency: Urgency) -> int:
        return sum(1 for item in self.items if item.urgency is urgency)

    def grouped(self) -> dict[Urgency, list[DigestItem]]:
        """Items per urgency, every urgency present (possibly empty), in order."""
        groups: dict[Urgency, list[DigestItem]] = {u: [] for u in Urgency}
        for item in self.items:
            groups[item.urgency].append(item)
        return groups


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def digest_statement(horizon: date, consultant: str | None = None) -> sa.Select[Any]:
    """Open reminders whose (snooze) date is on or before ``horizon``, with case, client, stay;
    with ``consultant``, only the cases of the consultant of that name (as ``calendar``)."""
    r = Reminder.__table__
    statement = (
        sa.select(r.c.id, r.c.key, r.c.kind, r.c.due_date, r.c.state, r.c.snoozed_until,
                  r.c.title, r.c.stay_id, Case.id, Case.reference, Case.scheme, Client.id,
                  Client.family_name, Client.given_names, Client.chinese_name,
                  Stay.limit_of_stay)
        .select_from(r)
        .join(Case, Case.id == r.c.case_id)
        .join(Client, Client.id == Case.client_id)
        .outerjoin(Stay, Stay.id == r.c.stay_id)
        .where(sa.or_(
            sa.and_(r.c.state == ReminderState.PENDING.value, r.c.due_date <= horizon),
            sa.and_(r.c.state == ReminderState.SNOOZED.value, r.c.snoozed_until <= horizon),
        ))
    )
    if consultant is not None:
        statement = statement.join(Consultant, Consultant.id == Case.consultant_id).where(
            Consultant.name == consultant)
    return statement


def daily_digest(
    store: Store, *, today: date | None = None, within_days: int = DEFAULT_WITHIN_DAYS,
    consultant: str | None = None,
) -> Digest:
    """Overdue, window-open and upcoming reminders; one line per stay's extension.

    With ``consultant``, only that consultant's cases (the same filter as the calendar's).
    """
    if within_days < 0:
        raise ValueError("within_days cannot be negative")
    today = today or date.today()
    with paused_gc():
        return _digest(store, today, within_days, consultant)


def _digest(store: Store, today: date, within_days: int,
            consultant: str | None = None) -> Digest:
    windows = WindowTable()
    with store.reading() as session:
        # Rows are read as they are classified, never all held at once (100,000 clients
        # have tens of thousands of open reminders within 90 days).
        rows = session.connection().execute(
            digest_statement(today + timedelta(days=within_days), consultant))
        candidates = _classified(rows, windows, today, within_days)
    folded = fold_stay_deadlines(
        candidates,
        stay_of=lambda i: i.stay_id if i.kind in STAY_DEADLINE_KINDS else None,
        kind_of=lambda i: i.kind,
        date_of=lambda i: i.effective_date,
        today=today,
    )
    items = [_with_folded(item, count) for item, count in folded]
    items.sort(key=lambda i: (URGENCY_ORDER[i.urgency], i.limit_of_stay or i.effective_date,
                              i.effective_date, i.case_ref, i.key))
    return Digest(today=today, within_days=within_days, items=tuple(items))


def _classified(rows: Iterable[Any], windows: WindowTable, today: date,
                within_days: int) -> list[DigestItem]:
    candidates = []
    for row in rows:
        (rid, key, kind, due, state, snoozed, title, stay_id, case_id, reference, scheme,
         client_id, family, given, chinese, limit) = row
        effective = snoozed if state is ReminderState.SNOOZED and snoozed else due
        opens = None
        if limit is not None and kind in STAY_DEADLINE_KINDS:
            opens = windows.opening(scheme, limit)[0]
        urgency = classify(kind, effective, limit, opens, today, within_days)
        if urgency is None:
            continue
        name = f"{family} {given}".strip()
        holiday, last = _limit_days(limit) if limit is not None else (None, None)
        # Worded for today ("in 3 days", a passed limit said loudly), never stored so.
        shown = shown_title(kind, title, effective, limit, today)
        candidates.append(DigestItem(
            rid, key, reference, case_id, stay_id, client_id, name, chinese, scheme, kind, shown,
            due, effective, state, snoozed, limit, opens, urgency, holiday, last, 0))
    return candidates


@lru_cache(maxsize=4096)
def _limit_days(limit: date) -> tuple[str | None, date]:
    return holiday_name(limit), last_working_day_on_or_before(limit)


def _with_folded(item: DigestItem, count: int) -> DigestItem:
    if count == 0:
        return item
    return dataclasses.replace(item, folded=count)
