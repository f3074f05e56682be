"""The call centre gets a report's number only once the report is committed; the same
call sent twice is one report, even when both sends arrive at the same moment."""

import threading

from sqlalchemy import func, select

from filing_service.auth.actor import Actor
from filing_service.db import unit_of_work
from filing_service.intake import service
from filing_service.intake.schemas import ReportIn
from filing_service.models import Case, Directorate, IntakeReport
from tests import builders
from tests.clock import FIXED_NOW


def _count(app, model) -> int:
    with app.app_context(), unit_of_work() as uow:
        return uow.session.scalar(select(func.count(model.id)))


def test_a_duplicate_send_makes_no_second_case(send, app):
    report = builders.report_119()
    first = send(report)

    second = send(report)

    assert (first.status_code, second.status_code) == (201, 200)
    assert second.get_json()["duplicate"] is True
    assert second.get_json()["number"] == first.get_json()["number"]
    assert _count(app, IntakeReport) == 1 and _count(app, Case) == 1


def test_the_same_call_id_from_another_directorate_is_another_report(send, app, other_auth):
    report = builders.report_119(call_id="LOCAL-1")
    send(report)

    other = send(report, headers=other_auth)

    assert other.status_code == 201 and other.get_json()["duplicate"] is False
    assert _count(app, IntakeReport) == 2


def test_two_concurrent_sends_of_one_call_store_one_report(app, auth):
    report = builders.report_119()
    barrier = threading.Barrier(2)
    answers = []

    def post():
        client = app.test_client()
        barrier.wait()
        answers.append(client.post("/api/v1/intake/reports", json=report, headers=auth))

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert sorted(a.status_code for a in answers) == [200, 201], [
        a.get_json() for a in answers
    ]
    assert len({a.get_json()["number"] for a in answers}) == 1
    assert _count(app, IntakeReport) == 1 and _count(app, Case) == 1


def test_concurrent_reports_of_different_calls_are_all_stored(app, auth):
    reports = [
        builders.report_119(children=[builders.reported_child(serial=50 + i)])
        for i in range(4)
    ]
    barrier = threading.Barrier(len(reports))
    answers = []

    def post(report):
        client = app.test_client()
        barrier.wait()
        answers.append(client.post("/api/v1/intake/reports", json=report, headers=auth))

    threads = [threading.Thread(target=post, args=(r,)) for r in reports]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert [a.status_code for a in answers] == [201] * 4, [a.get_json() for a in answers]
    assert _count(app, IntakeReport) == 4 and _count(app, Case) == 4


def test_a_refused_report_leaves_nothing_behind(send, app):
    report = builders.report_119(
        children=[builders.reported_child(birth_date="2090-01-01", cnp=None)]
    )

    answer = send(report)

    assert answer.status_code == 422
    assert answer.get_json()["errors"][0]["field"] == "children[0].birth_date"
    assert _count(app, IntakeReport) == 0 and _count(app, Case) == 0


def test_the_number_given_is_a_stored_report(send, app):
    number = send().get_json()["number"]

    with app.app_context(), unit_of_work() as uow:
        stored = uow.session.get(IntakeReport, int(number.rsplit("-", 1)[1]))
        assert stored is not None and stored.number == number


def test_the_intake_service_stores_nothing_its_caller_does_not_commit(app):
    """The view owns the unit of work: a report the service took in, in a unit of work
    that then ends without its commit (the answer could not be made), is not kept, and
    neither is the case it opened."""
    with app.app_context(), unit_of_work() as uow:
        cluj = uow.session.query(Directorate).filter_by(code="CJ").one()
        actor = Actor(
            kind="user",
            id=1,
            name="consilier",
            role="consilier_juridic",
            directorate_id=cluj.id,
        )
        report, duplicate = service.submit_report(
            uow, actor, ReportIn.model_validate(builders.report_119()), FIXED_NOW
        )
        assert report.id is not None and not duplicate

    assert _count(app, IntakeReport) == 0 and _count(app, Case) == 0
