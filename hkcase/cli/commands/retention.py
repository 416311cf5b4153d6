"""``hkcase retention --older-than YEARS [--purge [--yes]] [--json]``: closed cases past keeping."""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from typing import Any

from hkcase.app import open_app
from hkcase.cli.args import whole_number
from hkcase.cli.errors import CommandFailed, UsageError
from hkcase.services.retention import closed_cases, purge


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "retention", parents=[common],
        help="list closed cases older than N years; purge them with their files",
        description="List the cases closed at least YEARS years ago. With --purge, delete them "
        "with their stays, checklists, documents and files (and each client left with no "
        "case), and remove the identity numbers from their audit entries. Asks before "
        "purging unless --yes is given.")
    parser.add_argument("--older-than", required=True, metavar="YEARS", dest="years",
                        type=partial(whole_number, minimum=1, maximum=100),
                        help="closed at least this many years ago")
    parser.add_argument("--purge", action="store_true", help="delete what is listed")
    parser.add_argument("--yes", action="store_true", help="purge without asking")
    parser.add_argument("--json", action="store_true", help="print the list as JSON")
    parser.set_defaults(run=run, validate=validate)


def validate(args: argparse.Namespace) -> None:
    if args.yes and not args.purge:
        raise UsageError("--yes only goes with --purge")
    if args.purge and not args.yes and not sys.stdin.isatty():
        raise UsageError("--purge asks for confirmation; give --yes when not at a terminal")


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    ctx = open_app(data_dir)
    try:
        found = closed_cases(ctx.store, args.years)
        if args.json and not args.purge:
            print(json.dumps({"cases": [c.as_json() for c in found]}, ensure_ascii=False))
            return 0
        for c in found:
            who = f"{c.client_name} (client removed)" if c.client_goes else c.client_name
            print(f"{c.reference}  {c.scheme:<10} closed {c.closed_on}  {who}  "
                  f"{c.documents} document{'s' if c.documents != 1 else ''}")
        print(f"{len(found)} closed case{'s' if len(found) != 1 else ''} older than "
              f"{args.years} year{'s' if args.years != 1 else ''}")
        if not args.purge or not found:
            return 0
        if not args.yes:
            answer = input(f"Purge these {len(found)} cases and their files for good? "
                           "Type yes: ")
            if answer.strip().lower() != "yes":
                raise CommandFailed("not confirmed; nothing purged")
        report = purge(ctx.store, ctx.locations.attachments_dir, args.years, actor=ctx.actor)
    finally:
        ctx.close()
    print(f"purged {report.cases} cases and {report.clients} clients; removed "
          f"{report.files_removed} files; identity numbers removed from "
          f"{report.audit_entries_scrubbed} audit entries")
    return 0
