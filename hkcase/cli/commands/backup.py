"""``hkcase backup [-o FILE]``: a consistent copy of the database, now."""

from __future__ import annotations

import argparse
from typing import Any

from hkcase.app import open_app
from hkcase.cli.args import output_file
from hkcase.services.backups import backup_now, backup_to_file
from hkcase.services.backups.attachments import attachments_beside


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "backup", parents=[common],
        help="back up the database now (into the backups folder, or to FILE)",
        description="Copy the database with SQLite's online backup API (consistent while "
        "hkcase is running). Without -o the copy goes into the data folder's backups "
        "folder with the attachments (each file once, by hash) and old backups are rotated "
        "(7 daily, 4 weekly, 12 monthly). hkcase also backs up by itself once a day, "
        "before every schema upgrade and before a restore or an import.")
    parser.add_argument("-o", "--output", type=output_file, metavar="FILE",
                        help="write the database copy to FILE instead (replaced if it "
                        "exists) and the attachments to the folder FILE.attachments "
                        "beside it (each file once, by hash; keep the two together). "
                        "'hkcase restore FILE' restores both")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    ctx = open_app(data_dir, daily_backup=False)
    try:
        if args.output is not None:
            report = backup_to_file(ctx.store, args.output, ctx.locations.attachments_dir,
                                    ctx.locations.data_dir)
        else:
            report = backup_now(ctx.store, ctx.locations.backup_dir,
                                ctx.locations.attachments_dir)
    finally:
        ctx.close()
    print(f"backed up the database to {report.path} in {report.seconds:.1f} s")
    if report.attachments is not None:
        a = report.attachments
        where = f" to {attachments_beside(report.path)}" if args.output is not None else ""
        print(f"attachments{where}: {a.copied:,} copied, {a.already:,} already backed up")
        for name in a.damaged:
            print(f"hkcase: warning: attachment {name} no longer matches its hash; not "
                  "backed up")
    if report.removed:
        print(f"rotation removed {len(report.removed)} old backup(s)")
    return 0
