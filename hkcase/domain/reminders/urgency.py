"""How urgent an open reminder is today, and which reminders of one stay the digest shows."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from enum import StrEnum
from typing import TypeVar

from hkcase.domain.reminders.plan import STAY_DEADLINE_KINDS
from hkcase.domain.vocab import ReminderKind


class Urgency(StrEnum):
    """Digest groups, most urgent first."""

    OVERDUE = "overdue"
    WINDOW_OPEN = "window_open"
    UPCOMING = "upcoming"


URGENCY_ORDER = {u: i for i, u in enumerate(Urgency)}
_STAGE = {ReminderKind.BEFORE_LIMIT: 0, ReminderKind.WINDOW_OPENS: 1, ReminderKind.FINAL_WEEK: 2}


def classify(
    kind: ReminderKind,
    effective_date: date,
    limit_of_stay: date | None,
    window_opens: date | None,
    today: date,
    within_days: int,
) -> Urgency | None:
    """The digest group of an open reminder, or None when it is not due within ``within_days``.

    ``effective_date`` is the due date, or the snooze date of a snoozed reminder.
    - overdue: the limit of stay has passed, or the reminder's date passed unattended;
    - window_open: an extension reminder that is due while its window is open;
    - upcoming: due today or within ``within_days``.
    """
    if effective_date > today + timedelta(days=within_days):
        return None
    if limit_of_stay is not None and limit_of_stay < today:
        return Urgency.OVERDUE
    if effective_date > today:
        return Urgency.UPCOMING
    if (kind in STAY_DEADLINE_KINDS and window_opens is not None and limit_of_stay is not None
            and window_opens <= today <= limit_of_stay):
        return Urgency.WINDOW_OPEN
    return Urgency.OVERDUE if effective_date < today else Urgency.UPCOMING


T = TypeVar("T")


def fold_stay_deadlines(
    items: Iterable[T],
    *,
    stay_of: Callable[[T], int | None],
    kind_of: Callable[[T], ReminderKind],
    date_of: Callable[[T], date],
    today: date,
) -> list[tuple[T, int]]:
    """One extension reminder per stay: ``(item, how many others it stands for)``.

    Of a stay's extension reminders, the most advanced one already due is shown
    (the window's opening supersedes "12 weeks before"); when none is due yet,
    the next one. Other kinds pass through unchanged, each with 0.
    """
    kept: list[tuple[T, int]] = []
    by_stay: dict[int, list[T]] = {}
    for item in items:
        stay = stay_of(item)
        if stay is None or kind_of(item) not in STAY_DEADLINE_KINDS:
            kept.append((item, 0))
        else:
            by_stay.setdefault(stay, []).append(item)
    for group in by_stay.values():
        due = [i for i in group if date_of(i) <= today]
        if due:
            shown = max(due, key=lambda i: (date_of(i), _STAGE[kind_of(i)]))
        else:
            shown = min(group, key=lambda i: (date_of(i), _STAGE[kind_of(i)]))
        kept.append((shown, len(group) - 1))
    return kept
