"""search: an entry per case and per client without a case, Chinese folded, number fragments

Rebuilds the search index of existing data: clients without a case become findable,
Traditional and Simplified Chinese are folded to one form (陳 = 陈) with OpenCC, and
passport, HKID, Mainland ID and reference numbers are also indexed as fragments that
match anywhere inside (an FTS5 trigram index on SQLite).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from hkcase.domain.search_text import fragment_document, search_document

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_TRIGGERS = ("search_entry_ai", "search_entry_ad", "search_entry_au")
FTS_STATEMENTS = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(document, content='search_entry', "
    # Prefix indexes for 2- and 3-character prefixes: what search-as-you-type sends
    # first, and the slowest to expand without them (measured: "20"* twice as fast).
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
    "CREATE VIRTUAL TABLE search_fts_fragments USING fts5(fragments, content='search_entry', "
    "content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN "
    "INSERT INTO search_fts(rowid, document) VALUES (new.id, new.document); "
    "INSERT INTO search_fts_fragments(rowid, fragments) VALUES (new.id, new.fragments); END",
    "CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, document) "
    "VALUES ('delete', old.id, old.document); "
    "INSERT INTO search_fts_fragments(search_fts_fragments, rowid, fragments) "
    "VALUES ('delete', old.id, old.fragments); END",
    "CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, document) "
    "VALUES ('delete', old.id, old.document); "
    "INSERT INTO search_fts_fragments(search_fts_fragments, rowid, fragments) "
    "VALUES ('delete', old.id, old.fragments); "
    "INSERT INTO search_fts(rowid, document) VALUES (new.id, new.document); "
    "INSERT INTO search_fts_fragments(rowid, fragments) VALUES (new.id, new.fragments); END",
)
CLIENTS = ("SELECT id, family_name, given_names, chinese_name, hkid, mainland_id FROM client "
           "WHERE id > :after ORDER BY id LIMIT 2000")


def _create_entries() -> None:
    op.create_table(
        "search_entry",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("fragments", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["client.id"],
                                name=op.f("fk_search_entry_client_id_client"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_search_entry_case_id_case"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entry")),
    )
    op.create_index(op.f("ix_search_entry_client_id"), "search_entry", ["client_id"])
    op.create_index(op.f("ix_search_entry_case_id"), "search_entry", ["case_id"])


def _populate() -> None:
    """Index every client and case as the app of this revision does (``store/search.py``)."""
    bind = op.get_bind()
    table = sa.table("search_entry", sa.column("id"), sa.column("client_id"),
                     sa.column("case_id"), sa.column("document"), sa.column("fragments"))
    after = 0
    while True:
        clients = bind.execute(sa.text(CLIENTS), {"after": after}).all()
        if not clients:
            return
        after = clients[-1][0]
        ids = [row[0] for row in clients]
        passports: dict[int, list[str]] = {}
        for client_id, number in bind.execute(sa.text(
                "SELECT client_id, number FROM travel_document WHERE client_id IN :ids "
                "ORDER BY id").bindparams(sa.bindparam("ids", expanding=True)), {"ids": ids}):
            passports.setdefault(client_id, []).append(number)
        cases: dict[int, list[tuple[int, str, str | None]]] = {}
        for case_id, client_id, reference, immd in bind.execute(sa.text(
                'SELECT id, client_id, reference, immd_file_ref FROM "case" '
                "WHERE client_id IN :ids").bindparams(sa.bindparam("ids", expanding=True)),
                {"ids": ids}):
            cases.setdefault(client_id, []).append((case_id, reference, immd))
        rows = []
        for client_id, family, given, chinese, hkid, mainland in clients:
            names = [family, given, chinese]
            numbers = [hkid, mainland, *passports.get(client_id, [])]
            if client_id not in cases:  # a client of its own only while it has no case
                rows.append({"id": -client_id, "client_id": client_id, "case_id": None,
                             "document": search_document([*names, *numbers]),
                             "fragments": fragment_document(numbers)})
            for case_id, reference, immd in cases.get(client_id, []):
                own = [reference, immd, *numbers]
                rows.append({"id": case_id, "client_id": client_id, "case_id": case_id,
                             "document": search_document([*own[:2], *names, *own[2:]]),
                             "fragments": fragment_document(own)})
        op.bulk_insert(table, rows)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for name in OLD_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("search_entry")
    _create_entries()
    _populate()
    if sqlite:  # indexed once after the load: triggers row by row would be far slower
        for statement in FTS_STATEMENTS:
            op.execute(statement)
        op.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
        op.execute("INSERT INTO search_fts_fragments(search_fts_fragments) VALUES ('rebuild')")


def downgrade() -> None:
    # Back to 0003's shape: one entry per case, rebuilt by 0003's own indexing.
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for name in OLD_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_fts_fragments")
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("search_entry")
    import importlib

    previous = importlib.import_module(
        "hkcase.store.migrations.versions.0003_search_entries")
    previous.upgrade()
