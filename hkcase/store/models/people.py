"""A client (one person, reused across cases) and their history."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from hkcase.domain.countries import normalise_country
from hkcase.domain.ids import normalise_hkid, parse_mainland_id
from hkcase.domain.names import KEY_MAX, chinese_sort_key
from hkcase.domain.vocab import (
    EducationLevel,
    RelationshipKind,
    Residence,
    Sex,
    TravelDocumentType,
)
from hkcase.store.base import Base, Timestamps, enum_type

if TYPE_CHECKING:
    from hkcase.store.models.cases import Case


def _chinese_name_key(context: Any) -> str | None:
    """Insert default of ``client.chinese_name_key`` (Core inserts that name no key); a
    caller that evaluates defaults once for a batch (no context) must give the key itself."""
    if context is None:
        return None
    return chinese_sort_key(context.get_current_parameters().get("chinese_name"))


class Client(Timestamps, Base):
    """A person: principal applicant, dependant, or both over the years."""

    __tablename__ = "client"
    __table_args__ = (
        sa.Index("ix_client_name", "family_name", "given_names"),
        sa.Index("ix_client_identity", "family_name", "date_of_birth"),
        sa.CheckConstraint("length(nationality) = 2", name="nationality_alpha2"),
        sa.CheckConstraint("length(trim(family_name)) > 0", name="family_name_present"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    family_name: Mapped[str] = mapped_column(sa.String(100))
    given_names: Mapped[str] = mapped_column(sa.String(150), default="")
    chinese_name: Mapped[str | None] = mapped_column(sa.String(50), index=True)
    # The order of the Chinese name (domain/names.py: pinyin), for lists sorted in SQL;
    # kept in step by ``_key_chinese_name`` (migration 0012).
    chinese_name_key: Mapped[str | None] = mapped_column(sa.String(KEY_MAX), index=True,
                                                         default=_chinese_name_key)
    sex: Mapped[Sex] = mapped_column(enum_type(Sex, "sex"))
    date_of_birth: Mapped[date] = mapped_column()
    nationality: Mapped[str] = mapped_column(sa.String(2))
    residence: Mapped[Residence] = mapped_column(enum_type(Residence, "residence"))
    hkid: Mapped[str | None] = mapped_column(sa.String(12), index=True)
    mainland_id: Mapped[str | None] = mapped_column(sa.String(18), index=True)
    email: Mapped[str | None] = mapped_column(sa.String(200))
    phone: Mapped[str | None] = mapped_column(sa.String(50))
    address: Mapped[str | None] = mapped_column(sa.Text)
    notes: Mapped[str | None] = mapped_column(sa.Text)
    # Synthetic clients made by ``hkcase demo`` (``hkcase demo --remove`` deletes them).
    is_demo: Mapped[bool] = mapped_column(default=False, server_default="0")
    version: Mapped[int] = mapped_column(default=1)

    travel_documents: Mapped[list[TravelDocument]] = relationship(
        back_populates="client", cascade="all, delete-orphan", passive_deletes=True
    )
    education: Mapped[list[Education]] = relationship(
        back_populates="client", cascade="all, delete-orphan", passive_deletes=True
    )
    employment: Mapped[list[Employment]] = relationship(
        back_populates="client", cascade="all, delete-orphan", passive_deletes=True
    )
    cases: Mapped[list[Case]] = relationship(back_populates="client")

    __mapper_args__ = {"version_id_col": version}

    @validates("family_name")
    def _capitalise_family_name(self, _key: str, value: str) -> str:
        # As on the passport's machine-readable line: CHAN, not Chan.
        return value.strip().upper()

    @validates("hkid")
    def _check_hkid(self, _key: str, value: str | None) -> str | None:
        return normalise_hkid(value) if value else None

    @validates("mainland_id")
    def _check_mainland_id(self, _key: str, value: str | None) -> str | None:
        return parse_mainland_id(value).number if value else None

    @validates("nationality")
    def _check_nationality(self, _key: str, value: str) -> str:
        return normalise_country(value)

    @validates("chinese_name")
    def _key_chinese_name(self, _key: str, value: str | None) -> str | None:
        if isinstance(self, Client):  # imports' ``bulk.checked`` runs the hooks with no object
            self.chinese_name_key = chinese_sort_key(value)
        return value


class TravelDocument(Base):
    """A passport or permit; a client may hold several over time."""

    __tablename__ = "travel_document"
    __table_args__ = (
        sa.CheckConstraint(
            "issue_date IS NULL OR expiry_date IS NULL OR expiry_date > issue_date",
            name="expiry_after_issue",
        ),
        sa.CheckConstraint("length(trim(number)) > 0", name="number_present"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(
        sa.ForeignKey("client.id", ondelete="CASCADE"), index=True
    )
    doc_type: Mapped[TravelDocumentType] = mapped_column(
        enum_type(TravelDocumentType, "doc_type")
    )
    number: Mapped[str] = mapped_column(sa.String(30), index=True)
    issuing_country: Mapped[str] = mapped_column(sa.String(2))
    issue_date: Mapped[date | None] = mapped_column()
    expiry_date: Mapped[date | None] = mapped_column(index=True)

    client: Mapped[Client] = relationship(back_populates="travel_documents")

    @validates("number")
    def _clean_number(self, _key: str, value: str) -> str:
        return "".join(value.split()).upper()

    @validates("issuing_country")
    def _check_country(self, _key: str, value: str) -> str:
        return normalise_country(value)


class Education(Base):
    """A qualification obtained or being studied for."""

    __tablename__ = "education"
    __table_args__ = (
        sa.CheckConstraint(
            "start_date IS NULL OR award_date IS NULL OR award_date >= start_date",
            name="award_after_start",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(
        sa.ForeignKey("client.id", ondelete="CASCADE"), index=True
    )
    level: Mapped[EducationLevel] = mapped_column(enum_type(EducationLevel, "level"))
    institution: Mapped[str] = mapped_column(sa.String(200))
    country: Mapped[str | None] = mapped_column(sa.String(2))
    field_of_study: Mapped[str | None] = mapped_column(sa.String(200))
    full_time: Mapped[bool | None] = mapped_column()
    start_date: Mapped[date | None] = mapped_column()
    award_date: Mapped[date | None] = mapped_column()
    # The consultant's answer when the institution's name matched the TTPS list only
    # loosely: on the list or not, and the name it was given for (a renamed
    # institution asks again).
    ttps_list_confirmed: Mapped[bool | None] = mapped_column()
    ttps_list_confirmed_for: Mapped[str | None] = mapped_column(sa.String(200))

    client: Mapped[Client] = relationship(back_populates="education")


class Employment(Base):
    """A job held; ``end_date`` empty for the current one."""

    __tablename__ = "employment"
    __table_args__ = (
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name="end_after_start"
        ),
        sa.CheckConstraint(
            "annual_income_hkd IS NULL OR annual_income_hkd >= 0", name="income_not_negative"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(
        sa.ForeignKey("client.id", ondelete="CASCADE"), index=True
    )
    employer: Mapped[str] = mapped_column(sa.String(200))
    position: Mapped[str | None] = mapped_column(sa.String(200))
    country: Mapped[str | None] = mapped_column(sa.String(2))
    industry: Mapped[str | None] = mapped_column(sa.String(100))
    start_date: Mapped[date] = mapped_column()
    end_date: Mapped[date | None] = mapped_column()
    full_time: Mapped[bool] = mapped_column(default=True)
    senior_role: Mapped[bool] = mapped_column(default=False)
    multinational: Mapped[bool] = mapped_column(default=False)
    annual_income_hkd: Mapped[int | None] = mapped_column(sa.BigInteger)

    client: Mapped[Client] = relationship(back_populates="employment")


class Relationship(Base):
    """Links a dependant to the sponsor they follow."""

    __tablename__ = "relationship"
    __table_args__ = (
        sa.UniqueConstraint("sponsor_id", "dependant_id"),
        sa.CheckConstraint("sponsor_id <> dependant_id", name="not_self"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sponsor_id: Mapped[int] = mapped_column(sa.ForeignKey("client.id", ondelete="CASCADE"))
    dependant_id: Mapped[int] = mapped_column(
        sa.ForeignKey("client.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[RelationshipKind] = mapped_column(enum_type(RelationshipKind, "kind"))
    since: Mapped[date | None] = mapped_column()

    sponsor: Mapped[Client] = relationship(foreign_keys=[sponsor_id])
    dependant: Mapped[Client] = relationship(foreign_keys=[dependant_id])
