"""The term calculator: POST /api/v1/deadlines/compute needs no token, touches no case
data, and refuses an unknown rule or a malformed date with a clear Romanian message."""

from sqlalchemy import func, select

from filing_service.db import unit_of_work
from filing_service.models import AuditEvent
from filing_service.models.deadline import Deadline


def compute(client, **body):
    return client.post("/api/v1/deadlines/compute", json=body)


def test_the_calculator_answers_the_last_day_without_a_token(client):
    response = compute(client, rule="art137_recurs", trigger_date="2026-03-01")
    assert response.status_code == 200, response.get_json()
    answer = response.get_json()
    assert (answer["rule"], answer["due_date"], answer["article"]) == (
        "art137_recurs",
        "2026-03-12",
        "art. 137",
    )
    assert "ultima zi 12 martie 2026" in answer["explanation"]


def test_the_calculator_extends_a_term_ending_on_pentecost_monday(client):
    answer = compute(client, rule="art137_recurs", trigger_date="2026-05-21").get_json()
    assert answer["due_date"] == "2026-06-02"
    assert "prelungit la 2 iunie 2026" in answer["explanation"]


def test_the_calculator_stores_nothing(app, client):
    compute(client, rule="art70_sesizare_instanta", trigger_date="2026-03-03")
    with app.app_context(), unit_of_work() as uow:
        stored = [
            uow.session.scalar(select(func.count()).select_from(m))
            for m in (Deadline, AuditEvent)
        ]
    assert stored == [0, 0]


def test_an_unknown_rule_is_refused_naming_the_field(client):
    response = compute(client, rule="art999_inexistent", trigger_date="2026-03-01")
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert error["field"] == "rule" and "art999_inexistent" in error["message"]


def test_a_malformed_date_is_refused_naming_the_field(client):
    response = compute(client, rule="art137_recurs", trigger_date="30.02.2026")
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert error["field"] == "trigger_date" and "AAAA-LL-ZZ" in error["message"]


def test_a_rule_in_hours_needs_the_hour(client):
    response = compute(client, rule="verificare_sesizare", trigger_date="2026-03-03")
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "trigger_time"


def test_a_rule_in_hours_answers_the_moment_it_ends(client):
    answer = compute(
        client, rule="art41_2_sesizare_spas", trigger_date="2026-03-03", trigger_time="10:15"
    ).get_json()
    assert answer["due_date"] == "2026-03-04"
    assert answer["due_at"].startswith("2026-03-04T12:00:00")


def test_the_catalogue_is_listed_without_a_token(client):
    rules = {r["id"]: r for r in client.get("/api/v1/deadlines/rules").get_json()["items"]}
    assert rules["art70_sesizare_instanta"]["article"] == "art. 70 alin. 1"
    assert rules["verificare_sesizare"]["statutory"] is False
