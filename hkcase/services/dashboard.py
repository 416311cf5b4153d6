"""The dashboard: the reminder digest (as ``hkcase remind`` gives it) in the sections shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hkcase.domain.reminder_urgency import Urgency
from hkcase.domain.vocab import ReminderKind
from hkcase.services.reminder_digest import DigestItem, daily_digest
from hkcase.store import Store

DOCUMENT_KINDS = (ReminderKind.TRAVEL_DOCUMENT_EXPIRY, ReminderKind.DOCUMENT_EXPIRY)
HORIZON_DAYS = 90


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    items: tuple[DigestItem, ...]


def dashboard(store: Store, today: date | None = None) -> list[Section]:
    """Overdue, window open now, opening within 30 and 90 days, and document expiries."""
    day = today or date.today()
    digest = daily_digest(store, today=day, within_days=HORIZON_DAYS)
    soon = day + timedelta(days=30)
    buckets: dict[str, list[DigestItem]] = {k: [] for k in
                                            ("overdue", "window_open", "next_30", "next_90",
                                             "documents")}
    for item in digest.items:
        if item.kind in DOCUMENT_KINDS and item.urgency is not Urgency.OVERDUE:
            buckets["documents"].append(item)
        elif item.urgency is Urgency.OVERDUE:
            buckets["overdue"].append(item)
        elif item.urgency is Urgency.WINDOW_OPEN:
            buckets["window_open"].append(item)
        elif (item.window_opens or item.effective_date) <= soon:
            buckets["next_30"].append(item)
        else:
            buckets["next_90"].append(item)
    titles = {"overdue": "Overdue", "window_open": "Extension window open now",
              "next_30": "Opening within 30 days", "next_90": "Opening within 90 days",
              "documents": "Documents expiring"}
    return [Section(k, titles[k], tuple(v)) for k, v in buckets.items()]
