"""Signatures: one per role and document, enforced by the database.

Commit 56ba792 added this unique constraint by editing 0003 after it had landed, so a
database migrated with the 0003 that landed first lacks it while Alembic takes it to be
up to date. 0003 stays as it is now (editing it back would be one more edit of a landed
file); this revision adds the constraint where it is missing and leaves a database that
ran the edited 0003 as it is, so both end in the same schema.

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_COLUMNS = ["document_id", "role"]


def _existing_constraint() -> str | None:
    """The name of the unique constraint on (document_id, role), if the database has one
    (it has when it ran the edited 0003)."""
    inspector = sa.inspect(op.get_bind())
    for constraint in inspector.get_unique_constraints("signatures"):
        if list(constraint["column_names"]) == _COLUMNS:
            return constraint["name"]
    return None


def _refuse_duplicates() -> None:
    """Stop before adding the constraint if two signatures share a role on a document.

    Signatures record legal acts: which of two is the valid one is for a person to
    decide from the signed files, never for a migration to guess by deleting one.
    """
    duplicates = op.get_bind().execute(sa.text(
        "SELECT document_id, role, COUNT(*) FROM signatures GROUP BY document_id, role "
        "HAVING COUNT(*) > 1 ORDER BY document_id, role")).all()
    if duplicates:
        listed = "; ".join(f"documentul {document_id}, rolul {role}: {count} semnături"
                           for document_id, role, count in duplicates)
        raise RuntimeError(
            "Migrarea 0009 nu poate impune o singură semnătură pentru fiecare rol pe un "
            f"document, deoarece există semnături duble ({listed}). Stabiliți care "
            "semnătură este valabilă, eliminați-le pe celelalte și reluați migrarea.")


def upgrade() -> None:
    if _existing_constraint() is not None:
        return
    _refuse_duplicates()
    with op.batch_alter_table("signatures", schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f("uq_signatures_document_id_role"),
                                          _COLUMNS)


def downgrade() -> None:
    # Back to 0008 as its landed files define it: without the constraint, whichever way
    # the database got it.
    name = _existing_constraint()
    if name is not None:
        with op.batch_alter_table("signatures", schema=None) as batch_op:
            batch_op.drop_constraint(name, type_="unique")
