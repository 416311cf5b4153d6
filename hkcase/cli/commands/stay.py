"""``hkcase stay``: estimate a limit of stay, its extension window and the holidays around them."""

from __future__ import annotations

import argparse
import json
from typing import Any

from hkcase.cli.args import QMAS_TESTS, iso_date, months, positive, schemes
from hkcase.cli.errors import UsageError
from hkcase.domain.labels import label
from hkcase.domain.stay.estimate import StayEstimate, StayQuestion, StayQuestionError, estimate_stay
from hkcase.domain.vocab import Scheme

_WINDOW_WORDS = {"4_weeks": "4 weeks", "3_months": "3 months"}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "stay", parents=[common],
        help="estimate a limit of stay and when its extension can be filed",
        description="Estimate the limit of stay of a first stay (from the entry date) or of "
        "extension N (from the previous limit), with the extension window and Hong Kong "
        "general holidays. The date printed on the visa label always wins: give it with "
        "--printed-limit. See docs/stay-and-reminders.md.")
    parser.add_argument("--scheme", required=True, type=schemes, metavar="ID",
                        help="ASMTP, GEP, QMAS (with --qmas-test), QMAS_GPT, QMAS_ABPT, TTPS, "
                        "TECHTAS, IANG, ASSG, NEW_CIES or DEPENDANT, in any case, or the "
                        "scheme's name as hkcase shows it (e.g. 'New CIES')")
    start = parser.add_mutually_exclusive_group(required=True)
    start.add_argument("--entry-date", type=iso_date, metavar="D",
                       help="first stay: the date of entry (YYYY-MM-DD)")
    start.add_argument("--previous-limit", type=iso_date, metavar="D",
                       help="extension: the limit of stay being extended (with --extension)")
    parser.add_argument("--extension", type=positive, metavar="N",
                        help="which extension: 1 for the first")
    parser.add_argument("--application-date", type=iso_date, metavar="D",
                        help="when the application is or was submitted (picks the pattern)")
    parser.add_argument("--approval-date", type=iso_date, metavar="D",
                        help="when it was approved (TTPS category A from 2024-10-16)")
    parser.add_argument("--contract-end", type=iso_date, metavar="D",
                        help="end of the employment contract (caps GEP, ASMTP, TechTAS stays)")
    parser.add_argument("--category", type=str.upper, choices=("A", "B", "C"),
                        help="TTPS category")
    parser.add_argument("--top-tier", action="store_true",
                        help="a top-tier extension (HK$2M assessable income, 2+ years here)")
    parser.add_argument("--assessable-income", type=positive, metavar="HKD",
                        help="salaries-tax assessable income of the last year, for --top-tier")
    parser.add_argument("--qmas-test", choices=("general", "achievement"),
                        help="QMAS: the General or the Achievement-based Points Test")
    parser.add_argument("--sponsor-limit", type=iso_date, metavar="D",
                        help="DEPENDANT: the sponsor's limit of stay")
    parser.add_argument("--sponsor-scheme", type=schemes, metavar="ID",
                        help="DEPENDANT: the sponsor's scheme (for the window rule)")
    parser.add_argument("--months", type=months, metavar="N",
                        help="what-if: grant N months instead of the pattern's")
    parser.add_argument("--printed-limit", type=iso_date, metavar="D",
                        help="the limit printed on the visa label or e-Visa (wins over the "
                        "estimate)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run)


def parse_scheme(named: str | list[Scheme], qmas_test: str | None = None) -> Scheme:
    """The one scheme a ``--scheme`` names (``QMAS``: the test ``qmas_test`` names, else the
    general points test), or ``UsageError``; text is read as every command reads it."""
    if isinstance(named, str):
        try:
            named = schemes(named)
        except argparse.ArgumentTypeError as exc:
            raise UsageError(str(exc)) from None
    if qmas_test is not None:
        expected = {"general": Scheme.QMAS_GPT, "achievement": Scheme.QMAS_ABPT}[qmas_test]
        if expected not in named:
            if not set(named) & set(QMAS_TESTS):
                raise UsageError("--qmas-test applies only to QMAS")
            raise UsageError(f"--qmas-test {qmas_test} contradicts --scheme {named[0].value}")
        return expected
    return named[0]


def question_from(args: argparse.Namespace) -> StayQuestion:
    """The stay question the command line asks; ``UsageError`` for inconsistent options."""
    scheme = parse_scheme(args.scheme, args.qmas_test)
    if args.previous_limit is not None and args.extension is None:
        raise UsageError("--previous-limit needs --extension N (1 for the first extension)")
    if args.entry_date is not None and args.extension is not None:
        raise UsageError("--extension goes with --previous-limit, not --entry-date")
    sponsor_scheme = None
    if args.sponsor_scheme is not None:
        if scheme is not Scheme.DEPENDANT:
            raise UsageError("--sponsor-scheme applies only to --scheme DEPENDANT")
        sponsor_scheme = parse_scheme(args.sponsor_scheme)
    if args.assessable_income is not None and not args.top_tier:
        raise UsageError("--assessable-income goes with --top-tier")
    return StayQuestion(
        scheme=scheme, entry_date=args.entry_date, previous_limit=args.previous_limit,
        extension=args.extension, application_date=args.application_date,
        approval_date=args.approval_date, contract_end=args.contract_end,
        category=args.category, top_tier=args.top_tier,
        assessable_income_hkd=args.assessable_income, sponsor_limit=args.sponsor_limit,
        sponsor_scheme=sponsor_scheme, months=args.months, printed_limit=args.printed_limit,
    )


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    try:
        estimate = estimate_stay(question_from(args))
    except StayQuestionError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        print(json.dumps(estimate.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(render(estimate))
    return 0


def _day_text(name: str | None, last: object, *, show_last: bool) -> str:
    if name is None:
        return ""
    return f"  ({name}" + (f"; last working day {last})" if show_last else ")")


def render(e: StayEstimate) -> str:
    """The estimate as a few lines of text."""
    what = "first stay" if e.stay_number == 0 else f"extension {e.stay_number}"
    months = f"{e.grant_months} months" if e.grant_months is not None else "the sponsor's limit"
    lines = [
        f"{e.scheme.value} {what} from {e.start_date}: {months} "
        f"(rules {e.rule_set.id})",
        f"limit of stay:     {e.limit_of_stay} ({label(e.limit_source)})"
        + _day_text(e.limit_day.holiday_name, e.limit_day.last_working_day_on_or_before,
                    show_last=True),
    ]
    if e.limit_source == "printed":
        lines.append(f"estimate was:      {e.estimated_limit}")
    lines.append(f"extension window:  opens {e.window.opens} "
                 f"({_WINDOW_WORDS.get(e.window.rule, e.window.rule)} before, "
                 f"rule {e.window.rule_id})"
                 + _day_text(e.window_day.holiday_name, None, show_last=False))
    if e.needs_review:
        lines.append("needs review:")
        lines.extend(f"  ! {flag.text}" for flag in e.needs_review)
    lines.append("notes:")
    lines.extend(f"  - {flag.text}" for flag in e.notes)
    lines.append("sources:")
    lines.extend(f"  {url}" for url in dict.fromkeys(e.rule_set.sources + e.window.sources))
    return "\n".join(lines)
