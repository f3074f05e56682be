"""Deadlines follow the case: events create them, corrections move them (audited), people
mark them met, closure days extend them; the API shows each with its rule, its article
and how it was counted. The app's day is Wednesday 4 March 2026 (conftest)."""

from datetime import date

from sqlalchemy import select

from filing_service.db import unit_of_work
from filing_service.models import AuditEvent
from filing_service.models.deadline import Deadline
from tests import builders

ORDER_DAY = date(2026, 2, 27)  # a Friday: 5 free days -> Thursday 5 March


def new_case(client, auth, *events) -> dict:
    """The builders' Cluj case, its emergency order given on ORDER_DAY, plus ``events``."""
    timeline = [
        {"kind": "dispozitie_plasament_urgenta", "occurred_on": ORDER_DAY.isoformat()},
        *events,
    ]
    response = client.post(
        "/api/v1/cases",
        headers=auth,
        json=builders.case(
            measure=builders.emergency_measure(start=ORDER_DAY), events=timeline
        ),
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def deadlines_of(client, auth, case_id: int) -> dict:
    response = client.get(f"/api/v1/cases/{case_id}/deadlines", headers=auth)
    assert response.status_code == 200, response.get_json()
    return {d["rule_id"]: d for d in response.get_json()["deadlines"]}


def test_an_emergency_order_starts_the_court_notification_term(client, auth):
    case = new_case(client, auth)
    notify = deadlines_of(client, auth, case["id"])["art70_sesizare_instanta"]
    assert notify["due_date"] == "2026-03-05"
    assert notify["article"] == "art. 70 alin. 1"
    assert notify["who_acts"] == "Directorul DGASPC"
    assert "5 zile libere de la 27 februarie 2026" in notify["explanation"]
    assert notify["status"] == "deschis" and notify["overdue"] is False


def test_the_appeal_term_runs_from_the_communication_of_the_decision(client, auth):
    case = new_case(client, auth, {"kind": "comunicare_hotarare", "occurred_on": "2026-03-02"})
    appeal = deadlines_of(client, auth, case["id"])["art137_recurs"]
    assert appeal["due_date"] == "2026-03-13"  # 2 March + 10 free days
    assert appeal["trigger_event_id"] == case["events"][1]["id"]


def test_correcting_an_event_date_is_audited_with_the_old_and_new_due_date(app, client, auth):
    case = new_case(client, auth)
    order = case["events"][0]
    client.patch(
        f"/api/v1/events/{order['id']}", headers=auth, json={"occurred_on": "2026-03-02"}
    )
    with app.app_context(), unit_of_work() as uow:
        moved = uow.session.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "recompute", AuditEvent.entity == "deadline"
            )
        ).all()
    changes = [m.changes["due_date"] for m in moved]
    assert ["2026-03-05", "2026-03-09"] in changes  # 2 March + 5 free days: 8 March, Sun
    assert all(m.case_id == case["id"] and m.actor.startswith("token:") for m in moved)


def test_a_pronouncement_recorded_on_a_hearing_starts_the_communication_term(client, auth):
    case = new_case(client, auth)
    client.post(
        f"/api/v1/cases/{case['id']}/hearings",
        headers=auth,
        json={
            "scheduled_at": "2026-03-03T09:00:00+02:00",
            "debates_ended_on": "2026-03-03",
            "pronounced_on": "2026-03-03",
        },
    )
    term = deadlines_of(client, auth, case["id"])["art136_comunicare_hotarare"]
    assert term["due_date"] == "2026-03-16" and term["trigger_hearing_id"] is not None


def test_a_deadline_is_marked_met_with_the_act_that_met_it(client, auth):
    case = new_case(client, auth)
    notify = deadlines_of(client, auth, case["id"])["art70_sesizare_instanta"]
    response = client.patch(
        f"/api/v1/deadlines/{notify['id']}",
        headers=auth,
        json={
            "status": "indeplinit",
            "done_act": "Cererea nr. 77/2026 depusă la Tribunalul Cluj",
        },
    )
    assert response.status_code == 200, response.get_json()
    done = response.get_json()
    assert done["status"] == "indeplinit" and done["done_act"].startswith("Cererea nr. 77")
    assert done["done_at"] and done["done_by"].startswith("token:")


def test_marking_a_deadline_met_without_the_act_is_refused(client, auth):
    case = new_case(client, auth)
    notify = deadlines_of(client, auth, case["id"])["art70_sesizare_instanta"]
    response = client.patch(
        f"/api/v1/deadlines/{notify['id']}", headers=auth, json={"status": "indeplinit"}
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "done_act"


def test_a_met_deadline_keeps_its_status_when_the_case_changes(client, auth):
    case = new_case(client, auth)
    notify = deadlines_of(client, auth, case["id"])["art70_sesizare_instanta"]
    client.patch(
        f"/api/v1/deadlines/{notify['id']}",
        headers=auth,
        json={"status": "indeplinit", "done_act": "Cererea nr. 77/2026"},
    )
    client.patch(
        f"/api/v1/cases/{case['id']}", headers=auth, json={"court": "Tribunalul Cluj"}
    )
    assert (
        deadlines_of(client, auth, case["id"])["art70_sesizare_instanta"]["status"]
        == "indeplinit"
    )


def test_a_closure_day_on_the_last_day_extends_the_term_and_removing_it_restores_it(
    client, auth
):
    case = new_case(client, auth)
    closure = client.post(
        "/api/v1/closure-days",
        headers=auth,
        json={"day": "2026-03-05", "reason": "dezinsecție la registratură"},
    )
    assert closure.status_code == 201, closure.get_json()
    moved = deadlines_of(client, auth, case["id"])["art70_sesizare_instanta"]
    assert moved["due_date"] == "2026-03-06" and moved["extended_from"] == "2026-03-05"
    assert "zi de închidere: dezinsecție la registratură" in moved["explanation"]
    client.delete(f"/api/v1/closure-days/{closure.get_json()['id']}", headers=auth)
    assert (
        deadlines_of(client, auth, case["id"])["art70_sesizare_instanta"]["due_date"]
        == "2026-03-05"
    )


def test_another_courts_closure_day_does_not_move_this_case(client, auth):
    case = new_case(client, auth)
    client.post(
        "/api/v1/closure-days",
        headers=auth,
        json={"day": "2026-03-05", "reason": "inventar", "court": "Tribunalul Sibiu"},
    )
    assert (
        deadlines_of(client, auth, case["id"])["art70_sesizare_instanta"]["due_date"]
        == "2026-03-05"
    )


def test_the_list_puts_overdue_deadlines_first_and_filters_them(client, auth):
    new_case(client, auth, {"kind": "cerere_masura_primita", "occurred_on": "2026-01-20"})
    listing = client.get("/api/v1/deadlines", headers=auth).get_json()
    rules = [d["rule_id"] for d in listing["items"]]
    assert rules[:3] == ["art58_pip", "art58_pip_urgenta", "art70_sesizare_instanta"]
    overdue = client.get("/api/v1/deadlines?overdue=true", headers=auth).get_json()
    assert {d["rule_id"] for d in overdue["items"]} == {"art58_pip", "art58_pip_urgenta"}
    soon = client.get("/api/v1/deadlines?due_before=2026-03-01", headers=auth).get_json()
    assert [d["due_date"] for d in soon["items"]] == ["2026-02-20", "2026-02-27"]


def test_another_directorate_lists_none_of_these_deadlines(client, auth, other_auth):
    new_case(client, auth)
    assert client.get("/api/v1/deadlines", headers=other_auth).get_json()["total"] == 0


def test_hearings_too_far_apart_are_flagged_with_their_article(client, auth):
    case = new_case(client, auth)
    for day in ("2026-03-02", "2026-03-16"):
        client.post(
            f"/api/v1/cases/{case['id']}/hearings",
            headers=auth,
            json={"scheduled_at": f"{day}T09:00:00+02:00"},
        )
    checks = client.get(f"/api/v1/cases/{case['id']}/deadlines", headers=auth).get_json()[
        "checks"
    ]
    assert [(c["code"], c["article"]) for c in checks] == [
        ("hearing_gap_over_10_days", "art. 134 alin. 3")
    ]


def test_the_recomputation_keeps_one_row_per_deadline(app, client, auth):
    case = new_case(client, auth)
    for day in ("2026-03-01", "2026-03-02", "2026-02-28"):
        client.patch(
            f"/api/v1/events/{case['events'][0]['id']}",
            headers=auth,
            json={"occurred_on": day},
        )
    with app.app_context(), unit_of_work() as uow:
        rows = uow.session.scalars(
            select(Deadline.rule_id).where(Deadline.case_id == case["id"])
        ).all()
    assert sorted(rows) == ["art58_pip_urgenta", "art70_sesizare_instanta"]


def test_an_hour_term_that_has_passed_today_is_listed_as_overdue(client, auth):
    # A report received at 06:00 on 3 March: 24 hours (first and last hour not counted)
    # end at 08:00 on 4 March, before the app's 09:00.
    new_case(
        client,
        auth,
        {
            "kind": "sesizare_primita",
            "occurred_on": "2026-03-03",
            "occurred_at": "2026-03-03T06:00:00+02:00",
        },
    )
    overdue = client.get("/api/v1/deadlines?overdue=true", headers=auth).get_json()
    verification = [d for d in overdue["items"] if d["rule_id"] == "verificare_sesizare"]
    assert verification and verification[0]["overdue"] is True
    assert verification[0]["due_at"].startswith("2026-03-04T06:00:00")  # UTC
