"""The case list with its search, the case page, and the forms that create and edit a
case (the new-case form takes the child, a parent, the placement target, the measure and
the opening event at once, so that an emergency placement is recorded in one go)."""

import re

from flask import Blueprint, redirect, render_template, request, url_for
from pydantic import ValidationError

from ...cases import schemas, service
from ...clock import today, zone
from ...db import unit_of_work
from ...law.facts import LIVE_MEASURE, ParentRole
from .. import capabilities, formspecs
from ..forms import FORM_ERRORS, FormState, errors_of, parse, values_of
from ..session import actor, login_required, require

blueprint = Blueprint("cases", __name__, url_prefix="/cases")

_CNP = re.compile(r"^\d{13}$")
_ECRIS = re.compile(r"^\d+/\d+/\d{4}(/[a-z]\d+)?$")

# The sections of the new-case form: (input prefix, fields, the input that says the
# section was filled in; an untouched optional section is left out).
SECTIONS = [
    ("child.", formspecs.CHILD, None),
    ("parent.", formspecs.PARENT, "last_name"),
    ("placement_target.", formspecs.TARGET, "name"),
    ("measure.", formspecs.MEASURE, "kind"),
    ("event.", formspecs.OPENING_EVENT, "kind"),
]
NEW_CASE_FIELDS = [f for f in formspecs.CASE if f.name not in ("status", "reference")]
NEW_CASE_NAMES = formspecs.names(NEW_CASE_FIELDS).union(
    *(formspecs.names(fields, prefix) for prefix, fields, _ in SECTIONS)
)
ALIASES = {
    "parents.": "parent.",
    "placement_targets.": "placement_target.",
    "measures.": "measure.",
    "events.": "event.",
}


def search_query(args) -> schemas.CaseQuery:
    """One search box: 13 digits are a CNP, ``1234/117/2026`` a court case number,
    anything else part of the child's name; status and situation are filters."""
    text = (args.get("q") or "").strip()
    values = {"page": args.get("page") or 1}
    if _CNP.match(text):
        values["cnp"] = text
    elif _ECRIS.match(text):
        values["court_case_number"] = text
    elif text:
        values["q"] = text[:100]
    for name in ("status", "situation", "opened_from", "opened_to"):
        if args.get(name):
            values[name] = args[name]
    try:
        return schemas.CaseQuery.model_validate(values)
    except ValidationError:
        # A hand-edited address with a bad filter: show everything rather than fail.
        return schemas.CaseQuery(q=values.get("q"))


@blueprint.get("")
@login_required
def index():
    """The directorate's cases, newest first, with search and filters."""
    query = search_query(request.args)
    with unit_of_work() as uow:
        items, total = service.list_cases(uow.session, actor(), query)
        rows = [{"case": c, "measure": _current_measure(c)} for c in items]
        return render_template(
            "web/cases/list.html",
            rows=rows,
            total=total,
            query=query,
            args=request.args,
            pages=max(1, -(-total // query.per_page)),
        )


def _current_measure(case):
    live = [m for m in case.measures if m.status in LIVE_MEASURE]
    return live[-1] if live else None


@blueprint.route("/new", methods=["GET", "POST"])
@require("edit")
def new():
    """The new-case form; on an error it comes back with what was typed."""
    today_iso = today().isoformat()
    if request.method != "POST":  # GET, and HEAD (Flask adds it): never a write
        state = FormState(
            values={
                "opened_on": today_iso,
                "event.occurred_on": today_iso,
                "parent.role": ParentRole.MOTHER,
                "child.domicile_area": "",
            }
        )
        return _new_form(state)
    data = parse(NEW_CASE_FIELDS, request.form, zone=zone().key)
    for prefix, fields, key in SECTIONS:
        section = parse(fields, request.form, prefix, zone=zone().key)
        if key and not request.form.get(prefix + key, "").strip():
            continue
        if prefix == "child.":
            data["child"] = section
        elif prefix == "parent.":
            data["parents"] = [section]
        elif prefix == "event.":
            data["events"] = [section]
        else:
            data[prefix.rstrip(".")] = section
    try:
        with unit_of_work() as uow:
            case = service.create_case(
                uow, actor(), schemas.CaseIn.model_validate(data), today(), source="web"
            )
            uow.commit()
    except FORM_ERRORS as exc:
        state = errors_of(exc, NEW_CASE_NAMES, ALIASES)
        state.values = request.form.to_dict()
        return _new_form(state), 422
    return redirect(url_for(".show", case_id=case.id, created=1))


def _new_form(state: FormState):
    return render_template(
        "web/cases/new.html", state=state, case_fields=NEW_CASE_FIELDS, sections=SECTIONS
    )


@blueprint.get("/<int:case_id>")
@login_required
def show(case_id: int):
    """The case page: findings of the law, parties, measures, hearings, timeline,
    documents, filings and deadlines."""
    with unit_of_work() as uow:
        case = service.get_case(uow, actor(), case_id)
        findings = service.findings(uow.session, case, today())
        extra = capabilities.case_panels(uow, actor(), case)
        page = render_template(
            "web/cases/show.html",
            case=case,
            findings=findings,
            timeline=_timeline(case),
            created=request.args.get("created"),
            **extra,
        )
        uow.commit()  # the read is audited
        return page


def _timeline(case) -> list[dict]:
    """Events and hearings in date order, newest first."""
    items = [{"on": e.occurred_on, "kind": "event", "obj": e} for e in case.events]
    items += [
        {"on": h.scheduled_at.date(), "kind": "hearing", "obj": h} for h in case.hearings
    ]
    return sorted(items, key=lambda i: i["on"], reverse=True)


@blueprint.route("/<int:case_id>/edit", methods=["GET", "POST"])
@require("edit")
def edit(case_id: int):
    """Edit the case's own fields (its parts have their own forms)."""
    fields = formspecs.CASE
    with unit_of_work() as uow:
        case = service.load_case(uow.session, actor(), case_id)
        if request.method != "POST":  # GET, and HEAD (Flask adds it): never a write
            return render_template(
                "web/cases/edit.html",
                case=case,
                fields=fields,
                state=FormState(values=values_of(fields, case)),
            )
        try:
            patch = schemas.CaseUpdate.model_validate(
                parse(fields, request.form, patch=True, zone=zone().key)
            )
            service.update_case(uow, actor(), case_id, patch, today())
            uow.commit()
        except FORM_ERRORS as exc:
            uow.rollback()
            state = errors_of(exc, formspecs.names(fields))
            state.values = request.form.to_dict()
            case = service.load_case(uow.session, actor(), case_id)
            return render_template(
                "web/cases/edit.html", case=case, fields=fields, state=state
            ), 422
    return redirect(url_for(".show", case_id=case_id))
