"""dashboard: reminders indexed by kind, state and due date

The dashboard counts the open reminders of one kind due within 90 days
(documents, passports, seven-year milestones); without this index each count
scans every open reminder (hundreds of thousands on a large office).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_reminder_kind_due", "reminder", ["kind", "state", "due_date"])


def downgrade() -> None:
    op.drop_index("ix_reminder_kind_due", table_name="reminder")
