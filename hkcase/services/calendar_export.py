"""Every open deadline as an all-day event in an iCalendar (.ics) file.

Each event's UID is ``<reminder key>@hkcase``: the key names the reminder's
trigger (see ``hkcase.domain.reminder_plan``), so exporting again and importing
the new file updates the events already in a calendar instead of adding copies.
SEQUENCE grows with the reminder's last change, so calendars that compare it
take the newer version. The file is written event by event (a firm's whole
calendar can hold hundreds of thousands) and replaced atomically.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from icalendar import Calendar, Event

from hkcase import __version__
from hkcase.domain.vocab import ReminderState
from hkcase.services.reminder_facts import paused_gc
from hkcase.store import Store
from hkcase.store.models import Case, Client, Consultant, Reminder, Stay

UID_DOMAIN = "hkcase"
PRODID = f"-//hkcase//hkcase {__version__}//EN"
_SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
_SUMMARY_LENGTH = 160


@dataclass(frozen=True)
class CalendarReport:
    path: Path
    events: int


def event_uid(key: str) -> str:
    """The stable UID of the event for the reminder with ``key``."""
    return f"{key}@{UID_DOMAIN}"


def _sequence(updated_at: datetime) -> int:
    # Minutes since 2020: grows whenever the reminder changes, never goes back.
    return max(0, int((updated_at - _SEQUENCE_EPOCH).total_seconds() // 60))


def open_reminders(store: Store, *, until: date | None = None,
                   consultant: str | None = None) -> list[Any]:
    """Open (pending or snoozed) reminders with their case, client and limit of stay."""
    r = Reminder.__table__
    statement = (
        sa.select(r.c.key, r.c.kind, r.c.due_date, r.c.state, r.c.snoozed_until, r.c.title,
                  r.c.updated_at, Case.reference, Case.scheme, Client.family_name,
                  Client.given_names, Client.chinese_name, Stay.limit_of_stay)
        .select_from(r)
        .join(Case, Case.id == r.c.case_id)
        .join(Client, Client.id == Case.client_id)
        .outerjoin(Stay, Stay.id == r.c.stay_id)
        .where(r.c.state.in_([ReminderState.PENDING.value, ReminderState.SNOOZED.value]))
        .order_by(r.c.due_date, r.c.key)
    )
    if until is not None:
        statement = statement.where(sa.func.coalesce(r.c.snoozed_until, r.c.due_date) <= until)
    if consultant is not None:
        statement = statement.join(Consultant, Consultant.id == Case.consultant_id).where(
            Consultant.name == consultant)
    with store.reading() as session:
        return list(session.connection().execute(statement).all())


def _event(row: Any, stamp: datetime) -> Event:
    (key, kind, due, state, snoozed, title, updated_at, reference, scheme, family, given,
     chinese, limit) = row
    day = snoozed if state is ReminderState.SNOOZED and snoozed else due
    name = f"{family} {given}".strip()
    event = Event()
    event.add("uid", event_uid(key))
    event.add("dtstamp", stamp)
    event.add("last-modified", updated_at)
    event.add("sequence", _sequence(updated_at))
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    # The title's headline (before its first ": ") keeps calendar views short.
    event.add("summary", f"{name} {reference}: {title.partition(': ')[0]}"[:_SUMMARY_LENGTH])
    lines = [title, f"Client: {name}" + (f" {chinese}" if chinese else ""),
             f"Case: {reference} ({scheme.value})"]
    if limit is not None:
        lines.append(f"Limit of stay: {limit.isoformat()}")
    if state is ReminderState.SNOOZED:
        lines.append(f"Snoozed from {due.isoformat()}")
    lines.append(f"hkcase reminder {key}")
    event.add("description", "\n".join(lines))
    event.add("categories", ["hkcase", kind.value])
    event.add("transp", "TRANSPARENT")
    return event


def export_calendar(
    store: Store,
    path: Path,
    *,
    until: date | None = None,
    consultant: str | None = None,
    now: datetime | None = None,
) -> CalendarReport:
    """Write the open reminders (optionally due by ``until``, or one consultant's) to ``path``."""
    stamp = now or datetime.now(UTC)
    with paused_gc():
        rows = open_reminders(store, until=until, consultant=consultant)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "hkcase deadlines")
    head, end = calendar.to_ical().split(b"END:VCALENDAR")
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        with temporary.open("wb") as out:
            out.write(head)
            for row in rows:
                out.write(_event(row, stamp).to_ical())
            out.write(b"END:VCALENDAR" + end)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return CalendarReport(path=path, events=len(rows))
