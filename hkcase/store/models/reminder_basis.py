"""What the stored reminders were planned from: a fingerprint per client, and the plan used."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from hkcase.store.base import Base, utcnow


class ReminderBasis(Base):
    """A client's fingerprint of the facts their reminders were last planned from.

    No foreign key: a deleted client's row is what tells the next refresh to look.
    """

    __tablename__ = "reminder_basis"

    client_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    fingerprint: Mapped[int] = mapped_column(sa.BigInteger)


class ReminderRefresh(Base):
    """The one row naming the plan (lead times, rules) the basis rows were computed with."""

    __tablename__ = "reminder_refresh"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    plan: Mapped[str] = mapped_column(sa.String(64))
    refreshed_at: Mapped[datetime] = mapped_column(default=utcnow)
