"""Attachments in the backups folder: each file once, by hash, copied only when new.

The attachments folder already stores every file under its sha256
(``<sha256[:2]>/<sha256><ext>``), so a file's name says its content: a file
already in the backup copy is never copied again. New files are copied to a
temporary name, their hash checked, then renamed into place.

Encrypted attachments are copied as they are (still encrypted); the hash in
their name is that of the plain content, checked by decrypting the copy.
``backup -o FILE`` keeps its attachments the same way in ``FILE.attachments``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from hkcase.domain.messages import tr
from hkcase.store import crypto
from hkcase.store.sqlite_backup import fsync_folder

_STORED = re.compile(r"^[0-9a-f]{64}(\.[a-z0-9]{1,5})?$")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class AttachmentSync:
    copied: int
    already: int
    damaged: tuple[str, ...]  # files whose content no longer matches their hash


def _copy_checked(source: Path, target: Path) -> bool:
    """Copy ``source`` to ``target`` atomically; False if its content is not its name's hash."""
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    digest = hashlib.sha256()
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            while chunk := src.read(_CHUNK):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if _content_hash(partial, digest.hexdigest(), source) != source.name.split(".")[0]:
            partial.unlink()
            return False
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return True


def _content_hash(copy: Path, raw_hash: str, source: Path) -> str | None:
    """The plain content's hash of ``copy`` (decrypted and authenticated if encrypted)."""
    if not crypto.is_encrypted(copy):
        return raw_hash
    keys = crypto.keys_for(source) or crypto.keys_for(copy)
    if keys is None:
        raise crypto.NoKeyError(tr("{name} is encrypted and its data folder is not open",
                                   name=source.name))
    try:
        return crypto.plain_sha256(copy, keys.files)
    except crypto.TamperedFileError:
        return None


def attachments_beside(database_copy: Path) -> Path:
    """The folder holding the attachments of a backup written to a file of one's choice."""
    return database_copy.with_name(database_copy.name + ".attachments")


def sync_attachments(attachments_dir: Path, target_dir: Path) -> AttachmentSync:
    """Copy every stored attachment not yet in ``target_dir``; raises ``OSError``."""
    copied = already = 0
    damaged: list[str] = []
    if not attachments_dir.is_dir():
        return AttachmentSync(0, 0, ())
    for folder in sorted(p for p in attachments_dir.iterdir() if p.is_dir()):
        for source in sorted(folder.iterdir()):
            if not (source.is_file() and _STORED.match(source.name)):
                continue
            target = target_dir / folder.name / source.name
            if target.is_file():
                already += 1
                continue
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if _copy_checked(source, target):
                copied += 1
            else:
                damaged.append(f"{folder.name}/{source.name}")
        fsync_folder(target_dir / folder.name)
    return AttachmentSync(copied, already, tuple(damaged))


def restore_attachments(backup_files: Path, attachments_dir: Path,
                        wanted: list[str]) -> tuple[int, list[str]]:
    """Copy back the attachments (relative paths) missing from ``attachments_dir``.

    Returns how many were copied and which could not be found in the backup.
    """
    copied, missing = 0, []
    for relative in wanted:
        target = attachments_dir / relative
        if target.is_file():
            continue
        source = backup_files / relative
        if not source.is_file():
            missing.append(relative)
            continue
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _copy_checked(source, target):
            copied += 1
        else:
            missing.append(relative)
    return copied, missing
