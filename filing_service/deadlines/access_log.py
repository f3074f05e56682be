"""Gunicorn's access log without calendar secrets.

A calendar feed's address is its only key (calendar programs cannot log in), so the
request line ``GET /calendar/<secret>.ics`` must not reach the access log. ``make run``
starts gunicorn with ``--logger-class filing_service.deadlines.access_log.RedactingLogger``.
"""

import re

from gunicorn.glogging import Logger

_SECRET = re.compile(r"/calendar/[^/?\s]+\.ics")


def redact(text: str) -> str:
    """``/calendar/abc.ics`` -> ``/calendar/***.ics``."""
    return _SECRET.sub("/calendar/***.ics", text)


class RedactingLogger(Logger):
    """Gunicorn's logger, with feed secrets taken out of every access-log field."""

    def atoms(self, resp, req, environ, request_time):
        return {
            key: redact(value) if isinstance(value, str) else value
            for key, value in super().atoms(resp, req, environ, request_time).items()
        }
