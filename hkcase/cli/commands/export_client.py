"""``hkcase export-client CLIENT_REF -o FILE.zip``: one person's data (PDPO data access)."""

from __future__ import annotations

import argparse
from typing import Any

from hkcase.app import open_app
from hkcase.cli.args import output_file
from hkcase.cli.commands.export import report
from hkcase.services.archives.client import check_reference, client_for_reference, export_client


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "export-client", parents=[common],
        help="write one person's data to an archive (a PDPO data access request)",
        description="Write every record hkcase holds about one person — client record, travel "
        "documents, education, employment, family links, cases, stays, checklists, documents "
        "with their files, notes, reminders, eligibility runs and audit entries — to one ZIP "
        "archive in the same open format as 'hkcase export'.")
    parser.add_argument("client_ref", metavar="CLIENT_REF",
                        help="the client number (e.g. 42) or one of their case references "
                        "(e.g. 2026-000123)")
    parser.add_argument("-o", "--output", required=True, type=output_file, metavar="FILE.zip",
                        help="where to write the archive (replaced if it exists)")
    parser.add_argument("--unencrypted", action="store_true",
                        help="from an encrypted data folder, write a plain ZIP anyway (by "
                        "default the archive is then encrypted and only the folder's "
                        "passphrase opens it)")
    parser.set_defaults(run=run, validate=validate)


def validate(args: argparse.Namespace) -> None:
    check_reference(args.client_ref)  # refused before a data folder is opened or created


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    ctx = open_app(data_dir)
    try:
        client_id = client_for_reference(ctx.store, args.client_ref)
        result = export_client(ctx.store, ctx.locations.attachments_dir, client_id, args.output,
                               plain=args.unencrypted)
    finally:
        ctx.close()
    return report(result)
