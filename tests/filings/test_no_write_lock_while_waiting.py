"""No write transaction is open while the registry's mail server or the courts portal is
talked to: on SQLite every transaction takes the write lock, so one held across the
network would stop every other writer of the office for as long as the server takes."""

import pytest

from tests.write_lock import sqlite_write_lock_is_free

from .conftest import sqlite_copy
from .test_court_side import sync
from .test_delivery import send, set_court, signed_and_checked


@pytest.fixture
def database_url(tmp_path, sqlite_template):
    """SQLite only: its lock is the question."""
    return sqlite_copy(tmp_path, sqlite_template)


@pytest.fixture
def lock_probes(app):
    """Call the returned list's ``probe()`` to record whether the write lock is free."""
    seen = []
    url = app.config["DATABASE_URL"]
    return seen, lambda: seen.append(sqlite_write_lock_is_free(url))


def test_sending_holds_no_write_lock_while_the_mail_server_takes_each_message(
    app, client, auth, smtp, signed_package, lock_probes
):
    set_court(app, max_message_bytes=64 * 1024, one_message_per_case=False)
    filing = signed_and_checked(client, auth, signed_package, padding=40 * 1024)
    seen, smtp.on_data = lock_probes

    response = send(client, auth, filing["id"])

    assert response.status_code == 200, response.get_json()
    assert seen == [True, True, True]  # three messages, none under a held lock


def test_the_portal_sync_holds_no_write_lock_while_the_portal_answers(
    app, client, auth, portal, signed_package, lock_probes
):
    filing = signed_package()
    client.post(f"/api/v1/filings/{filing['id']}/check", headers=auth)
    assert send(client, auth, filing["id"]).status_code == 200
    assert (
        client.post(
            f"/api/v1/filings/{filing['id']}/registration",
            headers=auth,
            json={"registration_number": "2345/117/2026"},
        ).status_code
        == 200
    )
    portal.recording = "dosar-termen-fixat.xml"
    seen, portal.on_request = lock_probes

    result = sync(app)

    assert result.exit_code == 0, result.output
    assert seen == [True]
    hearings = client.get(f"/api/v1/cases/{filing['case_id']}", headers=auth).get_json()
    assert len(hearings["hearings"]) == 1
