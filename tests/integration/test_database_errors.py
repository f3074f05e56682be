"""A database error never carries the values bound to its statement: logged with its
traceback, it names the statement, not the CNP or the health text it was given."""

import logging

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from filing_service.db import make_engine
from tests import builders

CNP = builders.child()["cnp"]
HEALTH = "Diagnostic confidențial de test"


def test_a_failed_statement_names_none_of_its_parameters(database_url, caplog):
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn, pytest.raises(DBAPIError) as failed:
            conn.execute(
                text("INSERT INTO no_such_table (cnp, health) VALUES (:cnp, :health)"),
                {"cnp": CNP, "health": HEALTH},
            )
    finally:
        engine.dispose()
    logging.getLogger("tests").error("the statement failed", exc_info=failed.value)
    shown = str(failed.value) + repr(failed.value) + caplog.text
    assert "no_such_table" in shown  # the statement is there to diagnose
    assert CNP not in shown and HEALTH not in shown
