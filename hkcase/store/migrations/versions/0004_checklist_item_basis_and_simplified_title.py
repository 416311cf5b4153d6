"""checklist items: basis, simplified title, template id

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 03:30:39.080093
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BASIS = sa.Enum("immd", "practice", "consultant", name="basis", native_enum=False,
                create_constraint=True, length=32)


def upgrade() -> None:
    # Items that existed before templates carried a basis are treated as the consultant's own.
    with op.batch_alter_table("checklist_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title_zh_cn", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("basis", BASIS, nullable=False,
                                      server_default="consultant"))
        batch_op.add_column(sa.Column("template_id", sa.String(length=80), nullable=True))
    with op.batch_alter_table("checklist_item", schema=None) as batch_op:
        batch_op.alter_column("basis", existing_type=BASIS, server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("checklist_item", schema=None) as batch_op:
        batch_op.drop_column("template_id")
        batch_op.drop_column("basis")
        batch_op.drop_column("title_zh_cn")
