"""``hkcase migrate-files [--json]``: this data folder's attachments into the shared store.

For a desktop on a shared PostgreSQL database (``HKCASE_DATABASE_URL``) whose files
were attached before the shared store existed: each is copied into the database,
checked by its sha256, one line per file; files already there are left alone, so
running it again is harmless. Exit status 1 if any file could not be copied.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from hkcase.app import open_app
from hkcase.services.attachments.migrate import Outcome, migrate_files


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "migrate-files", parents=[common],
        help="copy this data folder's attachments into the shared database",
        description="Copy every attachment kept in this data folder into the shared "
        "PostgreSQL database this desktop uses (HKCASE_DATABASE_URL), checked by its "
        "sha256, so every desktop of the office has it. Files already there are left as "
        "they are; the data folder's copies are kept. Then lists the documents whose files "
        "the shared store still lacks (attached on another desktop: run it there too).")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object instead of lines")
    parser.set_defaults(run=run)


def _as_json(outcome: Outcome) -> dict[str, Any]:
    return {"status": outcome.status, "file": outcome.relative_path,
            "size_bytes": outcome.size_bytes, "detail": outcome.detail or None,
            "documents": outcome.documents or None}


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    from hkcase.services.encryption import unlock_folder

    ctx = open_app(data_dir, daily_backup=False)
    try:
        unlock_folder(ctx.locations.data_dir, ctx.notices)  # an encrypted folder's files
        printed = None if args.json else (lambda o: print(o.line, flush=True))
        outcomes = migrate_files(ctx.store, ctx.locations.attachments_dir, printed)
    finally:
        ctx.close()
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    failed = any(o.failed for o in outcomes)
    if args.json:
        print(json.dumps({"ok": not failed, "counts": counts,
                          "files": [_as_json(o) for o in outcomes]}, indent=2))
    else:
        words = {"copied": "copied", "already": "already there", "damaged": "damaged",
                 "unreadable": "unreadable", "missing": "still missing (other desktops)"}
        summary = ", ".join(f"{counts[k]} {w}" for k, w in words.items() if counts.get(k))
        print(f"migrate-files: {summary or 'no attachments in this data folder'}")
    return 1 if failed else 0
