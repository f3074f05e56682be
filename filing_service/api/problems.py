"""Every API error as RFC 9457 problem+json, from one place.

Domain and service exceptions become 4xx answers that name the field, the rule and the
article; anything unexpected becomes a 500 that says nothing of its cause (it is logged
with a reference number instead) after the transaction has been rolled back.
"""
import logging
import uuid

from flask import Flask, Response, json
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException

from ..errors import Conflict, DomainError, NotFound, PermissionDenied, RuleViolation

log = logging.getLogger(__name__)

PROBLEM_TYPE = "https://filing-service.invalid/probleme/"
MEDIA_TYPE = "application/problem+json"


class ApiProblem(Exception):
    """An API error raised where no domain exception fits (bad media type, bad query)."""

    def __init__(self, status: int, title: str, detail: str, *, code: str,
                 errors: list[dict] | None = None):
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail
        self.code, self.errors = code, errors or []


def problem(status: int, title: str, detail: str, *, code: str,
            errors: list[dict] | None = None, **extra) -> Response:
    body = {"type": PROBLEM_TYPE + code, "title": title, "status": status, "detail": detail}
    if errors:
        body["errors"] = errors
    body.update(extra)
    return Response(json.dumps(body, ensure_ascii=False), status=status, mimetype=MEDIA_TYPE)


# Pydantic error types -> Romanian messages. ``ctx`` fills the braces.
_MESSAGES = {
    "missing": "Câmpul este obligatoriu.",
    "extra_forbidden": "Câmp necunoscut: nu face parte din model.",
    "string_type": "Trebuie să fie un text.",
    "string_too_short": "Textul este prea scurt (cel puțin {min_length} caractere).",
    "string_too_long": "Textul este prea lung (cel mult {max_length} caractere).",
    "string_pattern_mismatch": "Valoarea nu are forma cerută.",
    "int_type": "Trebuie să fie un număr întreg.",
    "int_parsing": "Trebuie să fie un număr întreg.",
    "bool_type": "Trebuie să fie true sau false.",
    "bool_parsing": "Trebuie să fie true sau false.",
    "date_type": "Trebuie să fie o dată în forma AAAA-LL-ZZ.",
    "date_parsing": "Dată invalidă: folosiți forma AAAA-LL-ZZ.",
    "date_from_datetime_parsing": "Dată invalidă: folosiți forma AAAA-LL-ZZ.",
    "date_from_datetime_inexact": "Trebuie să fie o dată, fără oră.",
    "datetime_type": "Trebuie să fie o dată și oră în forma ISO 8601.",
    "datetime_parsing": "Dată și oră invalide: folosiți forma ISO 8601.",
    "datetime_from_date_parsing": "Dată și oră invalide: folosiți forma ISO 8601.",
    "timezone_aware": "Ora trebuie să includă fusul orar.",
    "enum": "Valoare nepermisă; valori acceptate: {expected}.",
    "literal_error": "Valoare nepermisă; valori acceptate: {expected}.",
    "list_type": "Trebuie să fie o listă.",
    "dict_type": "Trebuie să fie un obiect.",
    "model_type": "Trebuie să fie un obiect.",
    "model_attributes_type": "Trebuie să fie un obiect.",
    "too_long": "Lista are prea multe elemente (cel mult {max_length}).",
    "greater_than_equal": "Trebuie să fie cel puțin {ge}.",
    "less_than_equal": "Trebuie să fie cel mult {le}.",
}


def field_path(loc: tuple) -> str:
    """``("parents", 0, "cnp")`` -> ``parents[0].cnp``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += ("." if path else "") + str(part)
    return path


def validation_errors(exc: ValidationError, prefix: tuple = ()) -> list[dict]:
    """Translate pydantic's errors into field, code and Romanian message."""
    out = []
    for err in exc.errors(include_url=False, include_input=False):
        kind = err["type"]
        if kind == "value_error":  # our own validators raise ValueError in Romanian
            message = str(err.get("ctx", {}).get("error", err["msg"]))
        else:
            template = _MESSAGES.get(kind)
            try:
                message = template.format(**err.get("ctx", {})) if template else err["msg"]
            except (KeyError, IndexError):
                message = err["msg"]
        out.append({"field": field_path(prefix + tuple(err["loc"])), "code": kind,
                    "message": message})
    return out


def init_app(app: Flask) -> None:
    """Register the mapping of exceptions to problem+json for paths under /api/."""

    from flask import request

    def _is_api() -> bool:
        return request.path.startswith("/api/")

    @app.errorhandler(ApiProblem)
    def _api_problem(exc: ApiProblem):
        return problem(exc.status, exc.title, exc.detail, code=exc.code, errors=exc.errors)

    @app.errorhandler(ValidationError)
    def _validation(exc: ValidationError):
        errors = validation_errors(exc)
        return problem(422, "Date invalide", _summary(errors), code="date-invalide",
                       errors=errors)

    @app.errorhandler(DomainError)
    def _domain(exc: DomainError):
        error = {"field": exc.field, "code": exc.code, "message": exc.message}
        if exc.article:
            error["article"] = exc.article
        return problem(422, "Date invalide", exc.message, code="date-invalide", errors=[error])

    @app.errorhandler(RuleViolation)
    def _rules(exc: RuleViolation):
        errors = [f.as_dict() for f in exc.findings]
        detail = "Legea nr. 272/2004 nu permite modificarea: " + "; ".join(
            f"{f.message} ({f.article})" for f in exc.findings)
        return problem(422, "Încălcare a Legii nr. 272/2004", detail,
                       code="incalcare-lege", errors=errors)

    @app.errorhandler(NotFound)
    def _not_found(exc: NotFound):
        return problem(404, "Negăsit", exc.message, code="negasit")

    @app.errorhandler(PermissionDenied)
    def _forbidden(exc: PermissionDenied):
        return problem(403, "Acțiune nepermisă", exc.message, code="nepermis")

    @app.errorhandler(Conflict)
    def _conflict(exc: Conflict):
        errors = [{"field": exc.field, "code": "conflict", "message": exc.message}]
        return problem(409, "Conflict", exc.message, code="conflict",
                       errors=errors if exc.field else None)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        if not _is_api():
            return exc
        titles = {404: "Negăsit", 405: "Metodă nepermisă", 413: "Cerere prea mare",
                  415: "Tip de conținut nesuportat", 400: "Cerere greșită",
                  401: "Neautentificat"}
        details = {
            404: "Adresa cerută nu există.",
            405: f"Metoda {request.method} nu este permisă pentru această adresă.",
            413: "Corpul cererii depășește limita admisă.",
        }
        return problem(exc.code or 500, titles.get(exc.code, exc.name),
                       details.get(exc.code, exc.description or exc.name),
                       code=f"http-{exc.code}")

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        reference = uuid.uuid4().hex[:12]
        # The exception type and reference only: values may be children's data.
        log.error("unexpected error %s: %s", reference, type(exc).__name__, exc_info=exc)
        if not _is_api():
            return Response(f"Eroare internă (referință {reference}).", status=500,
                            mimetype="text/plain")
        return problem(500, "Eroare internă",
                       f"A apărut o eroare neașteptată; nimic nu a fost salvat. "
                       f"Referință: {reference}.", code="eroare-interna")


def _summary(errors: list[dict]) -> str:
    return "; ".join(f"{e['field'] or 'corp'}: {e['message']}" for e in errors)
