"""``hkcase show CASE_REF [--json]``: a case as the case pane shows it."""

from __future__ import annotations

import argparse
from typing import Any

from hkcase.cli.args import iso_date
from hkcase.cli.render import print_case_report
from hkcase.services.cases.show import CaseShow, show_case


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "show", parents=[common],
        help="print a case: client, stays, reminders, checklist and latest verdict",
        description="Print a case as the case pane shows it: the client, every limit of "
        "stay granted, the extension window, the reminders, the checklist's states and the "
        "latest kept eligibility verdict. A limit of stay that has passed is said first.")
    parser.add_argument("case_ref", metavar="CASE_REF", help="case reference, e.g. 2026-000123")
    parser.add_argument("--json", action="store_true", help="print the case as JSON")
    parser.add_argument("--today", type=iso_date, metavar="D",
                        help="pretend today is D (what-if; default: today)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    return print_case_report(
        data_dir, args.case_ref, lambda store, case_id: show_case(store, case_id,
                                                                 today=args.today),
        as_json=args.json, to_json=CaseShow.as_json, render=render)


def render(shown: CaseShow) -> str:
    """The case as readable lines."""
    data = shown.as_json()
    client = data["client"]
    lines = [f"Case {data['reference']} · {data['scheme']} · {data['application_type']} · "
             f"{data['stage']}" + (f" · outcome {data['outcome']}"
                                   if data["outcome"] != "pending" else "")]
    if data["limit_passed"]:
        lines.append(f"!!! {data['limit_line']}")
    lines.append(f"Client: {client['name']} {client['chinese_name'] or ''}".rstrip()
                 + f" · born {client['date_of_birth']} · {client['nationality']}"
                 + (f" · passport {client['passport']}" if client["passport"] else ""))
    for label, key in (("Consultant", "consultant"), ("Employer", "employer"),
                       ("ImmD file", "immd_file_ref"), ("Opened", "opened_on"),
                       ("Submitted", "submitted_on"), ("Decided", "decided_on"),
                       ("Closed", "closed_on"), ("Contract ends", "contract_end")):
        if data[key]:
            lines.append(f"{label}: {data[key]}")
    lines.append("")
    lines.append("Stays:" if data["stays"] else "Stays: none recorded")
    for stay in data["stays"]:
        which = "first" if stay["extension_number"] == 0 else \
            f"extension {stay['extension_number']}"
        lines.append(f"  {which:<12} granted {stay['granted_on']}  limit {stay['limit_of_stay']}"
                     + (f"  ({stay['condition_of_stay']})" if stay["condition_of_stay"] else ""))
    if data["limit_of_stay"] and not data["limit_passed"]:
        lines.append(f"  {data['limit_line']} Extension window opens {data['window_opens']}.")
    lines.append("")
    lines.append("Reminders:" if data["reminders"] else "Reminders: none")
    for r in data["reminders"]:
        lines.append(f"  {r['due_date']}  {r['state']:<9} {r['title']}")
    lines.append("")
    lines.append("Checklist:" if data["checklist"] else "Checklist: none yet")
    for item in data["checklist"]:
        flag = "" if item["mandatory"] else " (if applicable)"
        lines.append(f"  {item['number']:>2}. {item['state']:<14} {item['title']}{flag}")
    lines.append("")
    verdict = data["latest_verdict"]
    lines.append("Latest verdict: none kept" if verdict is None else
                 f"Latest verdict: {verdict['outcome']} ({verdict['scheme']}, assessed "
                 f"{verdict['assessment_date']}, rules {verdict['rule_set_id'] or 'n/a'}, by "
                 f"{verdict['checked_by'] or 'unknown'})")
    return "\n".join(lines)
