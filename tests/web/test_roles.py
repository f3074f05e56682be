"""Roles on the pages: an auditor reads, a case manager edits, an administrator manages
users and tokens of the directorate."""

from tests.web.conftest import WebClient, count_cases
from tests.web.test_case_forms import new_case_form


def test_an_auditor_reads_the_case_page_without_edit_buttons(web, make_case):
    case = make_case()
    auditor = web("auditor")
    page = auditor.get(f"/cases/{case['id']}").get_data(as_text=True)
    assert case["reference"] in page
    assert "Modifică cauza" not in page and "Adaugă măsură" not in page


def test_an_auditor_cannot_open_or_post_an_edit_form(app, web, make_case):
    case = make_case()
    auditor = web("auditor")
    assert auditor.get(f"/cases/{case['id']}/edit").status_code == 403
    assert auditor.get("/cases/new").status_code == 403
    assert auditor.post("/cases/new", new_case_form()).status_code == 403
    assert (
        auditor.post(
            f"/cases/{case['id']}/events/new",
            {"kind": "alt_eveniment", "occurred_on": "2026-11-01"},
        ).status_code
        == 403
    )
    assert count_cases(app) == 1


def test_a_case_manager_edits_a_case(web, make_case):
    case = make_case()
    manager = web("manager_de_caz")
    response = manager.post(
        f"/cases/{case['id']}/edit",
        {
            "reference": case["reference"],
            "status": "deschis",
            "opened_on": case["opened_on"],
            "situation": "c",
            "court": "Tribunalul Cluj",
            "court_case_number": "77/117/2026",
        },
    )
    assert response.status_code == 302
    assert "77/117/2026" in manager.get(f"/cases/{case['id']}").get_data(as_text=True)


def test_only_an_administrator_opens_the_administration(web):
    assert web("consilier_juridic").get("/admin/users").status_code == 403
    assert web("director").get("/admin/tokens").status_code == 403
    assert web("administrator").get("/admin/users").status_code == 200


def test_an_administrator_creates_a_user_who_can_log_in(app, web):
    admin = web("administrator")
    response = admin.post(
        "/admin/users",
        {
            "full_name": "Ioana Pop",
            "username": "ioana.pop",
            "role": "manager_de_caz",
            "password": "o-parola-lunga-2026",
        },
    )
    assert response.status_code == 302
    assert (
        WebClient(app.test_client()).login("ioana.pop", "o-parola-lunga-2026").status_code
        == 302
    )


def test_a_short_password_is_refused_at_the_password_and_never_echoed(web):
    admin = web("administrator")
    response = admin.post(
        "/admin/users",
        {
            "full_name": "Ioana Pop",
            "username": "ioana.pop",
            "role": "auditor",
            "password": "scurta-77",
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "cel puțin 12 caractere" in page.split('id="f-password"', 1)[1]
    assert "scurta-77" not in page
    assert 'value="ioana.pop"' in page


def test_a_token_is_shown_once_and_only_its_digest_is_kept(app, web):
    admin = web("administrator")
    page = admin.post(
        "/admin/tokens", {"name": "Sistemul de management al cazurilor"}
    ).get_data(as_text=True)
    token = page.split('id="issued-token" class="mono" readonly value="', 1)[1].split('"')[0]
    assert token.startswith("fs_")
    assert token not in admin.get("/admin/tokens").get_data(as_text=True)
    with app.test_client() as api:
        assert (
            api.get("/api/v1/cases", headers={"Authorization": f"Bearer {token}"}).status_code
            == 200
        )


def test_a_revoked_token_stops_working(app, web):
    admin = web("administrator")
    page = admin.post("/admin/tokens", {"name": "Sistem vechi"}).get_data(as_text=True)
    token = page.split('id="issued-token" class="mono" readonly value="', 1)[1].split('"')[0]
    token_id = page.split("/admin/tokens/", 1)[1].split("/revoke", 1)[0]
    assert admin.post(f"/admin/tokens/{token_id}/revoke").status_code == 302
    assert (
        app.test_client()
        .get("/api/v1/cases", headers={"Authorization": f"Bearer {token}"})
        .status_code
        == 401
    )
