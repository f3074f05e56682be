"""Schema of the deadlines capability: what produced a deadline (key, hearing), when an
hour term ends, how it was met; closure days; users' calendar feeds.

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("key", sa.String(length=120), server_default="",
                                      nullable=False))
        batch_op.add_column(sa.Column("trigger_hearing_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("due_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("extended_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("done_by", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("sequence", sa.Integer(), server_default="0",
                                      nullable=False))
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True),
                                      nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_deadlines_trigger_hearing_id_hearings"),
                                    "hearings", ["trigger_hearing_id"], ["id"],
                                    ondelete="CASCADE")
        batch_op.create_index(batch_op.f("ix_deadlines_trigger_hearing_id"),
                              ["trigger_hearing_id"], unique=False)
        batch_op.create_unique_constraint(batch_op.f("uq_deadlines_case_id_key"),
                                          ["case_id", "key"])

    op.create_table(
        "closure_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("directorate_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("court", sa.String(length=120), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["directorate_id"], ["directorates.id"],
                                name=op.f("fk_closure_days_directorate_id_directorates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closure_days")),
    )
    with op.batch_alter_table("closure_days", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_closure_days_directorate_id"),
                              ["directorate_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_closure_days_day"), ["day"], unique=False)

    op.create_table(
        "calendar_feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("prefix", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_calendar_feeds_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_feeds")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_calendar_feeds_token_hash")),
    )
    with op.batch_alter_table("calendar_feeds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_calendar_feeds_user_id"), ["user_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("calendar_feeds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_feeds_user_id"))
    op.drop_table("calendar_feeds")
    with op.batch_alter_table("closure_days", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_closure_days_day"))
        batch_op.drop_index(batch_op.f("ix_closure_days_directorate_id"))
    op.drop_table("closure_days")
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_deadlines_case_id_key"), type_="unique")
        batch_op.drop_index(batch_op.f("ix_deadlines_trigger_hearing_id"))
        batch_op.drop_constraint(batch_op.f("fk_deadlines_trigger_hearing_id_hearings"),
                                 type_="foreignkey")
        for column in ("updated_at", "sequence", "done_by", "extended_from", "due_at",
                       "trigger_hearing_id", "key"):
            batch_op.drop_column(column)
