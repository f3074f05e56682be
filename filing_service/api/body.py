"""Reading JSON bodies: a size limit, the media type, then the model."""

from json import JSONDecodeError

from flask import current_app, json, request
from pydantic import BaseModel, ValidationError

from ..errorcodes import Code
from .bounds import JSON_MAX_DEPTH, too_deep
from .problems import ApiProblem, validation_errors


def read_body(limit: int) -> bytes:
    """Read at most ``limit`` bytes of the body, refusing more (declared or streamed)."""
    declared = request.content_length
    if declared is not None and declared > limit:
        raise ApiProblem(
            413,
            "Cerere prea mare",
            f"Corpul cererii are {declared} octeți; limita este {limit} octeți.",
            code=Code.REQUEST_TOO_LARGE,
        )
    data = request.stream.read(limit + 1)
    if len(data) > limit:
        raise ApiProblem(
            413,
            "Cerere prea mare",
            f"Corpul cererii depășește limita de {limit} octeți.",
            code=Code.REQUEST_TOO_LARGE,
        )
    return data


def parse_json(model: type[BaseModel]) -> BaseModel:
    """Parse the request body as JSON and validate it against ``model``."""
    if request.mimetype != "application/json":
        raise ApiProblem(
            415,
            "Tip de conținut nesuportat",
            "Trimiteți corpul cererii ca application/json.",
            code=Code.UNSUPPORTED_MEDIA_TYPE,
        )
    raw = read_body(current_app.config["JSON_MAX_BYTES"])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiProblem(
            400, "JSON invalid", "Corpul cererii nu este text UTF-8.", code=Code.INVALID_JSON
        ) from None
    too_deep_problem = ApiProblem(
        400,
        "JSON invalid",
        f"Corpul cererii are obiecte și liste imbricate pe mai mult de {JSON_MAX_DEPTH} "
        "de niveluri.",
        code=Code.INVALID_JSON,
    )
    if too_deep(text):
        raise too_deep_problem
    try:
        data = json.loads(text)
    except RecursionError:  # what the count above missed, never a 500
        raise too_deep_problem from None
    except ValueError as exc:
        where = ""
        if isinstance(exc, JSONDecodeError):
            where = f" (linia {exc.lineno}, coloana {exc.colno})"
        raise ApiProblem(
            400,
            "JSON invalid",
            f"Corpul cererii nu este JSON valid{where}.",
            code=Code.INVALID_JSON,
        ) from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = validation_errors(exc)
        raise ApiProblem(
            422,
            "Date invalide",
            "; ".join(f"{e['field'] or 'corp'}: {e['message']}" for e in errors),
            code=Code.INVALID_DATA,
            errors=errors,
        ) from None
