"""HTTP routes for deadlines, closure days and the term calculator. Views parse, call the
service, serialise."""

from flask import Blueprint, jsonify

from ..api.auth import current_actor
from ..api.registry import ApiRoutes
from ..clock import now, today
from ..db import unit_of_work
from . import catalogue, schemas, service

blueprint = Blueprint("deadlines_api", __name__)
routes = ApiRoutes(blueprint, "Termene")


def deadline_json(deadline, on_day=None, at=None) -> dict:
    """A stored deadline with its rule's title, who acts, and whether it is overdue."""
    rule = catalogue.get(deadline.rule_id)
    out = schemas.DeadlineOut(
        id=deadline.id,
        case_id=deadline.case_id,
        case_reference=deadline.case.reference,
        rule_id=deadline.rule_id,
        rule_title=rule.title if rule else deadline.rule_id,
        article=deadline.article,
        who_acts=rule.actor_label if rule else "",
        counting=catalogue.COUNTING_LABELS[rule.counting] if rule else "",
        statutory=rule.statutory if rule else True,
        trigger_event_id=deadline.trigger_event_id,
        trigger_hearing_id=deadline.trigger_hearing_id,
        trigger_date=deadline.trigger_date,
        due_date=deadline.due_date,
        due_at=deadline.due_at,
        extended_from=deadline.extended_from,
        explanation=deadline.explanation,
        status=deadline.status,
        overdue=service.is_overdue(deadline, on_day or today(), at or now()),
        done_at=deadline.done_at,
        done_act=deadline.done_act,
        done_by=deadline.done_by,
    )
    return out.model_dump(mode="json")


@routes.route(
    "/deadlines",
    "GET",
    summary="Termenele direcției, cele mai urgente întâi",
    query=schemas.DeadlineQuery,
    response=schemas.DeadlinePage,
)
def list_deadlines(query):
    with unit_of_work() as uow:
        items, total = service.list_deadlines(
            uow.session,
            current_actor(),
            overdue=query.overdue,
            due_before=query.due_before,
            case_id=query.case_id,
            status=query.status,
            limit=query.per_page,
            offset=(query.page - 1) * query.per_page,
        )
        return jsonify(
            items=[deadline_json(d) for d in items],
            total=total,
            page=query.page,
            per_page=query.per_page,
        )


@routes.route(
    "/deadlines/rules",
    "GET",
    summary="Catalogul termenelor legii",
    response=schemas.RuleList,
    auth=False,
)
def list_rules():
    return jsonify(items=[r.as_dict() for r in catalogue.rules().values()])


@routes.route(
    "/deadlines/compute",
    "POST",
    summary="Calculează un termen (fără date de caz)",
    body=schemas.ComputeIn,
    response=schemas.ComputeOut,
    auth=False,
)
def compute(body):
    rule, term = service.compute_direct(body.rule, body.trigger_date, body.trigger_time)
    return jsonify(
        schemas.ComputeOut(
            rule=rule.id,
            title=rule.title,
            article=rule.article,
            due_date=term.due_date,
            due_at=term.due_at,
            explanation=term.explanation,
        ).model_dump(mode="json")
    )


@routes.route(
    "/deadlines/<int:deadline_id>",
    "GET",
    summary="Citește un termen",
    response=schemas.DeadlineOut,
)
def get_deadline(deadline_id: int):
    with unit_of_work() as uow:
        return jsonify(
            deadline_json(service.load_deadline(uow.session, current_actor(), deadline_id))
        )


@routes.route(
    "/deadlines/<int:deadline_id>",
    "PATCH",
    summary="Marchează un termen îndeplinit (cu actul) sau îl redeschide",
    body=schemas.DeadlinePatch,
    response=schemas.DeadlineOut,
)
def update_deadline(deadline_id: int, body):
    with unit_of_work() as uow:
        deadline = service.set_status(
            uow, current_actor(), deadline_id, body.status, body.done_act
        )
        response = jsonify(deadline_json(deadline))
        uow.commit()
        return response


@routes.route(
    "/cases/<int:case_id>/deadlines",
    "GET",
    summary="Termenele unei cauze și verificările procedurale",
    response=schemas.CaseDeadlinesOut,
)
def case_deadlines(case_id: int):
    with unit_of_work() as uow:
        case, items, checks = service.case_deadlines(uow.session, current_actor(), case_id)
        return jsonify(
            case_id=case.id,
            deadlines=[deadline_json(d) for d in items],
            checks=[c.as_dict() for c in checks],
        )


@routes.route(
    "/closure-days",
    "GET",
    summary="Zilele de închidere ale direcției și instanțelor",
    query=schemas.ClosureDayQuery,
    response=schemas.ClosureDayList,
)
def list_closure_days(query):
    with unit_of_work() as uow:
        items = service.list_closure_days(uow.session, current_actor(), query.since)
        return jsonify(
            items=[
                schemas.ClosureDayOut.model_validate(c).model_dump(mode="json") for c in items
            ]
        )


@routes.route(
    "/closure-days",
    "POST",
    summary="Adaugă o zi de închidere (mută termenele)",
    body=schemas.ClosureDayIn,
    response=schemas.ClosureDayOut,
    status=201,
)
def add_closure_day(body):
    with unit_of_work() as uow:
        closure = service.add_closure_day(
            uow, current_actor(), body.day, body.reason, body.court
        )
        response = jsonify(
            schemas.ClosureDayOut.model_validate(closure).model_dump(mode="json")
        )
        uow.commit()
    response.status_code = 201
    return response


@routes.route(
    "/closure-days/<int:closure_day_id>",
    "DELETE",
    summary="Șterge o zi de închidere (termenele se recalculează)",
    status=204,
)
def delete_closure_day(closure_day_id: int):
    with unit_of_work() as uow:
        service.delete_closure_day(uow, current_actor(), closure_day_id)
        uow.commit()
    return "", 204
