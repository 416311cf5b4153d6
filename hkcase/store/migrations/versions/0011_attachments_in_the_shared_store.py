"""attachments: file content in the database, for the shared store on PostgreSQL

``attachment_blob`` holds one row per distinct attached content (its sha256, as
``document.sha256``), ``attachment_chunk`` its bytes in rows of at most 1 MiB, so
a file is streamed in and out a chunk at a time. hkcase writes them on PostgreSQL
only (the desktops of an office share the database, not a folder); on SQLite the
tables are created too, so both schemas stay the same, and stay empty. On
PostgreSQL the chunks are stored ``EXTERNAL`` (out of line, not compressed again).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachment_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("chunks", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("chunks >= 0", name=op.f("ck_attachment_blob_chunks_not_negative")),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_attachment_blob_sha256_length")),
        sa.CheckConstraint("size_bytes >= 0",
                           name=op.f("ck_attachment_blob_size_not_negative")),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_blob")),
    )
    op.create_table(
        "attachment_chunk",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("seq >= 0", name=op.f("ck_attachment_chunk_seq_not_negative")),
        sa.ForeignKeyConstraint(["sha256"], ["attachment_blob.sha256"],
                                name=op.f("fk_attachment_chunk_sha256_attachment_blob"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("sha256", "seq", name=op.f("pk_attachment_chunk")),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Scans and PDFs are compressed already: keep the chunks out of line, uncompressed
        # (no CPU spent trying to compress them again on every write).
        op.execute("ALTER TABLE attachment_chunk ALTER COLUMN data SET STORAGE EXTERNAL")


def downgrade() -> None:
    op.drop_table("attachment_chunk")
    op.drop_table("attachment_blob")
