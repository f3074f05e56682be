"""Reports sent by a call centre become cases at the directorate of the child's place,
and only there."""

from datetime import timedelta

import pytest

from tests import builders
from tests.clock import FIXED_NOW

PLACES = [
    ({"county": "Cluj", "locality": "Cluj-Napoca"}, "CJ"),
    ({"county": "Bistrita-Nasaud", "locality": "Bistrița"}, "BN"),
    ({"county": "județul Iași", "locality": "Pașcani"}, "IS"),
    ({"county": "București", "sector": 3}, "B3"),
    ({"county": "Bucuresti", "locality": "Sectorul 6"}, "B6"),
]


@pytest.mark.parametrize("place, code", PLACES, ids=[c for _, c in PLACES])
def test_a_report_opens_a_case_at_the_directorate_of_the_place_only(
    send, cases_of, place, code
):
    answer = send(builders.report_119(place=place))

    assert answer.status_code == 201, answer.get_json()
    receipt = answer.get_json()
    assert receipt["directorate"] == code and receipt["routing"] == "automata"
    assert receipt["number"].startswith("119-")
    [case] = cases_of(code)
    assert case["child"]["first_name"] == "Ioana"
    for other in {"CJ", "BN", "IS", "B3", "B6"} - {code}:
        assert cases_of(other) == [], other


def test_the_sender_gets_no_case_of_another_directorate(send, client, auth, cases_of):
    receipt = send(builders.report_119(place={"county": "Brașov"})).get_json()

    assert receipt["directorate"] == "BV" and receipt["case_ids"] == []
    [case] = cases_of("BV")
    assert client.get(f"/api/v1/cases/{case['id']}", headers=auth).status_code == 404
    reports = client.get("/api/v1/intake/reports", headers=cases_of.headers["BV"]).get_json()
    report_id = reports["items"][0]["id"]
    assert client.get(f"/api/v1/intake/reports/{report_id}", headers=auth).status_code == 404
    assert client.get("/api/v1/intake/reports", headers=auth).get_json()["total"] == 0


def test_a_report_about_the_senders_own_county_gives_its_case_ids(send, client, auth):
    receipt = send().get_json()

    [case_id] = receipt["case_ids"]
    assert client.get(f"/api/v1/cases/{case_id}", headers=auth).status_code == 200


def test_the_case_timeline_carries_the_report(send, client, auth):
    received = (FIXED_NOW - timedelta(days=1)).replace(hour=22, minute=5)
    alerted = received + timedelta(minutes=10)
    report = builders.report_119(
        urgent=True,
        emergency_112={"alerted": True, "alerted_at": alerted.isoformat()},
        received_at=received.isoformat(),
    )
    receipt = send(report).get_json()

    case = client.get(f"/api/v1/cases/{receipt['case_ids'][0]}", headers=auth).get_json()
    [event] = case["events"]
    assert event["kind"] == "sesizare_primita" and event["source"] == "119"
    assert event["occurred_on"] == received.date().isoformat()
    assert event["data"]["report_number"] == receipt["number"]
    assert event["data"]["urgent"] is True and event["data"]["emergency_112"] is True
    assert "Neglijare alimentară, Abuz fizic" in event["description"]
    assert f"112 a fost alertat la {alerted:%d.%m.%Y %H:%M}" in event["description"]


def test_the_callers_identity_stays_off_the_case(send, client, auth):
    receipt = send().get_json()

    case = client.get(f"/api/v1/cases/{receipt['case_ids'][0]}", headers=auth)
    text = case.get_data(as_text=True)
    assert "Vecină" not in text and "0700000000" not in text


def test_a_report_about_several_children_opens_a_case_for_each(send, cases_of):
    children = [
        builders.reported_child(serial=41, first_name="Ana"),
        builders.reported_child(age=5, serial=42, first_name="Elena"),
    ]
    receipt = send(builders.report_119(children=children)).get_json()

    assert len(receipt["case_ids"]) == 2
    assert sorted(c["child"]["first_name"] for c in cases_of("CJ")) == ["Ana", "Elena"]
