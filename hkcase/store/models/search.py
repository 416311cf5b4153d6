"""The text clients and cases are found by (names, Chinese name, passports, IDs, references)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from hkcase.store.base import Base


class SearchEntry(Base):
    """One row per case, and one per client without a case; rebuilt when either changes.

    ``id`` is the case's id for a case's entry and minus the client's id for a
    client's entry, so the full-text index's row ids are case ids (or negated client
    ids) and a match needs no join. Deleting a client or case deletes its entries.

    ``document`` holds word tokens (Chinese characters one by one, folded to
    Simplified); ``fragments`` the entry's numbers (passports, HKID, Mainland ID,
    references) as letters and digits, matched anywhere inside. On SQLite two FTS5
    indexes (``search_fts`` on the words, ``search_fts_fragments`` with the trigram
    tokenizer on the numbers), kept in step by triggers created in migration 0007,
    make matching fast; other databases compare the text directly.
    """

    __tablename__ = "search_entry"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    client_id: Mapped[int] = mapped_column(
        sa.ForeignKey("client.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("case.id", ondelete="CASCADE"), index=True
    )
    document: Mapped[str] = mapped_column(sa.Text)
    fragments: Mapped[str] = mapped_column(sa.Text, default="")
