"""Store benchmarks: loading demo data, opening the store, counting records, commit
durability (synchronous FULL against NORMAL), backup and restore."""

from __future__ import annotations

import sqlite3
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa

import hkcase.store.engine as store_engine
from benchmarks.harness import Result, median_seconds
from hkcase.config.locations import Locations
from hkcase.services.backups import backup_now, restore
from hkcase.services.demo.generate import generate_demo
from hkcase.store import open_store, sqlite_url
from hkcase.store.integrity import check_database_file
from hkcase.store.queries.summary import COUNTED, summarise

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
            lambda: open_store(sqlite_url(database), backup_dir=folder, check=False).close(),
            repeat)

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
        yield from commit_results(folder, quick)
        yield from backup_results(folder, database, clients)


def _hkcase_commit_seconds(database: Path, folder: Path, synchronous: str, commits: int
                           ) -> float:
    """Median seconds of one small write transaction through ``Store.transaction``."""
    previous = store_engine.SQLITE_SYNCHRONOUS
    store_engine.SQLITE_SYNCHRONOUS = synchronous
    try:
        store = open_store(sqlite_url(database), backup_dir=folder)
    finally:
        store_engine.SQLITE_SYNCHRONOUS = previous

    def commit() -> None:
        with store.transaction() as session:
            session.execute(sa.text("UPDATE counter SET value = value + 1 WHERE name = 'b'"))

    try:
        return median_seconds(commit, commits)
    finally:
        store.close()


def _bare_commit_seconds(database: Path, synchronous: str, commits: int) -> float:
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA synchronous = {synchronous}")

    def commit() -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE counter SET value = value + 1 WHERE name = 'b'")
        conn.execute("COMMIT")

    try:
        return median_seconds(commit, commits)
    finally:
        conn.close()


def commit_results(folder: Path, quick: bool) -> Iterator[Result]:
    """Per-commit cost of synchronous=FULL and NORMAL, hkcase against bare sqlite3."""
    database = _fresh(folder, "commits.sqlite3")
    with sqlite3.connect(database) as conn:
        conn.execute("INSERT INTO counter (name, value) VALUES ('b', 0)")
    commits = 200 if quick else 1000
    bare = {mode: _bare_commit_seconds(database, mode, commits) for mode in ("FULL", "NORMAL")}
    for mode in ("FULL", "NORMAL"):
        yield Result(f"commit_synchronous_{mode.lower()}",
                     _hkcase_commit_seconds(database, folder, mode, commits) * 1000, "ms",
                     bare[mode] * 1000)
    yield Result("commit_bare_full_vs_normal", bare["FULL"] * 1000, "ms",
                 bare["NORMAL"] * 1000)


def backup_results(folder: Path, database: Path, clients: int) -> Iterator[Result]:
    """Backup and restore of the demo database, against the bare sqlite3 backup API."""
    backups = folder / "backups"
    store = open_store(sqlite_url(database), backup_dir=folder)
    started = time.perf_counter()
    report = backup_now(store, backups, None, rotate=False)
    hkcase_backup = time.perf_counter() - started
    store.close()
    bare_target = folder / "bare-backup.sqlite3"
    started = time.perf_counter()
    with sqlite3.connect(database) as src, sqlite3.connect(bare_target) as dst:
        src.backup(dst)
    yield Result(f"backup_{clients}_clients", hkcase_backup, "s",
                 time.perf_counter() - started)

    live = folder / "live" / "hkcase.sqlite3"
    live.parent.mkdir()
    with sqlite3.connect(database) as src, sqlite3.connect(live) as dst:
        src.backup(dst)
    started = time.perf_counter()
    restore(Locations.resolve(live.parent, env={}), report.path)
    hkcase_restore = time.perf_counter() - started
    started = time.perf_counter()
    with sqlite3.connect(bare_target) as src, sqlite3.connect(live) as dst:
        src.backup(dst)
    yield Result(f"restore_{clients}_clients", hkcase_restore, "s",
                 time.perf_counter() - started)

    started = time.perf_counter()
    check_database_file(database)
    checked = time.perf_counter() - started
    started = time.perf_counter()
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA quick_check").fetchall()
    yield Result(f"start_quick_check_{clients}_clients", checked, "s",
                 time.perf_counter() - started)
