"""No child's data in any log: a realistic session of work, through the API and the web
pages, with searches by name and CNP and a database error that carries a CNP, leaves
neither the CNPs nor the names it used in the service's log or in the access log that
``make serve``'s gunicorn writes with the logger class of ``gunicorn.conf.py``."""

import logging
import runpy
import time
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote, quote_plus

import pytest
from gunicorn.config import Config
from gunicorn.util import load_class
from sqlalchemy import text

from filing_service.db import unit_of_work
from filing_service.law.cnp import build_cnp
from tests import builders
from tests.web.test_case_forms import new_case_form

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"

API_CHILD = builders.child(8, serial=417, first_name="Iuliana-Teodora", last_name="Zamfirescu")
WEB_CHILD = {
    "child.first_name": "Octavian",
    "child.last_name": "Bălănescu",
    "child.cnp": build_cnp(
        builders.years_ago(9, days=40), sex="M", county_code="12", serial=529
    ),
}
SECRETS = [
    API_CHILD["cnp"],
    API_CHILD["first_name"],
    API_CHILD["last_name"],
    WEB_CHILD["child.cnp"],
    WEB_CHILD["child.first_name"],
    WEB_CHILD["child.last_name"],
]


class AccessLogged:
    """The app behind gunicorn's access logging as ``make serve`` configures it: the
    logger class and format of ``gunicorn.conf.py``, one line per request, to a file."""

    def __init__(self, app, log: Path):
        settings = runpy.run_path(str(CONF))
        config = Config()
        config.set("logger_class", settings["logger_class"])
        config.set("accesslog", str(log))
        self.logger = load_class(config.logger_class)(config)
        self.wsgi_app = app.wsgi_app

    def __call__(self, environ, start_response):
        started = time.monotonic()  # a duration for the log line, never a date
        answer = {}

        def start(status, headers, exc_info=None):
            answer.update(status=status, headers=headers)
            return start_response(status, headers, exc_info)

        body = b"".join(self.wsgi_app(environ, start))
        environ["RAW_URI"] = _raw_uri(environ)  # what gunicorn takes from the request line
        response = SimpleNamespace(status=answer["status"], headers=answer["headers"])
        response.sent = len(body)
        elapsed = timedelta(seconds=time.monotonic() - started)
        self.logger.access(response, environ, environ, elapsed)
        return [body]

    def close(self) -> None:
        for handler in self.logger.access_log.handlers:
            handler.close()


def _raw_uri(environ) -> str:
    """The request target as the client sent it, which gunicorn puts in ``RAW_URI``."""
    path = quote(environ["PATH_INFO"].encode("latin-1").decode("utf-8"))
    query = environ.get("QUERY_STRING")
    return f"{path}?{query}" if query else path


def _forms(value: str) -> set[str]:
    """``value`` as a log may write it: as typed, and percent-encoded either way."""
    return {value, quote(value), quote_plus(value), value.lower()}


@pytest.fixture
def access_logged(app, tmp_path):
    logged = AccessLogged(app, tmp_path / "access.log")
    app.wsgi_app = logged
    yield tmp_path / "access.log"
    app.wsgi_app = logged.wsgi_app
    logged.close()


@pytest.fixture
def failing_route(app):
    """An API route whose query fails in the database with a CNP bound to it."""

    def fail():
        with unit_of_work() as uow:
            uow.session.execute(
                text("SELECT no_such_column FROM children WHERE cnp = :cnp"),
                {"cnp": API_CHILD["cnp"]},
            )

    app.add_url_rule("/api/v1/test-only/database-error", "database_error", fail)


def test_a_day_of_work_leaves_no_cnp_and_no_name_in_any_log(
    app, client, auth, web, failing_route, access_logged, caplog
):
    caplog.set_level(logging.DEBUG)
    counsel = web("consilier_juridic")
    created = client.post("/api/v1/cases", json=builders.case(child=API_CHILD), headers=auth)
    assert created.status_code == 201, created.get_json()
    made = counsel.post("/cases/new", new_case_form(**WEB_CHILD))
    assert made.status_code == 302
    for name in ("first_name", "last_name"):
        answer = client.get(
            "/api/v1/children", query_string={"q": API_CHILD[name]}, headers=auth
        )
        assert answer.get_json()["total"] == 1
    assert client.get(f"/api/v1/cases?cnp={API_CHILD['cnp']}", headers=auth).status_code == 200
    for typed in ("child.cnp", "child.last_name", "child.first_name"):
        page = counsel.get("/cases", query_string={"q": WEB_CHILD[typed]})
        assert WEB_CHILD["child.last_name"] in page.get_data(as_text=True)
    failed = client.get("/api/v1/test-only/database-error", headers=auth)
    assert failed.status_code == 500

    logs = caplog.text + access_logged.read_text(encoding="utf-8")
    found = [secret for secret in SECRETS if any(f in logs for f in _forms(secret))]
    assert found == []
    assert "GET /cases?q=*** HTTP/1.1" in logs  # the access log was written
    # The failed statement was logged, by its type only (SQLite and PostgreSQL name the
    # missing table's error differently).
    assert "unexpected error" in caplog.text
    assert "OperationalError" in caplog.text or "ProgrammingError" in caplog.text
