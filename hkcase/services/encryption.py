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

from hkcase.config.locations import DATABASE_FILENAME, Locations
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


#: Notices for the next ``prepare_open`` (the GUI's passphrase dialog says where the key
#: is kept); drained into ``Opening.notices``.
pending_notices: list[str] = []


def stored_keys(data_dir: Path, header: Header) -> Keys | None:
    """The keys from ``HKCASE_KEY`` or the keyring, without asking; None if neither has
    them. ``WrongPassphraseError`` if ``HKCASE_KEY`` holds another passphrase."""
    passphrase = os.environ.get(ENV_KEY)
    if passphrase:
        return header.derive(passphrase)
    return _from_keyring(data_dir, header)


def folder_keys(data_dir: Path, header: Header, notices: list[str]) -> Keys:
    """The folder's keys: ``HKCASE_KEY``, the keyring, or asked for.

    Raises ``WrongPassphraseError`` ("wrong passphrase") or ``NoKeyError``.
    """
    keys = stored_keys(data_dir, header)
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


def unlock_folder(data_dir: Path, notices: list[str] | None = None) -> Keys | None:
    """The keys of an encrypted data folder, registered for its files; None if plain.

    For commands that read the folder's files before (or without) opening its
    database, e.g. a restore into a folder whose database is damaged.
    """
    header = crypto.read_header(data_dir)
    if header is None:
        return None
    keys = crypto.keys_for(data_dir)
    if keys is not None:
        header.verify(keys)
        return keys
    keys = folder_keys(data_dir, header, [] if notices is None else notices)
    crypto.register_keys(data_dir, keys)
    return keys


def _header_beside(backup: Path) -> Header | None:
    from hkcase.services.backups.attachments import attachments_beside

    return crypto.read_header(attachments_beside(backup))


def encrypted_folder_keys(locations: Locations, backup: Path) -> Keys | None:
    """The keys for restoring ``backup`` into ``locations``: the folder's own (asked for
    if need be), or, for a new folder (no database) and an encrypted ``backup -o FILE``,
    those of the header kept beside it. None: no encryption involved."""
    database = locations.data_dir / DATABASE_FILENAME
    if crypto.read_header(locations.data_dir) is not None:
        return unlock_folder(locations.data_dir)
    header = _header_beside(backup)
    if header is None or database.exists() or _is_plain(backup):
        return None
    keys = crypto.keys_for(backup) or folder_keys(locations.data_dir, header, [])
    crypto.register_keys(locations.data_dir, keys)
    return keys


def adopt_header(locations: Locations, backup: Path) -> None:
    """Give a new data folder the encryption header of the ``backup -o FILE`` restored
    into it (after ``encrypted_folder_keys`` accepted the passphrase)."""
    if crypto.read_header(locations.data_dir) is not None:
        return
    header = _header_beside(backup)
    keys = crypto.keys_for(locations.data_dir)
    if header is None or keys is None or _is_plain(backup):
        return
    header.verify(keys)
    crypto.write_header(locations.data_dir, header.with_state(ENCRYPTED))
    remember_keys(locations.data_dir, keys)


_ARCHIVE_KEYS: dict[bytes, Keys] = {}


def archive_keys(header: Header, name: str) -> Keys:
    """The keys that open a sealed archive with this ``header``: those of a data folder
    opened here with the same salt, else from ``HKCASE_KEY`` or asked for.

    Raises ``WrongPassphraseError`` or ``NoKeyError``.
    """
    for keys in (*_ARCHIVE_KEYS.values(), *crypto.registered_keys()):
        with contextlib.suppress(crypto.WrongPassphraseError):
            header.verify(keys)
            return keys
    passphrase = os.environ.get(ENV_KEY) or ask_passphrase(
        f"Passphrase of the data folder {name} was exported from: ")
    if not passphrase:
        raise NoKeyError(f"{name} is encrypted: give the passphrase of the data folder it "
                         f"was exported from (set {ENV_KEY}, or run from a terminal)")
    keys = header.derive(passphrase)
    _ARCHIVE_KEYS[header.salt] = keys
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
    opening.notices += pending_notices
    pending_notices.clear()
    keys = unlock_folder(data_dir, opening.notices)
    assert keys is not None  # the folder has a header
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
           "folder_keys", "prepare_open", "remember_keys", "unlock_folder"]


WRONG_PASSPHRASE = ("That passphrase does not open this data folder. Check it (capital "
                    "letters and spaces count) and try again, or press Cancel to quit.")


class PassphraseCancelled(StoreError):
    """The user declined to give the passphrase: hkcase does not start."""


def where_kept(remembered: bool) -> str:
    """What to tell the user about where the key of their data folder is kept."""
    if remembered:
        return ("The key of this encrypted data folder is now kept in this computer's system "
                "keyring (under 'hkcase'); hkcase will not ask for the passphrase again here. "
                "Remove it from the keyring to be asked at every start.")
    return ("No system keyring is available on this computer: hkcase will ask for the "
            "passphrase at every start (or set HKCASE_KEY).")


def unlock_interactively(data_dir: str | Path | None,
                         ask: Callable[[str, Callable[[str], str | None]], str | None]) -> None:
    """Before ``open_app``: if the folder is encrypted and neither ``HKCASE_KEY`` nor the
    keyring has its key, ``ask(text, check)`` for the passphrase (``check`` says what is
    wrong with one, None when it opens the folder; ``ask`` returns None when cancelled).
    Raises ``PassphraseCancelled``."""
    locations = Locations.resolve(data_dir)
    header = crypto.read_header(locations.data_dir)
    if header is None or crypto.keys_for(locations.data_dir) is not None:
        return
    known = stored_keys(locations.data_dir, header)
    if known is not None:
        crypto.register_keys(locations.data_dir, known)
        return
    found: list[crypto.Keys] = []

    def check(passphrase: str) -> str | None:
        try:
            found.append(header.derive(passphrase))
        except crypto.WrongPassphraseError:
            return WRONG_PASSPHRASE
        return None

    text = (f"The data folder {locations.data_dir} is encrypted. Type its passphrase to "
            "open it.")
    if ask(text, check) is None or not found:
        raise PassphraseCancelled("hkcase was not opened: the data folder is encrypted and "
                                  "no passphrase was given")
    crypto.register_keys(locations.data_dir, found[-1])
    remembered = remember_keys(locations.data_dir, found[-1])
    pending_notices.append(where_kept(remembered))
