"""Bad input gets a clear 4xx naming the problem, and nothing half-written stays."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from filing_service.db import unit_of_work
from filing_service.models import AuditEvent, Case, Child, Measure, Parent
from tests import builders
from tests.clock import TODAY


def stored_counts(app) -> tuple:
    with app.app_context(), unit_of_work() as uow:
        return tuple(
            uow.session.scalar(select(func.count()).select_from(model))
            for model in (Case, Child, Parent, Measure, AuditEvent)
        )


@pytest.fixture
def nothing_stored(app):
    before = stored_counts(app)
    yield
    assert stored_counts(app) == before


def test_an_invalid_cnp_names_the_field(client, auth, nothing_stored):
    child = builders.child()
    child["cnp"] = child["cnp"][:12] + str((int(child["cnp"][12]) + 1) % 10)
    response = client.post("/api/v1/cases", json=builders.case(child=child), headers=auth)
    assert response.status_code == 422
    body = response.get_json()
    assert response.mimetype == "application/problem+json"
    assert body["errors"][0]["field"] == "child.cnp"
    assert body["errors"][0]["code"] == "cnp_check_digit"  # not a generic value error
    assert "cifra de control" in body["errors"][0]["message"].lower()


def test_a_cnp_that_disagrees_with_the_birth_date(client, auth, nothing_stored):
    child = builders.child(birth_date="2015-01-01")
    response = client.post("/api/v1/cases", json=builders.case(child=child), headers=auth)
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "child.cnp"


def test_a_birth_date_after_the_measure(client, auth, nothing_stored):
    start = TODAY - timedelta(days=400)
    response = client.post(
        "/api/v1/cases",
        headers=auth,
        json=builders.case(
            child=builders.child(
                age=0, cnp=None, birth_date=(TODAY - timedelta(days=30)).isoformat()
            ),
            measure=builders.emergency_measure(start),
        ),
    )
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert error["code"] == "date_order"
    assert error["field"] == "measures[0].decided_on"
    assert "data nașterii" in error["message"]


def test_a_child_of_five_proposed_for_a_residential_centre(client, auth, nothing_stored):
    response = client.post(
        "/api/v1/cases",
        headers=auth,
        json=builders.case(
            child=builders.child(age=5), placement_target=builders.residential()
        ),
    )
    assert response.status_code == 422
    body = response.get_json()
    assert body["errors"][0]["article"] == "art. 64 alin. (1)"
    assert "7 ani" in body["detail"]


def test_malformed_json(client, auth, nothing_stored):
    response = client.post(
        "/api/v1/cases",
        data='{"child": {',
        headers={**auth, "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert "JSON" in response.get_json()["detail"]


def test_unknown_fields_are_named(client, auth, nothing_stored):
    payload = builders.case()
    payload["child"]["eye_colour"] = "căprui"
    payload["priority"] = "mare"
    response = client.post("/api/v1/cases", json=payload, headers=auth)
    assert response.status_code == 422
    fields = {e["field"] for e in response.get_json()["errors"]}
    assert fields == {"child.eye_colour", "priority"}


def test_a_ten_megabyte_body(client, auth, nothing_stored):
    body = b'{"child": {"first_name": "' + b"a" * (10 * 1024 * 1024) + b'"}}'
    response = client.post(
        "/api/v1/cases", data=body, headers={**auth, "Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert "limita" in response.get_json()["detail"]


def test_a_body_that_is_not_json(client, auth, nothing_stored):
    response = client.post(
        "/api/v1/cases", data="<case/>", headers={**auth, "Content-Type": "application/xml"}
    )
    assert response.status_code == 415


def test_a_wrong_type_is_named_in_romanian(client, auth, nothing_stored):
    payload = builders.case()
    payload["child"]["birth_date"] = "12.03.2015"
    response = client.post("/api/v1/cases", json=payload, headers=auth)
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert error["field"] == "child.birth_date"
    assert "AAAA-LL-ZZ" in error["message"]


def test_a_failure_after_some_rows_were_flushed_rolls_everything_back(
    client, auth, nothing_stored
):
    # The second parent is invalid only when checked against the whole case (born after
    # the child): the case, child and first parent were already flushed by then.
    child = builders.child(age=9)
    late = builders.parent("tata", cnp=None, birth_date=TODAY.isoformat())
    response = client.post(
        "/api/v1/cases",
        headers=auth,
        json=builders.case(child=child, parents=[builders.parent(), late]),
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "parents[1].birth_date"


def test_missing_token_is_401_not_500(client, nothing_stored):
    response = client.post("/api/v1/cases", json=builders.case())
    assert response.status_code == 401
    bad = client.get("/api/v1/cases", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401
