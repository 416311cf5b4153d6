"""Writer processes for the concurrency and crash tests (``python -m tests.store_workers``).

Each opens the database through hkcase's engine (BEGIN IMMEDIATE, WAL,
synchronous=FULL) and reports on stdout, one line per committed transaction.
"""

from __future__ import annotations

import json
import sys

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.orm import sessionmaker

from hkcase.store.engine import Store, create_engine, sqlite_url
from hkcase.store.migrate import MigrationReport

SHARED = "shared"
ROWS_PER_TRANSACTION = 5


def _store(path: str) -> Store:
    # The engine exactly as open_store makes it; the schema is already there.
    url = make_url(sqlite_url(path))  # type: ignore[arg-type]
    engine = create_engine(url)
    return Store(engine=engine, url=url, migration=MigrationReport("test", "test", None),
                 sessions=sessionmaker(engine, expire_on_commit=False))


def two_writers(path: str, name: str, count: int) -> None:
    """``count`` read-then-write increments of a shared counter, plus a blind write each."""
    store = _store(path)
    failures = 0
    for _ in range(count):
        try:
            with store.transaction() as session:
                value = session.execute(sa.text(
                    "SELECT value FROM counter WHERE name = :n"), {"n": SHARED}).scalar_one()
                session.execute(sa.text("UPDATE counter SET value = :v WHERE name = :n"),
                                {"v": value + 1, "n": SHARED})
                session.execute(sa.text("UPDATE counter SET value = value + 1 WHERE name = :n"),
                                {"n": name})
        except Exception as exc:
            failures += 1
            print(f"failure: {exc.__class__.__name__}: {exc}", file=sys.stderr)
    store.close()
    print(json.dumps({"failures": failures}), flush=True)


def until_killed(path: str, first: int) -> None:
    """Commit transactions of ``ROWS_PER_TRANSACTION`` rows forever, printing each number."""
    store = _store(path)
    print("ready", flush=True)
    number = first
    while True:
        with store.transaction() as session:
            for k in range(ROWS_PER_TRANSACTION):
                session.execute(sa.text("INSERT INTO counter (name, value) VALUES (:n, :v)"),
                                {"n": f"kill-{number}-{k}", "v": number})
            session.execute(sa.text("UPDATE counter SET value = value + 1 WHERE name = 'total'"))
        print(number, flush=True)
        number += 1


if __name__ == "__main__":
    if sys.argv[1] == "two-writers":
        two_writers(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        until_killed(sys.argv[2], int(sys.argv[3]))
