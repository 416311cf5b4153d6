"""Encryption at rest, opt-in: the passphrase at start and ``hkcase encrypt``.

The key comes from ``HKCASE_KEY``, else the system keyring (``keyring``; the
derived keys are kept, never the passphrase), else ``ask_passphrase`` (the CLI:
``getpass`` on a terminal; the GUI sets a dialog through its ``Prompts``).
Without a keyring backend (a headless Linux) a notice says so and hkcase asks.

Converting a folder (``encrypt_folder``) never leaves it unusable: a backup
first; the header (``encryption.json``, state ``converting``) is written before
anything is encrypted; the encrypted database is built beside the plain one
(``sqlcipher_export``), verified (integrity check, row counts) and renamed over
it; attachments and backups are then encrypted one by one, each atomically and
recognised by its first bytes, so a rerun resumes where an interruption left
off; the header says ``encrypted`` only at the end. Until then a folder with a
plain database opens as it is, with a notice to finish.
"""

from __future__ import annotations

import contextlib
import getpass
import logging
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hkcase.store import crypto, sqlcipher
from hkcase.store.crypto import CONVERTING, ENCRYPTED, Header, Keys, NoKeyError
from hkcase.store.errors import StoreError

log = logging.getLogger(__name__)

ENV_KEY = "HKCASE_KEY"
KEYRING_SERVICE = "hkcase"
_STORED = re.compile(r"^[0-9a-f]{64}(\.[a-z0-9]{1,5})?$")
_PLAIN_DB = b"SQLite format 3\x00"


def _ask_on_terminal(prompt: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(prompt)


#: Asks the user for the passphrase (None: cannot ask). The GUI replaces it.
ask_passphrase: Callable[[str], str | None] = _ask_on_terminal


@dataclass
class Opening:
    """How to open a data folder's database: its keys (None: plain) and notices."""

    keys: Keys | None
    notices: list[str] = field(default_factory=list)

    def connector(self, database: Path) -> sqlcipher.Connector | None:
        return None if self.keys is None else sqlcipher.Connector(database, self.keys)


def _keyring() -> object | None:
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or (type(backend).__name__ == "ChainerBackend" and \
            not getattr(backend, "backends", True)):
        return None
    return backend


def _from_keyring(data_dir: Path, header: Header) -> Keys | None:
    backend = _keyring()
    if backend is None:
        return None
    try:
        secret = backend.get_password(KEYRING_SERVICE, str(data_dir))  # type: ignore[attr-defined]
        if not secret:
            return None
        keys = Keys.from_secret(secret)
        header.verify(keys)
        return keys
    except Exception:
        log.info("the keyring holds no usable key for this data folder")
        return None


def remember_keys(data_dir: Path, keys: Keys) -> bool:
    """Keep the keys in the system keyring; False if there is none."""
    backend = _keyring()
    if backend is None:
        return False
    try:
        backend.set_password(KEYRING_SERVICE, str(data_dir), keys.to_secret())  # type: ignore[attr-defined]
    except Exception:
        log.info("could not store the key in the keyring")
        return False
    return True


def folder_keys(data_dir: Path, header: Header, notices: list[str]) -> Keys:
    """The folder's keys: ``HKCASE_KEY``, the keyring, or asked for.

    Raises ``WrongPassphraseError`` ("wrong passphrase") or ``NoKeyError``.
    """
    passphrase = os.environ.get(ENV_KEY)
    if passphrase:
        return header.derive(passphrase)
    keys = _from_keyring(data_dir, header)
    if keys is not None:
        return keys
    if _keyring() is None:
        notices.append("no system keyring is available (on Linux without a desktop session "
                       "there is none): hkcase asks for the passphrase at every start")
    asked = ask_passphrase(f"Passphrase for the encrypted data folder {data_dir}: ")
    if not asked:
        raise NoKeyError(f"the data folder {data_dir} is encrypted: give its passphrase "
                         f"(set {ENV_KEY}, or start hkcase from a terminal to be asked)")
    keys = header.derive(asked)
    remember_keys(data_dir, keys)
    return keys


def prepare_open(data_dir: Path, database: Path) -> Opening:
    """Decide how to open ``database``; refuses what an unencrypted open would get wrong.

    A folder without a header is plain. With one: the keys are needed, a missing
    database is refused (never replaced by a new empty one), a plain database is
    opened only while a conversion is unfinished.
    """
    header = crypto.read_header(data_dir)
    if header is None:
        return Opening(None)
    opening = Opening(None)
    keys = folder_keys(data_dir, header, opening.notices)
    crypto.register_keys(data_dir, keys)
    if not database.exists():
        raise StoreError(f"the data folder {data_dir} is encrypted but its database "
                         f"{database.name} is missing; hkcase will not start a new one "
                         "there: restore a backup with 'hkcase restore FILE'")
    with open(database, "rb") as handle:
        plain = handle.read(16) == _PLAIN_DB
    if plain and header.state == ENCRYPTED:
        raise StoreError(f"the data folder {data_dir} is encrypted but {database.name} is "
                         "not: it was replaced by an unencrypted file; hkcase will not open "
                         "it. Restore a backup with 'hkcase restore FILE'")
    if header.state != ENCRYPTED:
        opening.notices.append("the encryption of this data folder is unfinished: run "
                               "'hkcase encrypt' again to complete it")
    opening.keys = None if plain else keys
    return opening


# -- conversion -----------------------------------------------------------------------

@dataclass
class EncryptReport:
    database: bool = False  # the database was converted in this run
    rows: int = 0
    attachments: int = 0
    backups: int = 0
    remembered: bool = False
    steps: list[str] = field(default_factory=list)


def _is_plain(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == _PLAIN_DB
    except OSError:
        return False


def _stored_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(f for sub in folder.iterdir() if sub.is_dir()
                  for f in sub.iterdir() if f.is_file() and _STORED.match(f.name))


def encrypt_database_file(database: Path, keys: Keys) -> int:
    """Replace the plain ``database`` by a verified encrypted copy; returns the row count."""
    building = database.with_name(database.name + ".encrypting")
    with contextlib.suppress(FileNotFoundError):
        building.unlink()  # an interrupted earlier run's unfinished copy
    import sqlite3

    plain = sqlite3.connect(database, timeout=30)
    try:  # one self-contained file: nothing committed may stay behind in a -wal
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.execute("PRAGMA journal_mode = DELETE")
    finally:
        plain.close()
    counts = sqlcipher.export_encrypted(database, building, keys)
    os.replace(building, database)
    crypto._fsync_folder(database.parent)
    return sum(counts.values())


def encrypt_folder(data_dir: Path, database: Path, attachments_dir: Path, backup_dir: Path,
                   passphrase: str, *, progress: Callable[[str], None] = lambda _s: None,
                   before: Callable[[], None] | None = None) -> EncryptReport:
    """Convert a data folder in place (resumable; see the module docstring).

    ``before`` takes the safety backup (called only while the database is plain).
    Raises ``WrongPassphraseError`` when resuming with another passphrase.
    """
    report = EncryptReport()
    header = crypto.read_header(data_dir)
    if header is not None and header.state == ENCRYPTED:
        raise StoreError(f"the data folder {data_dir} is already encrypted")
    if database.exists() and _is_plain(database) and before is not None:
        progress("backing up the database")
        before()
    if header is None:
        header, keys = crypto.new_header(passphrase)
        crypto.write_header(data_dir, header)
    else:
        keys = header.derive(passphrase)
    if database.exists() and _is_plain(database):
        progress("encrypting the database")
        report.rows = encrypt_database_file(database, keys)
        report.database = True
    for folder in (attachments_dir, backup_dir / "attachments"):
        for path in _stored_files(folder):
            if crypto.encrypt_in_place(path, keys.files):
                report.attachments += 1
    progress(f"encrypted {report.attachments} attachment files")
    backups = sorted(backup_dir.glob("*.sqlite3")) if backup_dir.is_dir() else []
    for path in backups:
        if _is_plain(path):
            encrypt_database_file(path, keys)
            report.backups += 1
    progress(f"encrypted {report.backups} backups")
    crypto.write_header(data_dir, header.with_state(ENCRYPTED))
    report.remembered = remember_keys(data_dir, keys)
    return report


__all__ = ["CONVERTING", "ENCRYPTED", "EncryptReport", "Opening", "encrypt_folder",
           "folder_keys", "prepare_open", "remember_keys"]
