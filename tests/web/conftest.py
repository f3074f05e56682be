"""Fixtures for the web pages: users of each role, and a client that logs in and sends
the CSRF token of its session with every form, as a browser would."""

import re

import pytest

from filing_service.db import unit_of_work
from filing_service.models import Case
from tests import builders

_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class WebClient:
    """A Flask test client that behaves like a logged-in browser tab."""

    def __init__(self, client):
        self.client = client
        self.csrf = None

    def get(self, url, **kwargs):
        response = self.client.get(url, **kwargs)
        if response.mimetype != "text/html":
            return response
        found = _TOKEN.search(response.get_data(as_text=True))
        if found:
            self.csrf = found.group(1)
        return response

    def post(self, url, data=None, *, csrf=True, **kwargs):
        data = dict(data or {})
        if csrf:
            if self.csrf is None:
                self.get("/login")
            data.setdefault("csrf_token", self.csrf)
        return self.client.post(url, data=data, **kwargs)

    def login(self, username, password):
        self.get("/login")
        response = self.post("/login", {"username": username, "password": password})
        self.get("/")  # the session changed at log-in: pick up its new token
        return response


@pytest.fixture
def web(app, make_user):
    """``web(role, code="CJ")``: a client logged in as a new user with that role."""
    made = []

    def login_as(role: str, code: str = "CJ", username: str | None = None) -> WebClient:
        username = username or f"{role.replace('_', '.')}.{code.lower()}{len(made)}"
        name, password = make_user(username, role, code)
        browser = WebClient(app.test_client())
        response = browser.login(name, password)
        assert response.status_code == 302, response.get_data(as_text=True)
        made.append(browser)
        return browser

    return login_as


@pytest.fixture
def counsel(web):
    return web("consilier_juridic")


@pytest.fixture
def make_case(client, make_token):
    """Create a case through the API (the web pages read it); returns its JSON."""
    headers = {}

    def make(code: str = "CJ", **overrides) -> dict:
        if code not in headers:
            headers[code] = make_token(code, f"sistem {code}")
        response = client.post(
            "/api/v1/cases", json=builders.case(**overrides), headers=headers[code]
        )
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    return make


def count_cases(app) -> int:
    with app.app_context(), unit_of_work() as uow:
        return uow.session.query(Case).count()
