"""records: trash of deleted records; audit entries know their client and case

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Audit entries written before this revision: find their client and case from the
# subjects that still exist (deleted subjects stay unassigned).
BACKFILL = (
    "UPDATE audit_entry SET client_id = entity_id WHERE entity = 'client'",
    "UPDATE audit_entry SET case_id = entity_id, client_id = (SELECT c.client_id FROM \"case\" c "
    "WHERE c.id = audit_entry.entity_id) WHERE entity = 'case'",
    "UPDATE audit_entry SET client_id = (SELECT t.client_id FROM {table} t "
    "WHERE t.id = audit_entry.entity_id) WHERE entity = '{table}'",
    "UPDATE audit_entry SET case_id = (SELECT t.case_id FROM {table} t "
    "WHERE t.id = audit_entry.entity_id) WHERE entity = '{table}'",
)
CLIENT_CHILDREN = ("travel_document", "education", "employment")
CASE_CHILDREN = ("stay", "checklist_item", "reminder", "note", "eligibility_run")


def upgrade() -> None:
    op.create_table(
        "trash_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_by", sa.String(length=100), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("contents", sa.JSON(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trash_entry")),
    )
    with op.batch_alter_table("trash_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_trash_entry_deleted_at"), ["deleted_at"])
        batch_op.create_index(batch_op.f("ix_trash_entry_client_id"), ["client_id"])
        batch_op.create_index(batch_op.f("ix_trash_entry_case_id"), ["case_id"])
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("client_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("case_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_audit_entry_client_id"), ["client_id"])
        batch_op.create_index(batch_op.f("ix_audit_entry_case_id"), ["case_id"])
    op.execute(BACKFILL[0])
    op.execute(BACKFILL[1])
    for table in CLIENT_CHILDREN:
        op.execute(BACKFILL[2].format(table=table))
    for table in CASE_CHILDREN:
        op.execute(BACKFILL[3].format(table=table))
    op.execute("UPDATE audit_entry SET client_id = (SELECT c.client_id FROM \"case\" c "
               "WHERE c.id = audit_entry.case_id) WHERE case_id IS NOT NULL "
               "AND client_id IS NULL")


def downgrade() -> None:
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_case_id"))
        batch_op.drop_index(batch_op.f("ix_audit_entry_client_id"))
        batch_op.drop_column("case_id")
        batch_op.drop_column("client_id")
    with op.batch_alter_table("trash_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trash_entry_case_id"))
        batch_op.drop_index(batch_op.f("ix_trash_entry_client_id"))
        batch_op.drop_index(batch_op.f("ix_trash_entry_deleted_at"))
    op.drop_table("trash_entry")
