"""HTTP routes for cases and their parts. Views parse, call the service, serialise, and
commit the unit of work last: a request whose answer cannot be made stores nothing."""

from flask import Blueprint, jsonify, url_for

from ..api.auth import current_actor
from ..api.paging import page_json
from ..api.registry import ApiRoutes
from ..clock import today
from ..db import unit_of_work
from . import schemas, service

blueprint = Blueprint("cases_api", __name__)
routes = ApiRoutes(blueprint, "Cauze")


def case_json(session, case) -> dict:
    out = schemas.CaseOut.model_validate(case)
    out.findings = [
        schemas.FindingOut(**f.as_dict()) for f in service.findings(session, case, today())
    ]
    return out.model_dump(mode="json")


@routes.route(
    "/cases",
    "POST",
    summary="Creează o cauză",
    body=schemas.CaseIn,
    response=schemas.CaseOut,
    status=201,
)
def create_case(body):
    with unit_of_work() as uow:
        case = service.create_case(uow, current_actor(), body, today())
        response = jsonify(case_json(uow.session, case))
        uow.commit()
    response.status_code = 201
    response.headers["Location"] = url_for(".get_case", case_id=case.id)
    return response


@routes.route(
    "/cases",
    "GET",
    summary="Listează cauzele direcției",
    query=schemas.CaseQuery,
    response=schemas.CasePage,
)
def list_cases(query):
    with unit_of_work() as uow:
        items, total = service.list_cases(uow.session, current_actor(), query)
        return jsonify(page_json(schemas.CasePage, items, total, query))


@routes.route(
    "/cases/<int:case_id>", "GET", summary="Citește o cauză întreagă", response=schemas.CaseOut
)
def get_case(case_id: int):
    with unit_of_work() as uow:
        case = service.get_case(uow, current_actor(), case_id)
        response = jsonify(case_json(uow.session, case))
        uow.commit()  # the read is audited
        return response


@routes.route(
    "/cases/<int:case_id>",
    "PATCH",
    summary="Modifică o cauză",
    body=schemas.CaseUpdate,
    response=schemas.CaseOut,
)
def update_case(case_id: int, body):
    with unit_of_work() as uow:
        case = service.update_case(uow, current_actor(), case_id, body, today())
        response = jsonify(case_json(uow.session, case))
        uow.commit()
        return response


@routes.route(
    "/cases/<int:case_id>/findings",
    "GET",
    summary="Constatările motorului de reguli (Legea nr. 272/2004)",
)
def case_findings(case_id: int):
    with unit_of_work() as uow:
        case = service.load_case(uow.session, current_actor(), case_id)
        return jsonify([f.as_dict() for f in service.findings(uow.session, case, today())])


# ---- the parts, declared once each -----------------------------------------------------


def _register_part(
    entity: str,
    path: str,
    label: str,
    create,
    patch,
    out,
    page=None,
    query=None,
    creatable=True,
    deletable=False,
):
    """Declare the routes of one part of a case: create under the case, list with filters,
    read and change by id; the same five views serve every part."""

    def part_json(obj):
        return out.model_validate(obj).model_dump(mode="json")

    if creatable:

        def add(case_id: int, body):
            with unit_of_work() as uow:
                obj = service.add_part(uow, current_actor(), case_id, entity, body, today())
                response = jsonify(part_json(obj))
                uow.commit()
            response.status_code = 201
            return response

        add.__name__ = f"add_{entity}"
        routes.route(
            f"/cases/<int:case_id>/{path}",
            "POST",
            summary=f"Adaugă: {label}",
            body=create,
            response=out,
            status=201,
        )(add)

    def get(part_id: int):
        with unit_of_work() as uow:
            return jsonify(
                part_json(service.get_part(uow.session, current_actor(), entity, part_id))
            )

    get.__name__ = f"get_{entity}"
    routes.route(f"/{path}/<int:part_id>", "GET", summary=f"Citește: {label}", response=out)(
        get
    )

    def change(part_id: int, body):
        with unit_of_work() as uow:
            obj = service.update_part(uow, current_actor(), entity, part_id, body, today())
            response = jsonify(part_json(obj))
            uow.commit()  # only once the answer is made: a change it cannot show is refused
            return response

    change.__name__ = f"update_{entity}"
    routes.route(
        f"/{path}/<int:part_id>",
        "PATCH",
        summary=f"Modifică: {label}",
        body=patch,
        response=out,
    )(change)

    if deletable:

        def delete(part_id: int):
            with unit_of_work() as uow:
                service.delete_part(uow, current_actor(), entity, part_id, today())
                uow.commit()
            return "", 204

        delete.__name__ = f"delete_{entity}"
        routes.route(
            f"/{path}/<int:part_id>", "DELETE", summary=f"Șterge: {label}", status=204
        )(delete)

    if page is not None:

        def listing(query):
            with unit_of_work() as uow:
                items, total = service.list_parts(uow.session, current_actor(), entity, query)
                return jsonify(page_json(page, items, total, query))

        listing.__name__ = f"list_{entity}"
        routes.route(
            f"/{path}", "GET", summary=f"Listează: {label}", query=query, response=page
        )(listing)


_register_part(
    "child",
    "children",
    "copil",
    None,
    schemas.ChildPatch,
    schemas.ChildOut,
    schemas.ChildPage,
    schemas.ChildQuery,
    creatable=False,
)
_register_part(
    "parent",
    "parents",
    "părinte",
    schemas.ParentIn,
    schemas.ParentPatch,
    schemas.ParentOut,
    schemas.ParentPage,
    schemas.ParentQuery,
    deletable=True,
)
_register_part(
    "placement_target",
    "placement-targets",
    "ținta plasamentului",
    schemas.PlacementTargetIn,
    schemas.PlacementTargetPatch,
    schemas.PlacementTargetOut,
)
_register_part(
    "measure",
    "measures",
    "măsură",
    schemas.MeasureIn,
    schemas.MeasurePatch,
    schemas.MeasureOut,
    schemas.MeasurePage,
    schemas.MeasureQuery,
)
_register_part(
    "event",
    "events",
    "eveniment",
    schemas.EventIn,
    schemas.EventPatch,
    schemas.EventOut,
    schemas.EventPage,
    schemas.EventQuery,
)
_register_part(
    "hearing",
    "hearings",
    "termen de judecată",
    schemas.HearingIn,
    schemas.HearingPatch,
    schemas.HearingOut,
)
