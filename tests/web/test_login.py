"""Logging in and out of the web pages."""

from filing_service.db import unit_of_work
from filing_service.models import User
from tests.web.conftest import WebClient


def test_pages_send_an_anonymous_visitor_to_the_login_page(client):
    response = client.get("/cases")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=/cases")


def test_a_user_logs_in_with_the_right_password_and_sees_the_dashboard(app, make_user):
    name, password = make_user("ana.test", "consilier_juridic")
    browser = WebClient(app.test_client())
    assert browser.login(name, password).headers["Location"] == "/"
    page = browser.get("/").get_data(as_text=True)
    assert "Termene și priorități" in page and "Ana Test" in page


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(app, make_user):
    name, _ = make_user("ana.test", "consilier_juridic")
    browser = WebClient(app.test_client())
    wrong = browser.login(name, "parola-gresita")
    unknown = browser.login("nimeni", "parola-gresita")
    assert wrong.status_code == unknown.status_code == 401
    assert "Utilizatorul sau parola nu sunt corecte." in wrong.get_data(as_text=True)
    assert "Utilizatorul sau parola nu sunt corecte." in unknown.get_data(as_text=True)


def test_failed_logins_are_throttled_even_for_the_right_password(app, make_user):
    name, password = make_user("ana.test", "consilier_juridic")
    browser = WebClient(app.test_client())
    for _ in range(5):
        assert browser.login(name, "parola-gresita").status_code == 401
    refused = browser.login(name, password)
    assert refused.status_code == 401
    assert "Prea multe încercări eșuate" in refused.get_data(as_text=True)


def test_a_deactivated_user_cannot_log_in(app, make_user, web):
    name, password = make_user("ana.test", "consilier_juridic")
    admin = web("administrator")
    user_id = _user_id(app, name)
    assert admin.post(f"/admin/users/{user_id}/active", {"active": "0"}).status_code == 302
    assert WebClient(app.test_client()).login(name, password).status_code == 401


def test_logging_out_ends_the_session(counsel):
    assert counsel.post("/logout").status_code == 302
    assert counsel.get("/cases").status_code == 302


def test_the_login_redirect_stays_on_this_site(app, make_user):
    name, password = make_user("ana.test", "consilier_juridic")
    browser = WebClient(app.test_client())
    browser.get("/login")
    response = browser.post(
        "/login?next=https://evil.example/x", {"username": name, "password": password}
    )
    assert response.headers["Location"] == "/"


def _user_id(app, username):
    with app.app_context(), unit_of_work() as uow:
        return uow.session.query(User).filter_by(username=username).one().id


def test_a_session_left_idle_ends_and_says_so(app, counsel):
    with counsel.client.session_transaction() as cookie:
        cookie["seen"] -= 61 * 60
    response = counsel.get("/cases")
    assert response.status_code == 302 and "expirat=1" in response.headers["Location"]
    page = counsel.get(response.headers["Location"]).get_data(as_text=True)
    assert "Sesiunea a expirat" in page
    assert counsel.get("/cases").status_code == 302
