"""Users: a session generation, so that logging out ends every copy of a session cookie.

The cookie names the generation it was made in; logging out, changing the password and
deactivating the account count it up (``web.session``). Existing users start at 0, so the
cookies issued before this revision (which carry none) end at their next request.

Revision ID: 0010
Revises: 0009
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("session_generation", sa.Integer(), nullable=False,
                                      server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("session_generation")
