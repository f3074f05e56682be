"""The database: one engine per app, and the unit of work that wraps every transaction.

A unit of work rolls back unless told to commit, so a request that fails half-way leaves
nothing half-written behind. Services write through it and flush; only the owner of the
unit of work (a view, a command, a job) commits, once, when everything it asked for has
succeeded. What a service did outside the database (a file written to the content
store) it undoes through :meth:`UnitOfWork.on_rollback` if the unit of work ends without
its commit.
"""

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from flask import Flask, current_app
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker


def make_engine(url: str) -> Engine:
    """Build an engine; SQLite gets foreign keys enforced and a busy timeout.

    ``hide_parameters``: a database error's text names its statement but not the values
    bound to it (a CNP, a child's health or address), so it can never carry them into a
    log line or a traceback.
    """
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30}, hide_parameters=True)

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
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


def init_app(app: Flask) -> None:
    """Attach an engine and a session factory to the app."""
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["db_engine"] = engine
    app.extensions["db_sessionmaker"] = sessionmaker(engine, expire_on_commit=False)


def engine() -> Engine:
    return current_app.extensions["db_engine"]


log = logging.getLogger(__name__)


class UnitOfWork:
    """A session that commits only when told to; leaving the block rolls back the rest."""

    def __init__(self, session: Session):
        self.session = session
        self._undo: list[Callable[[], None]] = []
        self._written = False
        event.listen(session, "after_flush", self._mark_written)

    def _mark_written(self, _session, _context) -> None:
        self._written = True

    def flush(self) -> None:
        """Send the changes so far to the database (constraints are checked), without
        committing: what services do."""
        self.session.flush()

    def commit(self) -> None:
        """Make everything done so far permanent: what the owner of the unit does."""
        self.session.commit()
        self._undo.clear()
        self._written = False

    def rollback(self) -> None:
        """Forget everything since the last commit, outside the database too."""
        self.session.rollback()
        self._written = False
        self.undo()

    def release(self) -> None:
        """End the transaction before slow work outside the database (a time-stamp, an
        OCSP answer), when nothing has been written in it: on SQLite any transaction
        holds the write lock. The next query opens a new one; loaded objects are
        expired and reload then."""
        if self._written or self.session.new or self.session.dirty or self.session.deleted:
            raise RuntimeError("a unit of work that has written cannot be released")
        self.session.rollback()

    def on_rollback(self, action: Callable[[], None]) -> None:
        """Run ``action`` if the changes made so far are not committed (a file written
        for a row that will not exist)."""
        self._undo.append(action)

    def undo(self) -> None:
        actions, self._undo = self._undo[::-1], []
        for action in actions:
            try:
                action()
            except Exception as exc:  # one failed undo must not hide the error that caused it
                # The type only: an exception's text (and a traceback's) may hold data.
                log.warning("an undo action failed after a rollback (%s)", type(exc).__name__)


@contextmanager
def unit_of_work(app: Flask | None = None) -> Iterator[UnitOfWork]:
    """Open a unit of work on the app's database (the current app by default)."""
    factory = (app or current_app).extensions["db_sessionmaker"]
    session = factory()
    uow = UnitOfWork(session)
    try:
        yield uow
    except BaseException:
        uow.rollback()
        raise
    finally:
        # Closing rolls back whatever was not committed explicitly; unlike rollback() it
        # leaves loaded objects readable for the serialisation that follows.
        session.close()
        uow.undo()
