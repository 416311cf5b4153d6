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

from hkcase.domain.messages import tr
from hkcase.domain.reminders.plan import STAY_DEADLINE_KINDS
from hkcase.domain.vocab import ReminderKind

#: Kinds whose deadline is the limit of stay of their stay.
LIMIT_KINDS = STAY_DEADLINE_KINDS | {ReminderKind.TRAVEL_DOCUMENT_EXPIRY,
                                     ReminderKind.SPONSOR_LIMIT_CHANGED}
#: "Until N days before the limit" choices, offered when they are still ahead.
DAYS_BEFORE_LIMIT = (28, 14, 7, 3, 1)
#: Snoozes offered whatever the deadline, in days.
PLAIN_SNOOZE_DAYS = (1, 7, 14)


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


def _span(days: int) -> str:
    if days == 1:
        return tr("1 day")
    if days == 7:
        return tr("1 week")
    if days % 7 == 0:
        return tr("{n} weeks", n=days // 7)
    return tr("{n} days", n=days)


def check_snooze(until: date, today: date, cap: date | None, what: str | None = None
                 ) -> None:
    """Raise ``SnoozeError`` unless ``today < until <= cap``; ``what`` names the cap
    ("the limit of stay"; "the deadline" when None)."""
    if until <= today:
        raise SnoozeError(tr("snooze until a day after today ({today}), not {until}",
                             today=today, until=until))
    if cap is not None and until > cap:
        what = what if what is not None else tr("the deadline")
        if cap <= today:
            raise SnoozeError(tr("{what} is {cap}: this reminder cannot be snoozed any more",
                                 what=what, cap=cap))
        raise SnoozeError(tr("snooze until {cap} ({what}) at the latest, not {until}",
                             cap=cap, what=what, until=until))


def snooze_choices(today: date, cap: date | None, *, window_opens: date | None = None,
                   limit_of_stay: date | None = None) -> list[SnoozeChoice]:
    """The snoozes to offer on ``today``, each on or before ``cap``, earliest first."""
    choices: dict[date, str] = {}  # one label per date: the most telling one first
    if window_opens is not None and window_opens > today:
        choices[window_opens] = tr("until the window opens ({day})", day=window_opens)
    if limit_of_stay is not None:
        for days in DAYS_BEFORE_LIMIT:
            day = limit_of_stay - timedelta(days=days)
            if day > today:
                label = (tr("until 1 day before the limit ({day})", day=day) if days == 1
                         else tr("until {n} days before the limit ({day})", n=days, day=day))
                choices.setdefault(day, label)
    for days in PLAIN_SNOOZE_DAYS:
        choices.setdefault(today + timedelta(days=days), _span(days))
    return [SnoozeChoice(label, day) for day, label in sorted(choices.items())
            if day > today and (cap is None or day <= cap)]
