"""The facts a case holds for its eligibility, and the consultant's overrides of facts.

One ``case_facts`` row per case, grouped as ImmD's forms group them. The
employer's name and the contract's end are the case's own ``employer`` and
``contract_end`` (one field each, so the stay estimate's contract cap reads the
same date). Changes bump the case's ``version`` (optimistic locking is the case's).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from hkcase.domain.case_facts import (
    Campus,
    DependantRelationship,
    HkQualificationLevel,
    IncomeSource,
    MaritalStatus,
    MarketLevel,
    Place,
    SalaryPeriod,
    SponsorStatus,
)
from hkcase.store.base import Base, enum_type, utcnow

MAX_HKD = 10**12  # HK$1 trillion: anything above is a typing slip


def _money_checks(*names: str) -> list[sa.CheckConstraint]:
    return [sa.CheckConstraint(f"{n} IS NULL OR ({n} >= 0 AND {n} <= {MAX_HKD})",
                               name=f"{n}_range") for n in names]


class CaseFacts(Base):
    """Job offer, declarations, background and scheme-specific facts of one case."""

    __tablename__ = "case_facts"
    __table_args__ = (
        *_money_checks("salary_hkd", "package_hkd", "cies_net_assets_hkd",
                       "cies_planned_investment_hkd", "cies_portfolio_hkd"),
        sa.CheckConstraint("months_resided_overseas IS NULL OR "
                           "(months_resided_overseas >= 0 AND months_resided_overseas <= 960)",
                           name="months_resided_overseas_range"),
        sa.CheckConstraint("ttps_shareholding_pct IS NULL OR "
                           "(ttps_shareholding_pct >= 0 AND ttps_shareholding_pct <= 100)",
                           name="ttps_shareholding_pct_range"),
        sa.CheckConstraint("salary_hkd IS NULL OR salary_period IS NOT NULL",
                           name="salary_has_period"),
    )

    case_id: Mapped[int] = mapped_column(sa.ForeignKey("case.id", ondelete="CASCADE"),
                                         primary_key=True)
    # Job offer / employment in Hong Kong
    job_offer: Mapped[bool | None] = mapped_column()
    employer_br_number: Mapped[str | None] = mapped_column(sa.String(20))
    position: Mapped[str | None] = mapped_column(sa.String(200))
    salary_hkd: Mapped[int | None] = mapped_column(sa.BigInteger)
    salary_period: Mapped[SalaryPeriod | None] = mapped_column(
        enum_type(SalaryPeriod, "salary_period"))
    package_hkd: Mapped[int | None] = mapped_column(sa.BigInteger)
    start_date: Mapped[date | None] = mapped_column()
    full_time: Mapped[bool | None] = mapped_column()
    at_degree_level: Mapped[bool | None] = mapped_column()
    relevant_to_qualifications: Mapped[bool | None] = mapped_column()
    market_level: Mapped[MarketLevel | None] = mapped_column(
        enum_type(MarketLevel, "market_level"))
    # Declarations
    criminal_record: Mapped[bool | None] = mapped_column()
    security_objection: Mapped[bool | None] = mapped_column()
    self_supporting: Mapped[bool | None] = mapped_column()
    declared_on: Mapped[date | None] = mapped_column()
    # Background
    languages: Mapped[list[str] | None] = mapped_column(sa.JSON)
    marital_status: Mapped[MaritalStatus | None] = mapped_column(
        enum_type(MaritalStatus, "marital_status"))
    overseas_permanent_residence: Mapped[bool | None] = mapped_column()
    months_resided_overseas: Mapped[int | None] = mapped_column()
    applying_from: Mapped[Place | None] = mapped_column(enum_type(Place, "applying_from"))
    # IANG
    iang_level: Mapped[HkQualificationLevel | None] = mapped_column(
        enum_type(HkQualificationLevel, "iang_level"))
    iang_full_time_locally_accredited: Mapped[bool | None] = mapped_column()
    iang_ugc_funded: Mapped[bool | None] = mapped_column()
    iang_campus: Mapped[Campus | None] = mapped_column(enum_type(Campus, "iang_campus"))
    iang_entered_as_student: Mapped[bool | None] = mapped_column()
    # QMAS
    qmas_achievement_evidence: Mapped[str | None] = mapped_column(sa.Text)
    # New CIES
    cies_net_assets_hkd: Mapped[int | None] = mapped_column(sa.BigInteger)
    cies_planned_investment_hkd: Mapped[int | None] = mapped_column(sa.BigInteger)
    cies_portfolio_hkd: Mapped[int | None] = mapped_column(sa.BigInteger)
    # TechTAS
    techtas_itc_quota: Mapped[bool | None] = mapped_column()
    techtas_rd_area: Mapped[str | None] = mapped_column(sa.String(100))
    # TTPS
    ttps_income_source: Mapped[IncomeSource | None] = mapped_column(
        enum_type(IncomeSource, "ttps_income_source"))
    ttps_shareholding_pct: Mapped[float | None] = mapped_column(sa.Float)
    # Dependants
    dependant_relationship: Mapped[DependantRelationship | None] = mapped_column(
        enum_type(DependantRelationship, "dependant_relationship"))
    dependant_sponsor_status: Mapped[SponsorStatus | None] = mapped_column(
        enum_type(SponsorStatus, "dependant_sponsor_status"))
    dependant_legally_recognised: Mapped[bool | None] = mapped_column()
    dependant_dependent_on_sponsor: Mapped[bool | None] = mapped_column()
    dependant_sponsor_can_support: Mapped[bool | None] = mapped_column()

    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str | None] = mapped_column(sa.String(100))


class CaseFactOverride(Base):
    """A consultant's override of one eligibility fact on one case (kept with the case)."""

    __tablename__ = "case_fact_override"
    __table_args__ = (
        sa.UniqueConstraint("case_id", "name"),
        sa.CheckConstraint("length(name) > 0", name="name_present"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("case.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(sa.String(80))
    value: Mapped[Any] = mapped_column(sa.JSON)
    set_by: Mapped[str | None] = mapped_column(sa.String(100))
    set_at: Mapped[datetime] = mapped_column(default=utcnow)
