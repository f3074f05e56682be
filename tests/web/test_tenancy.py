"""Pages of another directorate answer 404 — every page route, GET and POST, taken from
the app's URL map so that a page added later is covered too."""

import re

import pytest

from filing_service.db import unit_of_work
from filing_service.models import Document, User


@pytest.fixture
def foreign(app, make_case, client, make_token):
    """A case of Cluj with one of each part and a document; the id each path parameter
    takes (the document row stands alone: only its tenancy is under test here)."""
    case = make_case("CJ")
    headers = make_token("CJ", "sistem de test 2")
    hearing = client.post(
        f"/api/v1/cases/{case['id']}/hearings",
        headers=headers,
        json={"scheduled_at": "2026-12-03T09:00:00+02:00"},
    ).get_json()
    with app.app_context(), unit_of_work() as uow:
        document = Document(
            case_id=case["id"],
            doc_type="cerere_art70",
            template_name="cerere_art70.docx",
            template_version="1",
            data_sha256="0" * 64,
            pdf_sha256="0" * 64,
        )
        uow.session.add(document)
        uow.commit()
    return {
        "case_id": case["id"],
        "document_id": document.id,
        "type_id": "cerere_art70",
        "parts": {
            "parents": case["parents"][0]["id"],
            "measures": case["measures"][0]["id"],
            "events": case["events"][0]["id"],
            "placement-targets": case["placement_targets"][0]["id"],
            "hearings": hearing["id"],
        },
    }


def page_urls(app, ids):
    """Every web route that names a case, filled in with ``ids``, with its methods."""
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("web.") or "case_id" not in rule.arguments:
            continue
        kinds = list(ids["parts"]) if "kind" in rule.arguments else [None]
        for kind in kinds:
            url = rule.rule.replace("<int:case_id>", str(ids["case_id"]))
            url = re.sub(r"<any\([^)]*\):kind>", kind or "", url)
            url = url.replace("<int:part_id>", str(ids["parts"].get(kind, 0)))
            url = url.replace("<int:document_id>", str(ids["document_id"]))
            url = url.replace("<type_id>", ids["type_id"])
            assert "<" not in url, f"the tenancy test does not know a parameter of {url}"
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                yield method, url


def test_every_page_of_a_case_hides_it_from_another_directorate(app, web, foreign):
    stranger = web("consilier_juridic", "B3")
    checked = 0
    for method, url in page_urls(app, foreign):
        response = (
            stranger.get(url)
            if method == "GET"
            else stranger.post(url, {"kind": "alt_eveniment", "occurred_on": "2026-11-01"})
        )
        assert response.status_code == 404, (method, url)
        assert "Cluj" not in response.get_data(as_text=True)
        checked += 1
    assert checked >= 15


def test_the_case_list_shows_only_the_directorates_own_cases(web, make_case):
    case = make_case("CJ")
    page = web("consilier_juridic", "B3").get("/cases").get_data(as_text=True)
    assert case["reference"] not in page


def test_an_administrator_cannot_deactivate_another_directorates_user(app, web):
    web("consilier_juridic", "CJ", username="ana.cluj")
    with app.app_context(), unit_of_work() as uow:
        user_id = uow.session.query(User).filter_by(username="ana.cluj").one().id
    admin = web("administrator", "B3")
    assert admin.post(f"/admin/users/{user_id}/active", {"active": "0"}).status_code == 404
