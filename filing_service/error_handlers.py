"""The one place that maps errors to what a caller sees.

Every exception the service raises on purpose is described once here (:func:`describe`):
its catalogue code (``errorcodes``), HTTP status, Romanian detail and the errors of its
fields. Under ``/api/`` the description is answered as problem+json; on a web page as the
web's Romanian error page, and a form shows it next to its field (``web.forms.errors_of``
reads the same description). Anything unexpected answers 500 with a reference number and
nothing of its cause; the log line has the reference, the type and where it was raised,
never the exception's text (it may hold a child's data).
"""

import logging
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, Response, render_template, request
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException

from .api.problems import ApiProblem, problem, summary, validation_errors
from .documents.converter import ConversionFailed
from .documents.service import DocumentBlocked, TemplateBroken
from .errorcodes import Code
from .errors import Conflict, DomainError, NotFound, PermissionDenied, RuleViolation
from .filings.domain import QuotaExceeded
from .signing.csc import RemoteSigningError
from .signing.keys import SigningKeyError
from .signing.pades import SigningFailed
from .signing.validation import ValidationInputError
from .xml.problems import XmlRejected

log = logging.getLogger(__name__)


@dataclass
class Answer:
    """What a caller is told of an error: ``status`` defaults to the code's own."""

    code: Code
    detail: str
    errors: list[dict] = field(default_factory=list)
    status: int = 0  # 0: the code's own
    title: str = ""  # "": the code's label
    findings: list = field(default_factory=list)  # a rule violation's, for the web

    def __post_init__(self) -> None:
        self.status = self.status or self.code.status or 500
        self.title = self.title or self.code.label


def _field_error(exc, name: str | None = None) -> dict:
    error = {
        "field": name or getattr(exc, "field", None),
        "code": exc.code,
        "message": exc.message,
    }
    if getattr(exc, "article", None):
        error["article"] = exc.article
    return error


def _rules(exc: RuleViolation, lead: str) -> Answer:
    detail = lead + "; ".join(f"{f.message} ({f.article})" for f in exc.findings)
    return Answer(
        Code.LAW_VIOLATION,
        detail,
        [f.as_dict() for f in exc.findings],
        findings=list(exc.findings),
    )


def _xml(exc: XmlRejected) -> Answer:
    if exc.status == 413:
        code = Code.REQUEST_TOO_LARGE
    elif exc.status == 400:
        code = Code.XML_REFUSED
    elif any(p.article for p in exc.problems):
        code = Code.LAW_VIOLATION
    else:
        code = Code.INVALID_XML
    count = len(exc.problems)
    detail = (
        f"{count} problem{'ă' if count == 1 else 'e'}; nimic nu a fost salvat. "
        + "; ".join(p.message for p in exc.problems[:3])
    )
    return Answer(code, detail, [p.as_dict() for p in exc.problems], status=exc.status)


def _validation(exc: ValidationError) -> Answer:
    errors = validation_errors(exc)
    return Answer(Code.INVALID_DATA, summary(errors), errors)


# Most specific first: ``describe`` takes the first type the exception is an instance of.
# Each function takes an instance of its key (``Any``: a dict cannot say so to mypy).
_DESCRIPTIONS: dict[type[Exception], Callable[[Any], Answer]] = {
    ApiProblem: lambda e: Answer(e.code, e.detail, e.errors, status=e.status, title=e.title),
    ValidationError: _validation,
    DocumentBlocked: lambda e: _rules(
        e, "Documentul nu poate fi generat: Legea nr. 272/2004 nu permite "
    ),
    RuleViolation: lambda e: _rules(e, "Legea nr. 272/2004 nu permite modificarea: "),
    QuotaExceeded: lambda e: Answer(Code.QUOTA_EXCEEDED, e.message, [_field_error(e)]),
    DomainError: lambda e: Answer(Code.INVALID_DATA, e.message, [_field_error(e)]),
    NotFound: lambda e: Answer(Code.NOT_FOUND, e.message),
    PermissionDenied: lambda e: Answer(Code.FORBIDDEN, e.message),
    Conflict: lambda e: Answer(
        Code.CONFLICT,
        e.message,
        [{"field": e.field, "code": Code.CONFLICT, "message": e.message}] if e.field else [],
    ),
    RemoteSigningError: lambda e: Answer(e.code, e.message, [_field_error(e)]),
    SigningKeyError: lambda e: Answer(e.code, e.message, [_field_error(e, "key")]),
    SigningFailed: lambda e: Answer(e.code, e.message),
    ValidationInputError: lambda e: Answer(
        e.code, e.message, [_field_error(e, "file")], status=e.status
    ),
    TemplateBroken: lambda e: Answer(Code.TEMPLATE_BROKEN, e.message),
    ConversionFailed: lambda e: Answer(
        Code.CONVERSION_FAILED, e.message + " Nimic nu a fost salvat; reîncercați."
    ),
    XmlRejected: _xml,
}

EXPECTED = tuple(_DESCRIPTIONS)
"""Every error the service raises on purpose; anything else is a fault (500)."""


def describe(exc: Exception) -> Answer:
    """The catalogue code, status, detail and field errors of an expected error."""
    for kind, make in _DESCRIPTIONS.items():
        if isinstance(exc, kind):
            return make(exc)
    raise TypeError(f"{type(exc).__name__} is not an expected error")


def _is_api() -> bool:
    return request.path.startswith("/api/")


def _page(status: int, title: str, message: str):
    """The web's Romanian error page."""
    return render_template("web/error.html", title=title, message=message), status


_PAGE_TITLES = {Code.NOT_FOUND: "Pagina nu a fost găsită"}


def _expected(exc: Exception):
    answer = describe(exc)
    if _is_api():
        return problem(
            answer.status, answer.title, answer.detail, code=answer.code, errors=answer.errors
        )
    return _page(answer.status, _PAGE_TITLES.get(answer.code, answer.title), answer.detail)


_HTTP_CODES = {
    400: Code.BAD_REQUEST,
    401: Code.UNAUTHENTICATED,
    403: Code.FORBIDDEN,
    404: Code.NOT_FOUND,
    405: Code.METHOD_NOT_ALLOWED,
    413: Code.REQUEST_TOO_LARGE,
    415: Code.UNSUPPORTED_MEDIA_TYPE,
}


# Werkzeug's own errors on a web page; an error of ours that subclasses one (the web's
# CSRF check) brings its own ``title`` and Romanian ``description``.
_WEB_HTTP = {
    400: ("Cerere greșită", "Cererea nu a putut fi înțeleasă."),
    403: ("Acțiune nepermisă", "Rolul dumneavoastră nu permite această acțiune."),
    404: ("Pagina nu a fost găsită", "Adresa cerută nu există."),
    405: ("Metodă nepermisă", "Adresa nu primește această cerere."),
}


def _http(exc: HTTPException):
    """Werkzeug's own errors (no route, wrong method, body too large)."""
    status = exc.code or 500
    if not _is_api():
        if status not in _WEB_HTTP:
            return exc
        title, message = _WEB_HTTP[status]
        own_title = getattr(exc, "title", None)
        if own_title:
            title, message = own_title, exc.description or message
        return _page(status, title, message)
    code = _HTTP_CODES.get(status, Code.HTTP_ERROR)
    details = {
        404: "Adresa cerută nu există.",
        405: f"Metoda {request.method} nu este permisă pentru această adresă.",
        413: "Corpul cererii depășește limita admisă.",
    }
    title = code.label if code is not Code.HTTP_ERROR else exc.name
    return problem(status, title, details.get(status, exc.description or exc.name), code=code)


def _unexpected(exc: Exception):
    reference = uuid.uuid4().hex[:12]
    # The reference, the type and where it was raised: the exception's text and the
    # values of its frames may be children's data, so neither is logged.
    where = "; ".join(
        f"{frame.filename}:{frame.lineno} {frame.name}"
        for frame in traceback.extract_tb(exc.__traceback__)[-3:]
    )
    log.error("unexpected error %s: %s at %s", reference, type(exc).__name__, where)
    if not _is_api():
        message = (
            f"A apărut o eroare neașteptată; nimic nu a fost salvat. Referință: {reference}."
        )
        try:
            return _page(500, Code.INTERNAL_ERROR.label, message)
        except Exception:  # the page itself failed (a broken template or database)
            return Response(
                f"Eroare internă (referință {reference}).", status=500, mimetype="text/plain"
            )
    return problem(
        500,
        Code.INTERNAL_ERROR.label,
        f"A apărut o eroare neașteptată; nimic nu a fost salvat. Referință: {reference}.",
        code=Code.INTERNAL_ERROR,
    )


def init_app(app: Flask) -> None:
    """Register the one mapping of errors, for the API and the web pages alike."""
    for kind in EXPECTED:
        app.register_error_handler(kind, _expected)
    app.register_error_handler(HTTPException, _http)
    app.register_error_handler(Exception, _unexpected)
