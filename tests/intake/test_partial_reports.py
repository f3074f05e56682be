"""A partial report is accepted as long as it can be routed; what is missing is listed,
and a child nobody could name still gets a case (verification is due for every report,
art. 98 lit. a)."""

from tests import builders


def _fields(receipt: dict) -> set[str]:
    return {m["field"] for m in receipt["missing"]}


def test_a_partial_report_is_accepted_and_its_missing_parts_listed(send):
    report = builders.report_119(
        children=[{"first_name": "Marius", "approximate_age": 6}],
        place={"county": "Dolj"},
        forms=[],
        description=None,
    )

    answer = send(report)

    assert answer.status_code == 201
    receipt = answer.get_json()
    assert receipt["directorate"] == "DJ"
    assert _fields(receipt) == {
        "children[0].last_name",
        "children[0].cnp",
        "place.locality",
        "place.address",
        "forms",
        "description",
    }
    assert all(m["message"] for m in receipt["missing"])


def test_an_unknown_childs_name_is_a_clear_placeholder(send, client, cases_of):
    send(builders.report_119(children=[{"first_name": "Marius", "approximate_age": 6}]))

    [case] = cases_of("CJ")
    assert (case["child"]["first_name"], case["child"]["last_name"]) == (
        "Marius",
        "Necunoscut",
    )
    full = client.get(f"/api/v1/cases/{case['id']}", headers=cases_of.headers["CJ"])
    event = full.get_json()["events"][0]
    assert "child.last_name" in {m["field"] for m in event["data"]["missing"]}
    assert "Vârsta aproximativă: 6 ani" in event["description"]


def test_a_report_naming_no_child_opens_a_case_for_an_unknown_child(send, cases_of):
    receipt = send(builders.report_119(children=[])).get_json()

    assert "children" in _fields(receipt)
    [case] = cases_of("CJ")
    assert case["child"]["first_name"] == case["child"]["last_name"] == "Necunoscut"


def test_an_anonymous_caller_is_not_a_missing_part(send):
    receipt = send(builders.report_119(caller={"anonymous": True})).get_json()

    assert not any(f.startswith("caller") for f in _fields(receipt))


def test_112_alerted_without_a_time_lists_the_time_as_missing(send):
    receipt = send(builders.report_119(emergency_112={"alerted": True})).get_json()

    assert "emergency_112.alerted_at" in _fields(receipt)


def test_a_cnp_completes_the_childs_birth_date(send, cases_of):
    child = builders.reported_child()
    send(builders.report_119(children=[{"cnp": child["cnp"]}]))

    [case] = cases_of("CJ")
    assert case["child"]["birth_date"] == child["birth_date"]
