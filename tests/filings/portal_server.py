"""A SOAP server on loopback that answers ``Query.asmx`` calls from recorded responses
(``schemas/portal/recordings``): a small WSGI app, served in a thread on a free port.

By default every question is answered with ``recording``; a test may give an answer per
operation, per parameter value and per date interval asked (:meth:`PortalServer.answer`)
and read back the questions asked (:attr:`PortalServer.questions`)."""

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from lxml import etree

from filing_service.filings.portal import WSDL  # the package's, served as the portal does

RECORDINGS = Path(__file__).resolve().parents[2] / "schemas" / "portal" / "recordings"
FAULT = (
    b'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap='
    b'"http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>'
    b"<faultcode>soap:Server</faultcode><faultstring>Server was unable to process "
    b"request.</faultstring><detail /></soap:Fault></soap:Body></soap:Envelope>"
)
OPERATIONS = ("CautareDosare", "CautareDosare2", "CautareSedinte")
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


def envelope(operation: str, results: bytes = b"") -> bytes:
    """A SOAP answer of ``operation`` holding ``results`` (``Dosar`` or ``Sedinta``
    elements), as the .asmx service writes it."""
    return (
        b'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap='
        b'"http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi='
        b'"http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd='
        b'"http://www.w3.org/2001/XMLSchema"><soap:Body><'
        + operation.encode()
        + b'Response xmlns="portalquery.just.ro"><'
        + operation.encode()
        + b"Result>"
        + results
        + b"</"
        + operation.encode()
        + b"Result></"
        + operation.encode()
        + b"Response></soap:Body></soap:Envelope>"
    )


def dosar(
    number: str,
    modified_at: datetime,
    institution: str = "TribunalulCLUJ",
    hearings: tuple[tuple[datetime, str], ...] = (),
) -> bytes:
    """One ``Dosar`` changed at ``modified_at`` (portal time), with ``hearings`` (when,
    panel) and nothing else of note: for answers a test makes, such as one at the cap."""
    sittings = "".join(
        f"<DosarSedinta><complet>{panel}</complet><data>{when:%Y-%m-%d}T00:00:00</data>"
        f'<ora>{when:%H:%M}</ora><solutie xsi:nil="true" /><solutieSumar xsi:nil="true" />'
        '<dataPronuntare xsi:nil="true" /><documentSedinta xsi:nil="true" />'
        '<numarDocument xsi:nil="true" /><dataDocument xsi:nil="true" /></DosarSedinta>'
        for when, panel in hearings
    )
    return (
        f"<Dosar><parti /><sedinte>{sittings}</sedinte><caiAtac /><numar>{number}</numar>"
        f"<data>{modified_at:%Y-%m-%d}T00:00:00</data><institutie>{institution}</institutie>"
        "<departament>Secţia civilă</departament><categorieCaz>Civil</categorieCaz>"
        "<stadiuProcesual>Fond</stadiuProcesual><obiect>obiect fictiv</obiect>"
        f"<dataModificare>{modified_at:%Y-%m-%dT%H:%M:%S}</dataModificare>"
        "<categorieCazNume>Civil</categorieCazNume><stadiuProcesualNume>Fond"
        "</stadiuProcesualNume></Dosar>"
    ).encode()


def changes_portal(
    changes: list[tuple[str, datetime, bytes]], cap: int
) -> Callable[["Question"], bytes]:
    """An answer of ``CautareDosare2`` by last-modified interval, as the portal gives it:
    the cases in ``changes`` (number, when changed, their ``Dosar``) changed inside the
    interval asked, at most ``cap`` of them."""

    def answer(question: "Question") -> bytes:
        interval = question.interval
        assert interval is not None, question
        start, stop = interval
        inside = [xml for _, when, xml in changes if start <= when <= stop]
        return envelope("CautareDosare2", b"".join(inside[:cap]))

    return answer


def recording(name: str) -> bytes:
    return (RECORDINGS / name).read_bytes()


@dataclass(frozen=True)
class Question:
    """One question asked: the operation and its parameters (``None`` when sent nil)."""

    operation: str
    params: dict[str, str | None]

    @property
    def interval(self) -> tuple[datetime, datetime] | None:
        """The date interval asked: the last-modified one of ``CautareDosare2``, the
        day of ``CautareSedinte``; None when the question names none."""
        if self.operation == "CautareSedinte":
            day = self.params.get("dataSedinta")
            return (datetime.fromisoformat(day), datetime.fromisoformat(day)) if day else None
        start = self.params.get("dataUltimaModificareStart")
        stop = self.params.get("dataUltimaModificareStop")
        if start is None or stop is None:
            return None
        return datetime.fromisoformat(start), datetime.fromisoformat(stop)


Answer = str | bytes | Callable[[Question], bytes]


@dataclass(frozen=True)
class _Rule:
    operation: str
    answer: Answer
    params: dict[str, str | None]
    within: tuple[datetime, datetime] | None

    def matches(self, question: Question) -> bool:
        if question.operation != self.operation:
            return False
        if any(question.params.get(k) != v for k, v in self.params.items()):
            return False
        if self.within is None:
            return True
        asked = question.interval
        return asked is not None and self.within[0] <= asked[0] <= asked[1] <= self.within[1]


def parse_question(operation: str, body: bytes) -> Question:
    """The parameters of a SOAP request, by local name."""
    root = etree.fromstring(body, etree.XMLParser(resolve_entities=False, no_network=True))
    [call] = root.iter("{portalquery.just.ro}" + operation)
    return Question(
        operation,
        {
            etree.QName(child).localname: None if child.get(XSI_NIL) == "true" else child.text
            for child in call
        },
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
        self._rules: list[_Rule] = []
        self._server: WSGIServer = make_server("127.0.0.1", 0, self._app, handler_class=_Quiet)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def answer(
        self,
        operation: str,
        answer: Answer,
        *,
        within: tuple[datetime, datetime] | None = None,
        **params: str | None,
    ) -> None:
        """Answer ``operation`` with ``answer`` (a recording's file name, the bytes of an
        answer, or a function of the question giving them) when the question's parameters
        equal ``params`` and, with ``within``, when the date interval it asks (portal
        time) lies inside it. The rule given last wins; with none, ``recording`` answers
        (``CautareSedinte``: no sittings)."""
        self._rules.append(_Rule(operation, answer, params, within))

    @property
    def questions(self) -> list[Question]:
        """Every question asked so far, in order."""
        return [
            parse_question(action.rpartition("/")[2], body) for action, body in self.requests
        ]

    def _answer_for(self, question: Question) -> bytes:
        for rule in reversed(self._rules):
            if rule.matches(question):
                if callable(rule.answer):
                    return rule.answer(question)
                return (
                    rule.answer if isinstance(rule.answer, bytes) else recording(rule.answer)
                )
        if question.operation == "CautareSedinte":
            return envelope("CautareSedinte")
        return recording(self.recording)

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
        if operation not in OPERATIONS or not re.search(
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
        answer = self._answer_for(parse_question(operation, body))
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
