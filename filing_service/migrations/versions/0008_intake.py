"""Schema of the intake capability: 119 reports, the children they name, dispatchers.

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "intake_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.String(length=64), nullable=False),
        sa.Column("sender_directorate_id", sa.Integer(), nullable=False),
        sa.Column("sender", sa.String(length=200), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("caller_anonymous", sa.Boolean(), nullable=False),
        sa.Column("caller_name", sa.String(length=300), nullable=True),
        sa.Column("caller_phone", sa.String(length=300), nullable=True),
        sa.Column("caller_relationship", sa.String(length=30), nullable=True),
        sa.Column("place_county", sa.String(length=300), nullable=True),
        sa.Column("place_sector", sa.Integer(), nullable=True),
        sa.Column("place_locality", sa.String(length=300), nullable=True),
        sa.Column("place_address", sa.String(length=300), nullable=True),
        sa.Column("forms", sa.JSON(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("emergency_alerted", sa.Boolean(), nullable=False),
        sa.Column("emergency_alerted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("missing", sa.JSON(), nullable=False),
        sa.Column("directorate_id", sa.Integer(), nullable=True),
        sa.Column("routing", sa.String(length=20), nullable=False),
        sa.Column("routing_reason", sa.String(length=300), nullable=True),
        sa.Column("routed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("routed_by", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["sender_directorate_id"], ["directorates.id"],
                                name=op.f("fk_intake_reports_sender_directorate_id_directorates")),
        sa.ForeignKeyConstraint(["directorate_id"], ["directorates.id"],
                                name=op.f("fk_intake_reports_directorate_id_directorates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_reports")),
        sa.UniqueConstraint("sender_directorate_id", "call_id",
                            name=op.f("uq_intake_reports_sender_directorate_id_call_id")),
    )
    with op.batch_alter_table("intake_reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_intake_reports_sender_directorate_id"),
                              ["sender_directorate_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_intake_reports_directorate_id"),
                              ["directorate_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_intake_reports_urgent"), ["urgent"], unique=False)

    op.create_table(
        "intake_report_children",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=True),
        sa.Column("last_name", sa.String(length=100), nullable=True),
        sa.Column("cnp", sa.String(length=13), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("approximate_age", sa.Integer(), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("opened_case_id", sa.Integer(), nullable=True),
        sa.Column("link", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(["report_id"], ["intake_reports.id"], ondelete="CASCADE",
                                name=op.f("fk_intake_report_children_report_id_intake_reports")),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"],
                                name=op.f("fk_intake_report_children_case_id_cases")),
        sa.ForeignKeyConstraint(["opened_case_id"], ["cases.id"],
                                name=op.f("fk_intake_report_children_opened_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_report_children")),
    )
    with op.batch_alter_table("intake_report_children", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_intake_report_children_report_id"),
                              ["report_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_intake_report_children_cnp"), ["cnp"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_intake_report_children_case_id"), ["case_id"],
                              unique=False)

    op.create_table(
        "intake_dispatchers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_id", sa.Integer(), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["token_id"], ["api_tokens.id"],
                                name=op.f("fk_intake_dispatchers_token_id_api_tokens")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_dispatchers")),
        sa.UniqueConstraint("token_id", name=op.f("uq_intake_dispatchers_token_id")),
    )


def downgrade() -> None:
    op.drop_table("intake_dispatchers")
    op.drop_table("intake_report_children")
    op.drop_table("intake_reports")
