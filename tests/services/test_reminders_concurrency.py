"""A background reminder refresh never keeps the window's saves waiting, and stays right.

The refresh runs in a real second process (as the tray's or another desktop's would);
this process saves meanwhile and probes the write lock with a second connection.
"""

from __future__ import annotations

import json
import select
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from hkcase.domain.vocab import ReminderState
from hkcase.services.demo.generate import generate_demo
from hkcase.services.records import StayInput
from hkcase.services.reminders.refresh import refresh_reminders
from hkcase.services.stays.listing import record_printed_stay
from hkcase.store import Store
from hkcase.store.models import Reminder, Stay
from tests.reminders_support import ACTOR, LEADS

CLIENTS = 8000
PROBE_TIMEOUT_S = 1.0

_REFRESH = """
import json, sys
from hkcase.store import open_store
from hkcase.services.reminders.refresh import refresh_reminders
store = open_store(sys.argv[1], check=False)
print("start", flush=True)
report = refresh_reminders(store, lead_days=json.loads(sys.argv[2]))
print(json.dumps([report.planned, report.added, report.updated, report.removed,
                  report.seconds]), flush=True)
store.close()
"""


def _probe(path: Path) -> tuple[float, str | None]:
    """Take and release the write lock as a save would: how long it waited, and the
    error if it stayed busy past ``PROBE_TIMEOUT_S``."""
    connection = sqlite3.connect(path, timeout=PROBE_TIMEOUT_S, isolation_level=None)
    started = time.perf_counter()
    try:
        connection.execute("BEGIN IMMEDIATE")
        waited = time.perf_counter() - started
        connection.execute("COMMIT")
        return waited, None
    except sqlite3.OperationalError as exc:
        return time.perf_counter() - started, str(exc)
    finally:
        connection.close()


def test_a_save_during_a_full_refresh_never_waits_for_it(sqlite_store: Store,
                                                         tmp_path: Path) -> None:
    generate_demo(sqlite_store, CLIENTS, seed=7)
    assert sqlite_store.file is not None
    with sqlite_store.reading() as session:
        stay = session.scalars(sa.select(Stay).order_by(Stay.id)).first()
        assert stay is not None
        case_id, last_limit = stay.case_id, stay.limit_of_stay
    process = subprocess.Popen(
        [sys.executable, "-c", _REFRESH, str(sqlite_store.url), json.dumps(LEADS)],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "start"
    failures: list[str] = []
    waits: list[float] = []
    saved: int | None = None
    # Until the refresh reports (the process then closes its store, whose final
    # checkpoint is no part of the refresh):
    while not select.select([process.stdout], [], [], 0)[0]:
        if saved is None:  # the window's save: a new stay, and its client's reminders
            started = time.perf_counter()
            saved = record_printed_stay(
                sqlite_store, StayInput(case_id, last_limit, date(last_limit.year + 2, 6, 30),
                                        extension_number=None),
                actor=ACTOR, lead_days=LEADS)
            waits.append(time.perf_counter() - started)
        waited, error = _probe(sqlite_store.file)
        waits.append(waited)
        if error is not None:
            failures.append(error)
        time.sleep(0.02)
    output = process.stdout.read()
    assert process.wait() == 0
    planned, added, _updated, _removed, seconds = json.loads(output.strip().splitlines()[-1])
    assert planned > CLIENTS and added > 0  # it really refreshed thousands of clients

    assert failures == [], (failures, waits)  # no save ever waited PROBE_TIMEOUT_S for the refresh
    assert len(waits) >= 3  # the probe really ran while the refresh did
    # The lock is held a batch at a time, never for the bulk of the refresh (holding it
    # throughout, the save alone waited about the refresh's own duration).
    assert max(waits) < seconds / 2, (max(waits), seconds)

    # Nothing the save wrote was overwritten from the refresh's earlier reading:
    again = refresh_reminders(sqlite_store, lead_days=LEADS)
    assert (again.added, again.updated, again.removed) == (0, 0, 0)
    with sqlite_store.reading() as session:
        open_stays = session.scalars(sa.select(Reminder.stay_id).where(
            Reminder.case_id == case_id, Reminder.state == ReminderState.PENDING)).all()
    assert open_stays and {s for s in open_stays if s is not None} == {saved}
