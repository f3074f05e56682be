"""The access log never shows a child's data or a secret: gunicorn's own logger class,
as ``gunicorn.conf.py`` names it, formats the lines."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from filing_service.access_log import RedactingLogger, redact, redact_query

CNP = "5140612125781"
NAME = "Popescu"

# Every atom gunicorn offers that can hold an address, a query or a credential.
FORMAT = (
    '%(h)s %(u)s "%(r)s" %(s)s "%(f)s" %(U)s %(q)s '
    "%({raw_uri}e)s %({query_string}e)s %({http_referer}e)s %({http_cookie}e)s "
    "%({authorization}i)s %({cookie}i)s %({location}o)s"
)


def _line(folder, raw_uri: str, **headers: str) -> str:
    """The access-log line gunicorn would write for a GET of ``raw_uri``."""
    path, _, query = raw_uri.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": raw_uri,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": headers.get("referer", "-"),
        "HTTP_COOKIE": headers.get("cookie", ""),
    }
    request = [(name.upper(), value) for name, value in headers.items()]
    response = SimpleNamespace(status="302 FOUND", headers=[("Location", raw_uri)], sent=10)
    log = folder / "access.log"
    config = Config()
    config.set("accesslog", str(log))
    config.set("access_log_format", FORMAT)
    logger = RedactingLogger(config)
    logger.access(response, request, environ, timedelta(seconds=1))
    for handler in logger.access_log.handlers:
        handler.close()
    line = log.read_text(encoding="utf-8")
    assert '"GET /' in line  # the line was written
    return line


@pytest.mark.parametrize(
    "raw_uri",
    [
        f"/api/v1/cases?cnp={CNP}",
        f"/api/v1/children?q={NAME}&page=2",
        f"/cases?q={NAME}+Andrei",
        f"/cases?q={CNP}",
        f"/cases?page=1&q=%C8%98tefan+{NAME}",
        f"/api/v1/cases?case_id={CNP}",  # a CNP where an id belongs
        f"/api/v1/cases?{CNP}",  # a bare value
        f"/login?next=/cases%3Fq%3D{NAME}",
    ],
)
def test_the_access_log_hides_query_values_that_may_name_a_child(tmp_path, raw_uri):
    line = _line(
        tmp_path,
        raw_uri,
        referer=f"http://127.0.0.1/cases?q={NAME}",
        authorization="Bearer tok-s3cr3t",
        cookie="session=c00kie-s3cr3t",
    )
    assert CNP not in line
    assert NAME not in line
    assert "s3cr3t" not in line


def test_the_access_log_keeps_the_harmless_parameters_of_its_allow_list():
    assert redact_query("page=2&per_page=50&status=deschis&q=Ana") == (
        "page=2&per_page=50&status=deschis&q=***"
    )
    assert redact("GET /cases?q=Ana&page=3 HTTP/1.1") == "GET /cases?q=***&page=3 HTTP/1.1"


def test_the_access_log_hides_the_calendar_secret(tmp_path):
    line = _line(tmp_path, "/calendar/s3cr3t-Tok_en.ics?x=1")
    assert "s3cr3t" not in line
    assert '"GET /calendar/***.ics?x=*** HTTP/1.1"' in line
