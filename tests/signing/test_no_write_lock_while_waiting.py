"""No write transaction is open while the time-stamp authority and the OCSP responder
answer: on SQLite every transaction takes the write lock, so one held across those calls
would stop every other writer of the office for as long as they take."""

import shutil

import pytest

from filing_service import adapters
from filing_service.db import unit_of_work
from filing_service.signing import service
from tests.write_lock import sqlite_write_lock_is_free

from .conftest import signing_app_on


@pytest.fixture
def signing_app(tmp_path, sqlite_template, profile, secrets_file):
    """The signing tests' app, on SQLite: the database whose lock is the question."""
    path = tmp_path / "signing.sqlite3"
    shutil.copy(sqlite_template, path)
    yield from signing_app_on(f"sqlite:///{path}", tmp_path, profile, secrets_file)


def test_signing_holds_no_write_lock_while_the_tsa_and_ocsp_answer(
    signing_app, people, make_document, pki
):
    document_id = make_document()
    url = signing_app.config["DATABASE_URL"]
    seen = []
    pki.on_request = lambda path: seen.append((path, sqlite_write_lock_is_free(url)))
    try:
        with signing_app.app_context(), unit_of_work() as uow:
            tools = adapters.current()
            service.sign_document(
                uow,
                people["ana.popescu"],
                document_id,
                "consilier_juridic",
                signer=tools.signer,
                content=tools.content,
                now=tools.clock.now,
            )
            uow.commit()
    finally:
        pki.on_request = None

    assert any("/tsa/" in path for path, _ in seen), seen
    assert [path for path, free in seen if not free] == []
