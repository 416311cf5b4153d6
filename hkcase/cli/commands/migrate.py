"""``hkcase migrate [--database-url URL]``: bring a database's schema up to this hkcase.

On a shared PostgreSQL database the desktops connect with an application role that
may not change the schema; whoever upgrades hkcase runs this once with the owner
role (docs/shared-office.md). A password is best kept out of the URL (``~/.pgpass``
or ``PGPASSWORD``); it is never printed.
"""

from __future__ import annotations

import argparse
from typing import Any

from hkcase.app import open_app
from hkcase.cli.errors import UsageError
from hkcase.config.locations import Locations
from hkcase.services.migration import MigrationReport, migrate_database
from hkcase.services.storage import is_database_url


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "migrate", parents=[common], help="upgrade a database's schema to this hkcase",
        description="Upgrade the database to the schema this hkcase needs and say what was "
        "done. Without --database-url, the database this desktop uses (HKCASE_DATABASE_URL, "
        "else the data folder's file, which is backed up first). On a shared PostgreSQL "
        "server, run it with the owner role; the desktops' application role needs no "
        "right to change the schema.")
    parser.add_argument("--database-url", metavar="URL",
                        help="e.g. postgresql+psycopg://hkcase_owner@db.office.lan/hkcase"
                        "?sslmode=verify-full")
    parser.set_defaults(run=run, validate=validate)


def validate(args: argparse.Namespace) -> None:
    if args.database_url is None:
        return
    if not is_database_url(args.database_url):
        raise UsageError("--database-url is not a database URL (e.g. "
                         "postgresql+psycopg://role@host/database)")


def _describe(where: str, report: MigrationReport) -> str:
    if not report.upgraded:
        return f"{where}: already at schema {report.revision} (up to date)"
    before = f"schema {report.previous}" if report.previous else "an empty database"
    kept = f"; the copy from before is {report.backup}" if report.backup else ""
    return f"{where}: upgraded from {before} to schema {report.revision}{kept}"


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    if args.database_url is None:  # this desktop's own database, opened as the app does
        ctx = open_app(data_dir, daily_backup=False)
        try:
            print(_describe(ctx.store.location, ctx.store.migration))
        finally:
            ctx.close()
        return 0
    where, report = migrate_database(args.database_url, Locations.resolve(data_dir).backup_dir)
    print(_describe(where, report))
    return 0
