"""Schema of the filings capability: the court directory, the documents of a package, the
attempts to send it, and what a filing records of its delivery and of the portal.

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "courts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("directorate_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("registry_email", sa.String(length=254), nullable=False),
        sa.Column("email_verified", sa.Boolean(), nullable=False),
        sa.Column("max_message_bytes", sa.Integer(), nullable=False),
        sa.Column("pdf_only", sa.Boolean(), nullable=False),
        sa.Column("portal_institution", sa.String(length=60), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["directorate_id"], ["directorates.id"],
                                name=op.f("fk_courts_directorate_id_directorates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_courts")),
        sa.UniqueConstraint("directorate_id", "name", name=op.f("uq_courts_directorate_id_name")),
    )
    with op.batch_alter_table("courts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_courts_directorate_id"), ["directorate_id"],
                              unique=False)

    with op.batch_alter_table("filings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("legal_basis", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("court_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("status_changed_at", sa.DateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column("send_claim", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("send_claimed_at", sa.DateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column("send_failures", sa.Integer(), nullable=False,
                                      server_default="0"))
        batch_op.add_column(sa.Column("next_send_at", sa.DateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column("last_error", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("portal_synced_at", sa.DateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column("portal_error", sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f("ix_filings_court_id"), ["court_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_filings_court_id_courts"), "courts",
                                    ["court_id"], ["id"])

    op.create_table(
        "filing_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("filing_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("file_name", sa.String(length=120), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("added_by", sa.String(length=120), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_filing_documents_document_id_documents"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["filing_id"], ["filings.id"],
                                name=op.f("fk_filing_documents_filing_id_filings"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_filing_documents")),
        sa.UniqueConstraint("filing_id", "position",
                            name=op.f("uq_filing_documents_filing_id_position")),
    )
    with op.batch_alter_table("filing_documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_filing_documents_filing_id"), ["filing_id"],
                              unique=False)

    op.create_table(
        "filing_send_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("filing_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("messages", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["filing_id"], ["filings.id"],
                                name=op.f("fk_filing_send_attempts_filing_id_filings"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_filing_send_attempts")),
    )
    with op.batch_alter_table("filing_send_attempts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_filing_send_attempts_filing_id"), ["filing_id"],
                              unique=False)


def downgrade() -> None:
    op.drop_table("filing_send_attempts")
    op.drop_table("filing_documents")
    with op.batch_alter_table("filings", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_filings_court_id_courts"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_filings_court_id"))
        for column in ("portal_error", "portal_synced_at", "last_error", "next_send_at",
                       "send_failures", "send_claimed_at", "send_claim", "status_changed_at",
                       "court_id", "legal_basis"):
            batch_op.drop_column(column)
    op.drop_table("courts")
