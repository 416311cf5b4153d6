"""``hkcase check``: assess a facts profile under every scheme, or a stored case as its
eligibility tab shows it."""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path
from typing import Any

from hkcase.cli.args import iso_date, schemes
from hkcase.cli.errors import UsageError
from hkcase.domain.eligibility import Assessment, ProfileError, assess, parse_profile
from hkcase.domain.eligibility.model import Criterion, SchemeResult, Status, Verdict
from hkcase.services.eligibility.run import CaseEligibility, Fact, fact_label

MARKS = {Status.MET: "✓", Status.NOT_MET: "✗", Status.UNKNOWN: "?"}
OUTCOME_WORDS = {Verdict.ELIGIBLE: "ELIGIBLE", Verdict.NOT_ELIGIBLE: "not eligible",
                 Verdict.NEEDS_REVIEW: "needs review"}
# Reasons that only repeat a criterion's line ("unknown: …", "not met: …", "review: …").
_ECHO = re.compile(r"^(category \w+: )?(unknown|not met|review): ")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "check", parents=[common],
        help="check a facts profile (JSON), or a stored case, against the schemes' rules",
        description="Assess eligibility from a JSON facts profile (see "
        "docs/eligibility-profile.md), or a stored case exactly as its eligibility tab "
        "shows it.")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--profile", metavar="FILE",
                        help="JSON object of facts ('-' reads standard input)")
    source.add_argument("--case", metavar="CASE_REF",
                        help="a stored case, e.g. 2026-000123 (its scheme, its facts)")
    parser.add_argument("--scheme", type=schemes, action="extend", metavar="ID",
                        help="assess only this scheme (repeatable; QMAS is both of its "
                        "tests; profiles only)")
    parser.add_argument("--on", type=iso_date, metavar="DATE",
                        help="assessment date (overrides the profile's assessment_date; "
                        "default today)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run, validate=validate)


def validate(args: argparse.Namespace) -> None:
    """Refuse bad arguments before anything is opened."""
    if args.case is not None and args.scheme:
        raise UsageError("--scheme applies to --profile only: a case is assessed under its "
                         "own scheme")
    if args.case is not None and not args.case.strip():
        raise UsageError("--case needs a case reference, e.g. 2026-000123")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise UsageError(f"profile: the fact {key!r} is given twice")
        seen[key] = value
    return seen


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise UsageError(f"profile: the number {text} is too large")
    return value


def _not_a_number(text: str) -> float:
    raise UsageError(f"profile: {text} is not a number; give a figure or leave the fact out")


def _load(source: str) -> object:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read profile {source}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"profile {source} is not UTF-8 text") from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_float=_finite,
                          parse_constant=_not_a_number)
    except json.JSONDecodeError as exc:
        raise UsageError(f"profile {source} is not valid JSON: {exc.msg} at line {exc.lineno}, "
                         f"column {exc.colno}") from None
    except RecursionError:
        raise UsageError(f"profile {source} is nested too deeply") from None


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    validate(args)
    if args.case is not None:
        return _run_case(args, data_dir)
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


def _run_case(args: argparse.Namespace, data_dir: str | None) -> int:
    from hkcase.cli.render import print_case_report
    from hkcase.services.eligibility.run import case_eligibility

    return print_case_report(
        data_dir, args.case, lambda store, case_id: case_eligibility(store, case_id, on=args.on),
        as_json=args.json, to_json=lambda checked: checked.as_dict(), render=render_case)


def _plural(text: str) -> str:
    return re.sub(r"(?<![\d.])1 years\b", "1 year", text)


def _criterion_line(c: Criterion) -> list[str]:
    # "needs <raw fact names>" is said below with the facts' labels.
    raw = c.status is Status.UNKNOWN and c.detail.startswith("needs ") and \
        set(c.detail[6:].split(", ")) <= set(c.needs)
    detail = "" if raw else c.detail
    line = f"  {MARKS[c.status]} {c.text}" + (f" — {detail}" if detail else "")
    lines = [_plural(line + (" [review]" if c.review else ""))]
    if c.review:
        lines.append(f"      review: {c.review}")
    if c.status is Status.UNKNOWN and c.needs:
        lines.append("      needs: " + ", ".join(dict.fromkeys(fact_label(n) for n in c.needs)))
    lines += [f"      caution: {caution}" for caution in getattr(c, "cautions", ())]
    return lines


def _groups(result: SchemeResult) -> list[tuple[str, list[Criterion]]]:
    grouped = getattr(result, "groups", None)
    return list(grouped()) if callable(grouped) else [("", list(result.criteria))]


def _head(result: SchemeResult) -> str:
    head = f"{result.scheme}: {OUTCOME_WORDS[result.outcome]}"
    if result.category:
        head += f" (category {result.category})"
    if result.score is not None and result.pass_mark is not None:
        points = any(c.id == "age_points" for c in result.criteria)
        head += (f" — {result.score} points, pass mark {result.pass_mark}" if points else
                 f" — {result.score} criteria met, pass mark {result.pass_mark}")
    return head


def _render_result(result: SchemeResult) -> list[str]:
    lines = [_head(result)]
    for group, criteria in _groups(result):
        if group:
            lines.append(f" {group}")
        for c in criteria:
            lines += _criterion_line(c)
    lines += [f"  · {_plural(reason)}" for reason in result.reasons if not _ECHO.match(reason)]
    lines += [f"  caution: {caution}" for caution in getattr(result, "cautions", ())
              if not any(caution in getattr(c, "cautions", ()) for c in result.criteria)]
    if result.missing:
        lines.append("  missing facts: " + ", ".join(
            dict.fromkeys(fact_label(n) for n in result.missing)))
    if result.initial_stay_months is not None:
        months = result.initial_stay_months
        lines.append(f"  initial stay: {months} months" + (
            f" ({months // 12} year{'s' if months // 12 != 1 else ''})"
            if months % 12 == 0 else ""))
    lines += [f"  on {ch.date}: {ch.criterion} {_plural(ch.effect)}" for ch in result.changes_on]
    if result.rule_set:
        lines.append(f"  rules: {result.rule_set.id} (from {result.rule_set.effective_from})")
        lines += [f"    source: {url}" for url in result.rule_set.sources]
    return lines


def render(assessment: Assessment) -> str:
    """The human-readable report."""
    lines = [f"Eligibility on {assessment.assessment_date} (ImmD decides every application)", ""]
    for result in assessment.results:
        lines += _render_result(result) + [""]
    return "\n".join(lines).rstrip()


def _fact_value(fact: Fact) -> str:
    if isinstance(fact.value, bool):
        return "yes" if fact.value else "no"
    if isinstance(fact.value, list):
        return ", ".join(str(v) for v in fact.value)
    return str(fact.value)


def render_case(checked: CaseEligibility) -> str:
    """A stored case's report: the result, then every fact with its source."""
    lines = [f"Case {checked.reference}: eligibility on {checked.assessment_date} "
             "(ImmD decides every application)", ""]
    lines += _render_result(checked.result) + ["", "Facts:"]
    for item in checked.as_dict()["facts"]:
        fact = checked.facts[item["name"]]
        lines.append(f"  {fact_label(fact.name)}: {_fact_value(fact)} ({fact.source})")
    return "\n".join(lines).rstrip()
