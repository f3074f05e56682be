"""Sessions that end: logging out, a new password and a deactivation end every copy of
the session cookie (it is signed, not kept on the server, so each carries the user's
session generation and is refused once that has moved on)."""

from filing_service.db import unit_of_work
from filing_service.models import User
from tests.web.conftest import WebClient


def _copy_of(app, browser: WebClient) -> WebClient:
    """Another browser holding a copy of ``browser``'s session cookie (a stolen one)."""
    name = app.config["SESSION_COOKIE_NAME"]
    cookie = browser.client.get_cookie(name)
    assert cookie is not None
    thief = WebClient(app.test_client())
    thief.client.set_cookie(name, cookie.value)
    return thief


def _refused(browser: WebClient) -> bool:
    response = browser.get("/cases")
    return response.status_code == 302 and response.headers["Location"].startswith("/login")


def _user_id(app, username: str) -> int:
    with app.app_context(), unit_of_work() as uow:
        return uow.session.query(User).filter_by(username=username).one().id


def test_a_cookie_copied_before_logging_out_is_refused_after_it(app, counsel):
    copy = _copy_of(app, counsel)
    assert copy.get("/cases").status_code == 200  # the copy works while the session lives
    assert counsel.post("/logout").status_code == 302
    assert _refused(copy)


def test_logging_out_ends_the_other_sessions_of_the_same_user(app, make_user):
    name, password = make_user("ana.test", "consilier_juridic")
    office, home = WebClient(app.test_client()), WebClient(app.test_client())
    office.login(name, password)
    home.login(name, password)
    assert home.get("/cases").status_code == 200
    office.post("/logout")
    assert _refused(home)


def test_a_new_password_ends_every_other_session_and_keeps_this_one(app, make_user):
    name, password = make_user("ana.test", "consilier_juridic")
    browser, other = WebClient(app.test_client()), WebClient(app.test_client())
    browser.login(name, password)
    other.login(name, password)
    copy = _copy_of(app, browser)
    browser.get("/cont/parola")
    changed = browser.post(
        "/cont/parola",
        {"current": password, "new": "O-parola-noua-lunga", "repeated": "O-parola-noua-lunga"},
    )
    assert changed.status_code == 302
    assert browser.get("/cases").status_code == 200
    assert _refused(copy) and _refused(other)
    assert WebClient(app.test_client()).login(name, password).status_code == 401
    assert WebClient(app.test_client()).login(name, "O-parola-noua-lunga").status_code == 302


def test_a_wrong_current_password_changes_nothing_and_ends_no_session(app, make_user):
    name, password = make_user("ana.test", "consilier_juridic")
    browser = WebClient(app.test_client())
    browser.login(name, password)
    copy = _copy_of(app, browser)
    browser.get("/cont/parola")
    refused = browser.post(
        "/cont/parola",
        {
            "current": "nu-este-parola",
            "new": "O-parola-noua-lunga",
            "repeated": "O-parola-noua-lunga",
        },
    )
    assert refused.status_code == 422
    assert "Parola actuală nu este corectă." in refused.get_data(as_text=True)
    assert copy.get("/cases").status_code == 200
    assert WebClient(app.test_client()).login(name, password).status_code == 302


def test_a_deactivated_user_stays_out_after_being_reactivated(app, make_user, web):
    name, password = make_user("ana.test", "consilier_juridic")
    browser = WebClient(app.test_client())
    browser.login(name, password)
    copy = _copy_of(app, browser)
    admin = web("administrator")
    user_id = _user_id(app, name)
    assert admin.post(f"/admin/users/{user_id}/active", {"active": "0"}).status_code == 302
    assert _refused(copy)
    assert admin.post(f"/admin/users/{user_id}/active", {"active": "1"}).status_code == 302
    assert _refused(browser) and _refused(copy)
    assert WebClient(app.test_client()).login(name, password).status_code == 302
