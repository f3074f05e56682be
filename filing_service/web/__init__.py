"""The web pages for a directorate's legal staff, in Romanian, served by the same app.

One parent blueprint ``web`` loads the logged-in user, checks the CSRF token of every
form and turns the service's errors into pages; one child blueprint per area (log-in,
dashboard, cases and their parts, the document wizard, calendar, administration).
Views parse the form, call the capability's service functions, and render.
"""
from zoneinfo import ZoneInfo

from flask import Blueprint, Flask, current_app, g, render_template

from ..errors import NotFound, PermissionDenied
from ..law.dates import format_date_ro
from . import csrf, labels, session
from .views import admin, auth, calendar, cases, dashboard, documents, parts

blueprint = Blueprint("web", __name__, template_folder="templates", static_folder="static",
                      static_url_path="/assets")
for area in (auth, dashboard, cases, parts, documents, calendar, admin):
    blueprint.register_blueprint(area.blueprint)


@blueprint.before_request
def _before():
    session.load_user()
    csrf.protect()


@blueprint.errorhandler(NotFound)
def _not_found(exc: NotFound):
    return render_template("web/error.html", title="Pagina nu a fost găsită",
                           message=exc.message), 404


@blueprint.errorhandler(404)
def _no_page(exc):
    return render_template("web/error.html", title="Pagina nu a fost găsită",
                           message="Adresa cerută nu există."), 404


@blueprint.errorhandler(PermissionDenied)
def _forbidden(exc: PermissionDenied):
    return render_template("web/error.html", title="Acțiune nepermisă",
                           message=exc.message), 403


@blueprint.errorhandler(csrf.CsrfError)
def _csrf(exc: csrf.CsrfError):
    return render_template("web/error.html", title="Formular expirat",
                           message=exc.description), 400


@blueprint.context_processor
def _current_user():
    """Who is logged in, for every page's header and buttons."""
    return {"user": g.get("user"), "actor": g.get("actor"),
            "directorate_name": g.get("directorate_name", "")}


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
