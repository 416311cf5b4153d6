"""stay: the limit_of_stay index also holds case_id, for the case list's deadline filters

``ix_stay_limit_of_stay_case_id`` on ``stay(limit_of_stay, case_id)``: a deadline
filter takes the cases whose limit falls in its range from the index alone
(``store/queries/case_list.py``). "Limit of stay passed" has no lower bound; at 100,000
cases it reads some 36,000 past limits, and looking each one's stay row up from
``ix_stay_limit_of_stay`` cost more than the rest of the query. The single-column index
stays (the schema tests name it), though this one answers everything it did.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_stay_limit_of_stay_case_id", "stay", ["limit_of_stay", "case_id"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_stay_limit_of_stay_case_id", table_name="stay")
