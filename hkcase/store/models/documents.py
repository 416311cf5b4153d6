"""A case's checklist and the files collected against it."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hkcase.domain.vocab import ChecklistState, ItemBasis
from hkcase.store.base import Base, enum_type, utcnow


class ChecklistItem(Base):
    """One line of a case's checklist, created from the scheme's template."""

    __tablename__ = "checklist_item"
    __table_args__ = (sa.UniqueConstraint("case_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("case.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(sa.String(60))
    position: Mapped[int] = mapped_column(default=0)
    title_en: Mapped[str] = mapped_column(sa.String(300))
    title_zh: Mapped[str | None] = mapped_column(sa.String(300))
    title_zh_cn: Mapped[str | None] = mapped_column(sa.String(300))
    form_no: Mapped[str | None] = mapped_column(sa.String(20))
    mandatory: Mapped[bool] = mapped_column(default=True)
    state: Mapped[ChecklistState] = mapped_column(
        enum_type(ChecklistState, "state"), default=ChecklistState.MISSING
    )
    notes: Mapped[str | None] = mapped_column(sa.Text)
    source: Mapped[str | None] = mapped_column(sa.String(500))
    #: ImmD's own list, practice (second-hand or filling a gap), or added by the consultant.
    basis: Mapped[ItemBasis] = mapped_column(
        enum_type(ItemBasis, "basis"), default=ItemBasis.CONSULTANT
    )
    #: The template version the item came from (``gep_new@2026-11-22``); empty if added by hand.
    template_id: Mapped[str | None] = mapped_column(sa.String(80))

    documents: Mapped[list[Document]] = relationship(
        back_populates="item",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Document.version_no",
    )


class Document(Base):
    """One uploaded version of a file for a checklist item.

    The file itself lives in the attachments folder under its sha256, so the
    same scan attached twice is stored once.
    """

    __tablename__ = "document"
    __table_args__ = (
        sa.UniqueConstraint("checklist_item_id", "version_no"),
        sa.CheckConstraint("version_no >= 1", name="version_positive"),
        sa.CheckConstraint("size_bytes >= 0", name="size_not_negative"),
        sa.CheckConstraint("length(sha256) = 64", name="sha256_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    checklist_item_id: Mapped[int] = mapped_column(
        sa.ForeignKey("checklist_item.id", ondelete="CASCADE")
    )
    version_no: Mapped[int] = mapped_column(default=1)
    sha256: Mapped[str] = mapped_column(sa.String(64), index=True)
    size_bytes: Mapped[int] = mapped_column(sa.BigInteger)
    original_name: Mapped[str] = mapped_column(sa.String(255))
    stored_path: Mapped[str] = mapped_column(sa.String(500))
    media_type: Mapped[str] = mapped_column(sa.String(100))
    expiry_date: Mapped[date | None] = mapped_column(index=True)
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    uploaded_by: Mapped[str | None] = mapped_column(sa.String(100))

    item: Mapped[ChecklistItem] = relationship(back_populates="documents")
