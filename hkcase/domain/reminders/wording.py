"""Reminder wording computed when shown: "in 3 days", "today", "2 days ago", and a passed limit.

Stored reminder titles hold dates only; how far away a date is depends on the day
it is read, so it is worked out here at display time and never stored.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from hkcase.domain.messages import Message, StoredText, current_language, tr
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


def limit_passed_advice() -> Message:
    """``LIMIT_PASSED_ADVICE`` in the current language."""
    return tr("ImmD's online extension is closed once the limit of stay has passed, and "
              "overstaying is an offence. Contact ImmD now: Information and Liaison Section, "
              "(852) 2824 6111, enquiry@immd.gov.hk")


def relative_day(day: date, today: date) -> Message:
    """``today``, ``tomorrow``, ``in 3 days``, ``in 2 weeks``, ``yesterday``, ``5 days ago``."""
    days = (day - today).days
    if days == 0:
        return tr("today")
    if days == 1:
        return tr("tomorrow")
    if days == -1:
        return tr("yesterday")
    weeks = not (abs(days) < 14 or days % 7)
    if days > 0:
        return tr("in {n} weeks", n=days // 7) if weeks else tr("in {n} days", n=days)
    return tr("{n} weeks ago", n=-days // 7) if weeks else tr("{n} days ago", n=-days)


def limit_passed(limit_of_stay: date | None, today: date) -> bool:
    """Whether the limit of stay is behind us (the day itself still counts as in time)."""
    return limit_of_stay is not None and limit_of_stay < today


def limit_passed_title(limit_of_stay: date, today: date) -> Message:
    """The loud line for a passed limit, with what to do now."""
    return tr("LIMIT OF STAY PASSED on {day} ({when}): {advice}", day=limit_of_stay,
              when=relative_day(limit_of_stay, today), advice=limit_passed_advice())


def limit_line(limit_of_stay: date, today: date) -> Message:
    """How the limit of stay reads in the case pane today."""
    if limit_passed(limit_of_stay, today):
        return limit_passed_title(limit_of_stay, today)
    return tr("Limit of stay {day} ({when}).", day=limit_of_stay,
              when=relative_day(limit_of_stay, today))


def shown_title(kind: ReminderKind, stored_title: str, due_date: date,
                limit_of_stay: date | None, today: date) -> Message:
    """A reminder's title as shown on ``today``, in the current language.

    A stay's extension reminders (and its travel-document reminder) say loudly when
    the limit has passed; every other title gains how far its date is from today. The
    stored title is English (``messages.stored``); it is said again in the reader's.
    """
    return _shown_title(kind, stored_title, due_date, limit_of_stay, today, current_language())


# Saying a stored title again in Chinese matches it against the catalogue (about a
# millisecond); the digest shows the same titles (the same dates) for many clients.
@lru_cache(maxsize=1 << 14)
def _shown_title(kind: ReminderKind, stored_title: str, due_date: date,
                 limit_of_stay: date | None, today: date, _lang: str) -> Message:
    stay_kinds = STAY_DEADLINE_KINDS | {ReminderKind.TRAVEL_DOCUMENT_EXPIRY}
    if kind in stay_kinds and limit_of_stay is not None and limit_passed(limit_of_stay, today):
        return limit_passed_title(limit_of_stay, today)
    title = StoredText(stored_title)
    if kind in STAY_DEADLINE_KINDS and limit_of_stay is not None:
        return tr("{title} — limit {when}", title=title,
                  when=relative_day(limit_of_stay, today))
    return tr("{title} — {when}", title=title, when=relative_day(due_date, today))
