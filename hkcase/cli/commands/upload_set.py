"""``hkcase upload-set CASE_REF -o DIR [--json]``: the files to upload into ImmD's e-service."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from hkcase.app import open_app
from hkcase.cli.args import output_folder
from hkcase.services.checklists import case_id_for_reference
from hkcase.services.filing.upload_set import manifest, prepare_upload_set


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "upload-set", parents=[common],
        help="write the case's accepted documents as files ImmD's upload takes",
        description="Write one folder per checklist item (in checklist order) with every "
        "accepted document as JPEG or PDF files of at most 5 MB each (re-compressed, "
        "down-sampled or split by pages), a manifest.json and a printed index.pdf. "
        "Documents that cannot be made to fit are reported by name.")
    parser.add_argument("case", metavar="CASE_REF", help="case reference, e.g. 2026-000123")
    parser.add_argument("-o", "--output", required=True, type=output_folder, metavar="DIR",
                        help="a new or empty folder for the upload set")
    parser.add_argument("--json", action="store_true", help="print the manifest as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    ctx = open_app(data_dir)
    try:
        case_id = case_id_for_reference(ctx.store, args.case)
        result = prepare_upload_set(ctx.store, ctx.locations.attachments_dir, case_id,
                                    args.output, actor=ctx.actor)
    finally:
        ctx.close()
    for problem in result.problems:
        print(f"hkcase: warning: {problem.message}", file=sys.stderr)
    if args.json:
        print(json.dumps(manifest(result), ensure_ascii=False, indent=2))
        return 0
    files = sum(len(i.files) for i in result.items)
    for item in result.items:
        names = ", ".join(f.name.rsplit("/", 1)[-1] for f in item.files) or "-"
        print(f"{item.number:>3}. {item.upload_slot}: {names}")
    print(f"wrote {files} file{'s' if files != 1 else ''} to {result.folder} "
          f"(index.pdf, manifest.json)")
    return 0
