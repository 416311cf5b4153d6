"""``hkcase restore FILE [--yes]``: replace the database with a checked backup."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from hkcase.app import open_app
from hkcase.cli.args import input_file
from hkcase.cli.errors import CommandFailed, UsageError
from hkcase.config.locations import Locations
from hkcase.config.logs import configure_logging
from hkcase.config.permissions import private_umask
from hkcase.services.backups import inspect_backup, restore
from hkcase.services.encryption import adopt_header, encrypted_folder_keys


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "restore", parents=[common],
        help="replace the database with a backup (checked first; the current one kept)",
        description="Check FILE (integrity, schema revision), keep the current database "
        "in the backups folder, then put FILE in its place in one step: never half "
        "restored. Attachments missing from the data folder are copied back from "
        "FILE.attachments (written by 'backup -o FILE') or the backups folder. In an "
        "encrypted data folder the key is needed (HKCASE_KEY, the keyring or the prompt); "
        "an encrypted 'backup -o FILE' can be restored into a new, empty data folder with "
        "its passphrase.")
    parser.add_argument("file", metavar="FILE", type=input_file,
                        help="a backup (.sqlite3), e.g. from the backups folder")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.set_defaults(run=run)


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        raise UsageError("restore replaces the current database; run it again with --yes "
                         "to confirm")
    print(f"{question} [y/N] ", end="", file=sys.stderr, flush=True)
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    locations = Locations.resolve(data_dir).check()
    keys = encrypted_folder_keys(locations, args.file)
    info = inspect_backup(args.file, keys)
    if not args.yes and not _confirm(
            f"Replace the database in {locations.data_dir} with {info.describe()}?"):
        raise CommandFailed("not confirmed; nothing restored")
    private_umask()
    locations.ensure()
    configure_logging(locations.log_file)
    adopt_header(locations, args.file)
    report = restore(locations, args.file)
    # Migrates an older backup and checks that it opens (its integrity was checked).
    ctx = open_app(data_dir, daily_backup=False, integrity=False)
    ctx.close()
    print(f"restored {report.restored.describe()}")
    if report.kept_aside is not None:
        print(f"the previous database is kept as {report.kept_aside}")
    if report.attachments_copied:
        print(f"attachments copied back: {report.attachments_copied:,}")
    for name in report.attachments_missing:
        print(f"hkcase: warning: attachment {name} is neither in the data folder nor in the "
              "backups", file=sys.stderr)
    return 0
