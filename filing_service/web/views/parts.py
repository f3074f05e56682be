"""Forms for the parts of a case: the child, parents, placement targets, measures,
events and hearings. One pair of views serves them all, declared in ``PARTS``."""

from dataclasses import dataclass

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from pydantic import BaseModel

from ...cases import schemas, service
from ...clock import today
from ...db import unit_of_work
from ...errors import NotFound
from ...law.facts import MeasureStatus
from .. import formspecs
from ..forms import FORM_ERRORS, Field, FormState, errors_of, parse, values_of
from ..session import actor, require

blueprint = Blueprint("parts", __name__, url_prefix="/cases/<int:case_id>")


@dataclass(frozen=True)
class Part:
    entity: str  # the service's name for it (cases.service.PARTS)
    title: str  # "Adaugă {title}" / "Modifică {title}"
    fields: list
    create: type[BaseModel] | None
    patch: type[BaseModel]
    aliases: dict
    deletable: bool = False


PARTS = {
    "parents": Part(
        "parent",
        "părintele",
        formspecs.PARENT,
        schemas.ParentIn,
        schemas.ParentPatch,
        {"parents.": ""},
        deletable=True,
    ),
    "placement-targets": Part(
        "placement_target",
        "ținta plasamentului",
        formspecs.TARGET,
        schemas.PlacementTargetIn,
        schemas.PlacementTargetPatch,
        {"placement_targets.": "", "placement_target.": ""},
    ),
    "measures": Part(
        "measure",
        "măsura",
        formspecs.MEASURE,
        schemas.MeasureIn,
        schemas.MeasurePatch,
        {"measures.": "", "measure.": "", "placement_target": "placement_target_id"},
    ),
    "events": Part(
        "event",
        "evenimentul",
        formspecs.EVENT,
        schemas.EventIn,
        schemas.EventPatch,
        {"events.": ""},
    ),
    "hearings": Part(
        "hearing",
        "termenul de judecată",
        formspecs.HEARING,
        schemas.HearingIn,
        schemas.HearingPatch,
        {"hearings.": ""},
    ),
    "child": Part(
        "child", "datele copilului", formspecs.CHILD, None, schemas.ChildPatch, {"child.": ""}
    ),
}
KINDS = 'any(parents, "placement-targets", measures, events, hearings)'


def _fields(part: Part, case) -> list[Field]:
    """The measure form offers the case's own placement targets to choose from."""
    if part.entity != "measure":
        return part.fields
    targets = {str(t.id): t.name for t in case.placement_targets}
    return (
        part.fields[:3]
        + [
            Field(
                "placement_target_id",
                "Unde este plasat copilul",
                "select",
                targets,
                wide=True,
                help="Adăugați întâi ținta plasamentului, dacă lipsește.",
            )
        ]
        + part.fields[3:]
    )


def _render(part: Part, case, fields, state: FormState, obj=None, status: int = 200):
    return render_template(
        "web/cases/part.html",
        part=part,
        case=case,
        fields=fields,
        state=state,
        obj=obj,
        kind=(request.view_args or {}).get("kind"),
    ), status


def _zone() -> str:
    return current_app.config["TIMEZONE"]


@blueprint.route(f"/<{KINDS}:kind>/new", methods=["GET", "POST"])
@require("edit")
def new(case_id: int, kind: str):
    """Add a part to the case."""
    part = PARTS[kind]
    with unit_of_work() as uow:
        case = service.load_case(uow.session, actor(), case_id)
        fields = _fields(part, case)
        if part.create is None:  # the child is edited, never added (not in KINDS)
            abort(404)
        if request.method != "POST":  # GET, and HEAD (Flask adds it): never a write
            return _render(part, case, fields, FormState(values=_defaults(part)))
        try:
            data = part.create.model_validate(parse(fields, request.form, zone=_zone()))
            service.add_part(uow, actor(), case_id, part.entity, data, today(), source="web")
            uow.commit()
        except FORM_ERRORS as exc:
            uow.rollback()
            state = errors_of(exc, formspecs.names(fields), part.aliases)
            state.values = request.form.to_dict()
            case = service.load_case(uow.session, actor(), case_id)
            return _render(part, case, fields, state, status=422)
    return redirect(url_for("web.cases.show", case_id=case_id) + f"#{kind}")


def _defaults(part: Part) -> dict:
    if part.entity == "event":
        return {"occurred_on": today().isoformat()}
    if part.entity == "parent":
        return {"legal_representative": "on", "parental_rights": "exercitate"}
    if part.entity == "measure":
        return {"status": MeasureStatus.PROPOSED}
    return {}


def _load(session, case_id: int, entity: str, part_id: int):
    """The part, if it belongs to this case of the actor's directorate; else 404."""
    obj = service.get_part(session, actor(), entity, part_id)
    if obj.case_id != case_id:
        raise NotFound()
    return obj


@blueprint.route(f"/<{KINDS}:kind>/<int:part_id>", methods=["GET", "POST"])
@require("edit")
def edit(case_id: int, kind: str, part_id: int):
    """Change a part; the whole case is checked against the law again."""
    return _edit(case_id, PARTS[kind], part_id)


@blueprint.route("/child", methods=["GET", "POST"])
@require("edit")
def child(case_id: int):
    """The child's identification and the data of the art. 139 report."""
    with unit_of_work() as uow:
        case = service.load_case(uow.session, actor(), case_id)
        child_id = case.child.id
    return _edit(case_id, PARTS["child"], child_id)


def _edit(case_id: int, part: Part, part_id: int):
    with unit_of_work() as uow:
        obj = _load(uow.session, case_id, part.entity, part_id)
        case = obj.case
        fields = _fields(part, case)
        if request.method != "POST":  # GET, and HEAD (Flask adds it): never a write
            return _render(part, case, fields, FormState(values=values_of(fields, obj)), obj)
        try:
            patch = part.patch.model_validate(
                parse(fields, request.form, patch=True, zone=_zone())
            )
            service.update_part(uow, actor(), part.entity, part_id, patch, today())
            uow.commit()
        except FORM_ERRORS as exc:
            uow.rollback()
            state = errors_of(exc, formspecs.names(fields), part.aliases)
            state.values = request.form.to_dict()
            obj = _load(uow.session, case_id, part.entity, part_id)
            return _render(part, obj.case, fields, state, obj, status=422)
    return redirect(url_for("web.cases.show", case_id=case_id))


@blueprint.post(f"/<{KINDS}:kind>/<int:part_id>/delete")
@require("edit")
def delete(case_id: int, kind: str, part_id: int):
    """Remove a part (only parents can be removed; the rest is history)."""
    part = PARTS[kind]
    if not part.deletable:
        abort(404)
    with unit_of_work() as uow:
        _load(uow.session, case_id, part.entity, part_id)
        try:
            service.delete_part(uow, actor(), part.entity, part_id, today())
            uow.commit()
        except FORM_ERRORS as exc:
            state = errors_of(exc, set())
            flash("Nu s-a putut șterge: " + " ".join(state.general), "error")
    return redirect(url_for("web.cases.show", case_id=case_id))
