"""Bad input gets a 422 that names the field; nothing is stored."""

import pytest

from tests import builders

BAD = [
    ("anonymous caller with a name", {"caller": {"anonymous": True, "name": "X"}}, "caller"),
    ("sector outside Bucharest", {"place": {"county": "Cluj", "sector": 3}}, "place.sector"),
    ("received_at without a time zone", {"received_at": "2026-11-21T10:00:00"}, "received_at"),
    ("received_at in the future", {"received_at": "2099-01-01T10:00:00+02:00"}, "received_at"),
    ("a form art. 94 does not know", {"forms": ["abuz_imaginar"]}, "forms[0]"),
    (
        "a CNP with a wrong check digit",
        {"children": [{"cnp": "6150312120015"}]},
        "children[0].cnp",
    ),
    (
        "a CNP that contradicts the birth date",
        {"children": [builders.reported_child(birth_date="2015-01-01")]},
        "children[0]",
    ),
    ("the same CNP twice", {"children": [builders.reported_child()] * 2}, None),
    (
        "an age of an adult",
        {"children": [{"approximate_age": 19}]},
        "children[0].approximate_age",
    ),
    ("a call id with spaces", {"call_id": "apel 1"}, "call_id"),
    ("a field the model does not know", {"priority": "mare"}, "priority"),
    (
        "112 time without 112",
        {"emergency_112": {"alerted": False, "alerted_at": "2026-11-21T10:00:00+02:00"}},
        "emergency_112",
    ),
]


@pytest.mark.parametrize("label, override, field", BAD, ids=[b[0] for b in BAD])
def test_a_bad_report_is_refused_naming_the_field(send, client, auth, label, override, field):
    answer = send(builders.report_119(**override))

    assert answer.status_code == 422, answer.get_json()
    body = answer.get_json()
    if field is not None:
        assert field in {e["field"] for e in body["errors"]}, body
    assert client.get("/api/v1/cases", headers=auth).get_json()["total"] == 0


def test_a_report_that_is_not_json_is_refused(client, auth):
    answer = client.post(
        "/api/v1/intake/reports", data="<a/>", headers={**auth, "Content-Type": "text/plain"}
    )

    assert answer.status_code == 415


def test_a_report_needs_a_token(client):
    answer = client.post("/api/v1/intake/reports", json=builders.report_119())

    assert answer.status_code == 401
