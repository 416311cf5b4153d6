"""``hkcase migrate-files``: a data folder's attachments into the shared store.

Before the shared store, a desktop on a PostgreSQL database kept the files it
attached in its own data folder. This copies every stored file of that folder
into the database (``store.blobs``), one transaction per file, each checked by
its sha256 (the plain content's, decrypted if the folder is encrypted) before it
goes in and again as its chunks are written. It is idempotent: content already in
the shared store is left as it is, so a second run, or a run on a colleague's
desktop holding the same file, copies nothing twice. The data folder's files are
left in place.

Then it says which documents' files the shared store still lacks (attached on
another desktop that has not run it yet).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from hkcase.domain.messages import tr
from hkcase.services.attachments import files as attachment_files
from hkcase.services.attachments import shared
from hkcase.services.errors import ValidationError
from hkcase.store import Store, blobs, crypto
from hkcase.store.models import Document

log = logging.getLogger(__name__)

_STORED = re.compile(r"^([0-9a-f]{64})(\.[a-z0-9]{1,5})?$")

COPIED = "copied"
ALREADY = "already"
DAMAGED = "damaged"
UNREADABLE = "unreadable"
MISSING = "missing"  # a document whose content is in neither the folder nor the store


@dataclass(frozen=True)
class Outcome:
    """What happened to one file (or, for ``missing``, one content no one has copied)."""

    status: str
    relative_path: str
    size_bytes: int | None = None
    detail: str = ""
    documents: int = 0  # how many document rows name this content

    @property
    def failed(self) -> bool:
        return self.status in (DAMAGED, UNREADABLE)

    @property
    def line(self) -> str:
        """One line for the user."""
        path = self.relative_path
        if self.status == COPIED:
            return tr("copied {path} ({size} bytes, checksum verified)", path=path,
                      size=self.size_bytes)
        if self.status == ALREADY:
            return tr("already in the shared store: {path}", path=path)
        if self.status == DAMAGED:
            return tr("not copied: {path} does not match its checksum ({detail}); restore it "
                      "from a backup", path=path, detail=self.detail)
        if self.status == UNREADABLE:
            return tr("not copied: {path} cannot be read ({detail})", path=path,
                      detail=self.detail)
        if self.documents == 1:
            return tr("still missing from the shared store: {path} (named by 1 document); run "
                      "'hkcase migrate-files' on the desktop it was attached on", path=path)
        return tr("still missing from the shared store: {path} (named by {count} documents); "
                  "run 'hkcase migrate-files' on the desktop it was attached on", path=path,
                  count=self.documents)


def _stored_files(folder: Path) -> Iterator[tuple[str, Path]]:
    if not folder.is_dir():
        return
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        for path in sorted(sub.iterdir()):
            if path.is_file() and _STORED.match(path.name):
                yield f"{sub.name}/{path.name}", path


def _media_type(path: Path) -> str | None:
    return {v: k for k, v in attachment_files.EXTENSIONS.items()}.get(path.suffix)


def _copy_one(store: Store, relative: str, path: Path) -> Outcome:
    sha256 = shared.sha256_of_name(relative)
    with store.reading() as session:
        present = blobs.blob_info(session, sha256)
    if present is not None:
        return Outcome(ALREADY, relative, present.size_bytes)
    try:
        found = crypto.plain_sha256(path)  # decrypted and authenticated if sealed
    except crypto.TamperedFileError:
        return Outcome(DAMAGED, relative, detail=tr("it fails its encryption check"))
    except crypto.NoKeyError:
        return Outcome(UNREADABLE, relative, detail=tr("it is encrypted and this data folder "
                                                       "is not unlocked"))
    except OSError as exc:
        return Outcome(UNREADABLE, relative, detail=str(exc.strerror or exc))
    if found != sha256:
        return Outcome(DAMAGED, relative, detail=tr("its content has changed"))
    size = 0

    def counted() -> Iterator[bytes]:
        nonlocal size
        for chunk in crypto.iter_plain(path):
            size += len(chunk)
            yield chunk

    try:
        with store.transaction() as session:
            written = blobs.write_blob(session, sha256, counted(),
                                       media_type=_media_type(path))
    except blobs.BlobMismatchError:  # changed between the check and the copy
        return Outcome(DAMAGED, relative, detail=tr("it changed while being copied"))
    except (OSError, crypto.TamperedFileError) as exc:
        return Outcome(UNREADABLE, relative, detail=str(getattr(exc, "strerror", None) or exc))
    if not written:  # a colleague's run stored it meanwhile
        with store.reading() as session:
            info = blobs.blob_info(session, sha256)
        return Outcome(ALREADY, relative, info.size_bytes if info else None)
    return Outcome(COPIED, relative, size)


def migrate_files(store: Store, attachments_dir: Path,
                  progress: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Copy the data folder's attachments into the store's database; one outcome per file,
    then one per content the store's documents name that is still in no shared store.

    ``ValidationError`` if the store keeps no files (SQLite: they stay in the folder).
    """
    if not shared.in_database(store):
        raise ValidationError("database", tr(
            "this data folder's database is a SQLite file, whose attachments stay in the data "
            "folder: migrate-files is for a shared PostgreSQL database (HKCASE_DATABASE_URL)"))
    outcomes: list[Outcome] = []
    for relative, path in _stored_files(Path(attachments_dir)):
        outcome = _copy_one(store, relative, path)
        log.info("migrate-files: %s %s", outcome.status, relative)
        outcomes.append(outcome)
        if progress is not None:
            progress(outcome)
    with store.reading() as session:
        named = session.execute(sa.select(Document.sha256, Document.stored_path,
                                          sa.func.count()).group_by(Document.sha256,
                                                                    Document.stored_path)
                                ).all()
        present = blobs.stored_hashes(session, [sha for sha, _, _ in named])
    for sha, relative, count in sorted(named, key=lambda r: r[1]):
        if sha not in present:
            outcome = Outcome(MISSING, relative, documents=int(count))
            outcomes.append(outcome)
            if progress is not None:
                progress(outcome)
    return outcomes
