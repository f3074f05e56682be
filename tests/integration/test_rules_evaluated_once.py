"""The rules engine is evaluated once per state of a case within one operation: a change
checks the case before and after it, and its answer shows the findings already made."""

import pytest

from filing_service.cases.findings import findings
from filing_service.db import unit_of_work
from filing_service.law import rules
from filing_service.models import Case
from tests import builders
from tests.clock import TODAY


@pytest.fixture
def evaluations(monkeypatch):
    """The days the real rules engine was evaluated for, one entry per evaluation."""
    calls = []
    real = rules.evaluate

    def counting(facts):
        calls.append(facts.as_of)
        return real(facts)

    monkeypatch.setattr(rules, "evaluate", counting)
    return calls


def test_creating_a_case_evaluates_the_law_once_for_the_check_and_the_answer(
    client, auth, evaluations
):
    answer = client.post("/api/v1/cases", json=builders.case(), headers=auth)

    assert answer.status_code == 201, answer.get_json()
    assert len(evaluations) == 1


def test_changing_a_case_evaluates_the_law_before_and_after_and_not_again_for_the_answer(
    client, auth, evaluations
):
    case = client.post("/api/v1/cases", json=builders.case(), headers=auth).get_json()
    evaluations.clear()

    answer = client.patch(
        f"/api/v1/cases/{case['id']}", json={"facts_summary": "Alt text."}, headers=auth
    )

    assert answer.status_code == 200, answer.get_json()
    assert len(evaluations) == 2


def test_reading_a_case_evaluates_the_law_once(client, auth, evaluations):
    case = client.post("/api/v1/cases", json=builders.case(), headers=auth).get_json()
    evaluations.clear()

    assert client.get(f"/api/v1/cases/{case['id']}", headers=auth).status_code == 200
    assert len(evaluations) == 1


def test_a_change_of_the_facts_in_the_same_unit_of_work_is_evaluated_again(
    app, client, auth, evaluations
):
    case_id = client.post("/api/v1/cases", json=builders.case(), headers=auth).get_json()["id"]
    with app.app_context(), unit_of_work() as uow:
        case = uow.session.get(Case, case_id)
        evaluations.clear()
        findings(uow.session, case, TODAY)
        findings(uow.session, case, TODAY)
        assert len(evaluations) == 1
        case.child.birth_date = builders.years_ago(5)
        findings(uow.session, case, TODAY)  # not yet flushed: evaluated, not kept
        uow.flush()
        findings(uow.session, case, TODAY)
        assert len(evaluations) == 3
