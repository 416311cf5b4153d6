"""search entries with an FTS5 index on SQLite

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 03:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from hkcase.domain.search_text import search_document

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS_STATEMENTS = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(document, content='search_entry', "
    "content_rowid='case_id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN "
    "INSERT INTO search_fts(rowid, document) VALUES (new.case_id, new.document); END",
    "CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, document) "
    "VALUES ('delete', old.case_id, old.document); END",
    "CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, document) "
    "VALUES ('delete', old.case_id, old.document); "
    "INSERT INTO search_fts(rowid, document) VALUES (new.case_id, new.document); END",
)


def _populate() -> None:
    """Index the cases that already exist (tokenised the way the app does)."""
    bind = op.get_bind()
    passports: dict[int, list[str]] = {}
    for client_id, number in bind.execute(sa.text(
            "SELECT client_id, number FROM travel_document")):
        passports.setdefault(client_id, []).append(number)
    rows = bind.execute(sa.text(
        'SELECT c.id, c.reference, c.immd_file_ref, k.id, k.family_name, k.given_names, '
        'k.chinese_name, k.hkid, k.mainland_id FROM "case" c JOIN client k ON k.id = c.client_id'
    )).all()
    entries = [
        {"case_id": case_id,
         "document": search_document([ref, immd, family, given, chinese, hkid, mainland,
                                      *passports.get(client_id, [])])}
        for case_id, ref, immd, client_id, family, given, chinese, hkid, mainland in rows
    ]
    if entries:
        table = sa.table("search_entry", sa.column("case_id"), sa.column("document"))
        op.bulk_insert(table, entries)


def upgrade() -> None:
    op.create_table(
        "search_entry",
        sa.Column("case_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_search_entry_case_id_case"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_search_entry")),
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in FTS_STATEMENTS:
            op.execute(statement)
    _populate()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("search_entry_ai", "search_entry_ad", "search_entry_au"):
            op.execute(f"DROP TRIGGER {name}")
        op.execute("DROP TABLE search_fts")
    op.drop_table("search_entry")
