"""Attachment content kept in the database itself (the shared store on PostgreSQL).

On PostgreSQL the desktops of an office share one database and no folder, so an
attached file's bytes live here: one ``attachment_blob`` row per distinct content
(its sha256, the key ``document.sha256`` already holds) and its bytes in
``attachment_chunk`` rows of at most 1 MiB, numbered from 0, so a 200 MB file is
written and read a chunk at a time and never sits in memory whole. The same content
attached twice is stored once. On SQLite both tables stay empty: the files are in
the data folder (``services/attachments/files.py``).

The chunks hold the plain content: access is governed by the database role's
privileges, the connection by TLS and the server's disk by whoever runs the server
(docs/ARCHITECTURE.md, "Attachments in the shared store").
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from hkcase.store.base import Base, utcnow

#: Bytes per chunk row.
CHUNK_BYTES = 1 << 20


class AttachmentBlob(Base):
    """One stored content, written whole (every chunk) in the transaction that adds it."""

    __tablename__ = "attachment_blob"
    __table_args__ = (
        sa.CheckConstraint("length(sha256) = 64", name="sha256_length"),
        sa.CheckConstraint("size_bytes >= 0", name="size_not_negative"),
        sa.CheckConstraint("chunks >= 0", name="chunks_not_negative"),
    )

    sha256: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    size_bytes: Mapped[int] = mapped_column(sa.BigInteger)
    chunks: Mapped[int] = mapped_column(sa.Integer)
    media_type: Mapped[str | None] = mapped_column(sa.String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AttachmentChunk(Base):
    """Bytes ``seq * CHUNK_BYTES`` onwards of a stored content."""

    __tablename__ = "attachment_chunk"
    __table_args__ = (sa.CheckConstraint("seq >= 0", name="seq_not_negative"),)

    sha256: Mapped[str] = mapped_column(
        sa.ForeignKey("attachment_blob.sha256", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(sa.LargeBinary)
