"""gunicorn's worker for `make serve` (``worker_class`` in ``gunicorn.conf.py``).

gunicorn refuses some requests before the app sees them: a request line longer than
``limit_request_line`` (414), too many or too large header fields (431), a request line
or a header that is not HTTP/1.1 (400). gunicorn answers them with an HTML page of its
own, which echoes the refused text; :class:`ProblemWorker` answers them instead as the
service answers every other error, RFC 9457 problem+json with a catalogue code and a
Romanian title and detail, with the security headers of every other answer. gunicorn
cannot know whether the request was for the API or for a page (it has not read the
path, or not all of it), so every such refusal is problem+json.

Neither the answer nor the log holds any of the refused request: its request line may
hold a child's name or CNP in the query string. Anything else (a 500, a refused
transfer coding, a proxy) is left to gunicorn.
"""

import json
from datetime import timedelta

from gunicorn import util
from gunicorn.http import errors
from gunicorn.http.wsgi import Response, default_environ
from gunicorn.workers.sync import SyncWorker

from .api.problems import MEDIA_TYPE, problem_body
from .errorcodes import Code
from .http_security import NON_PAGE_HEADERS

# Errors of the request, that gunicorn answers with 400.
_MALFORMED = (
    errors.InvalidRequestLine,
    errors.InvalidRequestMethod,
    errors.InvalidHTTPVersion,
    errors.InvalidHeader,
    errors.InvalidHeaderName,
    errors.ObsoleteFolding,
    errors.InvalidSchemeHeaders,
    errors.InvalidChunkSize,
    errors.ChunkMissingTerminator,
    errors.InvalidChunkExtension,
    errors.InvalidProxyLine,
    errors.InvalidH2CPreface,
)
# The application's own bad response header: a 500, gunicorn's to answer.
_APPLICATION_FAULT = (errors.InvalidResponseHeader, errors.InvalidResponseHeaderName)
_REASONS = {400: "Bad Request", 414: "URI Too Long", 431: "Request Header Fields Too Large"}


def _count(number: int, plural: str) -> str:
    """``8190 de octeți``, ``19 câmpuri``: Romanian puts "de" after 20 and above."""
    rest = number % 100
    return f"{number} de {plural}" if rest == 0 or rest >= 20 else f"{number} {plural}"


class ProblemWorker(SyncWorker):
    """gunicorn's sync worker, answering the requests gunicorn refuses with problem+json."""

    def refusal(self, exc: BaseException) -> tuple[int, Code, str] | None:
        """Status, code and Romanian detail for ``exc``; None where gunicorn answers."""
        if isinstance(exc, _APPLICATION_FAULT):
            return None
        if isinstance(exc, errors.LimitRequestLine):
            size = _count(self.cfg.limit_request_line, "octeți")
            return (
                414,
                Code.REQUEST_LINE_TOO_LONG,
                f"Linia cererii (metoda și adresa) depășește limita de {size}.",
            )
        if isinstance(exc, errors.LimitRequestHeaders):
            fields = _count(self.cfg.limit_request_fields, "câmpuri")
            size = _count(self.cfg.limit_request_field_size, "octeți")
            return (
                431,
                Code.REQUEST_HEADER_TOO_LARGE,
                f"Antetele cererii depășesc limita admisă: cel mult {fields}, "
                f"fiecare de cel mult {size}.",
            )
        if isinstance(exc, _MALFORMED):
            return (
                400,
                Code.BAD_REQUEST,
                "Cererea nu a putut fi înțeleasă: linia cererii sau antetele ei "
                "nu respectă protocolul HTTP/1.1.",
            )
        return None

    def handle_error(self, req, client, addr, exc):
        refused = self.refusal(exc)
        if refused is None:
            return super().handle_error(req, client, addr, exc)
        status, code, detail = refused
        addr = addr or ("", -1)  # a unix socket
        # The type of the error only: its text is the refused request line or header.
        self.log.warning(
            "Refused request from ip=%s: %s, answered %d %s",
            addr[0],
            type(exc).__name__,
            status,
            code,
        )
        body = json.dumps(
            problem_body(status, code.label, detail, code=code), ensure_ascii=False
        ).encode()
        if req is None and isinstance(exc, (errors.InvalidHeader, errors.InvalidHeaderName)):
            req = getattr(exc, "req", None)  # a header refused once the line was read
        if req is not None:  # the access log, redacted by its logger (access_log.py)
            environ = default_environ(req, client, self.cfg)
            environ["REMOTE_ADDR"], environ["REMOTE_PORT"] = addr[0], str(addr[1])
            response = Response(req, client, self.cfg)
            response.status = f"{status} {_REASONS[status]}"
            response.response_length = len(body)
            self.log.access(response, req, environ, timedelta(0))
        headers = {
            "Content-Type": MEDIA_TYPE,
            "Content-Length": str(len(body)),
            "Connection": "close",
            **NON_PAGE_HEADERS,
        }
        head = f"HTTP/1.1 {status} {_REASONS[status]}\r\n" + "".join(
            f"{name}: {value}\r\n" for name, value in headers.items()
        )
        try:
            util.write_nonblock(client, head.encode("latin-1") + b"\r\n" + body)
        except Exception:
            self.log.debug("Failed to send error message.")
