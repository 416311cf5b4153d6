"""A shared office on PostgreSQL: search, the dashboard and opening a case against raw psycopg.

One throw-away PostgreSQL server (the tests' ``tests/pg_server.py``) holds a whole
office: a demo made on SQLite (``hkcase demo`` and a reminder refresh, in other
processes) or ``HKCASE_BENCH_DATA=DIR`` (a folder made by ``hkcase --data-dir DIR
demo``, its reminders refreshed), every table copied in with ``COPY`` into a database
migrated by hkcase (so the 0010 search indexes and every other index are hkcase's own).
Each figure is hkcase's service against the very statements it sent, captured from the
engine and replayed through one bare psycopg connection in the same run:

- ``search_pg_*``: every keystroke of typical texts (``search_pg_bench``);
- ``dashboard_pg_*``: ``services.reminders.dashboard.dashboard`` (every section's count
  and first page);
- ``open_case_pg_*``: what the case pane reads when a case is opened — the case with
  its client and stays, reminders, checklist, latest verdict (``show_case``), notes
  and activity — for cases spread over the office.

``--quick`` uses 10,000 clients, else 100,000. Without PostgreSQL server binaries the
benchmark says so and yields nothing.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.harness import Result

REPEAT = 5
OPENED_CASES = 20

_REMINDERS = """
import sys
from hkcase.app import open_app
from hkcase.services.reminders.refresh import refresh_reminders
ctx = open_app(sys.argv[1])
refresh_reminders(ctx.store, lead_days=ctx.settings.reminder_lead_days)
ctx.close()
"""

Sent = list[tuple[str, Any]]


@dataclass
class Office:
    store: Any  # hkcase.store.Store on the PostgreSQL database
    dsn: str  # the same database for psycopg
    sqlite_file: Path  # the SQLite office it was copied from
    clients: int


def _sqlite_office(folder: Path, clients: int) -> None:
    subprocess.run([sys.executable, "-m", "hkcase", "--data-dir", str(folder), "demo",
                    "--clients", str(clients), "--seed", "11"], check=True, capture_output=True)
    subprocess.run([sys.executable, "-c", _REMINDERS, str(folder)], check=True,
                   capture_output=True)


def copy_office(database: Path, dsn: str) -> dict[str, int]:
    """Every table of the SQLite office into the migrated PostgreSQL database, with COPY.

    The columns both sides have, in the order of the PostgreSQL table; foreign keys are
    not checked while loading (``session_replication_role``: the rows come from a
    consistent database), rows the migrations seeded are replaced, and every id
    sequence is set past the largest id.
    """
    import psycopg

    source = sqlite3.connect(database)
    counts: dict[str, int] = {}
    try:
        local = {row[0] for row in source.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        with psycopg.connect(dsn) as target:
            target.execute("SET session_replication_role = replica")
            tables = [row[0] for row in target.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                "'public' AND table_type = 'BASE TABLE' AND table_name <> 'alembic_version' "
                "ORDER BY table_name")]
            tables = [table for table in tables if table in local]
            # The migrations' own rows (counters, seeded data) give way to the office's.
            target.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables))
            for table in tables:
                mine = {row[1] for row in source.execute(f'PRAGMA table_info("{table}")')}
                columns = [row[0] for row in target.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                    "'public' AND table_name = %s ORDER BY ordinal_position", (table,))
                    if row[0] in mine]
                names = ", ".join(f'"{c}"' for c in columns)
                kinds = dict(target.execute(
                    "SELECT column_name, data_type FROM information_schema.columns WHERE "
                    "table_schema = 'public' AND table_name = %s", (table,)).fetchall())
                flags = [kinds[c] == "boolean" for c in columns]
                count = 0
                with target.cursor().copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                    for row in source.execute(f'SELECT {names} FROM "{table}"'):
                        copy.write_row([bool(v) if flag and v is not None else v
                                        for v, flag in zip(row, flags, strict=True)])
                        count += 1
                counts[table] = count
                sequence = target.execute("SELECT pg_get_serial_sequence(%s, 'id')",
                                          (f'"{table}"',)).fetchone() if "id" in columns \
                    else None
                if sequence and sequence[0]:
                    target.execute(f"SELECT setval(%s, coalesce((SELECT max(id) FROM "
                                   f'"{table}"), 0) + 1, false)', (sequence[0],))
            target.commit()
        with psycopg.connect(dsn, autocommit=True) as target:
            target.execute("VACUUM ANALYZE")
    finally:
        source.close()
    return counts


@contextlib.contextmanager
def office(quick: bool) -> Iterator[Office | None]:
    """A PostgreSQL server holding a demo office; None without server binaries."""
    from hkcase.store import open_store
    from tests.pg_server import PostgresServer, find_postgres_bin

    bindir = find_postgres_bin()
    if bindir is None:
        print("pg_bench: skipped, no PostgreSQL server binaries (initdb, pg_ctl); "
              "install them with 'apt-get install postgresql'", file=sys.stderr)
        yield None
        return
    clients = 10_000 if quick else 100_000
    given = os.environ.get("HKCASE_BENCH_DATA")
    workdir = Path(tempfile.mkdtemp(prefix="hkcase-pg-bench-"))
    server = PostgresServer(bindir, workdir)
    scratch = tempfile.TemporaryDirectory(prefix="hkcase-pg-bench-data-")
    try:
        folder = Path(given) if given else Path(scratch.name)
        if not given:
            _sqlite_office(folder, clients)
        database = folder / "hkcase.sqlite3"
        with contextlib.closing(sqlite3.connect(database)) as conn:
            clients = int(conn.execute("SELECT count(*) FROM client").fetchone()[0])
        server.start()
        url = server.create_database()
        store = open_store(url)  # migrated by hkcase: its schema and its indexes
        dsn = url.replace("postgresql+psycopg://", "postgresql://")
        started = time.perf_counter()
        counts = copy_office(database, dsn)
        print(f"pg_bench: {clients:,} clients, {sum(counts.values()):,} rows copied in "
              f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
        try:
            yield Office(store, dsn, database, clients)
        finally:
            store.close()
    finally:
        if server.datadir.exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
        scratch.cleanup()


def captured(store: Any, work: Callable[[], object]) -> tuple[float, Sent]:
    """Run ``work`` once through hkcase: its wall time and the statements it sent."""
    import sqlalchemy as sa

    sent: Sent = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
               _many: bool) -> None:
        sent.append((statement, parameters))

    sa.event.listen(store.engine, "before_cursor_execute", record)
    try:
        started = time.perf_counter()
        work()
        elapsed = time.perf_counter() - started
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", record)
    return elapsed, sent


def replay(conn: Any, sent: Sent) -> float:
    """The same statements through a bare psycopg connection, every row fetched."""
    started = time.perf_counter()
    with conn.cursor() as cursor:
        for statement, parameters in sent:
            cursor.execute(statement, parameters)
            if cursor.description is not None:
                cursor.fetchall()
    conn.rollback()
    return time.perf_counter() - started


def ours_and_bare(store: Any, raw: Any, work: Callable[[], object], repeat: int = REPEAT
                  ) -> tuple[float, float]:
    """Medians of ``repeat`` runs of ``work`` and of its statements replayed raw (warmed)."""
    captured(store, work)  # warm: plans, caches, the pool
    runs = [captured(store, work) for _ in range(repeat)]
    sent = runs[0][1]
    replay(raw, sent)
    return (statistics.median(t for t, _ in runs),
            statistics.median(replay(raw, sent) for _ in range(repeat)))


def _case_ids(raw: Any, count: int) -> list[int]:
    """Cases spread evenly over the office, oldest to newest."""
    total = int(raw.execute('SELECT count(*) FROM "case"').fetchone()[0])
    step = max(total // count, 1)
    ids = [int(row[0]) for row in raw.execute(
        'SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "case") AS t '
        "WHERE n %% %s = 1 ORDER BY id", (step,))]
    raw.rollback()
    return ids[:count]


def dashboard_and_case_open(place: Office) -> Iterator[Result]:
    import psycopg

    from hkcase.services.activity import case_activity
    from hkcase.services.cases.notes import case_notes
    from hkcase.services.cases.show import show_case
    from hkcase.services.reminders.dashboard import dashboard

    store, clients, today = place.store, place.clients, date.today()
    with psycopg.connect(place.dsn) as raw:
        ours, bare = ours_and_bare(store, raw,
                                   lambda: dashboard(store, today, verdicts=False))
        yield Result(f"dashboard_pg_{clients}_clients", ours, "s", bare)

        def opening(case_id: int) -> Callable[[], object]:
            def work() -> None:
                show_case(store, case_id, today=today)
                case_notes(store, case_id)
                case_activity(store, case_id)
            return work

        timed = [ours_and_bare(store, raw, opening(case_id), repeat=3)
                 for case_id in _case_ids(raw, OPENED_CASES)]
        yield Result(f"open_case_pg_median_{clients}_clients",
                     statistics.median(t for t, _ in timed), "s",
                     statistics.median(b for _, b in timed))
        yield Result(f"open_case_pg_worst_{clients}_clients", max(t for t, _ in timed), "s",
                     max(b for _, b in timed))


def run(quick: bool, *, parts: tuple[str, ...] = ("search", "dashboard")) -> Iterator[Result]:
    from benchmarks import search_pg_bench

    results: list[Result] = []
    with office(quick) as place:
        if place is None:
            return
        if "search" in parts:
            results += search_pg_bench.measure(place)
        if "dashboard" in parts:
            results += dashboard_and_case_open(place)
    yield from results


if __name__ == "__main__":
    for result in run("--quick" in sys.argv):
        print(result.as_json(), flush=True)
