"""Store benchmarks: loading demo data, opening the store, counting records."""

from __future__ import annotations

import sqlite3
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.harness import Result, median_seconds
from hkcase.services.demo import generate_demo
from hkcase.store import open_store, sqlite_url
from hkcase.store.queries import COUNTED, summarise

# Parents before children, so foreign keys hold during the bare copy.
_TABLE_ORDER = ("consultant", "counter", "client", "travel_document", "education", "employment",
                "relationship", "case", "stay")


def _bare_copy_seconds(source: Path, target: Path) -> float:
    """Insert every demo row into an empty migrated database with raw sqlite3 executemany."""
    rows = {}
    with sqlite3.connect(source) as conn:
        for table in _TABLE_ORDER:
            rows[table] = conn.execute(f'SELECT * FROM "{table}"').fetchall()
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute('DELETE FROM "counter"')
    started = time.perf_counter()
    conn.execute("BEGIN")
    for table in _TABLE_ORDER:
        if rows[table]:
            marks = ", ".join("?" * len(rows[table][0]))
            conn.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows[table])
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def _fresh(folder: Path, name: str) -> Path:
    path = folder / name
    open_store(sqlite_url(path), backup_dir=folder).close()
    return path


def run(quick: bool) -> Iterator[Result]:
    clients = 10_000 if quick else 100_000
    with tempfile.TemporaryDirectory(prefix="hkcase-bench-") as scratch:
        folder = Path(scratch)
        database = _fresh(folder, "demo.sqlite3")
        store = open_store(sqlite_url(database), backup_dir=folder)
        started = time.perf_counter()
        generate_demo(store, clients, seed=1)
        demo_seconds = time.perf_counter() - started
        store.close()
        bare = _bare_copy_seconds(database, _fresh(folder, "bare.sqlite3"))
        yield Result(f"demo_load_{clients}_clients", demo_seconds, "s", bare)

        repeat = 3 if quick else 5
        opened = median_seconds(
            lambda: open_store(sqlite_url(database), backup_dir=folder).close(), repeat)

        def bare_open() -> None:
            conn = sqlite3.connect(database)
            conn.execute("SELECT version_num FROM alembic_version").fetchone()
            conn.close()

        yield Result("open_store", opened, "s", median_seconds(bare_open, repeat))

        store = open_store(sqlite_url(database), backup_dir=folder)

        def counts() -> None:
            with store.reading() as session:
                summarise(session)

        tables = [model.__tablename__ for model in COUNTED.values()]

        def bare_counts() -> None:
            conn = sqlite3.connect(database)
            for table in tables:
                conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()
            conn.execute("SELECT version_num FROM alembic_version").fetchone()
            conn.close()

        yield Result(f"info_counts_{clients}_clients", median_seconds(counts, repeat), "s",
                     median_seconds(bare_counts, repeat))
        store.close()
