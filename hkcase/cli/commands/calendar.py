"""``hkcase calendar``: every open deadline as events in an .ics file."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hkcase.app import open_app
from hkcase.cli.args import days, output_file
from hkcase.cli.filters import add_consultant_option, consultant_name
from hkcase.services.errors import ValidationError
from hkcase.services.reminders.calendar import export_calendar
from hkcase.services.reminders.refresh import refresh_reminders


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "calendar", parents=[common],
        help="write every open deadline to an iCalendar (.ics) file",
        description="Refresh the reminders, then write each open one as an all-day event. "
        "Event UIDs are stable: importing a newer file updates the events instead of "
        "duplicating them.")
    parser.add_argument("-o", "--output", required=True, type=output_file, metavar="FILE.ics",
                        help="the file to write (replaced if it exists)")
    parser.add_argument("--within", type=days, metavar="DAYS",
                        help="only deadlines due within DAYS (overdue ones included)")
    add_consultant_option(parser)
    parser.add_argument("--no-refresh", action="store_true",
                        help="skip bringing the reminders up to date first")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    path = Path(args.output)  # checked while parsing (cli/args.py: output_file)
    ctx = open_app(data_dir)
    try:
        consultant = consultant_name(ctx.store, args.consultant)
        if not args.no_refresh:
            refresh_reminders(ctx.store, lead_days=ctx.settings.reminder_lead_days)
        until = None if args.within is None else date.today() + timedelta(days=args.within)
        try:
            report = export_calendar(ctx.store, path, until=until, consultant=consultant)
        except OSError as exc:
            raise ValidationError("output", f"cannot write {path}: {exc.strerror}") from None
    finally:
        ctx.close()
    print(f"wrote {report.events:,} events to {report.path}")
    return 0
