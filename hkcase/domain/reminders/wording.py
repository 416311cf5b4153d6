"""Reminder wording computed when shown: "in 3 days", "today", "2 days ago", and a passed limit.

Stored reminder titles hold dates only; how far away a date is depends on the day
it is read, so it is worked out here at display time and never stored.
"""

from __future__ import annotations

from datetime import date

from hkcase.domain.reminders.plan import STAY_DEADLINE_KINDS
from hkcase.domain.vocab import ReminderKind

#: Where ImmD says extensions are applied for online, before the limit of stay expires,
#: and whom to ask (Information and Liaison Section, FAQ Q17).
IMMD_EXTENSION_SOURCE = "https://www.immd.gov.hk/eng/evisaonline.html"
#: What to do once the limit has passed, in ImmD's terms only
#: (shared/domain/corrections-2026-12.md item 19; the scheme pages say extensions are
#: applied for "before their limit of stay expires").
LIMIT_PASSED_ADVICE = (
    "ImmD's online extension is closed once the limit of stay has passed, and overstaying "
    "is an offence. Contact ImmD now: Information and Liaison Section, (852) 2824 6111, "
    "enquiry@immd.gov.hk"
)


def relative_day(day: date, today: date) -> str:
    """``today``, ``tomorrow``, ``in 3 days``, ``in 2 weeks``, ``yesterday``, ``5 days ago``."""
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    if days > 0:
        return f"in {_span(days)}"
    return f"{_span(-days)} ago"


def _span(days: int) -> str:
    if days < 14 or days % 7:
        return f"{days} days"
    return f"{days // 7} weeks"


def limit_passed(limit_of_stay: date | None, today: date) -> bool:
    """Whether the limit of stay is behind us (the day itself still counts as in time)."""
    return limit_of_stay is not None and limit_of_stay < today


def limit_passed_title(limit_of_stay: date, today: date) -> str:
    """The loud line for a passed limit, with what to do now."""
    return (f"LIMIT OF STAY PASSED on {limit_of_stay} ({relative_day(limit_of_stay, today)}): "
            f"{LIMIT_PASSED_ADVICE}")


def limit_line(limit_of_stay: date, today: date) -> str:
    """How the limit of stay reads in the case pane today."""
    if limit_passed(limit_of_stay, today):
        return limit_passed_title(limit_of_stay, today)
    when = relative_day(limit_of_stay, today)
    return f"Limit of stay {limit_of_stay} ({when})."


def shown_title(kind: ReminderKind, stored_title: str, due_date: date,
                limit_of_stay: date | None, today: date) -> str:
    """A reminder's title as shown on ``today``.

    A stay's extension reminders (and its travel-document reminder) say loudly when
    the limit has passed; every other title gains how far its date is from today.
    """
    stay_kinds = STAY_DEADLINE_KINDS | {ReminderKind.TRAVEL_DOCUMENT_EXPIRY}
    if kind in stay_kinds and limit_of_stay is not None and limit_passed(limit_of_stay, today):
        return limit_passed_title(limit_of_stay, today)
    if kind in STAY_DEADLINE_KINDS and limit_of_stay is not None:
        return f"{stored_title} — limit {relative_day(limit_of_stay, today)}"
    return f"{stored_title} — {relative_day(due_date, today)}"
