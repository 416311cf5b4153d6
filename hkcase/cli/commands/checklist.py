"""``hkcase checklist``: a blank checklist with tick boxes (or a case's own) as a PDF."""

from __future__ import annotations

import argparse
from typing import Any

from hkcase.app import open_app
from hkcase.cli import pdf_args
from hkcase.cli.args import scheme as scheme_id
from hkcase.cli.errors import UsageError
from hkcase.domain.checklists import Lang
from hkcase.services.checklists import case_id_for_reference
from hkcase.services.outputs.render import render_blank_checklist, render_case_checklist


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "checklist", parents=[common],
        help="print a blank document checklist for a scheme and application type",
        description="Write a checklist with tick boxes to give a client: blank for "
        "--scheme and --type, or a case's own checklist with --case.")
    parser.add_argument("--scheme", type=scheme_id, metavar="ID",
                        help="scheme id (GEP, ASMTP, QMAS — both tests share one checklist —, "
                        "TTPS, TECHTAS, IANG, ASSG, DEPENDANT …)")
    parser.add_argument("--type", dest="kind", type=pdf_args.application_type,
                        metavar="new|extension|change_of_employment|dependant",
                        help="application type")
    parser.add_argument("--case", metavar="CASE_REF",
                        help="print this case's own checklist instead (ticked where received)")
    parser.add_argument("--lang", type=pdf_args.lang, default=Lang.EN,
                        metavar="en|zh-hk|zh-cn", help="language (default en)")
    pdf_args.add_output(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    if args.case is not None:
        if args.scheme is not None or args.kind is not None:
            raise UsageError("give either --case or --scheme and --type, not both")
        ctx = open_app(data_dir)
        try:
            case_id = case_id_for_reference(ctx.store, args.case)
            result = render_case_checklist(ctx.store, case_id, args.lang, target=args.output,
                                           actor=ctx.actor)
        finally:
            ctx.close()
        return pdf_args.report(result)
    if args.scheme is None or args.kind is None:
        raise UsageError("--scheme and --type are required (or --case CASE_REF)")
    result = render_blank_checklist(args.scheme, args.kind, args.lang, target=args.output)
    return pdf_args.report(result)
