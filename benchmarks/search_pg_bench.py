"""Search on PostgreSQL: every keystroke through hkcase against the same SQL through psycopg.

The office is ``pg_bench``'s: a throw-away PostgreSQL server (the tests'
``tests/pg_server.py``) holding a demo made on SQLite (or ``HKCASE_BENCH_DATA``) copied
in with ``COPY``. For every prefix of typical texts (English and Chinese names in both
scripts, one and two Chinese characters, two and three letters, passport, HKID and
reference fragments), hkcase's search (``services.search.search``: clients without a
case, capped count, first page of cases) is timed; the statements it sent are recorded
and replayed through a bare psycopg connection in the same run. ``python -m
benchmarks.pg_bench`` runs this with the dashboard and case-open figures on one server;
``python -m benchmarks.search_pg_bench`` runs the search alone. Without PostgreSQL
server binaries the benchmark says so and yields nothing.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.harness import Result

if TYPE_CHECKING:
    from benchmarks.pg_bench import Office

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
    return ["chan tai", "wong", "lee ka", "陳大", "陈", "李嘉", "黃", chinese, passport[2:8],
            hkid[1:6], reference, reference[-5:]]


def measure(place: Office) -> Iterator[Result]:
    import psycopg

    from benchmarks.pg_bench import captured, replay
    from hkcase.services.search import search

    store, clients = place.store, place.clients
    texts = _typed(_samples(place.sqlite_file))
    ours, bare = [], []
    with psycopg.connect(place.dsn) as raw:
        for text in texts:
            typed = partial(search, store, text)
            captured(store, typed)  # warm: plans, caches, the pool
            runs = [captured(store, typed) for _ in range(REPEAT)]
            sent = runs[0][1]
            ours.append(statistics.median(t for t, _ in runs))
            bare.append(statistics.median(replay(raw, sent) for _ in range(REPEAT)))
    slowest = sorted(zip(ours, bare, texts, strict=True), reverse=True)[:5]
    print(f"search_pg_bench: {len(texts)} keystrokes; slowest " + ", ".join(
        f"{text!r} {mine * 1000:.0f} ms (bare {raw_s * 1000:.0f} ms)"
        for mine, raw_s, text in slowest), file=sys.stderr)
    yield Result(f"search_pg_median_{clients}_clients", statistics.median(ours), "s",
                 statistics.median(bare))
    yield Result(f"search_pg_worst_{clients}_clients", max(ours), "s", max(bare))


def run(quick: bool) -> Iterator[Result]:
    from benchmarks import pg_bench

    yield from pg_bench.run(quick, parts=("search",))


if __name__ == "__main__":
    for result in run("--quick" in sys.argv):
        print(result.as_json(), flush=True)
