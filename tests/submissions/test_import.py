"""POST /api/v1/submissions: schema, model and law checked, stored in one transaction;
the same external identifier updates instead of duplicating. Runs on both databases."""

from tests import builders

from .conftest import EXAMPLES, case_xml

VALID = (EXAMPLES / "case-valid.xml").read_bytes()
THREE_ERRORS = (EXAMPLES / "case-invalid-three-errors.xml").read_bytes()


def line_of(data: bytes, text: str) -> int:
    """1-based line of the first line of ``data`` containing ``text``."""
    lines = data.decode("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_the_valid_example_imports_as_a_new_case(post_xml, client, auth):
    response = post_xml("/api/v1/submissions", VALID)
    assert response.status_code == 201, response.get_json()
    case = client.get(response.headers["Location"], headers=auth).get_json()
    assert case["external_id"] == "SIGC-CJ-2026-004217"
    assert case["child"]["last_name"] == "Moldovan"
    assert [p["role"] for p in case["parents"]] == ["mama", "tata"]
    assert case["measures"][0]["placement_target_id"] == case["placement_targets"][0]["id"]
    assert {e["source"] for e in case["events"]} == {"xml"}


def test_the_same_external_id_sent_twice_updates_the_case(post_xml, client, auth):
    first = post_xml("/api/v1/submissions", VALID).get_json()
    changed = VALID.replace(b"<health>Subponderal;", b"<health>Recuperat ponderal;")
    second = post_xml("/api/v1/submissions", changed)
    assert second.status_code == 200
    assert second.get_json()["action"] == "updated"
    assert second.get_json()["case_id"] == first["case_id"]
    listing = client.get("/api/v1/cases", headers=auth).get_json()
    assert listing["total"] == 1
    case = client.get(f"/api/v1/cases/{first['case_id']}", headers=auth).get_json()
    assert case["child"]["health"].startswith("Recuperat ponderal")
    assert len(case["events"]) == 2 and len(case["measures"]) == 1


def test_three_distinct_errors_are_all_reported_with_their_lines(post_xml, stored):
    before = stored()
    response = post_xml("/api/v1/submissions", THREE_ERRORS)
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    found = {(e["code"], e["line"], e["xpath"]) for e in errors}
    assert found == {
        ("xsd_pattern", line_of(THREE_ERRORS, "<cnp>"), "/fs:caseSubmission/fs:child/fs:cnp"),
        (
            "xsd_enumeration",
            line_of(THREE_ERRORS, "<sex>"),
            "/fs:caseSubmission/fs:child/fs:sex",
        ),
        (
            "xsd_enumeration",
            line_of(THREE_ERRORS, "<kind>"),
            "/fs:caseSubmission/fs:measure/fs:kind",
        ),
    }
    assert all(e["message"] and e["column"] == 5 for e in errors)
    assert stored() == before


def test_a_cnp_with_a_wrong_check_digit_is_placed_on_its_element(post_xml):
    data = VALID.replace(b"<cnp>5170312120485</cnp>", b"<cnp>5170312120484</cnp>")
    response = post_xml("/api/v1/submissions", data)
    assert response.status_code == 422
    [error] = response.get_json()["errors"]
    assert error["code"] == "cnp_check_digit"  # the check's own code, as in JSON
    assert error["field"] == "child.cnp"
    assert error["line"] == line_of(data, "5170312120484")
    assert "control" in error["message"]


def test_a_breach_of_the_law_is_refused_with_its_article_and_element(post_xml, stored):
    """Art. 64 alin. (1): a child of 5 in a residential service; the rules engine of the
    JSON API refuses it, and the problem points at placementTarget/kind."""
    data = case_xml(
        child=builders.child(age=5),
        placement_target=builders.residential(),
        external_id="SIS-64",
    )
    before = stored()
    response = post_xml("/api/v1/submissions", data)
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    breach = next(e for e in errors if e["code"] == "art64_residential_under_7")
    assert breach["article"] == "art. 64 alin. (1)"
    assert breach["xpath"] == "/fs:caseSubmission/fs:placementTarget/fs:kind"
    assert breach["line"] == line_of(data, "<kind>serviciu_rezidential</kind>")
    assert stored() == before


def test_a_cnp_contradicting_the_birth_date_is_refused_at_the_cnp(post_xml):
    data = VALID.replace(
        b"<birthDate>2017-03-12</birthDate>", b"<birthDate>2017-03-13</birthDate>"
    )
    response = post_xml("/api/v1/submissions", data)
    assert response.status_code == 422
    [error] = response.get_json()["errors"]
    assert error["code"] == "cnp_birth_date_mismatch"
    assert error["xpath"] == "/fs:caseSubmission/fs:child/fs:cnp"


def test_the_dry_run_gives_the_same_report_and_stores_nothing(post_xml, stored):
    before = stored()
    valid = post_xml("/api/v1/submissions/validate", VALID)
    invalid = post_xml("/api/v1/submissions/validate", THREE_ERRORS)
    imported = post_xml("/api/v1/submissions", THREE_ERRORS)
    assert valid.status_code == 200
    assert valid.get_json()["valid"] is True and valid.get_json()["action"] == "created"
    assert invalid.status_code == 422
    assert invalid.get_json()["errors"] == imported.get_json()["errors"]
    assert stored() == before


def test_warnings_of_the_rules_come_with_an_accepted_import(post_xml):
    """A child of 11 in court proceedings must be heard (art. 134 alin. 2): a warning."""
    data = case_xml(
        child=builders.child(age=11),
        measure=builders.emergency_measure(authority="instanta"),
        external_id="SIS-134",
    )
    response = post_xml("/api/v1/submissions", data)
    assert response.status_code == 201, response.get_json()
    codes = {w["code"] for w in response.get_json()["warnings"]}
    assert "art134_hearing" in codes


def test_a_json_body_is_refused_with_415(client, auth):
    response = client.post("/api/v1/submissions", json=builders.case(), headers=auth)
    assert response.status_code == 415


def test_without_a_token_nothing_is_read(client, stored):
    before = stored()
    response = client.post(
        "/api/v1/submissions", data=VALID, headers={"Content-Type": "application/xml"}
    )
    assert response.status_code == 401
    assert stored() == before


def test_the_openapi_document_describes_the_xml_routes(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    for path in ("/api/v1/submissions", "/api/v1/submissions/validate"):
        assert "application/xml" in paths[path]["post"]["requestBody"]["content"]
    assert (
        "application/xml"
        in paths["/api/v1/cases/{case_id}.xml"]["get"]["responses"]["200"]["content"]
    )
