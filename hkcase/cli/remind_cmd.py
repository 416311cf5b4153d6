"""``hkcase remind``: the daily digest of deadlines, and marking reminders done."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from hkcase.cli.arg_types import days, iso_date, positive
from hkcase.cli.errors import UsageError
from hkcase.domain.reminder_urgency import Urgency
from hkcase.domain.vocab import ReminderState
from hkcase.services.context import AppContext, open_app
from hkcase.services.reminder_digest import DEFAULT_WITHIN_DAYS, Digest, DigestItem, daily_digest
from hkcase.services.reminders import RefreshReport, refresh_reminders, set_reminder_state

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
    parser.add_argument("--consultant", metavar="NAME",
                        help="only the cases of this consultant (as calendar --consultant)")
    parser.add_argument("--json", action="store_true", help="print a JSON list of items")
    parser.add_argument("--today", type=iso_date, metavar="D",
                        help="pretend today is D (what-if; default: today)")
    parser.add_argument("--no-refresh", action="store_true",
                        help="skip bringing the reminders up to date first (faster)")
    change = parser.add_argument_group("changing a reminder")
    change.add_argument("--done", type=positive, action="append", metavar="ID", default=[],
                        help="mark reminder ID done (with its stay's earlier ones)")
    change.add_argument("--dismiss", type=positive, action="append", metavar="ID", default=[],
                        help="dismiss reminder ID")
    change.add_argument("--reopen", type=positive, action="append", metavar="ID", default=[],
                        help="make reminder ID pending again")
    change.add_argument("--snooze", type=positive, action="append", metavar="ID", default=[],
                        help="snooze reminder ID until --until")
    change.add_argument("--until", type=iso_date, metavar="D", help="the date a snooze ends")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    changes = [(ReminderState.DONE, i) for i in args.done]
    changes += [(ReminderState.DISMISSED, i) for i in args.dismiss]
    changes += [(ReminderState.PENDING, i) for i in args.reopen]
    changes += [(ReminderState.SNOOZED, i) for i in args.snooze]
    if args.until is not None and not args.snooze:
        raise UsageError("--until goes with --snooze ID")
    if args.snooze and args.until is None:
        raise UsageError("--snooze needs --until D, the day the reminder comes back")
    ctx = open_app(data_dir)
    try:
        if changes:
            return _change(ctx, changes, args)
        report = None
        if not args.no_refresh:
            report = refresh_reminders(ctx.store, lead_days=ctx.settings.reminder_lead_days)
        digest = daily_digest(ctx.store, today=args.today, within_days=args.within,
                              consultant=args.consultant)
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
    name = item.client_name + (f" {item.chinese_name}" if item.chinese_name else "")
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
