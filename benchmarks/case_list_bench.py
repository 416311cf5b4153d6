"""The Cases list's "Limit of stay passed" filter: hkcase against a plain sqlite3 query.

What the list does when the filter is picked: the capped count (``COUNT_CAP``, as the
list model asks) and the first page of 200 rows, newest case first, through
``services.cases.listing.CaseList``. The bare baseline is the same count and page as
the straightforward SQL one would write with ``sqlite3`` (each case's latest limit as a
correlated ``max()``, cases walked newest first) in the same run; both return the same
ids, checked here. ``HKCASE_BENCH_DATA=DIR`` reuses a folder made by ``hkcase --data-dir
DIR demo``; ``python -m benchmarks.case_list_bench [--quick]`` runs this alone.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from benchmarks.harness import Result, median_seconds

REPEAT = 5
COUNT_CAP = 1000
PAGE = 200

_LATEST = "(SELECT max(s.limit_of_stay) FROM stay AS s WHERE s.case_id = c.id)"
_BARE_COUNT = ('SELECT count(*) FROM (SELECT c.id FROM "case" AS c '
               f"WHERE c.stage <> 'closed' AND {_LATEST} < ? LIMIT ?)")
_BARE_PAGE = (
    "SELECT c.id, c.reference, k.id, k.family_name, k.given_names, k.chinese_name, c.scheme, "
    f"c.application_type, c.stage, c.outcome, m.name, c.opened_on, {_LATEST} "
    'FROM "case" AS c JOIN client AS k ON k.id = c.client_id '
    "LEFT JOIN consultant AS m ON m.id = c.consultant_id "
    f"WHERE c.stage <> 'closed' AND {_LATEST} < ? ORDER BY c.id DESC LIMIT ?")


def _bare(conn: sqlite3.Connection, today: str) -> tuple[int, list[int]]:
    total = int(conn.execute(_BARE_COUNT, (today, COUNT_CAP + 1)).fetchone()[0])
    return total, [int(row[0]) for row in conn.execute(_BARE_PAGE, (today, PAGE))]


def run(quick: bool) -> Iterator[Result]:
    from hkcase.services.cases.listing import CaseFilter, CaseList, DeadlineFilter
    from hkcase.store import open_store, sqlite_url

    clients = 10_000 if quick else 100_000
    given = os.environ.get("HKCASE_BENCH_DATA")
    today = date.today()
    with tempfile.TemporaryDirectory(prefix="hkcase-case-list-bench-") as scratch:
        folder = Path(given or scratch)
        if not given:
            subprocess.run([sys.executable, "-m", "hkcase", "--data-dir", str(folder), "demo",
                            "--clients", str(clients), "--seed", "11"], check=True,
                           capture_output=True)
        database = folder / "hkcase.sqlite3"
        store = open_store(sqlite_url(database), backup_dir=folder / "backups")
        conn = sqlite3.connect(database)
        try:
            clients = int(conn.execute("SELECT count(*) FROM client").fetchone()[0])
            listing = CaseList(store, CaseFilter(deadline=DeadlineFilter.OVERDUE), today=today)

            def ours() -> tuple[int, list[int]]:
                total = listing.count(cap=COUNT_CAP)
                return total, [item.row.case_id for item in listing.page(0, PAGE)]

            expected = _bare(conn, today.isoformat())
            assert ours() == expected, "hkcase and the bare query disagree"
            bare = median_seconds(lambda: _bare(conn, today.isoformat()), REPEAT)
            value = median_seconds(ours, REPEAT)
        finally:
            conn.close()
            store.close()
    yield Result(f"case_list_overdue_{clients}_clients", value, "s", bare)


if __name__ == "__main__":
    for result in run("--quick" in sys.argv):
        print(result.as_json(), flush=True)
