"""Log in and out, and change one's own password."""

from urllib.parse import urlsplit

from flask import Blueprint, flash, g, redirect, render_template, request, url_for

from ...db import unit_of_work
from .. import accounts, session
from ..forms import FORM_ERRORS, FormState, errors_of

blueprint = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    """Only a path of this site: an absolute URL in ``next`` would be an open redirect."""
    if target:
        parts = urlsplit(target)
        if (
            not parts.scheme
            and not parts.netloc
            and target.startswith("/")
            and not target.startswith("//")
        ):
            return target
    return url_for("web.dashboard.index")


@blueprint.route("/login", methods=["GET", "POST"])
def login():
    """The log-in form; a wrong password and an unknown user get the same answer."""
    if request.method != "POST":  # GET, and HEAD (Flask adds it): never a write
        if g.get("user") is not None:
            return redirect(_safe_next(request.args.get("next")))
        expired = (
            "Sesiunea a expirat după o perioadă fără activitate; autentificați-vă din nou."
            if request.args.get("expirat")
            else None
        )
        return render_template("web/login.html", username="", error=expired)
    username = request.form.get("username", "")
    try:
        user = session.authenticate(username, request.form.get("password", ""))
    except session.LoginRefused as refused:
        return render_template("web/login.html", username=username, error=refused.message), 401
    session.log_in(user)
    return redirect(_safe_next(request.args.get("next")))


@blueprint.post("/logout")
def logout():
    """Log out (a POST, so that a link on another site cannot log anyone out)."""
    session.log_out()
    return redirect(url_for("web.auth.login"))


PASSWORD_INPUTS = {"current", "new", "repeated"}


@blueprint.route("/cont/parola", methods=["GET", "POST"])
@session.login_required
def change_password():
    """Change one's own password; every session of the account ends, and this browser
    gets a new one. The passwords typed are never shown back."""
    if request.method != "POST":  # GET, and HEAD (Flask adds it): never a write
        return render_template("web/password.html", state=FormState())
    form = request.form
    try:
        with unit_of_work() as uow:
            user = accounts.change_password(
                uow,
                session.actor(),
                current=form.get("current", ""),
                new=form.get("new", ""),
                repeated=form.get("repeated", ""),
            )
            uow.commit()
    except FORM_ERRORS as exc:
        return render_template("web/password.html", state=errors_of(exc, PASSWORD_INPUTS)), 422
    session.log_in(user)
    flash("Parola a fost schimbată. Celelalte sesiuni ale contului s-au încheiat.", "success")
    return redirect(url_for("web.dashboard.index"))
