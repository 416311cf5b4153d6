"""Search on PostgreSQL: every keystroke through hkcase against the same SQL through psycopg.

A throw-away PostgreSQL server (the tests' ``tests/pg_server.py``) is started; the
office is a demo made on SQLite (``hkcase demo``, fast) whose clients, passports,
cases and search entries are copied in with ``COPY``. For every prefix of typical
texts (English and Chinese names in both scripts, one and two Chinese characters,
passport, HKID and reference fragments), hkcase's search (``services.search.search``:
clients without a case, capped count, first page of cases) is timed; the statements
it sent are recorded and replayed through a bare psycopg connection in the same run.
Without PostgreSQL server binaries the benchmark says so and yields nothing.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.harness import Result

TABLES = ("consultant", "client", "travel_document", "case", "search_entry")
REPEAT = 3


def _typed(texts: list[str]) -> list[str]:
    """Every prefix of every text, as typed one key at a time."""
    return [text[:n] for text in texts for n in range(1, len(text) + 1)]


def _samples(database: Path) -> list[str]:
    conn = sqlite3.connect(database)
    try:
        def one(sql: str) -> str:
            return str(conn.execute(sql).fetchone()[0])
        passport = one("SELECT number FROM travel_document ORDER BY id LIMIT 1 OFFSET 5000")
        hkid = one("SELECT hkid FROM client WHERE hkid IS NOT NULL ORDER BY id "
                   "LIMIT 1 OFFSET 3000")
        reference = one('SELECT reference FROM "case" ORDER BY id LIMIT 1 OFFSET 7000')
        chinese = one("SELECT chinese_name FROM client WHERE chinese_name IS NOT NULL "
                      "ORDER BY id LIMIT 1 OFFSET 4000")
    finally:
        conn.close()
    return ["chan tai", "wong", "陳大", "陈", "李嘉", chinese, passport[2:8], hkid[1:6],
            reference, reference[-5:]]


def _copy(database: Path, pg_dsn: str) -> None:
    """The demo's search-relevant tables, SQLite → PostgreSQL, with COPY."""
    import psycopg

    source = sqlite3.connect(database)
    try:
        with psycopg.connect(pg_dsn) as target:
            for table in TABLES:
                columns = [row[1] for row in source.execute(f'PRAGMA table_info("{table}")')]
                names = ", ".join(f'"{c}"' for c in columns)
                with target.cursor().copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                    for row in source.execute(f'SELECT {names} FROM "{table}"'):
                        copy.write_row(row)
            target.execute("ANALYZE")
    finally:
        source.close()


def _statements(store: Any, text: str) -> tuple[float, list[tuple[str, Any]]]:
    """One hkcase search: its wall time and the statements it sent (for the replay)."""
    import sqlalchemy as sa

    from hkcase.services.search import search

    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
               _many: bool) -> None:
        sent.append((statement, parameters))

    sa.event.listen(store.engine, "before_cursor_execute", record)
    try:
        started = time.perf_counter()
        search(store, text)
        elapsed = time.perf_counter() - started
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", record)
    return elapsed, sent


def _replay(conn: Any, sent: list[tuple[str, Any]]) -> float:
    started = time.perf_counter()
    with conn.cursor() as cursor:
        for statement, parameters in sent:
            cursor.execute(statement, parameters)
            if cursor.description is not None:
                cursor.fetchall()
    conn.rollback()
    return time.perf_counter() - started


def run(quick: bool) -> Iterator[Result]:
    import psycopg

    from hkcase.store import open_store
    from tests.pg_server import PostgresServer, find_postgres_bin

    bindir = find_postgres_bin()
    if bindir is None:
        print("search_pg_bench: skipped, no PostgreSQL server binaries (initdb, pg_ctl); "
              "install them with 'apt-get install postgresql'", file=sys.stderr)
        return
    clients = 10_000 if quick else 100_000
    workdir = Path(tempfile.mkdtemp(prefix="hkcase-pg-bench-"))
    server = PostgresServer(bindir, workdir)
    try:
        with tempfile.TemporaryDirectory(prefix="hkcase-search-pg-bench-") as folder:
            subprocess.run([sys.executable, "-m", "hkcase", "--data-dir", folder, "demo",
                            "--clients", str(clients), "--seed", "11"], check=True,
                           capture_output=True)
            database = Path(folder) / "hkcase.sqlite3"
            texts = _typed(_samples(database))
            server.start()
            url = server.create_database()
            store = open_store(url)  # migrated: the schema and the 0010 indexes
            dsn = url.replace("postgresql+psycopg://", "postgresql://")
            _copy(database, dsn)
        ours, bare = [], []
        with psycopg.connect(dsn) as raw:
            for text in texts:
                _statements(store, text)  # warm: plans, caches, pool
                runs = [_statements(store, text) for _ in range(REPEAT)]
                sent = runs[0][1]
                ours.append(statistics.median(t for t, _ in runs))
                bare.append(statistics.median(_replay(raw, sent) for _ in range(REPEAT)))
        store.close()
        slowest = sorted(zip(ours, bare, texts, strict=True), reverse=True)[:3]
        print("search_pg_bench: slowest keystrokes " + ", ".join(
            f"{text!r} {mine * 1000:.0f} ms (bare {raw * 1000:.0f} ms)"
            for mine, raw, text in slowest), file=sys.stderr)
    finally:
        if server.datadir.exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    yield Result(f"search_pg_median_{clients}_clients", statistics.median(ours), "s",
                 statistics.median(bare))
    yield Result(f"search_pg_worst_{clients}_clients", max(ours), "s", max(bare))


if __name__ == "__main__":
    for result in run("--quick" in sys.argv):
        print(result.as_json(), flush=True)
