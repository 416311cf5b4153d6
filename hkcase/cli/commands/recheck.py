"""``hkcase recheck``: open cases whose kept verdict no longer holds today."""

from __future__ import annotations

import argparse
import json
from typing import Any

from hkcase.cli.args import iso_date
from hkcase.domain.labels import label


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "recheck", parents=[common],
        help="list open cases whose latest kept eligibility verdict differs from today's",
        description="Assess every open case with a kept eligibility run as its tab would "
        "today, and list those whose outcome changed (a new rule set, a birthday, a degree "
        "aged), with old → new outcome and why.")
    parser.add_argument("--on", type=iso_date, metavar="DATE",
                        help="assess as on this date (default today)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    from hkcase.app import open_app
    from hkcase.services.eligibility.recheck import changed_verdicts

    ctx = open_app(data_dir)
    try:
        changes = changed_verdicts(ctx.store, on=args.on)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps({"changes": [c.as_dict() for c in changes]}, indent=2,
                         ensure_ascii=False))
        return 0
    if not changes:
        print("No verdict has changed.")
        return 0
    for change in changes:
        print(f"{change.reference} {change.client_name} ({change.scheme}): "
              f"{label(change.old_outcome)} → {label(change.new_outcome)}")
        for reason in change.reasons:
            print(f"  · {reason}")
    return 0
