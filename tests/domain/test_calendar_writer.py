"""The hand-written .ics events read back by ``icalendar`` as the values they were made of."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from icalendar import Calendar

from hkcase.domain.vocab import ReminderKind, ReminderState, Scheme
from hkcase.services.reminders.calendar import _event, _head, _utc, event_uid
from hkcase.services.reminders.refresh import refresh_reminders
from hkcase.store import Store
from hkcase.store.queries.reminders import OpenReminder
from tests.reminders_support import LEADS, family

AWKWARD = ("Limit of stay 2027-03-30: prepare; the extension, now \\ here\nsecond line "
           "陳大文的延期申請文件必須在此日期前提交" * 3)


def _row(title: str, state: ReminderState, snoozed: date | None) -> OpenReminder:
    return OpenReminder(
        key="stay:7:lead:84", id=1, kind=ReminderKind.BEFORE_LIMIT, due_date=date(2027, 1, 5),
        state=state, snoozed_until=snoozed, title=title,
        updated_at=datetime(2026, 11, 3, 4, 5, 6, tzinfo=UTC), stay_id=7, case_id=1,
        case_ref="GEP-2026-00001", scheme=Scheme.GEP, client_id=1, family_name="CHAN",
        given_names="Tai Man", chinese_name="陳大文", limit_of_stay=date(2027, 3, 30))


def _parsed(*events: bytes) -> list[object]:
    text = _head() + b"".join(events) + b"END:VCALENDAR\r\n"
    for line in text.split(b"\r\n"):
        assert len(line) <= 75  # folded at 75 octets
        line.decode("utf-8")  # never split inside a character
    calendar = Calendar.from_ical(text)
    assert str(calendar["X-WR-CALNAME"]) == "hkcase deadlines"
    return list(calendar.walk("VEVENT"))


def test_escaped_folded_text_reads_back_unchanged() -> None:
    stamp = _utc(datetime(2026, 12, 1, 1, 2, 3, tzinfo=UTC))
    (event,) = _parsed(_event(_row(AWKWARD, ReminderState.SNOOZED, date(2027, 1, 9)), stamp))
    assert str(event["UID"]) == event_uid("stay:7:lead:84")  # type: ignore[index]
    assert event.decoded("DTSTART") == date(2027, 1, 9)  # type: ignore[attr-defined]
    assert event.decoded("DTEND") == date(2027, 1, 10)  # type: ignore[attr-defined]
    assert event.decoded("DTSTAMP") == datetime(2026, 12, 1, 1, 2, 3, tzinfo=UTC)  # type: ignore[attr-defined]
    assert event.decoded("LAST-MODIFIED") == datetime(2026, 11, 3, 4, 5, 6, tzinfo=UTC)  # type: ignore[attr-defined]
    description = str(event["DESCRIPTION"])  # type: ignore[index]
    assert description.split("\n")[:2] == AWKWARD.split("\n")[:2]
    assert "Client: CHAN Tai Man 陳大文" in description
    assert "Snoozed from 2027-01-05" in description
    assert str(event["SUMMARY"]) == "CHAN Tai Man GEP-2026-00001: Limit of stay 2027-03-30"  # type: ignore[index]
    assert [str(c) for c in event["CATEGORIES"].cats] == ["hkcase", "before_limit"]  # type: ignore[index]


def test_a_pending_reminder_falls_on_its_due_date() -> None:
    (event,) = _parsed(_event(_row("Short", ReminderState.PENDING, None), "20261201T000000Z"))
    assert event.decoded("DTSTART") == date(2027, 1, 5)  # type: ignore[attr-defined]
    assert "Snoozed" not in str(event["DESCRIPTION"])  # type: ignore[index]


def test_export_of_a_family_parses_event_for_event(any_store: Store, tmp_path: Path) -> None:
    from hkcase.services.reminders.calendar import export_calendar, open_reminders

    family(any_store)
    refresh_reminders(any_store, lead_days=LEADS)
    report = export_calendar(any_store, tmp_path / "x.ics")
    calendar = Calendar.from_ical((tmp_path / "x.ics").read_bytes())
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert uids == [event_uid(row[0]) for row in open_reminders(any_store)]
    assert report.events == len(uids) > 0
