"""What became due since the last look: the text of the desktop notification.

The GUI's tray calls ``check_reminders`` at start and then periodically; it is
one channel among several (the digest, the dashboard, the calendar), never the
only one. An item counts as new the first time it is seen at its urgency, so a
reminder that moves from "upcoming" to "window open" to "overdue" is announced
at each step, and never twice at the same one.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from hkcase.domain.messages import Message, tr
from hkcase.domain.reminders.urgency import Urgency
from hkcase.services.reminders.digest import Digest, DigestItem, daily_digest
from hkcase.services.reminders.refresh import refresh_reminders
from hkcase.store import Store

NOTIFY_WITHIN_DAYS = 7
SHOWN_NAMES = 3


def _phrase(urgency: Urgency, n: int, within_days: int) -> Message:
    if urgency is Urgency.OVERDUE:
        return tr("{n} overdue", n=n)
    if urgency is Urgency.WINDOW_OPEN:
        return (tr("{n} extension window open", n=n) if n == 1
                else tr("{n} extension windows open", n=n))
    return tr("{n} due within {d} days", n=n, d=within_days)


@dataclass(frozen=True)
class NotificationSummary:
    """Counts of everything open, and what is new since the last check."""

    today: date
    within_days: int
    counts: dict[Urgency, int]
    new_items: tuple[DigestItem, ...]
    seen: frozenset[str]

    @property
    def title(self) -> str:
        return tr("hkcase: deadlines need attention") if self.new_items else "hkcase"

    @property
    def message(self) -> str:
        """Empty when nothing became due; otherwise what did, and the totals."""
        if not self.new_items:
            return ""
        new_counts = {u: sum(1 for i in self.new_items if i.urgency is u) for u in Urgency}
        parts = [_phrase(u, n, self.within_days) for u, n in new_counts.items() if n]
        lines: list[str] = [tr("New: {parts}.", parts=parts)]
        for item in self.new_items[:SHOWN_NAMES]:
            lines.append(f"{item.client_name} ({item.case_ref}): {item.title}")
        if len(self.new_items) > SHOWN_NAMES:
            lines.append(tr("… and {n} more in the dashboard.",
                            n=len(self.new_items) - SHOWN_NAMES))
        return "\n".join(lines)


def seen_token(item: DigestItem) -> str:
    """Identifies an item at its current urgency."""
    return f"{item.key}|{item.urgency.value}"


def summarise(digest: Digest, seen: Collection[str]) -> NotificationSummary:
    """The notification for ``digest``, given the tokens already announced."""
    tokens = {seen_token(item): item for item in digest.items}
    new = tuple(item for token, item in tokens.items() if token not in seen)
    return NotificationSummary(
        today=digest.today,
        within_days=digest.within_days,
        counts={u: digest.count(u) for u in Urgency},
        new_items=new,
        seen=frozenset(tokens),
    )


def check_reminders(
    store: Store,
    *,
    lead_days: Sequence[int],
    seen: Collection[str] = (),
    today: date | None = None,
    within_days: int = NOTIFY_WITHIN_DAYS,
) -> NotificationSummary:
    """Refresh the reminders, read the digest and say what is new since ``seen``."""
    refresh_reminders(store, lead_days=lead_days)
    return summarise(daily_digest(store, today=today, within_days=within_days), seen)
