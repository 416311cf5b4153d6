"""``hkcase remind``: the daily digest of deadlines, and marking reminders done."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from hkcase.app import AppContext, open_app
from hkcase.cli.args import days, iso_date, positive
from hkcase.cli.errors import UsageError
from hkcase.cli.filters import add_consultant_option, consultant_name
from hkcase.domain.names import full_name
from hkcase.domain.reminders.urgency import Urgency
from hkcase.domain.vocab import ReminderState
from hkcase.services.reminders.digest import DEFAULT_WITHIN_DAYS, Digest, DigestItem, daily_digest
from hkcase.services.reminders.refresh import RefreshReport, refresh_reminders, set_reminder_state

HEADINGS = {Urgency.OVERDUE: "OVERDUE", Urgency.WINDOW_OPEN: "WINDOW OPEN NOW",
            Urgency.UPCOMING: "UPCOMING"}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "remind", parents=[common],
        help="the daily digest: overdue, window open now, due within N days",
        description="Refresh the reminders from every client's current stay and documents, "
        "then print what is overdue, whose extension window is open now and what falls due "
        "within N days. Options --done, --dismiss, --reopen and --snooze change a reminder "
        "instead (its id is in the digest).")
    parser.add_argument("--within", type=days, default=DEFAULT_WITHIN_DAYS,
                        metavar="DAYS", help=f"look DAYS ahead (default {DEFAULT_WITHIN_DAYS})")
    add_consultant_option(parser)
    parser.add_argument("--json", action="store_true", help="print a JSON list of items")
    parser.add_argument("--today", type=iso_date, metavar="D",
                        help="pretend today is D (what-if; default: today)")
    parser.add_argument("--no-refresh", action="store_true",
                        help="skip bringing the reminders up to date first (faster)")
    change = parser.add_argument_group("changing a reminder")
    change.add_argument("--done", type=positive, action="append", metavar="ID", default=[],
                        help="mark reminder ID done (with its stay's earlier open ones, as the "
                        "digest shows them in one line); --reopen ID undoes it")
    change.add_argument("--dismiss", type=positive, action="append", metavar="ID", default=[],
                        help="dismiss reminder ID (likewise)")
    change.add_argument("--reopen", type=positive, action="append", metavar="ID", default=[],
                        help="make reminder ID pending again (with the earlier ones of its stay "
                        "that --done, --dismiss or --snooze changed with it)")
    change.add_argument("--snooze", type=positive, action="append", metavar="ID", default=[],
                        help="snooze reminder ID until --until")
    change.add_argument("--until", type=iso_date, metavar="D", help="the date a snooze ends")
    parser.set_defaults(run=run, validate=validate)


#: Each option that changes a reminder, and the state it gives.
CHANGES = (("done", ReminderState.DONE), ("dismiss", ReminderState.DISMISSED),
           ("reopen", ReminderState.PENDING), ("snooze", ReminderState.SNOOZED))


def changes_of(args: argparse.Namespace) -> list[tuple[ReminderState, int]]:
    """The state changes asked for, in the order of ``CHANGES``; ``UsageError`` for a reminder
    given to two of them (they contradict each other) or a stray ``--until``."""
    changes: list[tuple[ReminderState, int]] = []
    option_of: dict[int, str] = {}
    for option, state in CHANGES:
        for reminder_id in getattr(args, option):
            first = option_of.setdefault(reminder_id, option)
            if first != option:
                raise UsageError(f"reminder {reminder_id} is given to both --{first} and "
                                 f"--{option}; give it to one")
            changes.append((state, reminder_id))
    if args.until is not None and not args.snooze:
        raise UsageError("--until goes with --snooze ID")
    if args.snooze and args.until is None:
        raise UsageError("--snooze needs --until D, the day the reminder comes back")
    return changes


def validate(args: argparse.Namespace) -> None:
    """Refuse contradicting changes before anything is opened."""
    changes_of(args)


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    changes = changes_of(args)
    ctx = open_app(data_dir)
    try:
        if changes:
            return _change(ctx, changes, args)
        consultant = consultant_name(ctx.store, args.consultant)
        report = None
        if not args.no_refresh:
            report = refresh_reminders(ctx.store, lead_days=ctx.settings.reminder_lead_days)
        digest = daily_digest(ctx.store, today=args.today, within_days=args.within,
                              consultant=consultant)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps([item.as_dict() for item in digest.items], indent=2,
                         ensure_ascii=False))
    else:
        print(render(digest, report))
    return 0


def _change(ctx: AppContext, changes: list[tuple[ReminderState, int]],
            args: argparse.Namespace) -> int:
    for state, reminder_id in changes:
        until = args.until if state is ReminderState.SNOOZED else None
        ref = set_reminder_state(ctx.store, reminder_id, state, actor=ctx.actor, until=until,
                                 today=args.today)
        extra = (f" (and {ref.also_changed} earlier of the same stay)"
                 if ref.also_changed else "")
        when = f" until {ref.snoozed_until}" if ref.snoozed_until else ""
        print(f"reminder {ref.id} {ref.state.value}{when}{extra}")
    return 0


def _line(item: DigestItem, today: date) -> str:
    limit = ""
    if item.limit_of_stay is not None:
        passed = " PASSED" if item.limit_of_stay < today else ""
        limit = f"limit {item.limit_of_stay}{passed}"
        if item.limit_holiday:
            limit += f" ({item.limit_holiday}; last working day " \
                     f"{item.last_working_day_on_or_before_limit})"
    name = full_name(item.client_name, item.chinese_name)
    snoozed = f" [snoozed to {item.snoozed_until}]" if item.snoozed_until else ""
    folded = f" (+{item.folded} earlier)" if item.folded else ""
    return (f"  #{item.reminder_id:<8} {item.effective_date}  {item.case_ref}  {name}  "
            f"{item.scheme.value}  {limit}\n"
            f"             {item.title}{snoozed}{folded}")


def render(digest: Digest, report: RefreshReport | None = None) -> str:
    """The digest as text, grouped by urgency."""
    counts = " · ".join(f"{digest.count(u)} {HEADINGS[u].lower()}" for u in Urgency)
    lines = [f"hkcase reminders for {digest.today} (due within {digest.within_days} days): "
             f"{counts}"]
    if report is not None and (report.added or report.updated or report.removed):
        lines.append(f"(reminders refreshed: {report.added} added, {report.updated} updated, "
                     f"{report.removed} removed)")
    for urgency, items in digest.grouped().items():
        lines.append("")
        lines.append(f"{HEADINGS[urgency]} ({len(items)})")
        lines.extend(_line(item, digest.today) for item in items)
        if not items:
            lines.append("  nothing")
    return "\n".join(lines)
