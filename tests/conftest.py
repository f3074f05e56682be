"""Fixtures: the app on SQLite and on PostgreSQL, clients, tokens of two directorates.

Every test that takes ``app`` (or ``client``) runs twice, once per database. PostgreSQL
is not optional: if the server cannot be reached, those tests fail with the reason.
"""

import os
import shutil
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, text

from filing_service import create_app, migrate
from filing_service.auth.passwords import hash_password
from filing_service.auth.tokens import issue_token
from filing_service.db import unit_of_work
from filing_service.models import Base, Directorate, User
from tests.clock import FIXED_NOW

PG_ADMIN_URL = os.environ.get("TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
BACKENDS = [b for b in os.environ.get("TEST_DATABASES", "sqlite,postgresql").split(",") if b]


def _pg_url(dbname: str) -> str:
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    return base.replace("postgresql://", "postgresql+psycopg://", 1) + "/" + dbname


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A migrated SQLite file; each test gets a fresh copy of it."""
    path = tmp_path_factory.mktemp("db") / "template.sqlite3"
    migrate.upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def pg_database():
    """A PostgreSQL database of its own for this test session, migrated to head."""
    name = f"fs_test_{uuid.uuid4().hex[:10]}"
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.fail(
            f"PostgreSQL is required for these tests and cannot be reached at "
            f"{PG_ADMIN_URL}: {exc}. Start it (make test does) or set TEST_PG_URL."
        )
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = _pg_url(name)
    migrate.upgrade(url)
    yield url
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_KEEP = {"directorates", "alembic_version"}


def _truncate_pg(url: str) -> None:
    """Empty every table but the seeded directorates (TRUNCATE does not fire the audit
    trail's row triggers, which forbid DELETE even to tests)."""
    engine = create_engine(url)
    tables = [t.name for t in Base.metadata.sorted_tables if t.name not in _KEEP]
    with engine.begin() as conn:
        conn.execute(
            text(
                "TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"
            )
        )
        conn.execute(
            text("UPDATE directorates SET legal_representative = NULL, settings = '{}'")
        )
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path):
    """The URL of a clean, migrated database: once SQLite, once PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "test.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
    else:
        url = request.getfixturevalue("pg_database")
        yield url
        _truncate_pg(url)


def make_app(database_url: str, tmp_path: Path, **extra):
    """The app on ``database_url``, its clock fixed at ``tests.clock.FIXED_NOW`` unless
    ``extra`` says otherwise."""
    config = {
        "TESTING": True,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret",
        "STORAGE_DIR": str(tmp_path / "storage"),
        "WTF_CSRF_ENABLED": True,
        "FIXED_NOW": FIXED_NOW,
    }
    config.update(extra)
    app = create_app(config)
    yield app
    app.extensions["db_engine"].dispose()


@pytest.fixture
def app(database_url, tmp_path):
    yield from make_app(database_url, tmp_path)


@pytest.fixture
def client(app):
    return app.test_client()


def _directorate_id(app, code: str) -> int:
    with app.app_context(), unit_of_work() as uow:
        found = uow.session.query(Directorate).filter_by(code=code).one()
        found.legal_representative = {"CJ": "Mihai Ionescu", "B3": "Radu Georgescu"}.get(code)
        uow.commit()
        return found.id


@pytest.fixture
def make_token(app):
    """Issue a token for a directorate code; returns the Authorization headers."""

    def make(code: str = "CJ", name: str = "sistem de test") -> dict:
        directorate_id = _directorate_id(app, code)
        with app.app_context(), unit_of_work() as uow:
            issued = issue_token(uow.session, directorate_id, name)
            uow.commit()
        return {"Authorization": f"Bearer {issued.token}"}

    return make


@pytest.fixture
def auth(make_token):
    """Headers of a case system of DGASPC Cluj."""
    return make_token("CJ")


@pytest.fixture
def other_auth(make_token):
    """Headers of a case system of DGASPC Sector 3: another tenant."""
    return make_token("B3", "sistem sector 3")


@pytest.fixture
def make_user(app):
    """Create a web user; returns (username, password)."""

    def make(username: str, role: str, code: str = "CJ", password: str = "Parola-Test-1"):
        directorate_id = _directorate_id(app, code)
        with app.app_context(), unit_of_work() as uow:
            uow.session.add(
                User(
                    directorate_id=directorate_id,
                    username=username,
                    full_name=username.replace(".", " ").title(),
                    role=role,
                    email=f"{username}@example.invalid",
                    password_hash=hash_password(password),
                )
            )
            uow.commit()
        return username, password

    return make
