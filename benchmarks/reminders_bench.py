"""Reminder benchmarks: generating them for every client, the daily digest, the calendar.

Baselines are the same work done with raw ``sqlite3`` in the same run: inserting the
very rows the refresh wrote, reading the reminder table, running the digest's and
the calendar's SQL text. ``HKCASE_BENCH_DATA=DIR`` copies the database of a folder
made by ``hkcase --data-dir DIR demo`` instead of generating one (its reminders are
dropped from the copy, so the first refresh is a first one).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.dialects import sqlite as sqlite_dialect

from benchmarks.harness import Result, median_seconds
from hkcase.services.demo.generate import generate_demo
from hkcase.services.reminders.calendar import export_calendar
from hkcase.services.reminders.digest import daily_digest
from hkcase.services.reminders.refresh import refresh_reminders
from hkcase.store import open_store, sqlite_url
from hkcase.store.queries.reminders import open_reminders_statement

LEADS = [84, 42, 7]
WITHIN = 30


def _copy(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def _bare_insert_seconds(written: Path, empty: Path) -> float:
    """Insert the refresh's reminder rows into a copy without them, with raw sqlite3."""
    with sqlite3.connect(written) as conn:
        rows = conn.execute("SELECT * FROM reminder").fetchall()
    conn = sqlite3.connect(empty, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    marks = ", ".join("?" * len(rows[0]))
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO reminder VALUES ({marks})", rows)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def run(quick: bool) -> Iterator[Result]:
    clients = 10_000 if quick else 100_000
    repeat = 3 if quick else 5
    with tempfile.TemporaryDirectory(prefix="hkcase-bench-") as scratch:
        folder = Path(scratch)
        database = folder / "demo.sqlite3"
        given = os.environ.get("HKCASE_BENCH_DATA")
        store = open_store(sqlite_url(Path(given) / "hkcase.sqlite3") if given
                           else sqlite_url(database), backup_dir=folder)
        if given:  # the same schema as the code being measured, then a copy without reminders
            store.close()
            _copy(Path(given) / "hkcase.sqlite3", database)
            with sqlite3.connect(database) as conn:
                clients = conn.execute("SELECT count(*) FROM client").fetchone()[0]
                conn.execute("DELETE FROM reminder")
                conn.execute("DELETE FROM reminder_basis")
                conn.execute("DELETE FROM reminder_refresh")
        else:
            generate_demo(store, clients, seed=1)
            store.close()
        before = folder / "before.sqlite3"
        _copy(database, before)

        store = open_store(sqlite_url(database), backup_dir=folder)
        report = refresh_reminders(store, lead_days=LEADS)
        bare = _bare_insert_seconds(database, before)
        yield Result(f"reminders_first_refresh_{clients}_clients", report.seconds, "s", bare)

        def bare_read() -> None:
            with sqlite3.connect(database) as conn:
                conn.execute("SELECT * FROM reminder").fetchall()

        again = median_seconds(lambda: refresh_reminders(store, lead_days=LEADS), repeat)
        yield Result(f"reminders_refresh_unchanged_{clients}_clients", again, "s",
                     median_seconds(bare_read, repeat))

        today = date.today()
        sql = str(open_reminders_statement(until=today + timedelta(days=WITHIN),
                                           ordered=False).compile(
            dialect=sqlite_dialect.dialect(), compile_kwargs={"literal_binds": True}))

        def bare_digest() -> None:
            with sqlite3.connect(database) as conn:
                conn.execute(sql).fetchall()

        digest = median_seconds(
            lambda: daily_digest(store, today=today, within_days=WITHIN), repeat)
        yield Result(f"remind_digest_{WITHIN}_days_{clients}_clients", digest, "s",
                     median_seconds(bare_digest, repeat))

        ics = folder / "deadlines.ics"
        until = today + timedelta(days=90)
        exported = median_seconds(lambda: export_calendar(store, ics, until=until), repeat)
        open_sql = str(open_reminders_statement(until=until).compile(
            dialect=sqlite_dialect.dialect(), compile_kwargs={"literal_binds": True}))

        def bare_rows() -> None:  # the same rows, columns and order, through sqlite3
            with sqlite3.connect(database) as conn:
                conn.execute(open_sql).fetchall()

        yield Result(f"calendar_export_90_days_{clients}_clients", exported, "s",
                     median_seconds(bare_rows, repeat))
        store.close()
