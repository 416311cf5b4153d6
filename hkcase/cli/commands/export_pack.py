"""``hkcase export-pack CASE_REF -o FILE.pdf [--lang L]``: a case's document pack as one PDF."""

from __future__ import annotations

import argparse
from typing import Any

from hkcase.app import open_app
from hkcase.cli import pdf_args
from hkcase.cli.args import iso_date
from hkcase.domain.checklists import Lang
from hkcase.services.checklists import case_id_for_reference
from hkcase.services.outputs.render import render_pack


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "export-pack", parents=[common],
        help="write a case's document pack (summary, checklist, eligibility, documents)",
        description="Write a case's document pack: cover, case summary, checklist, "
        "eligibility report, then every accepted document in checklist order. Corrupt or "
        "password-protected files are left out and named on stderr.")
    parser.add_argument("case_ref", metavar="CASE_REF", help="case reference, e.g. 2026-000123")
    pdf_args.add_output(parser)
    parser.add_argument("--lang", type=pdf_args.lang, default=Lang.EN, metavar="en|zh-hk|zh-cn",
                        help="the language of the pack (default en)")
    parser.add_argument("--filing-date", type=iso_date, metavar="DATE",
                        help="check document expiry against this date (default: the case's "
                        "submission date, else today)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    ctx = open_app(data_dir)
    try:
        case_id = case_id_for_reference(ctx.store, args.case_ref)
        result = render_pack(ctx.store, ctx.locations.attachments_dir, case_id,
                             filing_date=args.filing_date, target=args.output,
                             actor=ctx.actor, lang=args.lang)
    finally:
        ctx.close()
    return pdf_args.report(result)
