"""The web pages for a directorate's legal staff, in Romanian, served by the same app.

One parent blueprint ``web`` loads the logged-in user and checks the CSRF token of every
form (``filing_service.error_handlers`` turns the service's errors into pages); one child
blueprint per area (log-in, dashboard, cases and their parts, the document wizard,
calendar, administration).
Views parse the form, call the capability's service functions, and render.
"""

from zoneinfo import ZoneInfo

from flask import Blueprint, Flask, current_app, g

from ..law.dates import format_date_ro
from . import csrf, labels, session
from .views import (
    admin,
    auth,
    calendar,
    cases,
    courts,
    dashboard,
    documents,
    parts,
    verification,
)

blueprint = Blueprint(
    "web",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/assets",
)
for area in (auth, dashboard, cases, parts, documents, calendar, admin, courts, verification):
    blueprint.register_blueprint(area.blueprint)


@blueprint.before_request
def _before():
    session.load_user()
    csrf.protect()


@blueprint.context_processor
def _current_user():
    """Who is logged in, for every page's header and buttons."""
    return {
        "user": g.get("user"),
        "actor": g.get("actor"),
        "directorate_name": g.get("directorate_name", ""),
    }


def _local(value):
    """An aware datetime in the service's time zone, written the Romanian way."""
    if value is None:
        return ""
    local = value.astimezone(ZoneInfo(current_app.config["TIMEZONE"]))
    return f"{format_date_ro(local.date())}, ora {local:%H:%M}"


def init_app(app: Flask) -> None:
    """Register the pages, their template helpers and filters."""
    app.register_blueprint(blueprint)
    app.jinja_env.filters["date_ro"] = format_date_ro
    app.jinja_env.filters["datetime_ro"] = _local
    app.jinja_env.globals["label"] = labels.label
    app.jinja_env.globals["csrf_token"] = csrf.token
