"""A stand-in for registratura.rejust.ro on loopback: the form a party fills to file
documents with a court, as the Superior Council of Magistracy describes its portal.

What it does with a submission is what the portal does: it checks the files (PDF only,
at most 10 MB in all, as the courts' registries take them), e-mails the court's registry
one message with the filled form as its body and every file attached in the order it was
uploaded (to a real SMTP server: the tests' ``SmtpSink``), and answers the party with the
proof of filing, a PDF with its own number. Nothing of the service is imported: it sees
only what a person would upload."""

import smtplib
import threading
from email import message_from_bytes, policy
from email.message import EmailMessage
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from .pdfs import make_pdf

MAX_BYTES = 10_000_000


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        """Say nothing: keep the test output clean."""


def _form(environ) -> tuple[dict[str, str], list[tuple[str, bytes]]]:
    """The fields and the files (in order) of a multipart/form-data body."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length)
    head = f"Content-Type: {environ['CONTENT_TYPE']}\r\nMIME-Version: 1.0\r\n\r\n"
    message = message_from_bytes(head.encode() + body, policy=policy.HTTP)
    fields, files = {}, []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        filename = part.get_filename()
        if filename is not None:
            files.append((filename, part.get_payload(decode=True)))
        else:
            fields[name] = part.get_content().strip()
    return fields, files


class RejustPortal:
    """``POST /depunere-acte`` with the fields ``instanta``, ``adresa_instanta``,
    ``email`` and ``tip``, and the files ``documente``. ``submissions`` keeps what it
    took; ``proofs`` the proof it answered each one with."""

    def __init__(self, smtp_port: int):
        self.smtp_port = smtp_port
        self.submissions: list[dict] = []
        self.proofs: list[bytes] = []
        self._server: WSGIServer = make_server("127.0.0.1", 0, self._app, handler_class=_Quiet)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}/depunere-acte"

    def start(self) -> "RejustPortal":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _refuse(self, start_response, reason: str):
        start_response("422 Unprocessable Entity", [("Content-Type", "text/plain")])
        return [reason.encode("utf-8")]

    def _app(self, environ, start_response):
        if environ["REQUEST_METHOD"] != "POST" or environ["PATH_INFO"] != "/depunere-acte":
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"not found"]
        fields, files = _form(environ)
        for required in ("instanta", "adresa_instanta", "email", "tip"):
            if not fields.get(required):
                return self._refuse(start_response, f"Câmpul {required} este obligatoriu.")
        if not files:
            return self._refuse(start_response, "Atașați cel puțin un document.")
        for name, data in files:
            if not name.lower().endswith(".pdf") or not data.startswith(b"%PDF-"):
                return self._refuse(start_response, f"{name}: se acceptă doar PDF.")
        if sum(len(data) for _, data in files) > MAX_BYTES:
            return self._refuse(start_response, "Documentele depășesc 10 MB.")
        number = f"RJ-{len(self.submissions) + 1:06d}"
        self._relay(number, fields, files)
        proof = make_pdf(f"Dovada depunerii nr. {number}")
        self.submissions.append({"number": number, "fields": fields, "files": files})
        self.proofs.append(proof)
        start_response(
            "200 OK",
            [
                ("Content-Type", "application/pdf"),
                ("Content-Disposition", f'attachment; filename="dovada-{number}.pdf"'),
            ],
        )
        return [proof]

    def _relay(self, number: str, fields: dict, files: list[tuple[str, bytes]]) -> None:
        """The portal's e-mail to the registry: the form as text, the files attached."""
        message = EmailMessage()
        message["From"] = "registratura@rejust.invalid"
        message["To"] = fields["adresa_instanta"]
        message["Subject"] = f"Solicitare {number}: {fields['tip']}"
        message.set_content(
            "\n".join(
                [
                    f"Instanța: {fields['instanta']}",
                    f"Tipul solicitării: {fields['tip']}",
                    f"Adresa de e-mail a solicitantului: {fields['email']}",
                    f"Documente: {len(files)}",
                ]
            )
        )
        for name, data in files:
            message.add_attachment(data, maintype="application", subtype="pdf", filename=name)
        with smtplib.SMTP("127.0.0.1", self.smtp_port, timeout=5) as client:
            client.send_message(message)
