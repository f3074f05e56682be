"""Whether a writer could start on a SQLite database right now: the probe the tests use
to show that nothing holds the write lock while the service waits on the network."""

import sqlite3


def sqlite_write_lock_is_free(database_url: str) -> bool:
    """True if a new connection can take the write lock at once (``BEGIN IMMEDIATE``
    without waiting); False if a transaction of the service holds it."""
    path = database_url.removeprefix("sqlite:///")
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:  # "database is locked"
        return False
    finally:
        probe.close()
