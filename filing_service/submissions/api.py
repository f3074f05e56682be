"""HTTP routes of XML submissions: import, dry run, export. Views read, call, answer."""

from flask import Blueprint, Response, current_app, jsonify, request, url_for

from ..api.auth import current_actor
from ..api.body import read_body
from ..api.problems import ApiProblem
from ..api.registry import ApiRoutes
from ..cases import service as cases
from ..clock import today
from ..db import unit_of_work
from ..errorcodes import Code
from ..xml.parsing import Limits
from .export import export_case
from .service import Outcome, import_case

blueprint = Blueprint("submissions_api", __name__)
routes = ApiRoutes(blueprint, "Transmiteri XML")

XML_TYPES = ("application/xml", "text/xml")
_XML_BODY = {
    "application/xml": {
        "schema": {
            "type": "string",
            "description": "Un document caseSubmission "
            "(schema XSD case-submission.xsd), codificat UTF-8.",
        }
    }
}


def _xml_body() -> tuple[bytes, Limits]:
    """The request body, if it is declared XML and within the size limit."""
    if request.mimetype not in XML_TYPES:
        raise ApiProblem(
            415,
            "Tip de conținut nesuportat",
            "Trimiteți documentul ca application/xml.",
            code=Code.UNSUPPORTED_MEDIA_TYPE,
        )
    limit = current_app.config.get("XML_MAX_BYTES", current_app.config["JSON_MAX_BYTES"])
    return read_body(limit), Limits(max_bytes=limit)


def _outcome_json(outcome: Outcome, dry_run: bool) -> dict:
    body = {
        "action": outcome.action,
        "case_id": outcome.case_id,
        "reference": outcome.reference,
        "external_id": outcome.external_id,
        "warnings": [w.as_dict() for w in outcome.warnings],
    }
    if dry_run:
        body = {"valid": True, "dry_run": True, **body}
    return body


@routes.route(
    "/submissions",
    "POST",
    summary="Importă o cauză trimisă ca XML (creează sau, "
    "pentru același externalId, actualizează)",
    status=201,
    request_media=_XML_BODY,
)
def submit():
    actor = current_actor()
    data, limits = _xml_body()
    with unit_of_work() as uow:
        outcome = import_case(uow, actor, data, today(), limits=limits)
        uow.commit()
    response = jsonify(_outcome_json(outcome, dry_run=False))
    response.status_code = 201 if outcome.action == "created" else 200
    response.headers["Location"] = url_for("cases_api.get_case", case_id=outcome.case_id)
    return response


@routes.route(
    "/submissions/validate",
    "POST",
    summary="Verifică o cauză XML fără a o salva (același raport ca importul)",
    request_media=_XML_BODY,
)
def validate():
    actor = current_actor()
    data, limits = _xml_body()
    with unit_of_work() as uow:
        outcome = import_case(uow, actor, data, today(), dry_run=True, limits=limits)
    return jsonify(_outcome_json(outcome, dry_run=True))


@routes.route(
    "/cases/<int:case_id>.xml",
    "GET",
    summary="Exportă o cauză ca XML (schema XSD case-submission.xsd)",
    response_media=_XML_BODY,
)
def export(case_id: int):
    with unit_of_work() as uow:
        case = cases.get_case(uow, current_actor(), case_id)
        data = export_case(case)
        uow.commit()  # the read is audited
    return Response(data, mimetype="application/xml")
