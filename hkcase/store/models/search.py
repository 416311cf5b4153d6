"""The text each case is found by (names, Chinese name, passports, IDs, references)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from hkcase.store.base import Base


class SearchEntry(Base):
    """One row per case, rebuilt by the services whenever what it is found by changes.

    On SQLite an FTS5 index (``search_fts``, kept in step by triggers created in
    migration 0003) makes matching fast; other databases match the text directly.
    """

    __tablename__ = "search_entry"

    case_id: Mapped[int] = mapped_column(
        sa.ForeignKey("case.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    document: Mapped[str] = mapped_column(sa.Text)
