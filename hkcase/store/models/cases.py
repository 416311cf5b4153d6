"""Cases (one application each), their stays, consultants and reference counters."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hkcase.domain.vocab import ApplicationType, Outcome, Scheme, Stage
from hkcase.store.base import Base, Timestamps, enum_type, utcnow

if TYPE_CHECKING:
    from hkcase.store.models.people import Client


class Consultant(Base):
    """A member of the firm to whom cases are assigned."""

    __tablename__ = "consultant"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(100), unique=True)
    email: Mapped[str | None] = mapped_column(sa.String(200))
    active: Mapped[bool] = mapped_column(default=True)


class Counter(Base):
    """Named monotonic counters (case references), safe on a shared database."""

    __tablename__ = "counter"

    name: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    value: Mapped[int] = mapped_column(sa.BigInteger, default=0)


class Case(Timestamps, Base):
    """One application by one client under one scheme."""

    __tablename__ = "case"
    __table_args__ = (
        sa.Index("ix_case_scheme_stage", "scheme", "stage"),
        sa.CheckConstraint(
            "submitted_on IS NULL OR submitted_on >= opened_on", name="submitted_after_opened"
        ),
        sa.CheckConstraint(
            "decided_on IS NULL OR submitted_on IS NULL OR decided_on >= submitted_on",
            name="decided_after_submitted",
        ),
        sa.CheckConstraint(
            "closed_on IS NULL OR closed_on >= opened_on", name="closed_after_opened"
        ),
        sa.CheckConstraint(
            "outcome = 'pending' OR stage IN ('decided', 'closed')",
            name="outcome_needs_decision",
        ),
        sa.CheckConstraint("sponsor_case_id <> id", name="not_own_sponsor"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(sa.String(20), unique=True)
    client_id: Mapped[int] = mapped_column(
        sa.ForeignKey("client.id", ondelete="RESTRICT"), index=True
    )
    scheme: Mapped[Scheme] = mapped_column(enum_type(Scheme, "scheme"))
    application_type: Mapped[ApplicationType] = mapped_column(
        enum_type(ApplicationType, "application_type")
    )
    stage: Mapped[Stage] = mapped_column(enum_type(Stage, "stage"), default=Stage.INTAKE)
    outcome: Mapped[Outcome] = mapped_column(
        enum_type(Outcome, "outcome"), default=Outcome.PENDING
    )
    immd_file_ref: Mapped[str | None] = mapped_column(sa.String(40), index=True)
    employer: Mapped[str | None] = mapped_column(sa.String(200))
    sponsor_case_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("case.id", ondelete="SET NULL"), index=True
    )
    consultant_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("consultant.id", ondelete="SET NULL"), index=True
    )
    opened_on: Mapped[date] = mapped_column()
    submitted_on: Mapped[date | None] = mapped_column()
    decided_on: Mapped[date | None] = mapped_column()
    closed_on: Mapped[date | None] = mapped_column()
    contract_end: Mapped[date | None] = mapped_column()
    version: Mapped[int] = mapped_column(default=1)

    client: Mapped[Client] = relationship(back_populates="cases")
    consultant: Mapped[Consultant | None] = relationship()
    sponsor_case: Mapped[Case | None] = relationship(remote_side=[id])
    stays: Mapped[list[Stay]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Stay.extension_number",
    )

    __mapper_args__ = {"version_id_col": version}


class Stay(Base):
    """A limit of stay granted on a case, as printed on the visa label or e-Visa.

    Deadlines (extension window, reminders) are derived from these rows and
    never stored twice.
    """

    __tablename__ = "stay"
    __table_args__ = (
        sa.UniqueConstraint("case_id", "extension_number"),
        # Each case's latest limit of stay from the index alone (the dashboard's sections).
        sa.Index("ix_stay_case_id_limit_of_stay", "case_id", "limit_of_stay"),
        # Limits in a range with their cases from the index alone (the deadline filters).
        sa.Index("ix_stay_limit_of_stay_case_id", "limit_of_stay", "case_id"),
        sa.CheckConstraint("extension_number >= 0", name="extension_not_negative"),
        sa.CheckConstraint("limit_of_stay > granted_on", name="limit_after_grant"),
        sa.CheckConstraint(
            "entry_date IS NULL OR limit_of_stay > entry_date", name="limit_after_entry"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("case.id", ondelete="CASCADE"))
    extension_number: Mapped[int] = mapped_column(default=0)
    granted_on: Mapped[date] = mapped_column()
    entry_date: Mapped[date | None] = mapped_column()
    limit_of_stay: Mapped[date] = mapped_column(index=True)
    condition_of_stay: Mapped[str | None] = mapped_column(sa.String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship(back_populates="stays")
