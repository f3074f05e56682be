"""Every page and API answer tells the browser how to keep it safe: a strict
Content-Security-Policy, no framing by other sites, no sniffing, no referrer, HSTS over
HTTPS, and no stored copy of anything but the static files; the session cookie is
Secure over HTTPS; an API 401 names its scheme."""

import re
from pathlib import Path

import pytest

import filing_service

TEMPLATES = Path(filing_service.__file__).parent / "web" / "templates"
# An inline script or style, a style attribute, an event-handler attribute, a
# javascript: address: what a strict CSP (no 'unsafe-inline') refuses to run.
INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=|javascript:", re.IGNORECASE
)


@pytest.fixture
def answers(client, auth, counsel, make_case):
    """One answer of each kind: pages (anonymous, logged-in, an error page), API answers
    (a listing, a record, a problem, a 401), the OpenAPI document and the health check."""
    case = make_case()
    return {
        "login page": client.get("/login"),
        "dashboard": counsel.get("/"),
        "case list": counsel.get("/cases?q=Popescu"),
        "case page": counsel.get(f"/cases/{case['id']}"),
        "web 404": counsel.get("/cases/999999"),
        "redirect": client.get("/cases"),
        "api listing": client.get("/api/v1/cases", headers=auth),
        "api record": client.get(f"/api/v1/cases/{case['id']}", headers=auth),
        "api 404": client.get("/api/v1/cases/999999", headers=auth),
        "api 401": client.get("/api/v1/cases"),
        "openapi": client.get("/api/v1/openapi.json"),
        "health": client.get("/healthz"),
    }


def test_every_page_and_api_answer_carries_the_security_headers(answers):
    for kind, response in answers.items():
        headers = response.headers
        policy = headers.get("Content-Security-Policy", "")
        assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy, kind
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, kind
        assert headers.get("X-Frame-Options") == "DENY", kind
        assert headers.get("X-Content-Type-Options") == "nosniff", kind
        assert headers.get("Referrer-Policy") == "no-referrer", kind
        assert "no-store" in headers.get("Cache-Control", ""), kind
        assert "Strict-Transport-Security" not in headers, kind  # plain HTTP: no HSTS


def test_a_page_may_load_only_the_services_own_scripts_styles_and_frames(answers):
    policy = answers["dashboard"].headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-src"] == "'self'"
    assert directives["form-action"] == "'self'"


def test_the_templates_have_no_inline_script_style_or_event_handler():
    found = [
        f"{path.relative_to(TEMPLATES)}: {match.group(0)}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for match in INLINE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_static_files_may_be_cached_and_are_not_sniffed(client):
    for name in ("app.css", "app.js"):
        with client.get(f"/assets/{name}") as response:  # a file: closed after
            assert response.status_code == 200
            assert "no-store" not in response.headers.get("Cache-Control", "")
            assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_hsts_is_sent_only_when_the_request_came_over_https(client):
    secure = client.get("/login", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")
    assert "Strict-Transport-Security" not in client.get("/login").headers


def test_the_session_cookie_is_secure_whenever_the_request_is_https(app, make_user):
    username, password = make_user("ana.https", "consilier_juridic")
    cookies = {}
    for scheme in ("https", "http"):
        browser = app.test_client()
        base = f"{scheme}://localhost"
        page = browser.get("/login", base_url=base).get_data(as_text=True)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        answer = browser.post(
            "/login",
            data={"username": username, "password": password, "csrf_token": token},
            base_url=base,
        )
        assert answer.status_code == 302
        cookies[scheme] = answer.headers["Set-Cookie"]
    assert "Secure" in cookies["https"] and "HttpOnly" in cookies["https"]
    assert "Secure" not in cookies["http"]  # SESSION_COOKIE_SECURE=1 would force it


def test_an_api_401_names_the_bearer_scheme(client):
    missing = client.get("/api/v1/cases")
    assert missing.status_code == 401
    assert missing.headers["WWW-Authenticate"] == 'Bearer realm="filing_service"'
    refused = client.get("/api/v1/cases", headers={"Authorization": "Bearer fs_not-a-token"})
    assert refused.status_code == 401
    assert refused.headers["WWW-Authenticate"] == (
        'Bearer realm="filing_service", error="invalid_token"'
    )
