"""Initial schema: directorates, users, tokens, cases and everything they hold.

Seeds the 47 directorates with their competent tribunals (art. 133), and makes the
audit trail append-only with triggers on SQLite and PostgreSQL alike.

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 10:41:37.590037
"""
from alembic import op
import sqlalchemy as sa

from filing_service.law.directorates import DIRECTORATES


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('directorates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=4), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('county', sa.String(length=60), nullable=False),
    sa.Column('cnp_county_code', sa.String(length=2), nullable=False),
    sa.Column('tribunal', sa.String(length=120), nullable=False),
    sa.Column('seat', sa.String(length=300), nullable=False),
    sa.Column('legal_representative', sa.String(length=200), nullable=True),
    sa.Column('settings', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_directorates')),
    sa.UniqueConstraint('code', name=op.f('uq_directorates_code'))
    )
    op.create_table('api_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('directorate_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('prefix', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['directorate_id'], ['directorates.id'], name=op.f('fk_api_tokens_directorate_id_directorates')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_tokens_token_hash'))
    )
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_tokens_directorate_id'), ['directorate_id'], unique=False)

    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('directorate_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['directorate_id'], ['directorates.id'], name=op.f('fk_audit_events_directorate_id_directorates')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_directorate_id'), ['directorate_id'], unique=False)

    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('directorate_id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=False),
    sa.Column('external_id', sa.String(length=120), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('situation', sa.String(length=1), nullable=True),
    sa.Column('facts_summary', sa.Text(), nullable=True),
    sa.Column('court', sa.String(length=120), nullable=True),
    sa.Column('court_case_number', sa.String(length=40), nullable=True),
    sa.Column('sibling_group', sa.String(length=60), nullable=True),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['directorate_id'], ['directorates.id'], name=op.f('fk_cases_directorate_id_directorates')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('directorate_id', 'external_id', name=op.f('uq_cases_directorate_id_external_id')),
    sa.UniqueConstraint('directorate_id', 'reference', name=op.f('uq_cases_directorate_id_reference'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cases_court_case_number'), ['court_case_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_directorate_id'), ['directorate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_sibling_group'), ['sibling_group'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('directorate_id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['directorate_id'], ['directorates.id'], name=op.f('fk_users_directorate_id_directorates')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_directorate_id'), ['directorate_id'], unique=False)

    op.create_table('children',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('cnp', sa.String(length=13), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('sex', sa.String(length=1), nullable=True),
    sa.Column('citizenship', sa.String(length=60), nullable=True),
    sa.Column('domicile_address', sa.String(length=300), nullable=True),
    sa.Column('domicile_area', sa.String(length=4), nullable=True),
    sa.Column('found_area', sa.String(length=4), nullable=True),
    sa.Column('complete_impairment_confirmed', sa.Boolean(), nullable=False),
    sa.Column('consent', sa.Boolean(), nullable=True),
    sa.Column('personality', sa.Text(), nullable=True),
    sa.Column('health', sa.Text(), nullable=True),
    sa.Column('history', sa.Text(), nullable=True),
    sa.Column('education', sa.Text(), nullable=True),
    sa.Column('living_conditions', sa.Text(), nullable=True),
    sa.Column('other_data', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_children_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_children')),
    sa.UniqueConstraint('case_id', name=op.f('uq_children_case_id'))
    )
    with op.batch_alter_table('children', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_children_cnp'), ['cnp'], unique=False)

    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('doc_type', sa.String(length=60), nullable=False),
    sa.Column('variant', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('template_name', sa.String(length=120), nullable=False),
    sa.Column('template_version', sa.String(length=64), nullable=False),
    sa.Column('data_sha256', sa.String(length=64), nullable=False),
    sa.Column('docx_sha256', sa.String(length=64), nullable=True),
    sa.Column('pdf_sha256', sa.String(length=64), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_documents_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('case_id', 'doc_type', 'variant', 'version', name=op.f('uq_documents_case_id_doc_type_variant_version'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_case_id'), ['case_id'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=40), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_events_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_kind'), ['kind'], unique=False)

    op.create_table('filings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('court', sa.String(length=120), nullable=False),
    sa.Column('object', sa.String(length=300), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('idempotency_key', sa.String(length=64), nullable=True),
    sa.Column('manifest_sha256', sa.String(length=64), nullable=True),
    sa.Column('message_ids', sa.JSON(), nullable=False),
    sa.Column('registration_number', sa.String(length=40), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_filings_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_filings')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_filings_idempotency_key'))
    )
    with op.batch_alter_table('filings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_filings_case_id'), ['case_id'], unique=False)

    op.create_table('hearings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('court', sa.String(length=120), nullable=True),
    sa.Column('court_case_number', sa.String(length=40), nullable=True),
    sa.Column('scheduled_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('panel', sa.String(length=120), nullable=True),
    sa.Column('summons_served_on', sa.Date(), nullable=True),
    sa.Column('solution', sa.String(length=120), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('debates_ended_on', sa.Date(), nullable=True),
    sa.Column('pronounced_on', sa.Date(), nullable=True),
    sa.Column('source', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_hearings_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hearings'))
    )
    with op.batch_alter_table('hearings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hearings_case_id'), ['case_id'], unique=False)

    op.create_table('parents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('cnp', sa.String(length=13), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('agrees_to_measure', sa.Boolean(), nullable=True),
    sa.Column('parental_rights', sa.String(length=20), nullable=False),
    sa.Column('deceased', sa.Boolean(), nullable=False),
    sa.Column('legal_representative', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_parents_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parents'))
    )
    with op.batch_alter_table('parents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_parents_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_parents_cnp'), ['cnp'], unique=False)

    op.create_table('placement_targets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('relationship_to_child', sa.String(length=30), nullable=True),
    sa.Column('residential_kind', sa.String(length=30), nullable=True),
    sa.Column('cnp', sa.String(length=13), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('full_legal_capacity', sa.Boolean(), nullable=True),
    sa.Column('domicile_in_romania', sa.Boolean(), nullable=True),
    sa.Column('attestation', sa.String(length=120), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('income', sa.String(length=300), nullable=True),
    sa.Column('property', sa.String(length=500), nullable=True),
    sa.Column('medical_info', sa.Text(), nullable=True),
    sa.Column('psychological_info', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_placement_targets_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placement_targets'))
    )
    with op.batch_alter_table('placement_targets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_placement_targets_case_id'), ['case_id'], unique=False)

    op.create_table('deadlines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('directorate_id', sa.Integer(), nullable=False),
    sa.Column('rule_id', sa.String(length=60), nullable=False),
    sa.Column('article', sa.String(length=120), nullable=False),
    sa.Column('trigger_event_id', sa.Integer(), nullable=True),
    sa.Column('trigger_date', sa.Date(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('done_act', sa.String(length=300), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_deadlines_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['directorate_id'], ['directorates.id'], name=op.f('fk_deadlines_directorate_id_directorates')),
    sa.ForeignKeyConstraint(['trigger_event_id'], ['events.id'], name=op.f('fk_deadlines_trigger_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deadlines'))
    )
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deadlines_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deadlines_directorate_id'), ['directorate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deadlines_due_date'), ['due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_deadlines_trigger_event_id'), ['trigger_event_id'], unique=False)

    op.create_table('measures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('authority', sa.String(length=20), nullable=False),
    sa.Column('legal_basis', sa.String(length=300), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('placement_target_id', sa.Integer(), nullable=True),
    sa.Column('act_number', sa.String(length=60), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('danger_motivation', sa.Text(), nullable=True),
    sa.Column('residential_justification', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_measures_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['placement_target_id'], ['placement_targets.id'], name=op.f('fk_measures_placement_target_id_placement_targets'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measures'))
    )
    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measures_case_id'), ['case_id'], unique=False)


    _seed_directorates()
    _protect_audit_trail()


def _seed_directorates() -> None:
    table = sa.table("directorates", sa.column("code"), sa.column("name"),
                     sa.column("county"), sa.column("cnp_county_code"),
                     sa.column("tribunal"), sa.column("seat"), sa.column("settings", sa.JSON))
    op.bulk_insert(table, [
        {"code": d.code, "name": d.name, "county": d.county,
         "cnp_county_code": d.cnp_county_code, "tribunal": d.tribunal,
         "seat": d.seat, "settings": {}}
        for d in DIRECTORATES
    ])


def _protect_audit_trail() -> None:
    """Refuse UPDATE and DELETE on audit_events in the database itself."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("""
            CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'audit_events is append-only';
            END;
            $$ LANGUAGE plpgsql
        """)
        op.execute("""
            CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
            FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
        """)
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"""
                CREATE TRIGGER audit_events_no_{verb.lower()} BEFORE {verb} ON audit_events
                BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END
            """)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_change ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_append_only()")
    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measures_case_id'))

    op.drop_table('measures')
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deadlines_trigger_event_id'))
        batch_op.drop_index(batch_op.f('ix_deadlines_due_date'))
        batch_op.drop_index(batch_op.f('ix_deadlines_directorate_id'))
        batch_op.drop_index(batch_op.f('ix_deadlines_case_id'))

    op.drop_table('deadlines')
    with op.batch_alter_table('placement_targets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_placement_targets_case_id'))

    op.drop_table('placement_targets')
    with op.batch_alter_table('parents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_parents_cnp'))
        batch_op.drop_index(batch_op.f('ix_parents_case_id'))

    op.drop_table('parents')
    with op.batch_alter_table('hearings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hearings_case_id'))

    op.drop_table('hearings')
    with op.batch_alter_table('filings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_filings_case_id'))

    op.drop_table('filings')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_kind'))
        batch_op.drop_index(batch_op.f('ix_events_case_id'))

    op.drop_table('events')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_case_id'))

    op.drop_table('documents')
    with op.batch_alter_table('children', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_children_cnp'))

    op.drop_table('children')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_directorate_id'))

    op.drop_table('users')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_sibling_group'))
        batch_op.drop_index(batch_op.f('ix_cases_directorate_id'))
        batch_op.drop_index(batch_op.f('ix_cases_court_case_number'))

    op.drop_table('cases')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_events_directorate_id'))
        batch_op.drop_index(batch_op.f('ix_audit_events_case_id'))
        batch_op.drop_index(batch_op.f('ix_audit_events_at'))

    op.drop_table('audit_events')
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_tokens_directorate_id'))

    op.drop_table('api_tokens')
    op.drop_table('directorates')
