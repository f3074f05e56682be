"""API errors as RFC 9457 problem+json: the body, and pydantic's errors in Romanian.

``filing_service.error_handlers`` decides which exception becomes which problem; this
module writes it. Every code is looked up in ``filing_service.errorcodes`` on its way
out, so a code that is not in the catalogue cannot reach a caller.
"""

from flask import Response, json
from pydantic import ValidationError

from ..errorcodes import Code, UnknownCode, lookup

PROBLEM_TYPE = "https://filing-service.invalid/probleme/"
MEDIA_TYPE = "application/problem+json"


class ApiProblem(Exception):
    """An API error raised where no domain exception fits (bad media type, bad query)."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str,
        *,
        code: Code,
        errors: list[dict] | None = None,
    ):
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail
        self.code, self.errors = code, errors or []


def problem_body(status: int, title: str, detail: str, *, code: Code) -> dict:
    """The members every problem has; ``code`` must be in the catalogue. Also what
    ``filing_service.serving`` sends for a request gunicorn refuses before the app."""
    code = lookup(code)
    return {
        "type": PROBLEM_TYPE + code,
        "title": title,
        "status": status,
        "detail": detail,
        "code": code,
    }


def problem(
    status: int,
    title: str,
    detail: str,
    *,
    code: Code,
    errors: list[dict] | None = None,
    **extra,
) -> Response:
    """The problem+json answer; ``code`` and every ``errors[].code`` must be in the
    catalogue (:class:`~filing_service.errorcodes.UnknownCode` otherwise)."""
    body = problem_body(status, title, detail, code=code)
    for error in errors or []:
        error["code"] = lookup(error["code"])
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


def pydantic_code(kind: str) -> Code:
    """Pydantic's error type as a catalogue code: its own name where the catalogue has it
    (``missing``, ``string_too_long``), else ``invalid_value``."""
    try:
        return lookup(kind)
    except UnknownCode:
        return Code.INVALID_VALUE


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
        error = {
            "field": field_path(prefix + tuple(err["loc"])),
            "code": pydantic_code(kind),
            "message": message,
        }
        if err.get("ctx", {}).get("article"):  # a domain check's, through api.fields
            error["article"] = err["ctx"]["article"]
        out.append(error)
    return out


def summary(errors: list[dict]) -> str:
    return "; ".join(f"{e['field'] or 'corp'}: {e['message']}" for e in errors)
