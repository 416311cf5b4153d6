"""eligibility runs without a rule set

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 03:16:55.422529
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    with op.batch_alter_table("eligibility_run", schema=None) as batch_op:
        batch_op.alter_column("rule_set_id", existing_type=sa.VARCHAR(length=80), nullable=True)
        batch_op.alter_column("rule_set_effective_from", existing_type=sa.DATE(), nullable=True)


def downgrade() -> None:

    with op.batch_alter_table("eligibility_run", schema=None) as batch_op:
        batch_op.alter_column("rule_set_effective_from", existing_type=sa.DATE(), nullable=False)
        batch_op.alter_column("rule_set_id", existing_type=sa.VARCHAR(length=80), nullable=False)
