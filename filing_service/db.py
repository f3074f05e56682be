"""The database: one engine per app, and the unit of work that wraps every transaction.

A unit of work rolls back unless told to commit, so a request that fails half-way leaves
nothing half-written behind.
"""
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask, current_app
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker


def make_engine(url: str) -> Engine:
    """Build an engine; SQLite gets foreign keys enforced and a busy timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            # The sqlite3 module's own transaction handling starts a transaction only
            # before a write, so a SAVEPOINT could become the outermost transaction and its
            # RELEASE a commit. SQLAlchemy's recipe: turn it off and emit BEGIN ourselves.
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            # IMMEDIATE: take the write lock at the start (waiting up to the busy timeout)
            # rather than fail with "database is locked" when a transaction that has read
            # tries to write after another has. The embedded database serves one office;
            # PostgreSQL is the production database and locks by row.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True)


def init_app(app: Flask) -> None:
    """Attach an engine and a session factory to the app."""
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["db_engine"] = engine
    app.extensions["db_sessionmaker"] = sessionmaker(engine, expire_on_commit=False)


def engine() -> Engine:
    return current_app.extensions["db_engine"]


class UnitOfWork:
    """A session that commits only when told to; leaving the block rolls back the rest."""

    def __init__(self, session: Session):
        self.session = session

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


@contextmanager
def unit_of_work(app: Flask | None = None) -> Iterator[UnitOfWork]:
    """Open a unit of work on the app's database (the current app by default)."""
    factory = (app or current_app).extensions["db_sessionmaker"]
    session = factory()
    try:
        yield UnitOfWork(session)
    except BaseException:
        session.rollback()
        raise
    finally:
        # Closing rolls back whatever was not committed explicitly; unlike rollback() it
        # leaves loaded objects readable for the serialisation that follows.
        session.close()
