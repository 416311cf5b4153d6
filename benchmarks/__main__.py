"""``python -m benchmarks [--quick]``: run every benchmark, one JSON object per line."""

from __future__ import annotations

import argparse
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import (
    data_bench,
    eligibility_bench,
    gui_bench,
    pdf_bench,
    reminders_bench,
    search_bench,
    store_bench,
)

SUITES = (store_bench, eligibility_bench, gui_bench, reminders_bench, pdf_bench, data_bench)
SUITES += (search_bench,)
# Start-up of the real process to its first paint (issue 12).
from benchmarks import startup_bench  # noqa: E402

SUITES += (startup_bench,)
# A shared PostgreSQL database (issue 14): search, dashboard and case open on one server
# (``pg_bench`` runs ``search_pg_bench`` too); skipped without server binaries.
from benchmarks import pg_bench  # noqa: E402

SUITES += (pg_bench,)
# Attachments in the shared store: a 50 MB file on PostgreSQL (issue 14).
from benchmarks import attach_pg_bench  # noqa: E402

SUITES += (attach_pg_bench,)
# The Cases list's "Limit of stay passed" filter against a plain sqlite3 query.
from benchmarks import case_list_bench  # noqa: E402

SUITES += (case_list_bench,)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="smaller data sets (10,000 instead of 100,000 clients)")
    args = parser.parse_args()
    for suite in SUITES:
        for result in suite.run(args.quick):
            print(result.as_json(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
