"""Writes that never fail for being second, and commits that survive a killed process.

Real processes on real SQLite files (tests/store_workers.py).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from hkcase.store import Store, StoreError, open_store, sqlite_url
from hkcase.store.errors import DamagedDatabaseError, DatabaseBusyError, EmptyDatabaseFileError
from tests.store_workers import ROWS_PER_TRANSACTION, SHARED

ROOT = Path(__file__).resolve().parents[2]


def _worker(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.store_workers", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _new_database(tmp_path: Path, *counters: str) -> Path:
    database = tmp_path / "hkcase.sqlite3"
    store = open_store(sqlite_url(database), backup_dir=tmp_path / "backups")
    with store.transaction() as session:
        for name in counters:
            session.execute(sa.text("INSERT INTO counter (name, value) VALUES (:n, 0)"),
                            {"n": name})
    store.close()
    return database


def _counters(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as conn:
        return dict(conn.execute("SELECT name, value FROM counter").fetchall())


def test_two_writer_processes_never_fail_and_lose_nothing(tmp_path: Path) -> None:
    count = 150
    database = _new_database(tmp_path, SHARED, "a", "b")
    writers = [_worker("two-writers", str(database), name, str(count)) for name in "ab"]
    outputs = [w.communicate(timeout=120) for w in writers]
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert json.loads(out.splitlines()[-1]) == {"failures": 0}, err
    counters = _counters(database)
    # Every read-then-write increment counted: none lost to a concurrent commit.
    assert counters[SHARED] == 2 * count
    assert counters["a"] == counters["b"] == count


def _check_after_kill(database: Path, reported: set[int]) -> set[int]:
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT name, value FROM counter WHERE name LIKE 'kill-%'")
        by_number: dict[int, int] = {}
        for _name, number in rows:
            by_number[number] = by_number.get(number, 0) + 1
        total = conn.execute("SELECT value FROM counter WHERE name = 'total'").fetchone()[0]
    assert reported <= set(by_number), "a transaction reported committed is missing"
    partial = {n: c for n, c in by_number.items() if c != ROWS_PER_TRANSACTION}
    assert not partial, f"partial transactions: {partial}"
    assert total == len(by_number)  # the counter moved with each whole transaction
    return set(by_number)


@pytest.mark.slow
def test_a_writer_killed_at_random_moments_loses_nothing_committed(tmp_path: Path) -> None:
    database = _new_database(tmp_path, "total")
    rng = random.Random(11)
    committed: set[int] = set()
    kills = 30
    for _ in range(kills):
        first = max(committed, default=0) + 1
        writer = _worker("until-killed", str(database), str(first))
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        delay = rng.uniform(0.0, 0.15)
        timer = threading.Timer(delay, lambda w=writer: os.kill(w.pid, signal.SIGKILL))
        timer.start()
        out, _err = writer.communicate(timeout=60)
        timer.join()
        assert writer.returncode == -signal.SIGKILL
        reported = {int(line) for line in out.split() if line.isdigit()}
        committed = _check_after_kill(database, committed | reported)
    assert len(committed) > kills  # the writer did commit between kills


def test_a_reader_never_blocks_a_writer_and_a_writer_waits_for_a_writer(
        sqlite_store: Store) -> None:
    with sqlite_store.reading() as session:
        session.execute(sa.text("SELECT count(*) FROM client")).scalar_one()
        with sqlite_store.transaction() as writer:  # WAL: a reader does not block
            writer.execute(sa.text("INSERT INTO counter (name, value) VALUES ('r', 1)"))
    done: list[float] = []

    def second_writer() -> None:
        started = time.perf_counter()
        with sqlite_store.transaction() as session:
            session.execute(sa.text("UPDATE counter SET value = value + 1 WHERE name = 'r'"))
        done.append(time.perf_counter() - started)

    with sqlite_store.transaction() as first:
        first.execute(sa.text("UPDATE counter SET value = value + 1 WHERE name = 'r'"))
        thread = threading.Thread(target=second_writer)
        thread.start()
        time.sleep(0.3)  # the second writer is waiting for the lock, not failing
        assert not done
    thread.join(timeout=20)
    assert done
    with sqlite_store.reading() as session:
        assert session.execute(sa.text("SELECT value FROM counter WHERE name = 'r'")
                               ).scalar_one() == 3


def test_a_database_locked_too_long_says_so_in_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("hkcase.store.engine.SQLITE_BUSY_TIMEOUT_MS", 200)
    database = _new_database(tmp_path, "x")
    store = open_store(sqlite_url(database), backup_dir=tmp_path)
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusyError, match="is busy") as caught, \
                store.transaction() as session:
            session.execute(sa.text("UPDATE counter SET value = 1 WHERE name = 'x'"))
        assert "\n" not in str(caught.value) and "UPDATE" not in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        store.close()


def test_closing_the_store_leaves_the_database_file_complete(tmp_path: Path) -> None:
    database = _new_database(tmp_path, "x")
    assert not (tmp_path / "hkcase.sqlite3-wal").exists() or \
        (tmp_path / "hkcase.sqlite3-wal").stat().st_size == 0
    alone = tmp_path / "alone.sqlite3"
    alone.write_bytes(database.read_bytes())  # the main file only, no -wal
    with sqlite3.connect(alone) as conn:
        assert conn.execute("SELECT value FROM counter WHERE name = 'x'").fetchone() == (0,)


def test_a_zero_byte_database_is_refused_not_replaced(tmp_path: Path) -> None:
    database = tmp_path / "hkcase.sqlite3"
    database.write_bytes(b"")
    with pytest.raises(EmptyDatabaseFileError, match=r"is empty \(0 bytes\)"):
        open_store(sqlite_url(database), backup_dir=tmp_path)
    assert database.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hkcase.sqlite3"]


def damage(database: Path) -> None:
    """Overwrite pages in the middle of a database, keeping its header (and schema) whole."""
    size = database.stat().st_size
    with open(database, "r+b") as handle:
        for page in range(size // 4096 // 2, size // 4096 - 1):
            handle.seek(page * 4096 + 8)
            handle.write(b"\xff\x00" * 1000)


def test_a_damaged_database_fails_the_quick_check_at_open(tmp_path: Path) -> None:
    database = _new_database(tmp_path, *(f"c{i}" for i in range(3000)))
    damage(database)
    with pytest.raises(DamagedDatabaseError, match="is damaged"):
        open_store(sqlite_url(database), backup_dir=tmp_path)
    with pytest.raises(StoreError):
        open_store(sqlite_url(database), backup_dir=tmp_path)


def test_sigterm_mid_command_rolls_back_and_closes_the_store(tmp_path: Path) -> None:
    data = tmp_path / "data"
    command = subprocess.Popen(
        [sys.executable, "-m", "hkcase", "--data-dir", str(data), "demo", "--clients",
         "200000"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    log = data / "logs" / "hkcase.log"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (
            log.exists() and "opened store" in log.read_text(encoding="utf-8")):
        time.sleep(0.05)
    time.sleep(1.0)  # inside the demo's one big transaction
    command.send_signal(signal.SIGTERM)
    _out, err = command.communicate(timeout=60)
    assert command.returncode == 1
    assert err.strip().splitlines() == ["hkcase: error: interrupted; nothing half-written "
                                        "was kept"]
    alone = tmp_path / "alone.sqlite3"
    alone.write_bytes((data / "hkcase.sqlite3").read_bytes())  # without any -wal
    with sqlite3.connect(alone) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM client").fetchone()[0] == 0
