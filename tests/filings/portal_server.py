"""A SOAP server on loopback that answers ``Query.asmx`` calls from recorded responses
(``schemas/portal/recordings``): a small WSGI app, served in a thread on a free port."""

import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from filing_service.filings.portal import WSDL  # the package's, served as the portal does

RECORDINGS = Path(__file__).resolve().parents[2] / "schemas" / "portal" / "recordings"
FAULT = (
    b'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap='
    b'"http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>'
    b"<faultcode>soap:Server</faultcode><faultstring>Server was unable to process "
    b"request.</faultstring><detail /></soap:Fault></soap:Body></soap:Envelope>"
)


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        """Say nothing: keep the test output clean."""


class PortalServer:
    """Answers with ``self.recording`` (a file name); sleeps ``self.delay`` seconds first.
    Every request body is kept in ``self.requests``; ``on_request`` is called before
    each question is answered (a test's probe)."""

    def __init__(self):
        self.recording = "dosar-negasit.xml"
        self.delay = 0.0
        self.faults: set[str] = set()  # operations to answer with a SOAP fault
        self.requests: list[tuple[str, bytes]] = []
        self.on_request: Callable[[], None] | None = None
        self._server: WSGIServer = make_server("127.0.0.1", 0, self._app, handler_class=_Quiet)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}/query.asmx"

    def _app(self, environ, start_response):
        if environ["REQUEST_METHOD"] == "GET":  # ?WSDL, as the real service does
            start_response("200 OK", [("Content-Type", "text/xml; charset=utf-8")])
            return [WSDL.read_bytes()]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length)
        action = environ.get("HTTP_SOAPACTION", "").strip('"')
        self.requests.append((action, body))
        if self.on_request is not None:
            self.on_request()
        if self.delay:
            time.sleep(self.delay)
        operation = action.rpartition("/")[2]
        if operation not in ("CautareDosare", "CautareDosare2") or not re.search(
            rb"<(\w+:)?" + operation.encode() + rb"\b", body
        ):
            start_response(
                "500 Internal Server Error", [("Content-Type", "text/xml; charset=utf-8")]
            )
            return [b"unexpected request"]
        if operation in self.faults:
            start_response(
                "500 Internal Server Error", [("Content-Type", "text/xml; charset=utf-8")]
            )
            return [FAULT]
        answer = (RECORDINGS / self.recording).read_bytes()
        if operation == "CautareDosare":  # the same answer under the older names
            answer = answer.replace(b"CautareDosare2", b"CautareDosare")
        start_response("200 OK", [("Content-Type", "text/xml; charset=utf-8")])
        return [answer]

    def start(self) -> "PortalServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
