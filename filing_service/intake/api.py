"""HTTP routes of the 119 intake. Views parse, call the service, serialise.

The answer to a report carries its number only after the commit: the view commits before
it answers, so a number the call centre holds is a report on disk.
"""

from flask import Blueprint, current_app, jsonify, request

from ..api.auth import current_actor
from ..api.body import read_body
from ..api.paging import Paging
from ..api.problems import ApiProblem
from ..api.registry import ApiRoutes
from ..clock import now
from ..db import unit_of_work
from ..errorcodes import Code
from ..law.errors import DomainError
from ..xml.parsing import Limits
from . import schemas, service, worklists, xml

blueprint = Blueprint("intake_api", __name__)
routes = ApiRoutes(blueprint, "Linia 119")


def receipt(report, duplicate: bool, actor) -> dict:
    """What the call centre gets back: the number, where it went, what is missing. Case ids
    only when the report stays in the sender's own directorate (no cross-tenant reads)."""
    own = report.directorate_id == actor.directorate_id
    return schemas.ReceiptOut(
        number=report.number,
        call_id=report.call_id,
        duplicate=duplicate,
        routing=report.routing,
        routing_reason=report.routing_reason,
        directorate=report.directorate.code if report.directorate is not None else None,
        missing=report.missing,
        case_ids=sorted({c.case_id for c in report.children if c.case_id}) if own else [],
    ).model_dump(mode="json")


def submit(body: schemas.ReportIn, on_refusal=None):
    """Store, route, acknowledge: 201 for a new report, 200 for a call already received.
    ``on_refusal`` may restate a refusal of the service in the sender's terms (XML).

    Each attempt is a unit of work of its own, committed before the answer; one that
    loses a race with a concurrent send is rolled back whole and tried again."""
    actor = current_actor()
    for _ in range(service.ATTEMPTS):
        try:
            with unit_of_work() as uow:
                try:
                    report, duplicate = service.submit_report(uow, actor, body, now())
                except DomainError as exc:
                    if on_refusal is None:
                        raise
                    raise on_refusal(exc) from None
                answer = receipt(report, duplicate, actor)
                uow.commit()
            break
        except service.RETRIED:
            continue
    else:
        raise service.concurrent_sends()
    response = jsonify(answer)
    response.status_code = 200 if duplicate else 201
    return response


@routes.route(
    "/intake/reports",
    "POST",
    summary="Primește o sesizare de la linia 119 (JSON)",
    body=schemas.ReportIn,
    response=schemas.ReceiptOut,
    status=201,
    extra_responses={200: "Apelul fusese deja primit: confirmarea lui, nimic nou stocat"},
)
def submit_report(body):
    return submit(body)


_XML_BODY = {
    "application/xml": {
        "schema": {
            "type": "string",
            "description": "Un document report119 (schema XSD report-119.xsd), "
            "codificat UTF-8.",
        }
    }
}
XML_TYPES = ("application/xml", "text/xml")


@routes.route(
    "/intake/reports.xml",
    "POST",
    summary="Primește o sesizare de la linia 119 (XML, schema XSD report-119.xsd)",
    request_media=_XML_BODY,
    response=schemas.ReceiptOut,
    status=201,
    extra_responses={200: "Apelul fusese deja primit: confirmarea lui, nimic nou stocat"},
)
def submit_report_xml():
    current_actor()  # 401 before the body is read
    if request.mimetype not in XML_TYPES:
        raise ApiProblem(
            415,
            "Tip de conținut nesuportat",
            "Trimiteți documentul ca application/xml.",
            code=Code.UNSUPPORTED_MEDIA_TYPE,
        )
    limit = current_app.config.get("XML_MAX_BYTES", current_app.config["JSON_MAX_BYTES"])
    data = read_body(limit)
    report, locations = xml.read_report(data, Limits(max_bytes=limit))
    return submit(report, lambda exc: xml.domain_problem(exc, locations, data))


@routes.route(
    "/intake/reports",
    "GET",
    summary="Sesizările direcției, urgentele întâi",
    query=schemas.ReportQuery,
    response=schemas.ReportPage,
)
def list_reports(query):
    with unit_of_work() as uow:
        items, total = worklists.list_reports(uow.session, current_actor(), query)
        return jsonify(
            schemas.ReportPage(
                items=items, total=total, page=query.page, per_page=query.per_page
            ).model_dump(mode="json")
        )


@routes.route(
    "/intake/reports/<int:report_id>",
    "GET",
    summary="Citește o sesizare",
    response=schemas.ReportOut,
)
def get_report(report_id: int):
    with unit_of_work() as uow:
        report = worklists.get_report(uow, current_actor(), report_id)
        response = jsonify(schemas.ReportOut.model_validate(report).model_dump(mode="json"))
        uow.commit()  # the read is audited
        return response


@routes.route(
    "/intake/routing-queue",
    "GET",
    summary="Coada de rutare: sesizări fără direcție",
    query=Paging,
    response=schemas.QueuePage,
)
def list_queue(query):
    with unit_of_work() as uow:
        items, total = worklists.list_queue(uow.session, current_actor(), query)
        codes = worklists.directorate_codes(uow.session)
        out = [
            schemas.QueuedReportOut.model_validate(
                {
                    **schemas.ReportOut.model_validate(r).model_dump(),
                    "sender_directorate": codes[r.sender_directorate_id],
                }
            )
            for r in items
        ]
        return jsonify(
            schemas.QueuePage(
                items=out, total=total, page=query.page, per_page=query.per_page
            ).model_dump(mode="json")
        )


@routes.route(
    "/intake/routing-queue/<int:queued_id>/route",
    "POST",
    summary="Rutează manual o sesizare din coadă",
    body=schemas.RouteIn,
    response=schemas.ReceiptOut,
)
def route_queued(queued_id: int, body):
    actor = current_actor()
    with unit_of_work() as uow:
        report = worklists.route_queued(uow, actor, queued_id, body.area, now())
        response = jsonify(receipt(report, False, actor))
        uow.commit()
        return response


@routes.route(
    "/intake/match-suggestions",
    "GET",
    summary="Copii din sesizări care pot fi copii ai unor cauze existente",
    response=schemas.SuggestionList,
)
def list_suggestions():
    with unit_of_work() as uow:
        items = worklists.suggestions(uow.session, current_actor())
        return jsonify(schemas.SuggestionList(items=items).model_dump(mode="json"))


@routes.route(
    "/intake/reported-children/<int:reported_child_id>/link",
    "POST",
    summary="Confirmă că un copil din sesizare este copilul unei cauze existente",
    body=schemas.LinkIn,
    response=schemas.ReportedChildOut,
)
def confirm_match(reported_child_id: int, body):
    with unit_of_work() as uow:
        rc = worklists.confirm_match(
            uow, current_actor(), reported_child_id, body.case_id, now()
        )
        response = jsonify(schemas.ReportedChildOut.model_validate(rc).model_dump(mode="json"))
        uow.commit()
        return response
