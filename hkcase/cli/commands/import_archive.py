"""``hkcase import-archive FILE.zip``: a full archive into an empty data folder."""

from __future__ import annotations

import argparse
from typing import Any

from hkcase.app import open_app
from hkcase.cli.args import input_file
from hkcase.services.archives.unpack import import_archive, verify


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import-archive", parents=[common],
        help="load an archive written by 'hkcase export' into an empty data folder",
        description="Load an archive written by 'hkcase export' into an empty database. Every "
        "member is checked against the manifest's sha256 and the schema revision against this "
        "hkcase's first; a damaged or changed archive, another revision or a database that "
        "already holds records is refused, and nothing is written.")
    parser.add_argument("archive", metavar="FILE.zip", type=input_file,
                        help="the archive to load")
    parser.set_defaults(run=run, validate=validate)


def validate(args: argparse.Namespace) -> None:
    verify(args.archive)  # a damaged archive is refused before a data folder is created


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    ctx = open_app(data_dir)
    try:
        result = import_archive(ctx.store, ctx.locations.attachments_dir, args.archive)
    finally:
        ctx.close()
    print(f"imported {args.archive} ({result.total_rows} rows, {result.files} "
          f"file{'s' if result.files != 1 else ''})")
    return 0
