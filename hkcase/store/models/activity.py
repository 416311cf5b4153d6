"""What happened on a case: eligibility runs, reminders, notes and the audit trail."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from hkcase.domain.vocab import (
    AuditAction,
    NoteKind,
    ReminderKind,
    ReminderState,
    Scheme,
)
from hkcase.store.base import Base, enum_type, utcnow


class EligibilityRun(Base):
    """A kept eligibility check: the facts used, the result and the rule set."""

    __tablename__ = "eligibility_run"
    __table_args__ = (sa.Index("ix_eligibility_run_case", "case_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("case.id", ondelete="CASCADE"))
    scheme: Mapped[Scheme] = mapped_column(enum_type(Scheme, "scheme"))
    assessment_date: Mapped[date] = mapped_column()
    outcome: Mapped[str] = mapped_column(sa.String(20))
    # Empty when no rule set was in force on the assessment date (the result says why).
    rule_set_id: Mapped[str | None] = mapped_column(sa.String(80))
    rule_set_effective_from: Mapped[date | None] = mapped_column()
    inputs: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    result: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(sa.String(100))


class Reminder(Base):
    """A generated reminder; ``key`` makes regeneration idempotent."""

    __tablename__ = "reminder"
    __table_args__ = (
        sa.Index("ix_reminder_due", "state", "due_date"),
        sa.Index("ix_reminder_kind_due", "kind", "state", "due_date"),  # the dashboard
        sa.CheckConstraint(
            "state <> 'snoozed' OR snoozed_until IS NOT NULL", name="snooze_has_date"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(120), unique=True)
    case_id: Mapped[int] = mapped_column(
        sa.ForeignKey("case.id", ondelete="CASCADE"), index=True
    )
    stay_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("stay.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ReminderKind] = mapped_column(enum_type(ReminderKind, "kind"))
    due_date: Mapped[date] = mapped_column()
    state: Mapped[ReminderState] = mapped_column(
        enum_type(ReminderState, "state"), default=ReminderState.PENDING
    )
    snoozed_until: Mapped[date | None] = mapped_column()
    title: Mapped[str] = mapped_column(sa.String(300))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Note(Base):
    """A consultant's note or a recorded activity, on a case or a client."""

    __tablename__ = "note"
    __table_args__ = (
        sa.CheckConstraint(
            "case_id IS NOT NULL OR client_id IS NOT NULL", name="has_subject"
        ),
        sa.Index("ix_note_case", "case_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(sa.ForeignKey("case.id", ondelete="CASCADE"))
    client_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("client.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[NoteKind] = mapped_column(enum_type(NoteKind, "kind"), default=NoteKind.NOTE)
    author: Mapped[str | None] = mapped_column(sa.String(100))
    body: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """Who changed what and when. Kept even when the subject is deleted."""

    __tablename__ = "audit_entry"
    __table_args__ = (sa.Index("ix_audit_entry_subject", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(sa.String(100))
    action: Mapped[AuditAction] = mapped_column(enum_type(AuditAction, "action"))
    entity: Mapped[str] = mapped_column(sa.String(40))
    entity_id: Mapped[int] = mapped_column()
    changes: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    # Whose file the change belongs to (no foreign keys: entries outlive their subjects).
    # They make "every change of this client / case" one indexed query, and let a
    # retention purge find (and scrub) the identity numbers kept in ``changes``.
    client_id: Mapped[int | None] = mapped_column(index=True)
    case_id: Mapped[int | None] = mapped_column(index=True)


class TrashEntry(Base):
    """A deleted record with everything that went with it, restorable until purged.

    ``snapshot`` holds the rows as ``{"table": [row, ...]}`` plus the references
    other rows had to them (``links``), so a restore puts back the same ids.
    """

    __tablename__ = "trash_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    deleted_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    deleted_by: Mapped[str] = mapped_column(sa.String(100))
    entity: Mapped[str] = mapped_column(sa.String(40))
    entity_id: Mapped[int] = mapped_column()
    label: Mapped[str] = mapped_column(sa.String(300))
    #: What went with the record, as told in the confirmation ("2 stays", "3 files").
    contents: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    snapshot: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    client_id: Mapped[int | None] = mapped_column(index=True)
    case_id: Mapped[int | None] = mapped_column(index=True)


