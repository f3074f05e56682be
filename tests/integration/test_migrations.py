"""Migrations: a database at any landed head upgrades to the current schema and keeps its
data, on SQLite and PostgreSQL, and a migration that has landed is never edited.

The landed heads come from the revision files themselves (the chain of down_revision):
every revision in the chain was once the head. That a revision's file still builds what
it built when it landed is what ``landed.json`` guarantees (for every revision it lists),
so upgrading from the files' revisions is upgrading from what real databases ran.
"""

import hashlib
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import psycopg
import pytest
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, MetaData, create_engine, inspect, select
from sqlalchemy.pool import NullPool

import filing_service.migrations
from filing_service import migrate
from tests.conftest import BACKENDS, PG_ADMIN_URL, _pg_url

MIGRATIONS = Path(filing_service.migrations.__file__).parent
VERSIONS = MIGRATIONS / "versions"
MANIFEST = MIGRATIONS / "landed.json"
RULE = "a migration that has landed is never edited; add a new revision"

# Fixed moments for the seeded rows: the test never reads the wall clock.
SEEDED_AT = datetime(2026, 11, 18, 8, 0, tzinfo=UTC)
OPENED_ON = date(2026, 11, 16)


def revision_chain() -> list:
    """The revisions from the first to the head, following down_revision (one head)."""
    scripts = ScriptDirectory.from_config(migrate.alembic_config("sqlite://"))
    heads = scripts.get_heads()
    assert len(heads) == 1, f"the migrations have more than one head: {heads}"
    return list(reversed(list(scripts.walk_revisions())))


CHAIN = revision_chain()
HEAD = CHAIN[-1].revision
LANDED_HEADS = [script.revision for script in CHAIN]


@pytest.fixture
def new_database(backend, tmp_path):
    """Make empty databases of ``backend``; each is removed after the test."""
    drops = []

    def make() -> str:
        if backend == "sqlite":
            return f"sqlite:///{tmp_path / f'{uuid.uuid4().hex[:10]}.sqlite3'}"
        name = f"fs_migrations_{uuid.uuid4().hex[:10]}"
        try:
            admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)
        except psycopg.OperationalError as exc:
            pytest.fail(
                f"PostgreSQL is required for these tests and cannot be reached at "
                f"{PG_ADMIN_URL}: {exc}. Start it (make test does) or set "
                f"TEST_PG_URL."
            )
        with admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        drops.append(name)
        return _pg_url(name)

    yield make
    for name in drops:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_HEAD_SCHEMAS: dict[str, dict] = {}


@pytest.fixture
def head_schema(backend, new_database) -> dict:
    """The schema of a database of ``backend`` migrated straight to head (built once per
    backend: every case compares with the same one)."""
    if backend not in _HEAD_SCHEMAS:
        url = new_database()
        migrate.upgrade(url, HEAD)
        _HEAD_SCHEMAS[backend] = schema_of(url)
    return _HEAD_SCHEMAS[backend]


def schema_of(url: str) -> dict:
    """Tables, columns, keys, indexes and constraints of the database at ``url``, as
    plain comparable data."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        inspector = inspect(engine)
        # One query per kind for all tables (get_multi_*), not one per table: ten times
        # faster on PostgreSQL.
        columns = inspector.get_multi_columns()
        primary_keys = inspector.get_multi_pk_constraint()
        foreign_keys = inspector.get_multi_foreign_keys()
        indexes = inspector.get_multi_indexes()
        uniques = inspector.get_multi_unique_constraints()
        checks = inspector.get_multi_check_constraints()
        schema = {}
        for key in sorted(columns, key=lambda k: k[1]):
            schema[key[1]] = {
                "columns": {
                    c["name"]: (repr(c["type"]), c["nullable"], c.get("default"))
                    for c in columns[key]
                },
                "primary_key": primary_keys[key]["constrained_columns"],
                "foreign_keys": sorted(
                    (
                        fk["name"],
                        tuple(fk["constrained_columns"]),
                        fk["referred_table"],
                        tuple(fk["referred_columns"]),
                        fk["options"].get("ondelete"),
                    )
                    for fk in foreign_keys[key]
                ),
                "indexes": sorted(
                    (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                    for i in indexes[key]
                ),
                "unique_constraints": sorted(
                    (u["name"], tuple(u["column_names"])) for u in uniques[key]
                ),
                "check_constraints": sorted((c["name"], c["sqltext"]) for c in checks[key]),
            }
        return schema
    finally:
        engine.dispose()


@contextmanager
def connected(url: str, *, write: bool = False) -> Iterator[Connection]:
    """A connection to ``url``, in a transaction that commits when ``write``; the engine
    is disposed after, so no connection outlives the test's database."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() if write else engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def reflected(connection: Connection) -> MetaData:
    """The tables the database has now, as a revision left them."""
    meta = MetaData()
    meta.reflect(connection)
    return meta


def _insert(connection, table, **values) -> int:
    return connection.execute(table.insert().values(**values)).inserted_primary_key[0]


def seed(url: str) -> None:
    """A Cluj case with its child, a document, a deadline and a filing, and a signature
    where the table exists: rows in every table that a later migration alters, written
    only with the columns that exist since those tables were created."""
    with connected(url, write=True) as connection:
        meta = reflected(connection)
        t = meta.tables
        directorate_id = connection.scalar(
            select(t["directorates"].c.id).where(t["directorates"].c.code == "CJ")
        )
        case_id = _insert(
            connection,
            t["cases"],
            directorate_id=directorate_id,
            reference="CJ-2026-00042",
            status="deschis",
            opened_on=OPENED_ON,
            created_at=SEEDED_AT,
            updated_at=SEEDED_AT,
        )
        _insert(
            connection,
            t["children"],
            case_id=case_id,
            first_name="Andrei-Ștefan",
            last_name="Popescu",
            complete_impairment_confirmed=False,
        )
        document_id = _insert(
            connection,
            t["documents"],
            case_id=case_id,
            doc_type="cerere_plasament",
            variant="instanta",
            version=1,
            template_name="cerere_plasament.docx",
            template_version="1",
            data_sha256="a" * 64,
            status="generat",
            created_at=SEEDED_AT,
        )
        _insert(
            connection,
            t["deadlines"],
            case_id=case_id,
            directorate_id=directorate_id,
            rule_id="art70_sesizare_instanta",
            article="art. 70 alin. 1",
            trigger_date=OPENED_ON,
            due_date=date(2026, 11, 23),
            status="deschis",
            created_at=SEEDED_AT,
        )
        _insert(
            connection,
            t["filings"],
            case_id=case_id,
            court="Tribunalul Cluj",
            status="ciorna",
            message_ids=[],
            created_at=SEEDED_AT,
        )
        if "signatures" in t:
            insert_signature(connection, meta, document_id)


def insert_signature(connection, meta: MetaData, document_id: int) -> None:
    """A legal counsel's signature on ``document_id``, by a user made for it."""
    t = meta.tables
    directorate_id = connection.scalar(
        select(t["directorates"].c.id).where(t["directorates"].c.code == "CJ")
    )
    user_id = connection.scalar(
        select(t["users"].c.id).where(t["users"].c.username == "ioana.marin")
    )
    if user_id is None:
        user_id = _insert(
            connection,
            t["users"],
            directorate_id=directorate_id,
            username="ioana.marin",
            full_name="Ioana Marin",
            password_hash="fictiv",
            role="consilier_juridic",
            active=True,
            created_at=SEEDED_AT,
        )
    _insert(
        connection,
        t["signatures"],
        directorate_id=directorate_id,
        document_id=document_id,
        signer_user_id=user_id,
        signer_name="Ioana Marin",
        role="consilier_juridic",
        key_name="cheie-test",
        level="B-LTA",
        profile={"key": "cheie-test"},
        input_sha256="b" * 64,
        output_sha256="c" * 64,
        certificate_sha256="d" * 64,
        signed_at=SEEDED_AT,
    )


def seeded_rows(url: str) -> dict:
    """What the seeded rows read as at head, with the defaults later columns gave them."""
    with connected(url) as connection:
        t = reflected(connection).tables
        return {
            "case": connection.execute(
                select(t["cases"].c.reference, t["cases"].c.status)
            ).all(),
            "child": connection.execute(select(t["children"].c.first_name)).all(),
            "document": connection.execute(
                select(t["documents"].c.doc_type, t["documents"].c.version)
            ).all(),
            "deadline": connection.execute(
                select(
                    t["deadlines"].c.rule_id, t["deadlines"].c.key, t["deadlines"].c.sequence
                )
            ).all(),
            "filing": connection.execute(
                select(t["filings"].c.court, t["filings"].c.send_failures)
            ).all(),
            "signature": connection.execute(
                select(t["signatures"].c.role, t["signatures"].c.output_sha256)
            ).all(),
        }


def has_signatures_at(revision: str) -> bool:
    """Whether the signatures table exists once ``revision`` has run (0003 makes it)."""
    return LANDED_HEADS.index(revision) >= LANDED_HEADS.index("0003")


def as_the_first_0003_left_it(url: str) -> None:
    """Take away what commit 56ba792 added to 0003 after it had landed: the unique
    (document_id, role) on signatures. A database migrated before that edit has none."""
    with connected(url, write=True) as connection:
        operations = Operations(MigrationContext.configure(connection))
        with operations.batch_alter_table("signatures") as batch_op:
            batch_op.drop_constraint("uq_signatures_document_id_role", type_="unique")


def current_revision(url: str) -> str | None:
    with connected(url) as connection:
        return MigrationContext.configure(connection).get_current_revision()


@pytest.mark.parametrize("revision", LANDED_HEADS)
@pytest.mark.parametrize("backend", BACKENDS)
def test_a_database_at_every_landed_head_upgrades_to_the_current_schema(
    backend, revision, new_database, head_schema
):
    url = new_database()
    migrate.upgrade(url, revision)
    seed(url)

    migrate.upgrade(url, HEAD)

    assert current_revision(url) == HEAD
    assert schema_of(url) == head_schema
    rows = seeded_rows(url)
    assert rows["case"] == [("CJ-2026-00042", "deschis")]
    assert rows["child"] == [("Andrei-Ștefan",)]
    assert rows["document"] == [("cerere_plasament", 1)]
    # Rows older than 0005 and 0007 get the server defaults of the columns those add.
    assert rows["deadline"] == [("art70_sesizare_instanta", "", 0)]
    assert rows["filing"] == [("Tribunalul Cluj", 0)]
    expected_signatures = (
        [("consilier_juridic", "c" * 64)] if has_signatures_at(revision) else []
    )
    assert rows["signature"] == expected_signatures


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_database_that_ran_the_0003_that_landed_first_gets_the_constraint(
    backend, new_database, head_schema
):
    url = new_database()
    migrate.upgrade(url, "0003")
    as_the_first_0003_left_it(url)
    seed(url)

    migrate.upgrade(url, HEAD)

    assert schema_of(url) == head_schema
    assert seeded_rows(url)["signature"] == [("consilier_juridic", "c" * 64)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_upgrade_stops_and_names_two_signatures_of_one_role_on_a_document(
    backend, new_database
):
    url = new_database()
    migrate.upgrade(url, "0008")
    as_the_first_0003_left_it(url)  # only such a database can hold two
    seed(url)
    with connected(url, write=True) as connection:
        meta = reflected(connection)
        document_id = connection.scalar(select(meta.tables["documents"].c.id))
        insert_signature(connection, meta, document_id)

    with pytest.raises(RuntimeError) as raised:
        migrate.upgrade(url, HEAD)

    assert f"documentul {document_id}, rolul consilier_juridic: 2 semnături" in str(
        raised.value
    )
    assert current_revision(url) == "0008"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _manifest() -> dict[str, str]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def test_no_landed_migration_was_edited_or_removed():
    problems = []
    for name, digest in sorted(_manifest().items()):
        path = VERSIONS / name
        if not path.is_file():
            problems.append(f"{name} was removed: {RULE}")
        elif _sha256(path) != digest:
            problems.append(f"{name} changed since it landed: {RULE}")
    assert not problems, "\n".join(problems)


def test_every_revision_below_the_head_is_in_the_landed_manifest():
    head_file = Path(CHAIN[-1].path).name
    revision_files = sorted(p.name for p in VERSIONS.glob("*.py") if p.name != "__init__.py")
    unlisted = [
        name for name in revision_files if name not in _manifest() and name != head_file
    ]
    assert not unlisted, (
        f"{', '.join(unlisted)}: below the head but not in {MANIFEST.name}; only the head "
        f"revision may be new. Add a revision's SHA-256 to {MANIFEST.name} when it lands "
        f"(and then never edit it: {RULE})."
    )
