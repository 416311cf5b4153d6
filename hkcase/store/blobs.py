"""Attachment content in the database: written and read a chunk at a time, by sha256.

The chunked I/O behind the shared attachment store (``models.blobs``). Every
function works inside the caller's session, so the content goes in in the same
transaction as the ``document`` row that names it, and a failure leaves neither.

- ``write_blob`` inserts the content row first (``ON CONFLICT DO NOTHING``): when
  two desktops attach the same content at once, the second waits for the first's
  commit and then finds it stored (nothing written twice). The chunks are hashed
  as they are written; content that does not hash to its name raises
  ``BlobMismatchError`` and the caller's transaction rolls back.
- ``iter_blob`` yields one chunk per query (``WHERE sha256 = … AND seq = …``), so
  at most one chunk is in memory whatever the file's size: a plain ``SELECT``
  of every chunk would be buffered whole by the driver.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.store.base import utcnow
from hkcase.store.models.blobs import CHUNK_BYTES, AttachmentBlob, AttachmentChunk

__all__ = ["CHUNK_BYTES", "BlobInfo", "BlobMismatchError", "blob_info", "delete_blobs",
           "iter_blob", "stored_hashes", "write_blob"]

_BLOB = cast(sa.Table, AttachmentBlob.__table__)
_CHUNK = cast(sa.Table, AttachmentChunk.__table__)


class BlobMismatchError(ValueError):
    """Content whose bytes do not hash to the sha256 it was to be stored under."""


@dataclass(frozen=True)
class BlobInfo:
    sha256: str
    size_bytes: int
    chunks: int
    media_type: str | None


def _insert_ignoring_duplicate(session: Session, values: dict[str, object]) -> bool:
    """Insert the content row; False if that content is already stored."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        statement: sa.Executable = pg_insert(_BLOB).values(values).on_conflict_do_nothing(
            index_elements=["sha256"]).returning(_BLOB.c.sha256)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        statement = sqlite_insert(_BLOB).values(values).on_conflict_do_nothing(
            index_elements=["sha256"]).returning(_BLOB.c.sha256)
    return session.execute(statement).first() is not None


def blob_info(session: Session, sha256: str) -> BlobInfo | None:
    """The stored content with this hash, or None."""
    row = session.execute(sa.select(_BLOB.c.sha256, _BLOB.c.size_bytes, _BLOB.c.chunks,
                                    _BLOB.c.media_type).where(_BLOB.c.sha256 == sha256)).first()
    return None if row is None else BlobInfo(row[0], int(row[1]), int(row[2]), row[3])


def write_blob(session: Session, sha256: str, chunks: Iterable[bytes], *,
               media_type: str | None = None) -> bool:
    """Store the content ``chunks`` give under ``sha256``, unless it is stored already.

    ``chunks`` is consumed only when the content is new; pieces of any size are
    regrouped into ``CHUNK_BYTES`` rows. Returns True when written, False when the
    content was there. Raises ``BlobMismatchError`` (nothing kept once the caller's
    transaction rolls back) when the bytes do not hash to ``sha256``.
    """
    placeholder = {"sha256": sha256, "size_bytes": 0, "chunks": 0, "media_type": media_type,
                   "created_at": utcnow()}
    if not _insert_ignoring_duplicate(session, placeholder):
        return False
    digest, size, seq = hashlib.sha256(), 0, 0
    pending = bytearray()
    connection = session.connection()

    def flush(data: bytes) -> None:
        nonlocal seq
        connection.execute(_CHUNK.insert(), {"sha256": sha256, "seq": seq, "data": data})
        seq += 1

    for piece in chunks:
        digest.update(piece)
        size += len(piece)
        if not pending and len(piece) == CHUNK_BYTES:
            flush(bytes(piece))
            continue
        pending += piece
        while len(pending) >= CHUNK_BYTES:
            flush(bytes(pending[:CHUNK_BYTES]))
            del pending[:CHUNK_BYTES]
    if pending:
        flush(bytes(pending))
    if digest.hexdigest() != sha256:
        raise BlobMismatchError("the content does not match its checksum")
    connection.execute(_BLOB.update().where(_BLOB.c.sha256 == sha256)
                       .values(size_bytes=size, chunks=seq))
    return True


def iter_blob(session: Session, info: BlobInfo) -> Iterator[bytes]:
    """The stored content's chunks in order, one query and one chunk in memory at a time."""
    query = sa.select(_CHUNK.c.data).where(_CHUNK.c.sha256 == sa.bindparam("sha"),
                                           _CHUNK.c.seq == sa.bindparam("seq"))
    for seq in range(info.chunks):
        data = session.execute(query, {"sha": info.sha256, "seq": seq}).scalar()
        if data is None:  # a chunk row gone: the content is incomplete
            raise BlobMismatchError(f"chunk {seq} of the stored content is missing")
        yield bytes(data)


def stored_hashes(session: Session, candidates: Iterable[str] | None = None) -> set[str]:
    """The hashes of stored contents (all, or those among ``candidates``)."""
    query = sa.select(_BLOB.c.sha256)
    if candidates is None:
        return set(session.scalars(query))
    wanted, found = sorted(set(candidates)), set()
    for start in range(0, len(wanted), 500):
        found |= set(session.scalars(query.where(
            _BLOB.c.sha256.in_(wanted[start:start + 500]))))
    return found


def delete_blobs(session: Session, hashes: Iterable[str]) -> int:
    """Delete stored contents (their chunks go with them); returns how many were there."""
    wanted, removed = sorted(set(hashes)), 0
    for start in range(0, len(wanted), 500):
        result = session.execute(_BLOB.delete().where(
            _BLOB.c.sha256.in_(wanted[start:start + 500])))
        removed += int(getattr(result, "rowcount", 0) or 0)
    return removed
