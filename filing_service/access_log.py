"""Gunicorn's access log without personal data or secrets.

A request line such as ``GET /api/v1/cases?cnp=5140612123456`` or the web search
``GET /cases?q=Popescu+Andrei`` names a child; the access log is kept longer, read by
more people and copied to more places than the database, so what a query string holds
must not reach it. Every access-log field (the request line, the path, the query, the
referrer, the headers and the environment) is redacted:

- the value of every query parameter is replaced with ``***``, except the parameters of
  :data:`HARMLESS`, which carry paging, filters from closed lists, ids and dates, and
  then only if the value has a harmless shape (:data:`_HARMLESS_VALUE`);
- a calendar feed's address is its only key (calendar programs cannot log in), so
  ``/calendar/<secret>.ics`` becomes ``/calendar/***.ics``;
- the ``Authorization`` and ``Cookie`` headers are never logged.

Form fields sent in a POST body are not logged by gunicorn; a GET form (the web search)
puts its fields in the query string, where this redaction takes them out. ``make serve``
starts gunicorn with this logger (``logger_class`` in ``gunicorn.conf.py``).
"""

import re

from gunicorn.glogging import Logger

# Query parameters whose values are logged: paging, filters from closed lists (status,
# kind, role...), ids, dates and switches. Anything else (q, cnp, title, next, ...) may
# hold a child's data and is logged as ``name=***``.
HARMLESS = frozenset(
    {
        "page",
        "per_page",
        "variant",
        "status",
        "situation",
        "kind",
        "authority",
        "role",
        "priority",
        "overdue",
        "case_id",
        "created",
        "due_before",
        "since",
        "opened_from",
        "opened_to",
        "occurred_from",
        "occurred_to",
        "luna",
        "descarca",
        "expirat",
    }
)
# A value of a harmless parameter is logged only if it looks like one: short, plain, and
# without a run of 13 digits (a CNP put where an id was expected).
_HARMLESS_VALUE = re.compile(r"[A-Za-z0-9_.:-]{0,32}")
_CNP_LIKE = re.compile(r"\d{13}")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\[\]-]{0,40}")
_SECRET = re.compile(r"/calendar/[^/?\s]+\.ics")
# Headers that carry credentials, as request headers (``{name}i``) and in the
# environment (``{http_name}e``).
_CREDENTIALS = frozenset({"authorization", "cookie", "http_authorization", "http_cookie"})
_QUERY_ATOMS = frozenset({"q", "{query_string}e"})
_HEADER_ATOM = re.compile(r"\{(.+)\}[ieo]")
REDACTED = "***"


def redact_query(query: str) -> str:
    """``cnp=5140612123456&page=2`` -> ``cnp=***&page=2``: only harmless values stay."""
    if not query:
        return query
    parts = []
    for part in query.split("&"):
        name, sep, value = part.partition("=")
        if not _NAME.fullmatch(name):
            parts.append(REDACTED)  # a key that is not a parameter name may be data itself
        elif not sep:
            parts.append(name)
        elif name in HARMLESS and _harmless(value):
            parts.append(f"{name}={value}")
        else:
            parts.append(f"{name}={REDACTED}")
    return "&".join(parts)


def _harmless(value: str) -> bool:
    return bool(_HARMLESS_VALUE.fullmatch(value)) and not _CNP_LIKE.search(value)


def redact(text: str) -> str:
    """A request line, an address or a path: calendar secrets and query values out.

    ``GET /calendar/abc.ics?q=Ana HTTP/1.1`` -> ``GET /calendar/***.ics?q=*** HTTP/1.1``.
    """
    text = _SECRET.sub(f"/calendar/{REDACTED}.ics", text)
    head, sep, rest = text.partition("?")
    if not sep:
        return text
    query, space, tail = rest.partition(" ")  # a request line ends in " HTTP/1.1"
    query, hash_, _fragment = query.partition("#")
    fragment = hash_ + REDACTED if hash_ else ""
    return head + sep + redact_query(query) + fragment + space + tail


def redact_atom(key: str, value: object) -> object:
    """One access-log field, redacted by what it holds."""
    if not isinstance(value, str):
        return value
    header = _HEADER_ATOM.fullmatch(key)
    if header and header.group(1).lower() in _CREDENTIALS:
        return REDACTED
    if key in _QUERY_ATOMS:
        return redact_query(value)
    return redact(value)


class RedactingLogger(Logger):
    """Gunicorn's logger, with personal data and secrets taken out of every access-log
    field (its error log is the service's own logging, which never logs them)."""

    def atoms(self, resp, req, environ, request_time):
        return {
            key: redact_atom(key, value)
            for key, value in super().atoms(resp, req, environ, request_time).items()
        }
