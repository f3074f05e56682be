"""The court directory: seeded with the tribunals on placeholder addresses that are marked
unverified, each directorate's own, changed only by its administrator."""

import re

import pytest

from filing_service.filings.courts import portal_institution
from filing_service.filings.portal import WSDL
from filing_service.law.directorates import DIRECTORATES

from .conftest import sqlite_copy


@pytest.fixture
def database_url(tmp_path, sqlite_template):
    """These tests are about the directory's content, not the database: they run on SQLite only
    (the filing paths run on both databases in the other modules)."""
    return sqlite_copy(tmp_path, sqlite_template)


def test_the_directory_holds_every_tribunal_on_an_unverified_placeholder(client, auth):
    courts = client.get("/api/v1/courts", headers=auth).get_json()
    assert {c["name"] for c in courts} == {d.tribunal for d in DIRECTORATES}
    assert len(courts) == 42  # 41 county tribunals (Brașov's specialised) + București
    assert all(
        c["registry_email"].endswith(".invalid") and not c["email_verified"] for c in courts
    )
    by_name = {c["name"]: c for c in courts}
    assert (
        by_name["Tribunalul pentru Minori și Familie Brașov"]["portal_institution"]
        == "TribunalulpentruminoriSifamilieBRASOV"
    )
    assert (
        by_name["Tribunalul București"]["registry_email"]
        == "registratura@tribunalul-bucuresti.invalid"
    )


def test_every_tribunal_has_a_code_the_portal_knows():
    known = set(re.findall(r'<s:enumeration value="([^"]+)" />', WSDL.read_text("utf-8")))
    assert {portal_institution(d.tribunal) for d in DIRECTORATES} <= known


def test_a_case_system_cannot_change_the_directory(client, auth):
    court = client.get("/api/v1/courts", headers=auth).get_json()[0]
    response = client.patch(
        f"/api/v1/courts/{court['id']}", headers=auth, json={"email_verified": True}
    )
    assert response.status_code == 403
    assert "administratorul" in response.get_json()["detail"]


def test_a_malformed_registry_address_is_refused(client, auth):
    court = client.get("/api/v1/courts", headers=auth).get_json()[0]
    response = client.patch(
        f"/api/v1/courts/{court['id']}",
        headers=auth,
        json={"registry_email": "registratura la tribunal"},
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "registry_email"


def test_a_new_filing_goes_to_the_tribunal_of_the_childs_domicile(client, auth, new_filing):
    assert new_filing()["court"] == "Tribunalul Cluj"  # art. 133 alin. (1)
