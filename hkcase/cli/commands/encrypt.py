"""``hkcase encrypt``: encrypt an existing data folder in place (opt-in, resumable)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from hkcase.cli.errors import CommandFailed
from hkcase.services.encryption import ENV_KEY, encrypt_folder


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "encrypt", parents=[common],
        help="encrypt the data folder: database (SQLCipher), attachments and backups",
        description="Encrypt the data folder in place: a backup first, then the database "
        "is copied encrypted beside itself, verified and swapped in; attachments and "
        "backups are encrypted one by one (AES-256-GCM). Interrupted, the folder stays "
        f"usable; run the command again to finish. The passphrase comes from {ENV_KEY} "
        "or is asked for twice; it is kept in the system keyring when there is one.")
    parser.set_defaults(run=run)


def _passphrase() -> str | None:
    given = os.environ.get(ENV_KEY)
    if given:
        return given
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass("New passphrase: ")
    if first != getpass.getpass("Repeat the passphrase: "):
        raise CommandFailed("the passphrases differ; nothing was changed")
    return first or None


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    from hkcase.app import open_app
    from hkcase.services.backups import backup_before

    passphrase = _passphrase()
    if passphrase is None:
        raise CommandFailed(f"give a passphrase (set {ENV_KEY}, or run from a terminal)")
    ctx = open_app(data_dir, daily_backup=False)
    loc = ctx.locations
    database = ctx.store.file
    if database is None:
        ctx.close()
        raise CommandFailed("only a SQLite data folder can be encrypted")

    def before() -> None:
        backup_before(ctx.store, loc.backup_dir, loc.attachments_dir, "encrypt")

    try:
        before()
    finally:
        ctx.close()
    report = encrypt_folder(loc.data_dir, database, loc.attachments_dir, loc.backup_dir,
                            passphrase, progress=lambda step: print(step, flush=True))
    print(f"the data folder {loc.data_dir} is encrypted"
          + (f" ({report.rows} database rows verified)" if report.database else ""))
    if report.remembered:
        print("the key is kept in this computer's system keyring (service 'hkcase'); "
              "hkcase will not ask for the passphrase here")
    else:
        print(f"no system keyring: give the passphrase at each start ({ENV_KEY} or the prompt)")
    return 0
