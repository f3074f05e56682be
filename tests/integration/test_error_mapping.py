"""One place maps errors: problem+json with catalogue codes under /api/, a Romanian page
on the web, and a 500 that tells nothing of an unexpected error's cause."""

import logging

import pytest

from filing_service.documents.service import DocumentBlocked
from filing_service.errorcodes import Code
from filing_service.errors import DomainError
from filing_service.law.rules import Finding, Severity

SECRET = "Popescu Ana 6150101125784"  # stands for a child's data inside an exception


def _blocked():
    raise DocumentBlocked(
        [
            Finding(
                Code.ART64_RESIDENTIAL_UNDER_7,
                "art. 64 alin. (1)",
                Severity.ERROR,
                "Copilul sub 7 ani nu poate fi plasat într-un serviciu de tip rezidențial.",
            )
        ]
    )


def _unexpected():
    raise RuntimeError(SECRET)


def _future():
    raise DomainError("Data nu poate fi în viitor.", field="on", code=Code.DATE_IN_FUTURE)


@pytest.fixture
def routes(app):
    """Pages and API paths that raise, added before the first request."""
    for path, view in [
        ("/pagina-blocata", _blocked),
        ("/api/v1/test-blocat", _blocked),
        ("/pagina-defecta", _unexpected),
        ("/api/v1/test-defect", _unexpected),
        ("/pagina-data", _future),
    ]:
        app.add_url_rule(path, path, view)
    return app.test_client()


def test_a_document_blocked_on_a_web_page_answers_a_romanian_page(routes):
    response = routes.get("/pagina-blocata")
    assert response.status_code == 422
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "Încălcare a Legii nr. 272/2004" in page
    assert "Copilul sub 7 ani nu poate fi plasat" in page


def test_a_domain_error_on_a_web_page_answers_a_romanian_page(routes):
    response = routes.get("/pagina-data")
    assert (response.status_code, response.mimetype) == (422, "text/html")
    assert "Data nu poate fi în viitor." in response.get_data(as_text=True)


def test_the_same_error_under_the_api_stays_problem_json_with_catalogue_codes(routes):
    response = routes.get("/api/v1/test-blocat")
    assert (response.status_code, response.mimetype) == (422, "application/problem+json")
    body = response.get_json()
    assert body["type"].endswith("/law_violation") and body["code"] == "law_violation"
    assert [(e["code"], e["article"]) for e in body["errors"]] == [
        ("art64_residential_under_7", "art. 64 alin. (1)")
    ]


@pytest.mark.parametrize(
    "path, mimetype",
    [("/api/v1/test-defect", "application/problem+json"), ("/pagina-defecta", "text/html")],
)
def test_an_unexpected_error_answers_500_and_logs_only_its_reference_and_type(
    routes, caplog, path, mimetype
):
    with caplog.at_level(logging.ERROR, logger="filing_service.error_handlers"):
        response = routes.get(path)
    assert (response.status_code, response.mimetype) == (500, mimetype)
    text = response.get_data(as_text=True)
    assert SECRET not in text and "RuntimeError" not in text and "Referință" in text
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "RuntimeError" in logged and SECRET not in logged
    assert all(r.exc_info is None for r in caplog.records)


def test_an_unknown_api_path_answers_not_found(client):
    response = client.get("/api/v1/nu-exista")
    body = response.get_json()
    assert (response.status_code, body["code"]) == (404, "not_found")
    assert body["type"] == "https://filing-service.invalid/probleme/not_found"


def test_a_body_that_is_not_json_answers_invalid_json(client, auth):
    response = client.post(
        "/api/v1/cases", data=b"{", headers={**auth, "Content-Type": "application/json"}
    )
    assert (response.status_code, response.get_json()["code"]) == (400, "invalid_json")


def test_a_case_without_its_child_answers_invalid_data_with_pydantic_codes(client, auth):
    response = client.post("/api/v1/cases", json={}, headers=auth)
    body = response.get_json()
    assert (response.status_code, body["code"]) == (422, "invalid_data")
    assert "missing" in {e["code"] for e in body["errors"]}


def test_the_openapi_document_lists_the_catalogue(client):
    problem = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]["Problem"]
    assert set(problem["properties"]["code"]["enum"]) == {
        str(c) for c in Code if c.status is not None
    }
    error_codes = problem["properties"]["errors"]["items"]["properties"]["code"]["enum"]
    assert set(error_codes) == {str(c) for c in Code}
    assert "`not_found` (404): Negăsit" in problem["description"]
