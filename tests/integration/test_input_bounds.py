"""Every input within its bounds gets its answer, every other a 4xx naming its field:
ids and pages too large for the database, null where a field cannot be null, times
without a zone, implausible years, JSON nested too deep, one parent more than the XML
export carries. None of them reaches a 500 (api.bounds, api.fields.partial)."""

import json
import re

import pytest

from filing_service.api.bounds import ID_MAX, JSON_MAX_DEPTH
from tests import builders
from tests.clock import TODAY

HUGE = 2**63  # one more than SQLite's largest integer


@pytest.fixture
def case(client, auth) -> dict:
    response = client.post("/api/v1/cases", json=builders.case(), headers=auth)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def operations(client):
    """Every operation of the OpenAPI document: (method, path, operation)."""
    document = client.get("/api/v1/openapi.json").get_json()
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield method, path, operation


def only_errors(response) -> list[dict]:
    assert response.mimetype == "application/problem+json", response.get_data(as_text=True)
    return response.get_json().get("errors", [])


def test_every_route_with_an_id_answers_404_to_an_id_too_large_for_the_database(client, auth):
    tried = 0
    for method, path, operation in operations(client):
        names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "path"]
        if not names or any(not n.endswith("_id") for n in names):
            continue
        url = re.sub(r"\{[a-z_]+\}", str(HUGE), path)
        response = client.open(url, method=method.upper(), headers=auth, json={})
        assert response.status_code == 404, (method, path, response.get_data(as_text=True))
        tried += 1
    assert tried > 40  # the 44 single-id GET routes and the others


def test_the_largest_id_is_looked_up_and_one_more_matches_no_route(client, auth, case):
    assert client.get(f"/api/v1/cases/{ID_MAX}", headers=auth).status_code == 404
    assert client.get(f"/api/v1/cases/{ID_MAX + 1}", headers=auth).status_code == 404


@pytest.mark.parametrize("name", ["page", "case_id", "per_page"])
def test_a_query_value_too_large_for_the_database_is_refused_naming_it(client, auth, name):
    response = client.get(f"/api/v1/filings?{name}={HUGE}", headers=auth)
    assert response.status_code == 400
    assert [e["field"] for e in only_errors(response)] == [f"query.{name}"]


def test_an_id_inside_a_body_too_large_for_the_database_is_refused_naming_it(
    client, auth, case
):
    measure = builders.emergency_measure(placement_target_id=HUGE)
    response = client.post(f"/api/v1/cases/{case['id']}/measures", json=measure, headers=auth)
    assert response.status_code == 422
    (error,) = only_errors(response)
    assert (error["field"], error["code"]) == ("placement_target_id", "less_than_equal")


@pytest.mark.parametrize(
    ("part", "field"),
    [
        ("children", "complete_impairment_confirmed"),
        ("parents", "deceased"),
        ("parents", "legal_representative"),
        ("parents", "parental_rights"),
        ("measures", "status"),
        ("events", "data"),
    ],
)
def test_a_patch_with_null_for_a_field_that_cannot_be_null_names_the_field(
    client, auth, case, part, field
):
    key = {"children": "child"}.get(part)
    part_id = case[key]["id"] if key else case[part][0]["id"]
    response = client.patch(f"/api/v1/{part}/{part_id}", json={field: None}, headers=auth)
    assert response.status_code == 422
    (error,) = only_errors(response)
    assert (error["field"], error["code"]) == (field, "not_nullable")


def test_a_patch_with_null_for_a_nullable_field_clears_it(client, auth, case):
    parent_id = case["parents"][0]["id"]
    response = client.patch(
        f"/api/v1/parents/{parent_id}", json={"agrees_to_measure": None}, headers=auth
    )
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["agrees_to_measure"] is None


@pytest.mark.parametrize(
    ("part", "body", "field"),
    [
        ("hearings", {"scheduled_at": "2026-12-03T09:00:00"}, "scheduled_at"),
        (
            "events",
            {
                "kind": "sesizare_primita",
                "occurred_on": "2026-11-20",
                "occurred_at": "2026-11-20T18:30",
            },
            "occurred_at",
        ),
    ],
)
def test_a_time_without_its_zone_is_refused_naming_the_field(
    client, auth, case, part, body, field
):
    response = client.post(f"/api/v1/cases/{case['id']}/{part}", json=body, headers=auth)
    assert response.status_code == 422
    (error,) = only_errors(response)
    assert (error["field"], error["code"]) == (field, "timezone_aware")


@pytest.mark.parametrize(
    ("part", "body", "field"),
    [
        ("hearings", {"scheduled_at": "9999-12-31T09:00:00+02:00"}, "scheduled_at"),
        ("events", {"kind": "sesizare_primita", "occurred_on": "9999-12-31"}, "occurred_on"),
        ("events", {"kind": "sesizare_primita", "occurred_on": "1899-12-31"}, "occurred_on"),
    ],
)
def test_a_year_outside_1900_to_2200_is_refused_naming_the_field(
    client, auth, case, part, body, field
):
    response = client.post(f"/api/v1/cases/{case['id']}/{part}", json=body, headers=auth)
    assert response.status_code == 422
    (error,) = only_errors(response)
    assert (error["field"], error["code"]) == (field, "date_out_of_range")


@pytest.mark.parametrize(
    ("part", "body"),
    [
        ("hearings", {"scheduled_at": "2200-12-31T09:00:00+02:00"}),
        ("events", {"kind": "cerere_masura_primita", "occurred_on": "2200-12-31"}),
        ("events", {"kind": "comunicare_hotarare", "occurred_on": "2200-12-31"}),
    ],
)
def test_the_last_plausible_day_is_stored_and_its_deadlines_counted(
    client, auth, case, part, body
):
    response = client.post(f"/api/v1/cases/{case['id']}/{part}", json=body, headers=auth)
    assert response.status_code in (201, 422), response.get_json()  # a rule may refuse it
    deadlines = client.get(f"/api/v1/cases/{case['id']}/deadlines", headers=auth)
    assert deadlines.status_code == 200


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_every_json_body_nested_too_deep_is_refused_naming_the_limit(client, auth):
    tried = 0
    for method, path, operation in operations(client):
        content = operation.get("requestBody", {}).get("content", {})
        if "application/json" not in content:
            continue
        url = re.sub(r"\{[a-z_]+\}", "1", path)
        response = client.open(
            url,
            method=method.upper(),
            data=nested(1000),
            content_type="application/json",
            headers=auth,
        )
        assert response.status_code == 400, (method, path, response.get_data(as_text=True))
        body = response.get_json()
        assert body["code"] == "invalid_json"
        assert str(JSON_MAX_DEPTH) in body["detail"]
        tried += 1
    assert tried >= 26


def test_json_as_deep_as_the_limit_is_parsed_and_validated(client, auth):
    body = json.dumps({"child": json.loads(nested(JSON_MAX_DEPTH - 1))})
    response = client.post(
        "/api/v1/cases", data=body, content_type="application/json", headers=auth
    )
    assert response.status_code == 422  # the model's answer, not the parser's
    assert response.get_json()["code"] == "invalid_data"


def test_brackets_inside_strings_do_not_count_as_nesting(client, auth):
    facts = "[" * 1000 + '\\"{' * 100
    response = client.post(
        "/api/v1/cases", json=builders.case(facts_summary=facts[:2000]), headers=auth
    )
    assert response.status_code == 201, response.get_json()


def test_an_eleventh_parent_is_refused_as_the_xml_export_would(client, auth):
    parents = [builders.parent("tata" if i % 2 else "mama") for i in range(10)]
    created = client.post("/api/v1/cases", json=builders.case(parents=parents), headers=auth)
    assert created.status_code == 201, created.get_json()
    case_id = created.get_json()["id"]
    assert client.get(f"/api/v1/cases/{case_id}.xml", headers=auth).status_code == 200

    response = client.post(
        f"/api/v1/cases/{case_id}/parents", json=builders.parent("tata"), headers=auth
    )
    assert response.status_code == 422
    (error,) = only_errors(response)
    assert (error["field"], error["code"]) == ("parents", "too_long")
    stored = client.get(f"/api/v1/cases/{case_id}", headers=auth).get_json()
    assert len(stored["parents"]) == 10


def test_event_data_the_xml_export_cannot_carry_is_refused_naming_the_field(
    client, auth, case
):
    body = {
        "kind": "sesizare_primita",
        "occurred_on": TODAY.isoformat(),
        "data": {str(i): i for i in range(101)},
    }
    response = client.post(f"/api/v1/cases/{case['id']}/events", json=body, headers=auth)
    assert response.status_code == 422
    (error,) = only_errors(response)
    assert error["field"] == "data"
