"""Log in and out."""

from urllib.parse import urlsplit

from flask import Blueprint, g, redirect, render_template, request, url_for

from .. import session

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
    if request.method == "GET":
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
