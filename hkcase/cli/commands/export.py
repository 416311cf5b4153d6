"""``hkcase export -o FILE.zip``: every record and attached file in one open archive."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from hkcase.app import open_app
from hkcase.cli.args import output_file
from hkcase.services.archives.export import ArchiveResult, export_archive


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "export", parents=[common],
        help="write every record and attached file to one archive (ZIP of JSON and files)",
        description="Write everything hkcase holds to one ZIP archive: a JSON file per table, "
        "every attached file, and a manifest with the sha256 of each member and the schema "
        "revision. 'hkcase import-archive' loads it into an empty data folder. The archive "
        "holds identity numbers: it is created readable by you only. From an encrypted "
        "data folder it is encrypted too (AES-256-GCM; the folder's passphrase opens it, "
        "from HKCASE_KEY or asked for).")
    parser.add_argument("-o", "--output", required=True, type=output_file, metavar="FILE.zip",
                        help="where to write the archive (replaced if it exists)")
    parser.add_argument("--unencrypted", action="store_true",
                        help="from an encrypted data folder, write a plain ZIP anyway (by "
                        "default the archive is then encrypted and only the folder's "
                        "passphrase opens it)")
    parser.set_defaults(run=run)


def report(result: ArchiveResult) -> int:
    """Warnings on stderr, what was written on stdout; exit status 0."""
    for line in result.warnings:
        print(f"hkcase: warning: {line}", file=sys.stderr)
    sealed = ", encrypted: open it with the data folder's passphrase" if result.encrypted \
        else ""
    print(f"wrote {result.path} ({result.total_rows} rows in {len(result.rows)} tables, "
          f"{result.files} file{'s' if result.files != 1 else ''}, schema {result.revision}"
          f"{sealed})")
    return 0


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    ctx = open_app(data_dir)
    try:
        result = export_archive(ctx.store, ctx.locations.attachments_dir, args.output,
                                plain=args.unencrypted)
    finally:
        ctx.close()
    return report(result)
