"""The directorate's courts and their own filing rules, kept by its administrator.

Every rule of ``filings.court_rules.RULES`` is one input with the source it comes from;
the whole form is checked before anything is saved, so that every mistake is shown at
once, next to its input. ``courts.update_court`` checks again and audits the change.
"""

from flask import Blueprint, flash, redirect, render_template, request, url_for

from ...clock import now
from ...db import unit_of_work
from ...filings import court_rules, courts
from ...filings.court_rules import CHANNEL_LABELS, RULES, Channel
from ..forms import FORM_ERRORS, FormState, errors_of
from ..session import actor, require

blueprint = Blueprint("courts", __name__, url_prefix="/admin/instante")

BOOLEAN_RULES = (
    "scans_monochrome",
    "one_message_per_case",
    "attach_manifest",
    "attach_validation_sheet",
)
NUMBER_RULES = ("max_scan_dpi", "min_hours_before_hearing")  # empty: no limit
INPUTS = {"registry_email", "email_verified", "portal_institution", "notes", *RULES} | {
    f"source-{rule}" for rule in RULES
}


@blueprint.get("")
@require("administer")
def index():
    """Every court of the directory, with the rules that decide a filing at a glance."""
    with unit_of_work() as uow:
        rows = courts.list_courts(uow.session, actor())
        page = render_template(
            "web/admin/courts.html",
            courts=rows,
            channels=CHANNEL_LABELS,
            mb=court_rules.megabytes,
        )
        uow.commit()  # the first listing seeds the directory
    return page


@blueprint.get("/<int:court_id>")
@require("administer")
def edit(court_id: int):
    with unit_of_work() as uow:
        court = courts.get_court(uow.session, actor(), court_id)
        return _page(court, FormState(values=_values_of(court)))


def _page(court, state: FormState, status: int = 200):
    rules = [
        (rule, label, court_rules.source_of(court.rule_sources, rule))
        for rule, (label, _default) in RULES.items()
    ]
    return render_template(
        "web/admin/court.html",
        court=court,
        state=state,
        rules=rules,
        channels=CHANNEL_LABELS,
        types=court_rules.ACCEPTED_TYPES,
        booleans=BOOLEAN_RULES,
    ), status


def _values_of(court) -> dict:
    """The form's values for the court as stored (sizes in MB, as courts write them)."""
    values: dict = {
        "registry_email": court.registry_email,
        "email_verified": court.email_verified,
        "portal_institution": court.portal_institution or "",
        "notes": court.notes or "",
        "accepted_types": list(court.accepted_types or []),
        "max_message_bytes": _mb_text(court.max_message_bytes),
        "file_name_pattern": court.file_name_pattern,
        "filing_channel": court.filing_channel,
    }
    for rule in BOOLEAN_RULES:
        values[rule] = bool(getattr(court, rule))
    for rule in NUMBER_RULES:
        value = getattr(court, rule)
        values[rule] = "" if value is None else str(value)
    for rule in RULES:
        values[f"source-{rule}"] = court_rules.source_of(court.rule_sources, rule)
    return values


def _mb_text(size: int) -> str:
    return f"{size / 1_000_000:g}".replace(".", ",")


@blueprint.post("/<int:court_id>")
@require("administer")
def update(court_id: int):
    form = request.form
    typed = _typed(form)
    try:
        with unit_of_work() as uow:
            court = courts.get_court(uow.session, actor(), court_id)
            values, errors = _parse(form, court)
            if errors:
                state = FormState(values=typed, errors=errors)
                return _page(court, state, 422)
            courts.update_court(uow, actor(), court.id, values, now=now())
            uow.commit()
            name = court.name
    except FORM_ERRORS as exc:
        with unit_of_work() as uow:
            court = courts.get_court(uow.session, actor(), court_id)
            state = errors_of(exc, INPUTS)
            state.values = typed
            return _page(court, state, 422)
    flash(f"Regulile pentru {name} au fost salvate.", "success")
    return redirect(url_for(".edit", court_id=court_id))


def _typed(form) -> dict:
    """What the administrator typed, to show back on an error."""
    values: dict = {name: form.get(name, "") for name in INPUTS}
    values["accepted_types"] = form.getlist("accepted_types")
    for rule in (*BOOLEAN_RULES, "email_verified"):
        values[rule] = form.get(rule) == "1"
    return values


def _parse(form, court) -> tuple[dict, dict]:
    """The posted form as ``update_court``'s values, and every error by input."""
    errors: dict[str, list[str]] = {}
    values: dict = {
        "registry_email": form.get("registry_email", "").strip() or None,
        "email_verified": form.get("email_verified") == "1",
        "portal_institution": form.get("portal_institution", "").strip() or None,
        "notes": form.get("notes", "").strip() or None,
        "accepted_types": form.getlist("accepted_types"),
        "file_name_pattern": form.get("file_name_pattern", ""),
        "filing_channel": form.get("filing_channel", ""),
    }
    if values["registry_email"] is None:
        errors["registry_email"] = ["Adresa registraturii nu poate fi ștearsă."]
    elif "@" not in values["registry_email"] or " " in values["registry_email"]:
        errors["registry_email"] = ["Adresa de e-mail nu are forma nume@domeniu.ro."]
    for rule in BOOLEAN_RULES:
        values[rule] = form.get(rule) == "1"
    size = form.get("max_message_bytes", "").strip().replace(",", ".")
    try:
        values["max_message_bytes"] = round(float(size) * 1_000_000)
    except ValueError:
        errors["max_message_bytes"] = ["Scrieți limita în MB, de exemplu 10 sau 7,5."]
    for rule in NUMBER_RULES:
        text = form.get(rule, "").strip()
        if not text:
            values[rule] = None
        elif text.isdigit():
            values[rule] = int(text)
        else:
            errors[rule] = ["Scrieți un număr întreg, sau lăsați gol pentru „fără limită”."]
    if values["filing_channel"] not in set(Channel):
        errors["filing_channel"] = ["Alegeți calea de depunere."]
    for rule in RULES:
        if rule in values and rule not in errors:
            problem = court_rules.rule_error(rule, values[rule])
            if problem:
                errors[rule] = [problem]
    sources = {}
    for rule in RULES:
        text = " ".join(form.get(f"source-{rule}", "").split())
        if text == court_rules.source_of(court.rule_sources, rule):
            continue  # unchanged: a changed rule is then dated as the administrator's
        if len(text) > court_rules.SOURCE_MAX:
            errors[f"source-{rule}"] = [
                f"Sursa are cel mult {court_rules.SOURCE_MAX} de caractere."
            ]
        sources[rule] = text or None
    if sources:
        values["rule_sources"] = sources
    return values, errors
