"""GET /api/v1/cases/{id}.xml: any case as XML valid against the schema, which imports
back to an equal case. Runs on both databases."""

from filing_service.xml.parsing import parse_xml, validate_against
from tests import builders

from .conftest import EXAMPLES

VALID = (EXAMPLES / "case-valid.xml").read_bytes()
# What changes on every write, and the read-only ids of the parts.
VOLATILE = {"updated_at", "created_at", "findings"}


def comparable(case: dict) -> dict:
    return {k: v for k, v in case.items() if k not in VOLATILE}


def test_an_exported_case_is_valid_against_the_schema(client, auth):
    created = client.post(
        "/api/v1/cases", json=builders.case(external_id="SIS-9"), headers=auth
    ).get_json()
    response = client.get(f"/api/v1/cases/{created['id']}.xml", headers=auth)
    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    assert validate_against(parse_xml(response.data), "case-submission", response.data) == []


def test_an_exported_case_reimports_to_an_equal_case(client, auth, post_xml):
    case_id = post_xml("/api/v1/submissions", VALID).get_json()["case_id"]
    before = client.get(f"/api/v1/cases/{case_id}", headers=auth).get_json()
    exported = client.get(f"/api/v1/cases/{case_id}.xml", headers=auth).data
    response = post_xml("/api/v1/submissions", exported)
    after = client.get(f"/api/v1/cases/{case_id}", headers=auth).get_json()
    assert response.status_code == 200 and response.get_json()["action"] == "updated"
    assert comparable(after) == comparable(before)
    assert client.get(f"/api/v1/cases/{case_id}.xml", headers=auth).data == exported


def test_a_case_made_through_the_json_api_exports_what_was_sent(client, auth):
    sent = builders.case(external_id="SIS-10")
    case_id = client.post("/api/v1/cases", json=sent, headers=auth).get_json()["id"]
    exported = client.get(f"/api/v1/cases/{case_id}.xml", headers=auth).data.decode()
    for value in (
        sent["child"]["cnp"],
        sent["placement_target"]["name"],
        sent["measure"]["act_number"],
        "<externalId>SIS-10</externalId>",
    ):
        assert value in exported


def test_the_same_external_id_in_another_directorate_is_another_case(
    post_xml, client, other_auth, auth
):
    mine = post_xml("/api/v1/submissions", VALID).get_json()
    in_sector_3 = VALID.replace(
        b"<domicileArea>CJ</domicileArea>", b"<domicileArea>B3</domicileArea>"
    ).replace(
        b"<court>Tribunalul Cluj</court>", "<court>Tribunalul București</court>".encode()
    )
    theirs = post_xml("/api/v1/submissions", in_sector_3, headers=other_auth)
    assert theirs.status_code == 201
    assert theirs.get_json()["case_id"] != mine["case_id"]
    assert (
        client.get(f"/api/v1/cases/{mine['case_id']}", headers=auth).get_json()["child"][
            "domicile_area"
        ]
        == "CJ"
    )


def test_another_directorates_case_is_not_exported(client, auth, other_auth):
    created = client.post("/api/v1/cases", json=builders.case(), headers=auth).get_json()
    response = client.get(f"/api/v1/cases/{created['id']}.xml", headers=other_auth)
    assert response.status_code == 404
    assert "Popescu" not in response.get_data(as_text=True)
