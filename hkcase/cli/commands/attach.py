"""``hkcase attach CASE_REF ITEM_NUMBER FILE``: attach a scan to a checklist item by its number."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from hkcase.app import open_app
from hkcase.cli.args import input_file
from hkcase.domain.vocab import ChecklistState
from hkcase.services.filing.checklist import attach


def _number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not an item number (1, 2, 3 …)")
    return value


def _state(text: str) -> ChecklistState:
    if text not in ("received", "accepted"):
        raise argparse.ArgumentTypeError(f"{text!r}: the state is received or accepted")
    return ChecklistState(text)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "attach", parents=[common], help="attach a file to a case's checklist item",
        description="Attach FILE to item ITEM_NUMBER of the case's checklist (numbers as "
        "printed by 'hkcase checklist --case'). A case without a checklist gets its "
        "scheme's checklist first.")
    parser.add_argument("case", metavar="CASE_REF", help="case reference, e.g. 2026-000123")
    parser.add_argument("number", metavar="ITEM_NUMBER", type=_number,
                        help="the item's number on the case's checklist")
    parser.add_argument("file", metavar="FILE", type=input_file, help="PDF, JPEG, PNG or TIFF file")
    parser.add_argument("--state", type=_state, default=ChecklistState.RECEIVED,
                        metavar="received|accepted",
                        help="the item's state afterwards (default received)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    ctx = open_app(data_dir)
    try:
        done = attach(ctx.store, ctx.locations.attachments_dir, args.case, args.number,
                      args.file, actor=ctx.actor, state=args.state)
    finally:
        ctx.close()
    for line in done.version.warnings:
        print(f"hkcase: warning: {line}", file=sys.stderr)
    print(f"attached {done.version.original_name} to item {done.number} "
          f"({done.item.title_en}) as version {done.version.version_no}; "
          f"state {done.item.state.value}")
    return 0
