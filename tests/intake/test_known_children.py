"""A report about a child already known goes on the existing case: at once for the same
CNP; for the same name and birth date once a person confirms the suggested match."""

from tests import builders

SUGGESTIONS = "/api/v1/intake/match-suggestions"


def _existing_case(client, headers, **child) -> dict:
    data = builders.case(
        child=builders.child(**child), measure=None, placement_target=None, events=[]
    )
    answer = client.post("/api/v1/cases", json=data, headers=headers)
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()


def test_a_report_with_a_known_cnp_goes_on_the_existing_case(send, client, auth, cases_of):
    known = _existing_case(client, auth)
    child = {"cnp": known["child"]["cnp"], "first_name": "Andrei"}

    receipt = send(builders.report_119(children=[child])).get_json()

    assert receipt["case_ids"] == [known["id"]]
    assert len(cases_of("CJ")) == 1
    events = client.get(f"/api/v1/cases/{known['id']}", headers=auth).get_json()["events"]
    assert [e["kind"] for e in events] == ["sesizare_primita"]


def test_a_known_cnp_at_another_directorate_opens_a_new_case_here(
    send, client, make_token, cases_of
):
    known = _existing_case(client, make_token("B3"))

    receipt = send(builders.report_119(children=[{"cnp": known["child"]["cnp"]}])).get_json()

    assert receipt["case_ids"] and receipt["case_ids"] != [known["id"]]
    assert len(cases_of("CJ")) == 1


def _report_by_name(send, known: dict) -> dict:
    child = {
        "first_name": known["child"]["first_name"].upper(),
        "last_name": known["child"]["last_name"],
        "birth_date": known["child"]["birth_date"],
    }
    return send(builders.report_119(children=[child])).get_json()


def test_the_same_name_and_birth_date_is_suggested_not_linked(send, client, auth):
    known = _existing_case(client, auth)

    receipt = _report_by_name(send, known)

    assert receipt["case_ids"] != [known["id"]]
    [suggestion] = client.get(SUGGESTIONS, headers=auth).get_json()["items"]
    assert suggestion["case_id"] == known["id"]
    assert suggestion["report_number"] == receipt["number"]


def test_a_confirmed_match_moves_the_report_to_the_known_case(send, client, auth):
    known = _existing_case(client, auth)
    opened_id = _report_by_name(send, known)["case_ids"][0]
    [suggestion] = client.get(SUGGESTIONS, headers=auth).get_json()["items"]

    answer = client.post(
        f"/api/v1/intake/reported-children/{suggestion['reported_child_id']}/link",
        json={"case_id": known["id"]},
        headers=auth,
    )

    assert answer.status_code == 200, answer.get_json()
    assert answer.get_json()["case_id"] == known["id"]
    events = client.get(f"/api/v1/cases/{known['id']}", headers=auth).get_json()["events"]
    assert [e["kind"] for e in events] == ["sesizare_primita"]
    opened = client.get(f"/api/v1/cases/{opened_id}", headers=auth).get_json()
    assert opened["status"] == "inchis"
    assert client.get(SUGGESTIONS, headers=auth).get_json()["items"] == []


def test_a_case_that_was_not_suggested_cannot_be_confirmed(send, client, auth):
    known = _existing_case(client, auth)
    stranger = _existing_case(client, auth, first_name="Radu", serial=77)
    _report_by_name(send, known)
    [suggestion] = client.get(SUGGESTIONS, headers=auth).get_json()["items"]

    answer = client.post(
        f"/api/v1/intake/reported-children/{suggestion['reported_child_id']}/link",
        json={"case_id": stranger["id"]},
        headers=auth,
    )

    assert answer.status_code == 422
    assert answer.get_json()["errors"][0]["field"] == "case_id"
