"""Schema of the signing capability: the signatures put on document versions.

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("directorate_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("signer_user_id", sa.Integer(), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("key_name", sa.String(length=80), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("profile", sa.JSON(), nullable=False),
        sa.Column("input_sha256", sa.String(length=64), nullable=False),
        sa.Column("output_sha256", sa.String(length=64), nullable=False),
        sa.Column("certificate_sha256", sa.String(length=64), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["directorate_id"], ["directorates.id"],
                                name=op.f("fk_signatures_directorate_id_directorates")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name=op.f("fk_signatures_document_id_documents")),
        sa.ForeignKeyConstraint(["signer_user_id"], ["users.id"],
                                name=op.f("fk_signatures_signer_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signatures")),
        sa.UniqueConstraint("document_id", "role", name=op.f("uq_signatures_document_id_role")),
    )
    with op.batch_alter_table("signatures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signatures_directorate_id"),
                              ["directorate_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_signatures_document_id"),
                              ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_signatures_output_sha256"),
                              ["output_sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("signatures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signatures_output_sha256"))
        batch_op.drop_index(batch_op.f("ix_signatures_document_id"))
        batch_op.drop_index(batch_op.f("ix_signatures_directorate_id"))
    op.drop_table("signatures")
