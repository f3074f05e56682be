"""One document generation evaluates the rules engine once: the refusal, the recorded
warnings and the template's findings come from one evaluation, even when the web page
makes the court's variant and the parents' in one request."""

import re

import pytest

from filing_service.law import rules
from tests import builders

_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


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


@pytest.fixture
def case_id(client, auth, converter_pool):
    answer = client.post("/api/v1/cases", json=builders.case(), headers=auth)
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()["id"]


def test_generating_a_document_through_the_api_evaluates_the_law_once(
    client, auth, case_id, evaluations
):
    answer = client.post(
        f"/api/v1/cases/{case_id}/documents",
        json={"type": "cerere_art70", "variant": "instanta"},
        headers=auth,
    )

    assert answer.status_code == 201, answer.get_json()
    assert len(evaluations) == 1


def test_generating_both_variants_on_the_web_page_evaluates_the_law_once(
    app, case_id, make_user, evaluations
):
    username, password = make_user("ana.test", "consilier_juridic")
    web = app.test_client()
    token = _TOKEN.search(web.get("/login").get_data(as_text=True)).group(1)
    web.post("/login", data={"username": username, "password": password, "csrf_token": token})
    page = web.get(f"/cases/{case_id}/documents/new/cerere_art70").get_data(as_text=True)
    token = _TOKEN.search(page).group(1)
    evaluations.clear()

    answer = web.post(
        f"/cases/{case_id}/documents/new/cerere_art70", data={"csrf_token": token}
    )

    assert answer.status_code == 302, answer.get_data(as_text=True)
    assert len(evaluations) == 1
