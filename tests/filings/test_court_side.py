"""After the filing: the registration number (ECRIS form), what the court does as the
portal reports it, and what the portal may get wrong (missing fields, no answer)."""

from datetime import datetime

import pytest

from .conftest import BUCHAREST


@pytest.fixture
def registered(client, auth, signed_package):
    """A filing sent and registered as 2345/117/2026."""
    filing = signed_package()
    client.post(f"/api/v1/filings/{filing['id']}/check", headers=auth)
    assert client.post(f"/api/v1/filings/{filing['id']}/send", headers=auth).status_code == 200
    response = client.post(
        f"/api/v1/filings/{filing['id']}/registration",
        headers=auth,
        json={"registration_number": "2345/117/2026"},
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def sync(app, on=datetime(2026, 12, 2, 8, 0, tzinfo=BUCHAREST)):
    app.config["FIXED_NOW"] = on
    return app.test_cli_runner().invoke(args=["filings", "sync-portal"])


def timeline(client, auth, case_id):
    case = client.get(f"/api/v1/cases/{case_id}", headers=auth).get_json()
    return case["hearings"], [e["kind"] for e in case["events"]]


@pytest.mark.parametrize(
    "number", ["2345/117", "2345-117-2026", "0/117/2026", "2345/117/2026/b1", ""]
)
def test_a_malformed_case_number_is_refused(client, auth, signed_package, number):
    filing = signed_package()
    response = client.post(
        f"/api/v1/filings/{filing['id']}/registration",
        headers=auth,
        json={"registration_number": number},
    )
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert error["field"] == "registration_number"
    assert "număr/cod instanță/an" in error["message"]


def test_the_registration_number_goes_on_the_case(client, auth, registered, case_id):
    case = client.get(f"/api/v1/cases/{case_id}", headers=auth).get_json()
    assert case["court_case_number"] == "2345/117/2026"
    assert registered["registration_number"] == "2345/117/2026"
    assert "cerere_depusa" in [e["kind"] for e in case["events"]]


def test_a_number_cannot_be_recorded_before_the_package_is_sent(client, auth, signed_package):
    filing = signed_package()
    response = client.post(
        f"/api/v1/filings/{filing['id']}/registration",
        headers=auth,
        json={"registration_number": "2345/117/2026/a1"},
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["code"] == "status_not_allowed"


def test_a_hearing_set_by_the_court_is_imported_once(
    app, client, auth, portal, registered, case_id
):
    portal.recording = "dosar-termen-fixat.xml"
    assert sync(app).exit_code == 0
    assert sync(app).exit_code == 0  # the next morning's run finds nothing new
    hearings, kinds = timeline(client, auth, case_id)
    assert len(hearings) == 1 and hearings[0]["source"] == "portal"
    assert kinds.count("pronuntare") == 0
    filing = client.get(f"/api/v1/filings/{registered['id']}", headers=auth).get_json()
    assert filing["status"] == "termen_fixat" and filing["portal_error"] is None
    action, body = portal.requests[0]
    assert action == "portalquery.just.ro/CautareDosare2"
    assert b"2345/117/2026" in body and b"TribunalulCLUJ" in body


def test_an_appeal_declared_at_the_court_goes_on_the_timeline(
    app, client, auth, portal, registered, case_id
):
    portal.recording = "dosar-recurs.xml"
    assert sync(app, datetime(2026, 12, 9, 8, 0, tzinfo=BUCHAREST)).exit_code == 0
    case = client.get(f"/api/v1/cases/{case_id}", headers=auth).get_json()
    [appeal] = [e for e in case["events"] if e["kind"] == "recurs_declarat"]
    assert appeal["occurred_on"] == "2026-12-08"
    assert "POPESCU MARIA" in appeal["description"]


def test_a_portal_answer_missing_a_required_field_changes_nothing(
    app, client, auth, portal, registered, case_id
):
    before = timeline(client, auth, case_id)
    portal.recording = "dosar-sedinta-fara-data.xml"
    result = sync(app)
    assert result.exit_code == 1
    assert "EROARE" in result.output and "nu respectă descrierea" in result.output
    assert timeline(client, auth, case_id) == before
    filing = client.get(f"/api/v1/filings/{registered['id']}", headers=auth).get_json()
    assert filing["status"] == "inregistrat"
    assert "nu respectă descrierea serviciului" in filing["portal_error"]


def test_a_portal_that_does_not_answer_in_time_changes_nothing(
    app, client, auth, portal, registered, case_id
):
    before = timeline(client, auth, case_id)
    portal.recording, portal.delay = "dosar-solutionat.xml", 2.0  # the client waits 1 s
    result = sync(app)
    assert result.exit_code == 1 and "nu a răspuns la timp" in result.output
    assert timeline(client, auth, case_id) == before
    filing = client.get(f"/api/v1/filings/{registered['id']}", headers=auth).get_json()
    assert filing["status"] == "inregistrat"
    assert "nu a răspuns la timp" in filing["portal_error"]


def test_a_case_the_portal_does_not_know_is_reported(app, client, auth, portal, registered):
    portal.recording = "dosar-negasit.xml"
    result = sync(app)
    assert result.exit_code == 1 and "nu cunoaște dosarul 2345/117/2026" in result.output


def test_a_communication_cannot_be_dated_in_the_future(client, auth, registered):
    response = client.post(
        f"/api/v1/filings/{registered['id']}/status",
        headers=auth,
        json={"status": "comunicat", "on": "2027-01-10"},
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["code"] == "date_in_future"


def test_the_court_side_only_moves_forward(client, auth, registered):
    client.post(
        f"/api/v1/filings/{registered['id']}/status",
        headers=auth,
        json={"status": "comunicat", "on": "2026-11-23"},
    )
    response = client.post(
        f"/api/v1/filings/{registered['id']}/status",
        headers=auth,
        json={"status": "termen_fixat", "on": "2026-11-23"},
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["code"] == "transition_not_allowed"


def test_the_older_operation_answers_when_the_newer_one_faults(
    app, client, auth, portal, registered, case_id
):
    portal.recording, portal.faults = "dosar-termen-fixat.xml", {"CautareDosare2"}
    assert sync(app).exit_code == 0
    assert [a for a, _ in portal.requests] == [
        "portalquery.just.ro/CautareDosare2",
        "portalquery.just.ro/CautareDosare",
    ]
    hearings, _ = timeline(client, auth, case_id)
    assert len(hearings) == 1


def test_a_portal_that_faults_on_both_operations_changes_nothing(
    app, client, auth, portal, registered, case_id
):
    before = timeline(client, auth, case_id)
    portal.recording = "dosar-solutionat.xml"
    portal.faults = {"CautareDosare2", "CautareDosare"}
    result = sync(app)
    assert result.exit_code == 1 and "SOAP Fault" in result.output
    assert timeline(client, auth, case_id) == before


def test_a_registration_dated_in_the_future_is_refused(client, auth, signed_package):
    filing = signed_package()
    client.post(f"/api/v1/filings/{filing['id']}/check", headers=auth)
    client.post(f"/api/v1/filings/{filing['id']}/send", headers=auth)
    response = client.post(
        f"/api/v1/filings/{filing['id']}/registration",
        headers=auth,
        json={"registration_number": "2345/117/2026", "on": "2027-01-05"},
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "on"
