"""search: PostgreSQL's own indexes for the search entries (full text and trigrams)

On PostgreSQL the words of ``search_entry.document`` get a GIN full-text index
(``to_tsvector('simple', document)``: the words are already folded and split,
one Chinese character a word, so the ``simple`` configuration only has to keep
them as they are, whatever the server's locale), and the number fragments a GIN
trigram index (``pg_trgm``) that serves ``LIKE '%fragment%'``. SQLite keeps its
FTS5 tables from 0007; there this revision does nothing.

``pg_trgm`` is a trusted extension (PostgreSQL 13+): the database's owner may
create it without being a superuser.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WORDS_INDEX = "ix_search_entry_words"
FRAGMENTS_INDEX = "ix_search_entry_fragments"


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _postgresql():
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    # The expression must be written exactly as store/search.py queries it.
    op.execute(f"CREATE INDEX {WORDS_INDEX} ON search_entry "
               "USING gin (to_tsvector('simple'::regconfig, document))")
    op.execute(f"CREATE INDEX {FRAGMENTS_INDEX} ON search_entry "
               "USING gin (fragments gin_trgm_ops)")


def downgrade() -> None:
    if not _postgresql():
        return
    op.execute(f"DROP INDEX IF EXISTS {FRAGMENTS_INDEX}")
    op.execute(f"DROP INDEX IF EXISTS {WORDS_INDEX}")
    # The extension stays: other databases' objects or a DBA's may use it.
