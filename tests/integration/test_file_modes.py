"""The files the service makes are its own: under a shell's usual umask of 022, the
SQLite database, its journal and the content store's files and folders are readable by
the service's user and group alone (0640 / 0440 / 0750 at most), never by others."""

import os
import stat

import pytest
from sqlalchemy import text

from filing_service import create_app, db, migrate
from filing_service.adapters import current
from tests.clock import FIXED_NOW


@pytest.fixture
def shell_umask():
    """The umask a shell usually gives (022: files 0644), restored afterwards."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_and_the_stored_files_are_not_readable_by_others(shell_umask, tmp_path):
    database = tmp_path / "instance" / "filing_service.sqlite3"
    database.parent.mkdir()
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": f"sqlite:///{database}",
            "SECRET_KEY": "test-secret",
            "STORAGE_DIR": str(tmp_path / "storage"),
            "FIXED_NOW": FIXED_NOW,
        }
    )
    try:
        migrate.upgrade(app.config["DATABASE_URL"])
        with app.app_context():
            with db.engine().connect() as conn:  # WAL: the journal files exist while open
                conn.execute(text("SELECT 1"))
                files = [database.with_name(database.name + s) for s in ("", "-wal", "-shm")]
                modes = {p.name: _mode(p) for p in files}
            stored = current().content.path(current().content.put(b"%PDF-1.7 dosar"))
    finally:
        app.extensions["db_engine"].dispose()
    assert {name: oct(mode & 0o027) for name, mode in modes.items()} == {
        name: "0o0" for name in modes
    }
    assert oct(_mode(stored)) == "0o440"
    folders = [stored.parent, stored.parent.parent, tmp_path / "storage"]
    assert all(_mode(folder) & 0o027 == 0 for folder in folders)
