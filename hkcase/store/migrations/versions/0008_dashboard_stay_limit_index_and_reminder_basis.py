"""dashboard: each case's latest limit of stay from one index; what reminders were planned from

``stay(case_id, limit_of_stay)`` lets the dashboard take each case's current limit
of stay (its latest) from an index alone, at query time, instead of a column every
writer would have to keep. ``reminder_basis`` holds, per client, a fingerprint of
the facts its reminders were last planned from, and ``reminder_refresh`` the plan
(lead times, rules) they were planned with: a refresh re-plans only the clients
whose fingerprint changed, whoever changed their records.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_stay_case_id_limit_of_stay", "stay", ["case_id", "limit_of_stay"])
    op.create_table(
        "reminder_basis",
        sa.Column("client_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("fingerprint", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("client_id", name=op.f("pk_reminder_basis")),
    )
    op.create_table(
        "reminder_refresh",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("plan", sa.String(length=64), nullable=False),
        sa.Column("refreshed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_refresh")),
    )


def downgrade() -> None:
    op.drop_table("reminder_refresh")
    op.drop_table("reminder_basis")
    op.drop_index("ix_stay_case_id_limit_of_stay", table_name="stay")
