"""The access log never shows a calendar feed's secret."""

from datetime import timedelta
from types import SimpleNamespace

from gunicorn.config import Config

from filing_service.deadlines.access_log import RedactingLogger


def test_the_access_log_hides_the_calendar_secret():
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/calendar/s3cr3t-Tok_en.ics?x=1",
        "PATH_INFO": "/calendar/s3cr3t-Tok_en.ics",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "QUERY_STRING": "x=1",
    }
    response = SimpleNamespace(status="200 OK", headers=[], sent=10)
    atoms = RedactingLogger(Config()).atoms(response, [], environ, timedelta(seconds=1))
    assert "s3cr3t" not in " ".join(str(v) for v in atoms.values())
    assert atoms["r"] == "GET /calendar/***.ics?x=1 HTTP/1.1"
