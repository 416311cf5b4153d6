"""``hkcase import FILE.csv|FILE.xlsx [--dry-run] [--json]``: clients from a spreadsheet."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from hkcase.app import open_app
from hkcase.cli.args import input_file
from hkcase.services.imports import ENCODINGS, plan_rows, read_sheet
from hkcase.services.imports.plan import ImportPlan
from hkcase.services.imports.run import run_import

_NOTES_SHOWN = 10


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import", parents=[common],
        help="add or update clients from a CSV or Excel (.xlsx) file",
        description="Add clients from a spreadsheet, or update the existing clients they match "
        "(same passport number, or same name and date of birth). Columns: family_name, "
        "given_names, chinese_name, sex, date_of_birth, nationality, passport_number, "
        "passport_expiry, hkid, email, phone, scheme, limit_of_stay (also their usual English "
        "and Chinese headers; see resources/import/clients-template.csv). Every accepted row "
        "is written in one transaction, or none; rejected rows are listed with the reason. A "
        "backup is taken first.")
    parser.add_argument("file", metavar="FILE.csv|FILE.xlsx", type=input_file,
                        help="the spreadsheet (the header is row 1)")
    parser.add_argument("--dry-run", action="store_true",
                        help="only say what would be imported; write nothing")
    parser.add_argument("--json", action="store_true",
                        help='print {"new": N, "updated": N, "rejected": [{"row", "column", '
                        '"reason"}]}')
    parser.add_argument("--encoding", choices=[e for e in ENCODINGS if e != "utf-8-sig"],
                        help="the CSV file's encoding (default: detected; UTF-8, Big5-HKSCS "
                        "and GB18030 are recognised)")
    parser.set_defaults(run=run, validate=validate)


def validate(args: argparse.Namespace) -> None:
    # An unreadable file is refused before a data folder is opened or created.
    args.sheet = read_sheet(args.file, encoding=args.encoding)


def _report(plan: ImportPlan, *, as_json: bool, written: bool) -> None:
    for header in plan.ignored:
        print(f"hkcase: warning: column {header!r} is not one hkcase imports; ignored",
              file=sys.stderr)
    if as_json:
        print(json.dumps(plan.as_json(), ensure_ascii=False))
        return
    verb = "imported" if written else "would import"
    rejected = len({r.row for r in plan.rejected})
    print(f"{verb} {plan.source.name}: {plan.new} new, {plan.updated} updated, "
          f"{rejected} {'row' if rejected == 1 else 'rows'} rejected")
    for rejection in plan.rejected:
        print(f"  row {rejection.row}, {rejection.column}: {rejection.reason}")
    notes = [(row, note) for row in plan.rows for note in row.notes]
    for row, note in notes[:_NOTES_SHOWN]:
        print(f"  row {row.row} ({row.name}): {note}")
    if len(notes) > _NOTES_SHOWN:
        print(f"  … and {len(notes) - _NOTES_SHOWN} more notes like these")


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    ctx = open_app(data_dir)
    try:
        sheet = getattr(args, "sheet", None) or read_sheet(args.file, encoding=args.encoding)
        plan = plan_rows(ctx.store, sheet, args.file)
        written = False
        if not args.dry_run and plan.rows:
            run_import(ctx, plan)
            written = True
    finally:
        ctx.close()
    _report(plan, as_json=args.json, written=written)
    return 0
