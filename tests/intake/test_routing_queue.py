"""A report no rule can route waits in the routing queue, never dropped, until the
national dispatcher or an administrator of the sending directorate routes it."""

import pytest

from filing_service.api.paging import Paging
from filing_service.auth.actor import Actor
from filing_service.db import unit_of_work
from filing_service.errors import NotFound, PermissionDenied
from filing_service.intake import worklists
from filing_service.models import Directorate
from tests import builders
from tests.clock import FIXED_NOW

QUEUE = "/api/v1/intake/routing-queue"


def test_a_report_without_a_place_lands_in_the_routing_queue(
    send, client, dispatcher, cases_of
):
    answer = send(builders.report_119(place={}))

    assert answer.status_code == 201
    receipt = answer.get_json()
    assert receipt["routing"] == "in_asteptare" and receipt["directorate"] is None
    assert "nu a fost indicat" in receipt["routing_reason"]
    [queued] = client.get(QUEUE, headers=dispatcher).get_json()["items"]
    assert queued["number"] == receipt["number"] and queued["sender_directorate"] == "CJ"
    assert cases_of("CJ") == []


def test_bucharest_without_a_sector_waits_for_a_person(send, client, dispatcher):
    receipt = send(
        builders.report_119(place={"county": "București", "address": "Bd. Fictiv 1"})
    ).get_json()

    assert receipt["directorate"] is None
    assert "sectorul" in receipt["routing_reason"]
    assert client.get(QUEUE, headers=dispatcher).get_json()["total"] == 1


def test_the_dispatcher_routes_a_queued_report_and_its_case_opens_there(
    send, client, dispatcher, cases_of
):
    receipt = send(builders.report_119(place={"county": "Transilvania"})).get_json()
    queued_id = client.get(QUEUE, headers=dispatcher).get_json()["items"][0]["id"]

    routed = client.post(f"{QUEUE}/{queued_id}/route", json={"area": "B2"}, headers=dispatcher)

    assert routed.status_code == 200, routed.get_json()
    assert routed.get_json()["directorate"] == "B2"
    assert routed.get_json()["routing"] == "manuala"
    assert routed.get_json()["number"] == receipt["number"]
    assert len(cases_of("B2")) == 1 and cases_of("CJ") == []
    assert client.get(QUEUE, headers=dispatcher).get_json()["total"] == 0


def test_a_routed_report_cannot_be_routed_again(send, client, dispatcher):
    send(builders.report_119(place={}))
    queued_id = client.get(QUEUE, headers=dispatcher).get_json()["items"][0]["id"]
    client.post(f"{QUEUE}/{queued_id}/route", json={"area": "CJ"}, headers=dispatcher)

    again = client.post(f"{QUEUE}/{queued_id}/route", json={"area": "B2"}, headers=dispatcher)

    assert again.status_code == 404


def test_routing_to_an_unknown_area_names_the_field(send, client, dispatcher):
    send(builders.report_119(place={}))
    queued_id = client.get(QUEUE, headers=dispatcher).get_json()["items"][0]["id"]

    answer = client.post(f"{QUEUE}/{queued_id}/route", json={"area": "XY"}, headers=dispatcher)

    assert answer.status_code == 422
    assert answer.get_json()["errors"][0]["field"] == "area"
    assert client.get(QUEUE, headers=dispatcher).get_json()["total"] == 1


def test_a_case_system_does_not_read_the_queue(send, client, auth):
    send(builders.report_119(place={}))

    assert client.get(QUEUE, headers=auth).status_code == 403


def _administrator(app, code: str) -> Actor:
    with app.app_context(), unit_of_work() as uow:
        directorate_id = uow.session.query(Directorate).filter_by(code=code).one().id
    return Actor(
        kind="user",
        id=99,
        name=f"admin {code}",
        directorate_id=directorate_id,
        role="administrator",
    )


def test_an_administrator_routes_what_their_own_call_centre_sent(app, send):
    send(builders.report_119(place={}))
    admin = _administrator(app, "CJ")
    with app.app_context(), unit_of_work() as uow:
        [queued], _total = worklists.list_queue(uow.session, admin, Paging())
        report = worklists.route_queued(uow, admin, queued.id, "Cluj", FIXED_NOW)
        assert (report.routing, report.directorate.code) == ("manuala", "CJ")


def test_another_directorates_administrator_sees_nothing_of_the_queue(app, send):
    send(builders.report_119(place={}))
    admin = _administrator(app, "B3")
    with app.app_context(), unit_of_work() as uow:
        _items, total = worklists.list_queue(uow.session, admin, Paging())
        assert total == 0
        with pytest.raises(NotFound):
            worklists.route_queued(uow, admin, 1, "B3", FIXED_NOW)


def test_a_legal_counsel_does_not_route(app, send):
    counsel = Actor(
        kind="user",
        id=98,
        name="consilier",
        role="consilier_juridic",
        directorate_id=_administrator(app, "CJ").directorate_id,
    )
    with app.app_context(), unit_of_work() as uow, pytest.raises(PermissionDenied):
        worklists.list_queue(uow.session, counsel, Paging())
