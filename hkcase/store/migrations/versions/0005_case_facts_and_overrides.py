"""case facts and fact overrides kept with the case; demo clients marked; TTPS-list
confirmations kept with the education record

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MAX_HKD = 10**12


def _range(name: str, high: int) -> sa.CheckConstraint:
    return sa.CheckConstraint(f"{name} IS NULL OR ({name} >= 0 AND {name} <= {high})",
                              name=op.f(f"ck_case_facts_{name}_range"))


def upgrade() -> None:
    op.create_table(
        "case_fact_override",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("set_by", sa.String(length=100), nullable=True),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(name) > 0", name=op.f("ck_case_fact_override_name_present")),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case.id"],
            name=op.f("fk_case_fact_override_case_id_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_fact_override")),
        sa.UniqueConstraint("case_id", "name", name=op.f("uq_case_fact_override_case_id_name")),
    )
    op.create_table(
        "case_facts",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("job_offer", sa.Boolean(), nullable=True),
        sa.Column("employer_br_number", sa.String(length=20), nullable=True),
        sa.Column("position", sa.String(length=200), nullable=True),
        sa.Column("salary_hkd", sa.BigInteger(), nullable=True),
        sa.Column(
            "salary_period",
            sa.Enum(
                "monthly",
                "annual",
                name="salary_period",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("package_hkd", sa.BigInteger(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("full_time", sa.Boolean(), nullable=True),
        sa.Column("at_degree_level", sa.Boolean(), nullable=True),
        sa.Column("relevant_to_qualifications", sa.Boolean(), nullable=True),
        sa.Column(
            "market_level",
            sa.Enum(
                "yes",
                "no",
                "not_assessed",
                name="market_level",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("criminal_record", sa.Boolean(), nullable=True),
        sa.Column("security_objection", sa.Boolean(), nullable=True),
        sa.Column("self_supporting", sa.Boolean(), nullable=True),
        sa.Column("declared_on", sa.Date(), nullable=True),
        sa.Column("languages", sa.JSON(), nullable=True),
        sa.Column(
            "marital_status",
            sa.Enum(
                "single",
                "married",
                "civil_partnership",
                "separated",
                "divorced",
                "widowed",
                name="marital_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("overseas_permanent_residence", sa.Boolean(), nullable=True),
        sa.Column("months_resided_overseas", sa.Integer(), nullable=True),
        sa.Column(
            "applying_from",
            sa.Enum(
                "mainland_china",
                "hong_kong",
                "macao",
                "taiwan",
                "overseas",
                name="applying_from",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "iang_level",
            sa.Enum(
                "sub_degree",
                "bachelor",
                "master",
                "doctorate",
                "exchange",
                name="iang_level",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("iang_full_time_locally_accredited", sa.Boolean(), nullable=True),
        sa.Column("iang_ugc_funded", sa.Boolean(), nullable=True),
        sa.Column(
            "iang_campus",
            sa.Enum(
                "hong_kong",
                "greater_bay_area",
                name="iang_campus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("iang_entered_as_student", sa.Boolean(), nullable=True),
        sa.Column("qmas_achievement_evidence", sa.Text(), nullable=True),
        sa.Column("cies_net_assets_hkd", sa.BigInteger(), nullable=True),
        sa.Column("cies_planned_investment_hkd", sa.BigInteger(), nullable=True),
        sa.Column("cies_portfolio_hkd", sa.BigInteger(), nullable=True),
        sa.Column("techtas_itc_quota", sa.Boolean(), nullable=True),
        sa.Column("techtas_rd_area", sa.String(length=100), nullable=True),
        sa.Column(
            "ttps_income_source",
            sa.Enum(
                "salary",
                "own_company_profit",
                "investment",
                name="ttps_income_source",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("ttps_shareholding_pct", sa.Float(), nullable=True),
        sa.Column(
            "dependant_relationship",
            sa.Enum(
                "spouse",
                "same_sex_spouse",
                "civil_partner",
                "de_facto_partner",
                "child",
                "parent",
                name="dependant_relationship",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "dependant_sponsor_status",
            sa.Enum(
                "permanent_resident",
                "unconditional_stay",
                "employment_visa",
                "investment_visa",
                "student_visa",
                "other",
                name="dependant_sponsor_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("dependant_legally_recognised", sa.Boolean(), nullable=True),
        sa.Column("dependant_dependent_on_sponsor", sa.Boolean(), nullable=True),
        sa.Column("dependant_sponsor_can_support", sa.Boolean(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        _range("cies_net_assets_hkd", MAX_HKD),
        _range("cies_planned_investment_hkd", MAX_HKD),
        _range("cies_portfolio_hkd", MAX_HKD),
        _range("months_resided_overseas", 960),
        _range("package_hkd", MAX_HKD),
        _range("salary_hkd", MAX_HKD),
        sa.CheckConstraint(
            "salary_hkd IS NULL OR salary_period IS NOT NULL",
            name=op.f("ck_case_facts_salary_has_period"),
        ),
        _range("ttps_shareholding_pct", 100),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_case_facts_case_id_case"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_facts")),
    )
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("is_demo", sa.Boolean(), server_default="0", nullable=False)
        )

    with op.batch_alter_table("education", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ttps_list_confirmed", sa.Boolean(), nullable=True))
        batch_op.add_column(
            sa.Column("ttps_list_confirmed_for", sa.String(length=200), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("education", schema=None) as batch_op:
        batch_op.drop_column("ttps_list_confirmed_for")
        batch_op.drop_column("ttps_list_confirmed")

    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_column("is_demo")

    op.drop_table("case_facts")
    op.drop_table("case_fact_override")
