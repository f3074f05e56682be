"""Each court's own filing rules as data, the registratura.rejust.ro channel, the
registry's replies read from the directorate's mailbox, and the portal's incremental sync.

- ``courts`` gains one column per rule the courts publish for filings by e-mail
  (accepted types, dpi and colour of scans, one message per case file, the attachments'
  names, the hours before a hearing, whether the manifest and the signatures'
  validation sheet may be attached, the channel)
  and ``rule_sources``: for each rule, where it comes from. ``pdf_only`` becomes
  ``accepted_types`` (``["pdf"]`` where it was true) and ``attach_manifest`` (where it
  was false, since that is what it decided until now). Existing courts keep their size
  limit; the other rules start at the strictest common ones.
- ``filings`` gains its channel, the hearing it is filed for, and the proof of filing
  that registratura.rejust.ro gives.
- ``filing_replies`` holds the registry's answers matched to a sent filing, with the
  registration number proposed from them until a person confirms it.

Revision ID: 0011
Revises: 0010
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("courts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("accepted_types", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("max_scan_dpi", sa.Integer(), nullable=True,
                                      server_default="200"))
        batch_op.add_column(sa.Column("scans_monochrome", sa.Boolean(), nullable=False,
                                      server_default=sa.true()))
        batch_op.add_column(sa.Column("one_message_per_case", sa.Boolean(), nullable=False,
                                      server_default=sa.true()))
        batch_op.add_column(sa.Column("file_name_pattern", sa.String(length=120),
                                      nullable=False, server_default="{nr}. {tip}"))
        batch_op.add_column(sa.Column("min_hours_before_hearing", sa.Integer(),
                                      nullable=True, server_default="24"))
        batch_op.add_column(sa.Column("attach_manifest", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column("filing_channel", sa.String(length=20), nullable=False,
                                      server_default="email"))
        batch_op.add_column(sa.Column("attach_validation_sheet", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column("rule_sources", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("portal_synced_until", sa.DateTime(timezone=True),
                                      nullable=True))
    courts = sa.table(
        "courts",
        sa.column("pdf_only", sa.Boolean()),
        sa.column("accepted_types", sa.JSON()),
        sa.column("attach_manifest", sa.Boolean()),
    )
    op.execute(courts.update().where(courts.c.pdf_only == sa.true())
               .values(accepted_types=["pdf"], attach_manifest=False))
    op.execute(courts.update().where(courts.c.pdf_only == sa.false())
               .values(accepted_types=["pdf", "doc", "docx"], attach_manifest=True))
    with op.batch_alter_table("courts", schema=None) as batch_op:
        batch_op.drop_column("pdf_only")
        batch_op.alter_column("accepted_types", existing_type=sa.JSON(), nullable=False)

    with op.batch_alter_table("filings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("channel", sa.String(length=20), nullable=False,
                                      server_default="email"))
        batch_op.add_column(sa.Column("hearing_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("proof_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("proof_file_name", sa.String(length=120),
                                      nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_filings_hearing_id_hearings"), "hearings",
                                    ["hearing_id"], ["id"], ondelete="SET NULL")

    op.create_table(
        "filing_replies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("filing_id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(length=250), nullable=False),
        sa.Column("answers", sa.String(length=250), nullable=False),
        sa.Column("sender", sa.String(length=254), nullable=True),
        sa.Column("subject", sa.String(length=300), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("proposed_number", sa.String(length=40), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("decided_by", sa.String(length=120), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["filing_id"], ["filings.id"],
                                name=op.f("fk_filing_replies_filing_id_filings"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_filing_replies")),
        sa.UniqueConstraint("filing_id", "message_id",
                            name=op.f("uq_filing_replies_filing_id_message_id")),
    )
    with op.batch_alter_table("filing_replies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_filing_replies_filing_id"), ["filing_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("filing_replies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_filing_replies_filing_id"))
    op.drop_table("filing_replies")
    with op.batch_alter_table("filings", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_filings_hearing_id_hearings"),
                                 type_="foreignkey")
        batch_op.drop_column("proof_file_name")
        batch_op.drop_column("proof_sha256")
        batch_op.drop_column("hearing_id")
        batch_op.drop_column("channel")
    with op.batch_alter_table("courts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pdf_only", sa.Boolean(), nullable=False,
                                      server_default=sa.true()))
    courts = sa.table(
        "courts", sa.column("pdf_only", sa.Boolean()), sa.column("attach_manifest", sa.Boolean())
    )
    op.execute(courts.update().where(courts.c.attach_manifest == sa.true())
               .values(pdf_only=False))
    with op.batch_alter_table("courts", schema=None) as batch_op:
        for column in ("portal_synced_until", "rule_sources", "filing_channel",
                       "attach_validation_sheet", "attach_manifest",
                       "min_hours_before_hearing", "file_name_pattern",
                       "one_message_per_case", "scans_monochrome", "max_scan_dpi",
                       "accepted_types"):
            batch_op.drop_column(column)
