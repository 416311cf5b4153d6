"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 02:49:41.960732
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column(
            "action",
            sa.Enum(
                "create",
                "update",
                "delete",
                name="action",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_at"), ["at"], unique=False)
        batch_op.create_index("ix_audit_entry_subject", ["entity", "entity_id"], unique=False)

    op.create_table(
        "client",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("family_name", sa.String(length=100), nullable=False),
        sa.Column("given_names", sa.String(length=150), nullable=False),
        sa.Column("chinese_name", sa.String(length=50), nullable=True),
        sa.Column(
            "sex",
            sa.Enum(
                "F", "M", "X", name="sex", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("nationality", sa.String(length=2), nullable=False),
        sa.Column(
            "residence",
            sa.Enum(
                "mainland_china",
                "hong_kong",
                "macao",
                "taiwan",
                "overseas",
                name="residence",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("hkid", sa.String(length=12), nullable=True),
        sa.Column("mainland_id", sa.String(length=18), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(nationality) = 2", name=op.f("ck_client_nationality_alpha2")),
        sa.CheckConstraint(
            "length(trim(family_name)) > 0", name=op.f("ck_client_family_name_present")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client")),
    )
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_chinese_name"), ["chinese_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_client_hkid"), ["hkid"], unique=False)
        batch_op.create_index("ix_client_identity", ["family_name", "date_of_birth"], unique=False)
        batch_op.create_index(batch_op.f("ix_client_mainland_id"), ["mainland_id"], unique=False)
        batch_op.create_index("ix_client_name", ["family_name", "given_names"], unique=False)

    op.create_table(
        "consultant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultant")),
        sa.UniqueConstraint("name", name=op.f("uq_consultant_name")),
    )
    op.create_table(
        "counter",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counter")),
    )
    op.create_table(
        "case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=20), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "scheme",
            sa.Enum(
                "ASMTP",
                "GEP",
                "QMAS_GPT",
                "QMAS_ABPT",
                "TTPS",
                "TECHTAS",
                "IANG",
                "ASSG",
                "NEW_CIES",
                "DEPENDANT",
                name="scheme",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "application_type",
            sa.Enum(
                "new",
                "extension",
                "change_of_employment",
                "dependant",
                "permanent_residence",
                name="application_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "stage",
            sa.Enum(
                "intake",
                "preparing",
                "submitted",
                "decided",
                "closed",
                name="stage",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "outcome",
            sa.Enum(
                "pending",
                "approved",
                "refused",
                "withdrawn",
                name="outcome",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("immd_file_ref", sa.String(length=40), nullable=True),
        sa.Column("employer", sa.String(length=200), nullable=True),
        sa.Column("sponsor_case_id", sa.Integer(), nullable=True),
        sa.Column("consultant_id", sa.Integer(), nullable=True),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("contract_end", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "outcome = 'pending' OR stage IN ('decided', 'closed')",
            name=op.f("ck_case_outcome_needs_decision"),
        ),
        sa.CheckConstraint(
            "closed_on IS NULL OR closed_on >= opened_on", name=op.f("ck_case_closed_after_opened")
        ),
        sa.CheckConstraint(
            "decided_on IS NULL OR submitted_on IS NULL OR decided_on >= submitted_on",
            name=op.f("ck_case_decided_after_submitted"),
        ),
        sa.CheckConstraint("sponsor_case_id <> id", name=op.f("ck_case_not_own_sponsor")),
        sa.CheckConstraint(
            "submitted_on IS NULL OR submitted_on >= opened_on",
            name=op.f("ck_case_submitted_after_opened"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_case_client_id_client"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["consultant.id"],
            name=op.f("fk_case_consultant_id_consultant"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["sponsor_case_id"],
            ["case.id"],
            name=op.f("fk_case_sponsor_case_id_case"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case")),
        sa.UniqueConstraint("reference", name=op.f("uq_case_reference")),
    )
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_consultant_id"), ["consultant_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_immd_file_ref"), ["immd_file_ref"], unique=False)
        batch_op.create_index("ix_case_scheme_stage", ["scheme", "stage"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_case_sponsor_case_id"), ["sponsor_case_id"], unique=False
        )

    op.create_table(
        "education",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "secondary",
                "sub_degree",
                "bachelor",
                "master",
                "doctorate",
                "other",
                name="level",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("institution", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("field_of_study", sa.String(length=200), nullable=True),
        sa.Column("full_time", sa.Boolean(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("award_date", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "start_date IS NULL OR award_date IS NULL OR award_date >= start_date",
            name=op.f("ck_education_award_after_start"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_education_client_id_client"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_education")),
    )
    with op.batch_alter_table("education", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_education_client_id"), ["client_id"], unique=False)

    op.create_table(
        "employment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("employer", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("industry", sa.String(length=100), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("full_time", sa.Boolean(), nullable=False),
        sa.Column("senior_role", sa.Boolean(), nullable=False),
        sa.Column("multinational", sa.Boolean(), nullable=False),
        sa.Column("annual_income_hkd", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(
            "annual_income_hkd IS NULL OR annual_income_hkd >= 0",
            name=op.f("ck_employment_income_not_negative"),
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_employment_end_after_start")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_employment_client_id_client"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employment")),
    )
    with op.batch_alter_table("employment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_employment_client_id"), ["client_id"], unique=False)

    op.create_table(
        "relationship",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sponsor_id", sa.Integer(), nullable=False),
        sa.Column("dependant_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "spouse",
                "same_sex_spouse",
                "civil_partner",
                "child",
                "parent",
                "other",
                name="kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("since", sa.Date(), nullable=True),
        sa.CheckConstraint("sponsor_id <> dependant_id", name=op.f("ck_relationship_not_self")),
        sa.ForeignKeyConstraint(
            ["dependant_id"],
            ["client.id"],
            name=op.f("fk_relationship_dependant_id_client"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sponsor_id"],
            ["client.id"],
            name=op.f("fk_relationship_sponsor_id_client"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relationship")),
        sa.UniqueConstraint(
            "sponsor_id", "dependant_id", name=op.f("uq_relationship_sponsor_id_dependant_id")
        ),
    )
    with op.batch_alter_table("relationship", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_relationship_dependant_id"), ["dependant_id"], unique=False
        )

    op.create_table(
        "travel_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "doc_type",
            sa.Enum(
                "passport",
                "prc_passport",
                "prc_exit_entry_permit",
                "taiwan_entry_permit",
                "document_of_identity",
                "other",
                name="doc_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("issuing_country", sa.String(length=2), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=True),
        sa.Column("expiry_date", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "issue_date IS NULL OR expiry_date IS NULL OR expiry_date > issue_date",
            name=op.f("ck_travel_document_expiry_after_issue"),
        ),
        sa.CheckConstraint(
            "length(trim(number)) > 0", name=op.f("ck_travel_document_number_present")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_travel_document_client_id_client"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_travel_document")),
    )
    with op.batch_alter_table("travel_document", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_travel_document_client_id"), ["client_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_travel_document_expiry_date"), ["expiry_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_travel_document_number"), ["number"], unique=False)

    op.create_table(
        "checklist_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title_en", sa.String(length=300), nullable=False),
        sa.Column("title_zh", sa.String(length=300), nullable=True),
        sa.Column("form_no", sa.String(length=20), nullable=True),
        sa.Column("mandatory", sa.Boolean(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "missing",
                "requested",
                "received",
                "reviewed",
                "accepted",
                "rejected",
                "not_applicable",
                name="state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case.id"],
            name=op.f("fk_checklist_item_case_id_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_item")),
        sa.UniqueConstraint("case_id", "code", name=op.f("uq_checklist_item_case_id_code")),
    )
    op.create_table(
        "eligibility_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "scheme",
            sa.Enum(
                "ASMTP",
                "GEP",
                "QMAS_GPT",
                "QMAS_ABPT",
                "TTPS",
                "TECHTAS",
                "IANG",
                "ASSG",
                "NEW_CIES",
                "DEPENDANT",
                name="scheme",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("assessment_date", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("rule_set_id", sa.String(length=80), nullable=False),
        sa.Column("rule_set_effective_from", sa.Date(), nullable=False),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case.id"],
            name=op.f("fk_eligibility_run_case_id_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_eligibility_run")),
    )
    with op.batch_alter_table("eligibility_run", schema=None) as batch_op:
        batch_op.create_index("ix_eligibility_run_case", ["case_id", "created_at"], unique=False)

    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "note",
                "activity",
                name="kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("author", sa.String(length=100), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "case_id IS NOT NULL OR client_id IS NOT NULL", name=op.f("ck_note_has_subject")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_note_case_id_case"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_note_client_id_client"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note")),
    )
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.create_index("ix_note_case", ["case_id", "created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_note_client_id"), ["client_id"], unique=False)

    op.create_table(
        "stay",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("extension_number", sa.Integer(), nullable=False),
        sa.Column("granted_on", sa.Date(), nullable=False),
        sa.Column("entry_date", sa.Date(), nullable=True),
        sa.Column("limit_of_stay", sa.Date(), nullable=False),
        sa.Column("condition_of_stay", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "entry_date IS NULL OR limit_of_stay > entry_date",
            name=op.f("ck_stay_limit_after_entry"),
        ),
        sa.CheckConstraint("extension_number >= 0", name=op.f("ck_stay_extension_not_negative")),
        sa.CheckConstraint("limit_of_stay > granted_on", name=op.f("ck_stay_limit_after_grant")),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_stay_case_id_case"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stay")),
        sa.UniqueConstraint(
            "case_id", "extension_number", name=op.f("uq_stay_case_id_extension_number")
        ),
    )
    with op.batch_alter_table("stay", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stay_limit_of_stay"), ["limit_of_stay"], unique=False)

    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checklist_item_id", sa.Integer(), nullable=False),
        sa.Column("version_no", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("stored_path", sa.String(length=500), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("expiry_date", sa.Date(), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(), nullable=False),
        sa.Column("uploaded_by", sa.String(length=100), nullable=True),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_document_sha256_length")),
        sa.CheckConstraint("size_bytes >= 0", name=op.f("ck_document_size_not_negative")),
        sa.CheckConstraint("version_no >= 1", name=op.f("ck_document_version_positive")),
        sa.ForeignKeyConstraint(
            ["checklist_item_id"],
            ["checklist_item.id"],
            name=op.f("fk_document_checklist_item_id_checklist_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
        sa.UniqueConstraint(
            "checklist_item_id", "version_no", name=op.f("uq_document_checklist_item_id_version_no")
        ),
    )
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_expiry_date"), ["expiry_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_document_sha256"), ["sha256"], unique=False)

    op.create_table(
        "reminder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("stay_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "before_limit",
                "window_opens",
                "final_week",
                "travel_document_expiry",
                "document_expiry",
                "sponsor_limit_changed",
                "permanent_residence",
                name="kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "pending",
                "snoozed",
                "done",
                "dismissed",
                name="state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("snoozed_until", sa.Date(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "state <> 'snoozed' OR snoozed_until IS NOT NULL",
            name=op.f("ck_reminder_snooze_has_date"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case.id"], name=op.f("fk_reminder_case_id_case"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["stay_id"], ["stay.id"], name=op.f("fk_reminder_stay_id_stay"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder")),
        sa.UniqueConstraint("key", name=op.f("uq_reminder_key")),
    )
    with op.batch_alter_table("reminder", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reminder_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_reminder_due", ["state", "due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_reminder_stay_id"), ["stay_id"], unique=False)

    # Seeded so that allocating a reference is always an UPDATE, never a racing INSERT.
    counter = sa.table("counter", sa.column("name", sa.String), sa.column("value", sa.BigInteger))
    op.bulk_insert(counter, [{"name": "case_reference", "value": 0}])


def downgrade() -> None:

    with op.batch_alter_table("reminder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reminder_stay_id"))
        batch_op.drop_index("ix_reminder_due")
        batch_op.drop_index(batch_op.f("ix_reminder_case_id"))

    op.drop_table("reminder")
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_sha256"))
        batch_op.drop_index(batch_op.f("ix_document_expiry_date"))

    op.drop_table("document")
    with op.batch_alter_table("stay", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stay_limit_of_stay"))

    op.drop_table("stay")
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_client_id"))
        batch_op.drop_index("ix_note_case")

    op.drop_table("note")
    with op.batch_alter_table("eligibility_run", schema=None) as batch_op:
        batch_op.drop_index("ix_eligibility_run_case")

    op.drop_table("eligibility_run")
    op.drop_table("checklist_item")
    with op.batch_alter_table("travel_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_travel_document_number"))
        batch_op.drop_index(batch_op.f("ix_travel_document_expiry_date"))
        batch_op.drop_index(batch_op.f("ix_travel_document_client_id"))

    op.drop_table("travel_document")
    with op.batch_alter_table("relationship", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_relationship_dependant_id"))

    op.drop_table("relationship")
    with op.batch_alter_table("employment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_employment_client_id"))

    op.drop_table("employment")
    with op.batch_alter_table("education", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_education_client_id"))

    op.drop_table("education")
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_sponsor_case_id"))
        batch_op.drop_index("ix_case_scheme_stage")
        batch_op.drop_index(batch_op.f("ix_case_immd_file_ref"))
        batch_op.drop_index(batch_op.f("ix_case_consultant_id"))
        batch_op.drop_index(batch_op.f("ix_case_client_id"))

    op.drop_table("case")
    op.drop_table("counter")
    op.drop_table("consultant")
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_index("ix_client_name")
        batch_op.drop_index(batch_op.f("ix_client_mainland_id"))
        batch_op.drop_index("ix_client_identity")
        batch_op.drop_index(batch_op.f("ix_client_hkid"))
        batch_op.drop_index(batch_op.f("ix_client_chinese_name"))

    op.drop_table("client")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_entry_subject")
        batch_op.drop_index(batch_op.f("ix_audit_entry_at"))

    op.drop_table("audit_entry")
