"""The .ics export: parsed back, stable UIDs, and imported into a real calendar client (khal)."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from icalendar import Calendar

from hkcase.domain.vocab import ReminderState, Scheme
from hkcase.services.reminders.calendar import event_uid, export_calendar
from hkcase.services.reminders.refresh import refresh_reminders, set_reminder_state
from hkcase.store import Store
from hkcase.store.models import Stay
from tests.reminders_support import ACTOR, LEADS, add_case, add_client, add_stay, family, stored


def events(path: Path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_every_open_deadline_is_an_event_with_a_stable_uid(any_store: Store,
                                                            tmp_path: Path) -> None:
    fam = family(any_store)
    refresh_reminders(any_store, lead_days=LEADS)
    rows = stored(any_store)
    done_key = f"stay:{fam.sponsor_stay}:lead:84"
    done = rows[done_key]
    set_reminder_state(any_store, done.id, ReminderState.DONE, actor=ACTOR,
                       today=date(2026, 11, 22))
    snoozed_key = f"client:{fam.dependant}:pr"
    snoozed = rows[snoozed_key]
    set_reminder_state(any_store, snoozed.id, ReminderState.SNOOZED, until=date(2031, 6, 1),
                       actor=ACTOR, today=date(2026, 11, 22))

    report = export_calendar(any_store, tmp_path / "deadlines.ics")
    found = events(report.path)
    assert report.events == len(found) == len(rows) - 1
    assert event_uid(done_key) not in found
    window = found[event_uid(f"stay:{fam.sponsor_stay}:window")]
    assert window.decoded("DTSTART") == date(2027, 2, 10)  # type: ignore[attr-defined]
    assert window.decoded("DTEND") == date(2027, 2, 11)  # type: ignore[attr-defined]
    assert "CHAN Tai Man" in str(window["SUMMARY"])  # type: ignore[index]
    assert "Limit of stay: 2027-03-10" in str(window["DESCRIPTION"])  # type: ignore[index]
    moved = found[event_uid(snoozed_key)]
    assert moved.decoded("DTSTART") == date(2031, 6, 1)  # type: ignore[attr-defined]

    # Export again after a correction: same UIDs, the changed event has a higher SEQUENCE.
    with any_store.transaction() as session:
        session.execute(sa.update(Stay).where(Stay.id == fam.sponsor_stay).values(
            limit_of_stay=date(2027, 3, 17)))
    refresh_reminders(any_store, lead_days=LEADS)
    again = events(export_calendar(any_store, tmp_path / "deadlines.ics").path)
    assert set(again) == set(found)
    uid = event_uid(f"stay:{fam.sponsor_stay}:window")
    assert again[uid].decoded("DTSTART") == date(2027, 2, 17)  # type: ignore[attr-defined]
    assert int(again[uid]["SEQUENCE"]) >= int(window["SEQUENCE"])  # type: ignore[index]


def test_filters_by_horizon_and_consultant(any_store: Store, tmp_path: Path) -> None:
    family(any_store)
    refresh_reminders(any_store, lead_days=LEADS)
    near = export_calendar(any_store, tmp_path / "near.ics", until=date(2027, 1, 31))
    assert {e.decoded("DTSTART") for e in events(near.path).values()} == {  # type: ignore[attr-defined]
        date(2026, 12, 16), date(2027, 1, 27)}
    nobody = export_calendar(any_store, tmp_path / "nobody.ics", consultant="No Such Person")
    assert nobody.events == 0 and events(nobody.path) == {}


def _khal() -> str:
    found = shutil.which("khal")
    if found is None:
        message = "khal is not installed (scripts/test installs it with apt-get)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def _khal_run(khal: str, config: Path, *args: str) -> str:
    result = subprocess.run([khal, "-c", str(config), *args], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "TZ": "Asia/Hong_Kong"})
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_imports_into_khal_and_reimport_updates(sqlite_store: Store, tmp_path: Path) -> None:
    khal = _khal()
    client = add_client(sqlite_store, "NG", "Ka Ho")
    stay = add_stay(sqlite_store, add_case(sqlite_store, client, Scheme.GEP), date(2024, 1, 5),
                    date(2027, 3, 10))
    refresh_reminders(sqlite_store, lead_days=LEADS)
    ics = export_calendar(sqlite_store, tmp_path / "deadlines.ics").path
    vdir = tmp_path / "calendar"
    vdir.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        f"[calendars]\n[[hkcase]]\npath = {vdir}/\ntype = calendar\n"
        "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        f"[sqlite]\npath = {tmp_path / 'khal.db'}\n", encoding="utf-8")
    _khal_run(khal, config, "import", "--batch", "-a", "hkcase", str(ics))
    assert len(list(vdir.glob("*.ics"))) == 5  # four stay reminders and permanent residence
    listing = _khal_run(khal, config, "list", "2027-02-10", "2027-02-10")
    assert "NG Ka Ho" in listing and "Extension window opens" in listing

    # The label said 2027-03-17: export, import again — moved, not duplicated.
    with sqlite_store.transaction() as session:
        session.execute(sa.update(Stay).where(Stay.id == stay).values(
            limit_of_stay=date(2027, 3, 17)))
    refresh_reminders(sqlite_store, lead_days=LEADS)
    export_calendar(sqlite_store, ics)
    _khal_run(khal, config, "import", "--batch", "-a", "hkcase", str(ics))
    assert len(list(vdir.glob("*.ics"))) == 5
    assert "Extension window opens" not in _khal_run(khal, config, "list", "2027-02-10",
                                                     "2027-02-10")
    assert "Extension window opens" in _khal_run(khal, config, "list", "2027-02-17",
                                                 "2027-02-17")
