"""Documents the service generated for the case join a package by reference: the latest
signed version is attached, never an unsigned one when a signed one exists, and never a
document of another case."""

import pytest

from filing_service.storage import store

from .conftest import fictional_case, generated_and_signed, sqlite_copy


@pytest.fixture
def database_url(tmp_path, sqlite_template):
    """These tests are about which file is attached, not the database: they run on SQLite only
    (the filing paths run on both databases in the other modules)."""
    return sqlite_copy(tmp_path, sqlite_template)


def test_a_generated_document_is_attached_in_its_last_signed_version(
    app, client, auth, case_id, new_filing
):
    document_id, last_signed = generated_and_signed(app, case_id)
    filing = new_filing()
    response = client.post(
        f"/api/v1/filings/{filing['id']}/case-documents",
        headers=auth,
        json={"role": "cerere", "document_id": document_id},
    )
    assert response.status_code == 201, response.get_json()
    attached = response.get_json()
    with app.app_context():
        assert store().get(attached["sha256"]) == last_signed
    assert attached["document_id"] == document_id


def test_a_document_of_another_case_is_refused(app, client, auth, new_filing, case_id):
    document_id, _ = generated_and_signed(app, case_id)
    other = client.post(
        "/api/v1/cases", headers=auth, json={**fictional_case(), "reference": "CJ-ALTA-1"}
    ).get_json()
    filing = client.post(
        f"/api/v1/cases/{other['id']}/filings",
        headers=auth,
        json={"object": "Alt obiect", "legal_basis": "art. 70"},
    ).get_json()
    response = client.post(
        f"/api/v1/filings/{filing['id']}/case-documents",
        headers=auth,
        json={"role": "cerere", "document_id": document_id},
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["code"] == "foreign_document"
