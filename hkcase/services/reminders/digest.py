"""The daily digest: open reminders that are overdue, in an open window, or due soon.

One indexed query (``reminder.state, due_date``) joined to case, client and stay
(``hkcase.store.queries.reminders.open_reminders``, which the calendar reads too)
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

from hkcase.domain.holidays_hk import holiday_name, last_working_day_on_or_before
from hkcase.domain.reminders.plan import STAY_DEADLINE_KINDS
from hkcase.domain.reminders.urgency import URGENCY_ORDER, Urgency, classify, fold_stay_deadlines
from hkcase.domain.reminders.wording import shown_title
from hkcase.domain.stay.extension_window import WindowTable
from hkcase.domain.vocab import ReminderKind, ReminderState, Scheme
from hkcase.store import Store
from hkcase.store.queries.reminder_facts import paused_gc
from hkcase.store.queries.reminders import OpenReminder, open_reminders

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
    title: str  # worded for the digest's day (hkcase.domain.reminders.wording)
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
        rows = open_reminders(session, until=today + timedelta(days=within_days),
                              consultant=consultant, ordered=False)
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


def _classified(rows: Iterable[OpenReminder], windows: WindowTable, today: date,
                within_days: int) -> list[DigestItem]:
    candidates = []
    for row in rows:
        kind, limit = row.kind, row.limit_of_stay
        effective = row.effective_date
        opens = None
        if limit is not None and kind in STAY_DEADLINE_KINDS:
            opens = windows.opening(row.scheme, limit)[0]
        urgency = classify(kind, effective, limit, opens, today, within_days)
        if urgency is None:
            continue
        holiday, last = _limit_days(limit) if limit is not None else (None, None)
        # Worded for today ("in 3 days", a passed limit said loudly), never stored so.
        shown = shown_title(kind, row.title, effective, limit, today)
        candidates.append(DigestItem(
            row.id, row.key, row.case_ref, row.case_id, row.stay_id, row.client_id,
            row.client_name, row.chinese_name, row.scheme, kind, shown, row.due_date, effective,
            row.state, row.snoozed_until, limit, opens, urgency, holiday, last, 0))
    return candidates


@lru_cache(maxsize=4096)
def _limit_days(limit: date) -> tuple[str | None, date]:
    return holiday_name(limit), last_working_day_on_or_before(limit)


def _with_folded(item: DigestItem, count: int) -> DigestItem:
    if count == 0:
        return item
    return dataclasses.replace(item, folded=count)
