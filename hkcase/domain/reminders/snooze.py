"""How long a reminder may be snoozed: never past the deadline it is about.

A snoozed reminder comes back on its snooze date; if that date were after the
limit of stay (or the document's expiry), the reminder would return too late to
act on. The cap is the deadline's own date; the choices offered are the ones
that fall before it ("1 week", "until the window opens", "until N days before
the limit").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hkcase.domain.reminders.plan import STAY_DEADLINE_KINDS
from hkcase.domain.vocab import ReminderKind

#: Kinds whose deadline is the limit of stay of their stay.
LIMIT_KINDS = STAY_DEADLINE_KINDS | {ReminderKind.TRAVEL_DOCUMENT_EXPIRY,
                                     ReminderKind.SPONSOR_LIMIT_CHANGED}
#: "Until N days before the limit" choices, offered when they are still ahead.
DAYS_BEFORE_LIMIT = (28, 14, 7, 3, 1)
PLAIN_SNOOZES = ((1, "1 day"), (7, "1 week"), (14, "2 weeks"))


class SnoozeError(ValueError):
    """A snooze date that is not after today or runs past the deadline."""


@dataclass(frozen=True)
class SnoozeChoice:
    label: str
    until: date


def snooze_cap(kind: ReminderKind, limit_of_stay: date | None,
               document_expiry: date | None = None) -> date | None:
    """The latest snooze date for a reminder: its deadline's own date (None: no deadline).

    The travel-document reminder's deadline is the earlier of the document's expiry
    and the limit of stay; a permanent-residence milestone is not a deadline.
    """
    if kind is ReminderKind.DOCUMENT_EXPIRY:
        return document_expiry
    if kind is ReminderKind.TRAVEL_DOCUMENT_EXPIRY:
        dates = [d for d in (document_expiry, limit_of_stay) if d is not None]
        return min(dates) if dates else None
    if kind in LIMIT_KINDS:
        return limit_of_stay
    return None


def check_snooze(until: date, today: date, cap: date | None, what: str = "the deadline"
                 ) -> None:
    """Raise ``SnoozeError`` unless ``today < until <= cap``."""
    if until <= today:
        raise SnoozeError(f"snooze until a day after today ({today}), not {until}")
    if cap is not None and until > cap:
        if cap <= today:
            raise SnoozeError(f"{what} is {cap}: this reminder cannot be snoozed any more")
        raise SnoozeError(f"snooze until {cap} ({what}) at the latest, not {until}")


def snooze_choices(today: date, cap: date | None, *, window_opens: date | None = None,
                   limit_of_stay: date | None = None) -> list[SnoozeChoice]:
    """The snoozes to offer on ``today``, each on or before ``cap``, earliest first."""
    choices: dict[date, str] = {}  # one label per date: the most telling one first
    if window_opens is not None and window_opens > today:
        choices[window_opens] = f"until the window opens ({window_opens})"
    if limit_of_stay is not None:
        for days in DAYS_BEFORE_LIMIT:
            day = limit_of_stay - timedelta(days=days)
            if day > today:
                label = "1 day" if days == 1 else f"{days} days"
                choices.setdefault(day, f"until {label} before the limit ({day})")
    for days, label in PLAIN_SNOOZES:
        choices.setdefault(today + timedelta(days=days), label)
    return [SnoozeChoice(label, day) for day, label in sorted(choices.items())
            if day > today and (cap is None or day <= cap)]
