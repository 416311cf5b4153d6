"""Where a test finds stored attachment content: the data folder (SQLite) or the database.

On PostgreSQL the files live in the shared store (``attachment_blob`` /
``attachment_chunk``), on SQLite in the attachments folder; these helpers let one test
check either, through hkcase's own readers (``attachments.shared``).
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from hkcase.domain.documents import DocumentVersion
from hkcase.services.attachments import shared
from hkcase.store import Store, blobs
from hkcase.store.models import AttachmentBlob, Document


def stored_hashes(store: Store, attachments: Path) -> list[str]:
    """The hashes of every stored content, sorted."""
    if shared.in_database(store):
        with store.reading() as session:
            return sorted(session.scalars(sa.select(AttachmentBlob.sha256)))
    if not attachments.exists():
        return []
    return sorted(p.name.split(".")[0] for p in attachments.rglob("*")
                  if p.is_file() and not p.name.startswith("."))


def is_stored(store: Store, attachments: Path, version: DocumentVersion) -> bool:
    """Whether a version's content is stored (it may have been purged)."""
    if shared.in_database(store):
        with store.reading() as session:
            return blobs.blob_info(session, version.sha256) is not None
    return version.path(attachments).is_file()


def stored_bytes(store: Store, attachments: Path, version: DocumentVersion) -> bytes:
    """A version's stored content, plain."""
    content = shared.Attachments(store, attachments)
    return b"".join(content.chunks(version.sha256, version.stored_path))


def files_of(store: Store, attachments: Path) -> dict[str, bytes]:
    """Every stored content by its path relative to an attachments folder."""
    if not shared.in_database(store):
        return {p.relative_to(attachments).as_posix(): p.read_bytes()
                for p in sorted(attachments.rglob("*")) if p.is_file()}
    content = shared.Attachments(store, attachments)
    with store.reading() as session:
        named = session.execute(sa.select(Document.sha256, Document.stored_path)
                                .distinct()).all()
    return {relative: b"".join(content.chunks(sha, relative)) for sha, relative in named}


def lose(store: Store, attachments: Path, version: DocumentVersion) -> None:
    """Make a version's stored content disappear (a deleted file, a lost row)."""
    if shared.in_database(store):
        with store.transaction() as session:
            blobs.delete_blobs(session, [version.sha256])
        return
    version.path(attachments).unlink()
