"""client: a stored sort key for Chinese names (pinyin), so lists sort by it in SQL

``client.chinese_name_key`` holds ``hkcase.domain.names.chinese_sort_key(chinese_name)``:
plain ``[0-9a-z]`` text that orders names by their pinyin (family names read as surnames),
the same under SQLite's binary collation and any PostgreSQL locale. Sorting 100,000 names
in Python takes seconds (pypinyin per name, ~20-40 µs), and the case list is sorted and
paged in SQL; an indexed column answers a page in milliseconds. The model keeps the key
in step with ``chinese_name`` (``Client``'s validator and the column's insert default);
this revision adds the column and fills it for the clients already stored.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from hkcase.domain.names import KEY_MAX, chinese_sort_key

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 5000


def upgrade() -> None:
    # A plain ADD COLUMN (no table copy on SQLite): nullable, no default.
    op.add_column("client", sa.Column("chinese_name_key", sa.String(length=KEY_MAX),
                                      nullable=True))
    bind = op.get_bind()
    client = sa.table("client", sa.column("id", sa.Integer),
                      sa.column("chinese_name", sa.String),
                      sa.column("chinese_name_key", sa.String))
    rows = bind.execute(sa.select(client.c.id, client.c.chinese_name)
                        .where(client.c.chinese_name.is_not(None))).all()
    keyed = [{"row_id": row_id, "key": chinese_sort_key(name)} for row_id, name in rows]
    statement = (client.update().where(client.c.id == sa.bindparam("row_id"))
                 .values(chinese_name_key=sa.bindparam("key")))
    for start in range(0, len(keyed), _BATCH):
        bind.execute(statement, keyed[start:start + _BATCH])
    op.create_index(op.f("ix_client_chinese_name_key"), "client", ["chinese_name_key"],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_client_chinese_name_key"), table_name="client")
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_column("chinese_name_key")
