"""``hkcase check``: assess a facts profile under every scheme (or those named)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from hkcase.cli.arg_types import iso_date, scheme
from hkcase.cli.errors import UsageError
from hkcase.domain.eligibility import Assessment, ProfileError, assess, parse_profile
from hkcase.domain.eligibility.model import Outcome, SchemeResult, Status

MARKS = {Status.MET: "✓", Status.NOT_MET: "✗", Status.UNKNOWN: "?"}
OUTCOME_WORDS = {Outcome.ELIGIBLE: "ELIGIBLE", Outcome.NOT_ELIGIBLE: "not eligible",
                 Outcome.NEEDS_REVIEW: "needs review"}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "check", parents=[common],
        help="check a facts profile (JSON) against each scheme's rules",
        description="Assess eligibility from a JSON facts profile; see "
        "docs/eligibility-profile.md for the facts.")
    parser.add_argument("--profile", required=True, metavar="FILE",
                        help="JSON object of facts ('-' reads standard input)")
    parser.add_argument("--scheme", type=scheme, action="append", metavar="ID",
                        help="assess only this scheme (repeatable)")
    parser.add_argument("--on", type=iso_date, metavar="DATE",
                        help="assessment date (overrides the profile's assessment_date)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run)


def _load(source: str) -> object:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read profile {source}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"profile {source} is not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"profile {source} is not valid JSON: {exc.msg} at line {exc.lineno}, "
                         f"column {exc.colno}") from None


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    raw = _load(args.profile)
    if not isinstance(raw, dict):
        raise UsageError(f"profile {args.profile} must be a JSON object of facts")
    if args.on is not None:
        raw = {**raw, "assessment_date": args.on.isoformat()}
    try:
        profile = parse_profile(raw)
    except ProfileError as exc:
        raise UsageError(f"bad profile: {exc}") from None
    assessment = assess(profile, args.scheme)
    if args.json:
        print(json.dumps(assessment.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(render(assessment))
    return 0


def _render_result(result: SchemeResult) -> list[str]:
    head = f"{result.scheme}: {OUTCOME_WORDS[result.outcome]}"
    if result.category:
        head += f" (category {result.category})"
    if result.score is not None and result.pass_mark is not None:
        head += f" — score {result.score}, pass {result.pass_mark}"
    lines = [head]
    for c in result.criteria:
        flag = " [review]" if c.review else ""
        lines.append(f"  {MARKS[c.status]} {c.text}" + (f" — {c.detail}" if c.detail else "")
                     + flag)
    lines += [f"  · {reason}" for reason in result.reasons]
    if result.missing:
        lines.append(f"  missing facts: {', '.join(result.missing)}")
    lines += [f"  on {ch.date}: {ch.criterion} {ch.effect}" for ch in result.changes_on]
    if result.rule_set:
        lines.append(f"  rules: {result.rule_set.id} (from {result.rule_set.effective_from})")
    return lines


def render(assessment: Assessment) -> str:
    """The human-readable report."""
    lines = [f"Eligibility on {assessment.assessment_date} (ImmD decides every application)", ""]
    for result in assessment.results:
        lines += _render_result(result) + [""]
    return "\n".join(lines).rstrip()
