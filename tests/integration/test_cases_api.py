"""The case API: create, read, update, list; the law and the identifiers checked."""

from datetime import timedelta

from tests import builders
from tests.clock import TODAY


def create(client, auth, **overrides):
    response = client.post("/api/v1/cases", json=builders.case(**overrides), headers=auth)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_a_case_is_created_with_its_child_parents_target_and_measure(client, auth):
    case = create(client, auth)
    assert case["reference"].startswith("CJ-")
    assert case["child"]["first_name"] == "Andrei-Ștefan"
    assert case["parents"][0]["role"] == "mama"
    assert case["measures"][0]["placement_target_id"] == case["placement_targets"][0]["id"]
    assert case["directorate_code"] == "CJ"
    again = client.get(f"/api/v1/cases/{case['id']}", headers=auth).get_json()
    assert again["child"]["cnp"] == case["child"]["cnp"]


def test_cedilla_input_is_stored_with_comma_below(client, auth):
    case = create(client, auth, child=builders.child(last_name="Ţîrlea", first_name="Ştefan"))
    assert case["child"]["last_name"] == "Țîrlea"
    assert case["child"]["first_name"] == "Ștefan"


def test_the_birth_date_is_taken_from_the_cnp_when_missing(client, auth):
    child = builders.child()
    expected = child.pop("birth_date")
    case = create(client, auth, child=child)
    assert case["child"]["birth_date"] == expected
    assert case["child"]["sex"] == "M"


def test_warnings_of_the_rules_engine_come_with_the_case(client, auth):
    case = create(client, auth, child=builders.child(age=11))
    codes = {f["code"] for f in case["findings"]}
    assert "art134_hearing" in codes


def test_updating_the_child_is_checked_against_the_law(client, auth):
    case = create(
        client, auth, placement_target=builders.residential(), child=builders.child(age=8)
    )
    child_id = case["child"]["id"]
    younger = builders.years_ago(5, days=10)
    from filing_service.law.cnp import build_cnp

    response = client.patch(
        f"/api/v1/children/{child_id}",
        headers=auth,
        json={
            "birth_date": younger.isoformat(),
            "cnp": build_cnp(younger, sex="M", county_code="12", serial=9),
        },
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["code"] == "art64_residential_under_7"
    unchanged = client.get(f"/api/v1/children/{child_id}", headers=auth).get_json()
    assert unchanged["birth_date"] == case["child"]["birth_date"]


def test_parts_are_added_updated_and_listed(client, auth):
    case = create(client, auth)
    father = client.post(
        f"/api/v1/cases/{case['id']}/parents",
        headers=auth,
        json=builders.parent("tata", first_name="Ion", cnp=None),
    )
    assert father.status_code == 201
    parent_id = father.get_json()["id"]
    changed = client.patch(
        f"/api/v1/parents/{parent_id}", headers=auth, json={"phone": "0722 000 000"}
    )
    assert changed.get_json()["phone"] == "0722 000 000"
    listed = client.get(f"/api/v1/parents?case_id={case['id']}&role=tata", headers=auth)
    assert [p["first_name"] for p in listed.get_json()["items"]] == ["Ion"]
    event = client.post(
        f"/api/v1/cases/{case['id']}/events",
        headers=auth,
        json={"kind": "cerere_depusa", "occurred_on": TODAY.isoformat()},
    )
    assert event.status_code == 201
    events = client.get(
        f"/api/v1/events?case_id={case['id']}&kind=cerere_depusa", headers=auth
    ).get_json()
    assert events["total"] == 1
    hearing = client.post(
        f"/api/v1/cases/{case['id']}/hearings",
        headers=auth,
        json={
            "scheduled_at": "2026-12-03T09:00:00+02:00",
            "court_case_number": "1234/117/2026",
        },
    )
    assert hearing.status_code == 201
    removed = client.delete(f"/api/v1/parents/{parent_id}", headers=auth)
    assert removed.status_code == 204


def test_a_new_measure_must_use_a_target_of_the_same_case(client, auth):
    first = create(client, auth)
    second = create(client, auth)
    response = client.post(
        f"/api/v1/cases/{second['id']}/measures",
        headers=auth,
        json={
            "kind": "plasament",
            "authority": "instanta",
            "placement_target_id": first["placement_targets"][0]["id"],
        },
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "placement_target_id"


def test_cases_are_listed_with_filters_and_pages(client, auth):
    for serial in range(3):
        create(
            client, auth, child=builders.child(serial=50 + serial, last_name=f"Marin{serial}")
        )
    create(client, auth, child=builders.child(serial=60, last_name="Ionescu"))
    page = client.get("/api/v1/cases?per_page=2&page=2", headers=auth).get_json()
    assert (page["total"], page["page"], len(page["items"])) == (4, 2, 2)
    found = client.get("/api/v1/cases?q=ionescu", headers=auth).get_json()
    assert [c["child"]["last_name"] for c in found["items"]] == ["Ionescu"]
    bad = client.get("/api/v1/cases?per_page=1000", headers=auth)
    assert bad.status_code == 400
    assert bad.get_json()["errors"][0]["field"] == "query.per_page"


def test_an_unknown_query_parameter_is_refused(client, auth):
    response = client.get("/api/v1/cases?colour=red", headers=auth)
    assert response.status_code == 400
    assert response.get_json()["errors"][0]["field"] == "query.colour"


def test_a_duplicate_external_id_is_a_conflict(client, auth):
    create(client, auth, external_id="sis-42")
    response = client.post(
        "/api/v1/cases", headers=auth, json=builders.case(external_id="sis-42")
    )
    assert response.status_code == 409


def test_the_court_case_number_must_have_the_ecris_form(client, auth):
    case = create(client, auth)
    bad = client.patch(
        f"/api/v1/cases/{case['id']}",
        headers=auth,
        json={"court_case_number": "1234-117-2026"},
    )
    assert bad.status_code == 422
    assert bad.get_json()["errors"][0]["field"] == "court_case_number"
    good = client.patch(
        f"/api/v1/cases/{case['id']}",
        headers=auth,
        json={"court_case_number": "1234/117/2026/a1"},
    )
    assert good.get_json()["court_case_number"] == "1234/117/2026/a1"


def test_a_case_cannot_be_moved_to_an_incompetent_court(client, auth):
    case = create(client, auth)
    response = client.patch(
        f"/api/v1/cases/{case['id']}", headers=auth, json={"court": "Tribunalul Alba"}
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["article"] == "art. 133 alin. (1)"


def test_a_measure_ending_before_it_starts_is_refused(client, auth):
    start = TODAY - timedelta(days=3)
    response = client.post(
        "/api/v1/cases",
        headers=auth,
        json=builders.case(
            measure=builders.emergency_measure(
                start, ends_on=(start - timedelta(days=1)).isoformat()
            )
        ),
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "measures[0].ends_on"


def test_a_duplicate_reference_is_a_conflict_not_an_error(client, auth):
    create(client, auth, reference="CJ-2026-00002")
    first = create(client, auth)  # the counter's own number skips the one given by hand
    assert first["reference"] != "CJ-2026-00002"
    response = client.post(
        "/api/v1/cases", headers=auth, json=builders.case(reference="CJ-2026-00002")
    )
    assert response.status_code == 409
    assert response.get_json()["errors"][0]["field"] == "reference"
    moved = client.patch(
        f"/api/v1/cases/{first['id']}", headers=auth, json={"reference": "CJ-2026-00002"}
    )
    assert moved.status_code == 409


def test_a_blank_optional_text_is_stored_as_nothing(client, auth):
    case = create(client, auth, court="   ", facts_summary="\n  ")
    assert case["court"] is None and case["facts_summary"] is None


def test_cases_created_at_the_same_time_get_distinct_numbers(app, auth):
    from concurrent.futures import ThreadPoolExecutor

    def send(serial):
        with app.test_client() as own:
            return own.post(
                "/api/v1/cases",
                headers=auth,
                json=builders.case(child=builders.child(serial=300 + serial)),
            ).get_json()

    with ThreadPoolExecutor(max_workers=4) as pool:
        made = list(pool.map(send, range(8)))
    references = [case.get("reference") for case in made]
    assert None not in references, made
    assert len(set(references)) == 8
