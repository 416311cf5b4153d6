"""``hkcase letter CASE_REF -o FILE.pdf``: the bilingual extension reminder letter."""

from __future__ import annotations

import argparse
from typing import Any

from hkcase.app import open_app
from hkcase.cli import pdf_args
from hkcase.cli.args import iso_date
from hkcase.cli.errors import UsageError
from hkcase.domain.checklists import Lang
from hkcase.services.checklists import case_id_for_reference
from hkcase.services.outputs.render import render_letter


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "letter", parents=[common],
        help="write a bilingual extension reminder letter for a case",
        description="Write a letter to the client (English, then Chinese) with the current "
        "limit of stay, when the extension window opens and the documents still missing.")
    parser.add_argument("case_ref", metavar="CASE_REF", help="case reference, e.g. 2026-000123")
    pdf_args.add_output(parser)
    parser.add_argument("--chinese", type=pdf_args.lang, metavar="zh-hk|zh-cn",
                        help="Traditional or Simplified for the Chinese half (default: "
                        "Simplified for clients living in the Mainland, else Traditional)")
    parser.add_argument("--date", type=iso_date, metavar="DATE",
                        help="date of the letter (default today)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    if args.chinese is Lang.EN:
        raise UsageError("--chinese takes zh-hk or zh-cn (the letter is always bilingual)")
    ctx = open_app(data_dir)
    try:
        case_id = case_id_for_reference(ctx.store, args.case_ref)
        result = render_letter(ctx.store, case_id, chinese=args.chinese,
                               signer=ctx.settings.consultant_name or None, on=args.date,
                               target=args.output)
    finally:
        ctx.close()
    return pdf_args.report(result)
