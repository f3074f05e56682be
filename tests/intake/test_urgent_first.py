"""Urgent reports, and those for which 112 was alerted, stand out and come first on the
competent directorate's dashboard (the web dashboard reads ``worklists.urgent_reports``
and the API lists the same order), and the verification term starts (art. 98 lit. a)."""

from datetime import timedelta

from filing_service.auth.actor import Actor
from filing_service.db import unit_of_work
from filing_service.intake import worklists
from filing_service.models import Directorate
from tests import builders
from tests.clock import FIXED_NOW


def _at(hours_ago: int) -> str:
    return (FIXED_NOW - timedelta(hours=hours_ago)).isoformat()


def _reader(app, code: str) -> Actor:
    with app.app_context(), unit_of_work() as uow:
        directorate_id = uow.session.query(Directorate).filter_by(code=code).one().id
    return Actor(
        kind="user",
        id=1,
        name="consilier",
        role="consilier_juridic",
        directorate_id=directorate_id,
    )


def _send_three(send):
    """An ordinary report, an urgent one, one with 112 alerted; the ordinary one newest."""
    send(
        builders.report_119(
            received_at=_at(5), urgent=True, children=[builders.reported_child(serial=61)]
        )
    )
    send(
        builders.report_119(
            received_at=_at(3),
            emergency_112={"alerted": True, "alerted_at": _at(3)},
            children=[builders.reported_child(serial=62)],
        )
    )
    send(
        builders.report_119(received_at=_at(1), children=[builders.reported_child(serial=63)])
    )


def test_urgent_reports_are_what_the_dashboard_shows_first(app, send):
    _send_three(send)

    with app.app_context(), unit_of_work() as uow:
        urgent = worklists.urgent_reports(uow.session, _reader(app, "CJ"))
        assert [(r.urgent, r.emergency_alerted) for r in urgent] == [
            (False, True),
            (True, False),
        ]
        assert all(r.priority for r in urgent)


def test_the_reports_list_puts_urgent_and_112_before_newer_ordinary_ones(send, client, auth):
    _send_three(send)

    items = client.get("/api/v1/intake/reports", headers=auth).get_json()["items"]

    assert [i["priority"] for i in items] == [True, True, False]


def test_another_directorate_sees_none_of_the_urgent_reports(app, send):
    _send_three(send)

    with app.app_context(), unit_of_work() as uow:
        assert worklists.urgent_reports(uow.session, _reader(app, "B3")) == []


def test_a_report_starts_the_verification_term(send, client, auth):
    case_id = send(builders.report_119(urgent=True)).get_json()["case_ids"][0]

    answer = client.get(f"/api/v1/cases/{case_id}/deadlines", headers=auth).get_json()

    assert "verificare_sesizare" in {d["rule_id"] for d in answer["deadlines"]}


def test_the_reports_list_filters_on_priority(send, client, auth):
    _send_three(send)

    urgent = client.get("/api/v1/intake/reports?priority=true", headers=auth).get_json()
    ordinary = client.get("/api/v1/intake/reports?priority=false", headers=auth).get_json()

    assert (urgent["total"], ordinary["total"]) == (2, 1)
