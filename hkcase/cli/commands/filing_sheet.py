"""``hkcase filing-sheet CASE_REF``: the particulars to type into ImmD's e-form, checked first."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from hkcase.app import open_app
from hkcase.cli import pdf_args
from hkcase.cli.args import output_file
from hkcase.domain.checklists import Lang
from hkcase.services.checklists import case_id_for_reference
from hkcase.services.filing.checks import readiness, readiness_json, summary
from hkcase.services.filing.sheet import filing_sheet, sheet_json
from hkcase.services.filing.sheet_render import render_sheet_html, render_sheet_pdf
from hkcase.services.outputs.render import write_atomically


def _output(text: str) -> Path:
    if Path(text).suffix.lower() not in (".pdf", ".html", ".htm"):
        raise argparse.ArgumentTypeError(f"{text!r}: write the sheet to a .pdf or .html file")
    return output_file(text)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "filing-sheet", parents=[common],
        help="the case's particulars in the order of ImmD's e-form, with the pre-filing checks",
        description="Print the pre-filing checks and every value the e-form asks for, from "
        "the records (missing ones marked). With -o, write it as the client's confirmation "
        "(PDF or HTML) with a signature line.")
    parser.add_argument("case", metavar="CASE_REF", help="case reference, e.g. 2026-000123")
    parser.add_argument("-o", "--output", type=_output, metavar="FILE.pdf|FILE.html",
                        help="write the sheet to this file (replaced if it exists)")
    parser.add_argument("--lang", type=pdf_args.lang, default=Lang.EN, metavar="en|zh-hk|zh-cn",
                        help="language (default en)")
    parser.add_argument("--json", action="store_true", help="print checks and sheet as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    ctx = open_app(data_dir)
    try:
        case_id = case_id_for_reference(ctx.store, args.case)
        ready = readiness(ctx.store, case_id)
        sheet = filing_sheet(ctx.store, case_id, args.lang, on=ready.filing_date)
    finally:
        ctx.close()
    if args.output is not None:
        if args.output.suffix.lower() == ".pdf":
            result = render_sheet_pdf(sheet, ready, target=args.output)
            for line in result.warnings:
                print(f"hkcase: warning: {line}", file=sys.stderr)
        else:
            write_atomically(render_sheet_html(sheet, ready).encode("utf-8"), args.output)
    if args.json:
        print(json.dumps({**sheet_json(sheet), **readiness_json(ready, args.lang)},
                         ensure_ascii=False,
                         indent=2))
        return 0
    if args.output is not None:
        print(f"wrote {args.output}")
        return 0
    print(summary(ready, args.lang))
    for check in ready.checks:
        print(f"[{check.status.value}] {check.code}: {check.text(args.lang)}")
    for section in sheet.sections:
        print(f"\n{section.title}")
        for field in section.fields:
            shown = field.display
            print(f"  {field.label}: {shown if shown is not None else '[missing]'}")
    return 0
