"""Administration of the directorate: users and API tokens (administrators only)."""

from flask import Blueprint, flash, redirect, render_template, request, url_for

from ...auth.roles import Role
from ...db import unit_of_work
from .. import accounts, labels
from ..forms import FORM_ERRORS, FormState, errors_of
from ..session import actor, require

blueprint = Blueprint("admin", __name__, url_prefix="/admin")
USER_INPUTS = {"username", "full_name", "email", "role", "password"}


@blueprint.get("/users")
@require("administer")
def users():
    """The directorate's users, and the form to add one."""
    return _users_page(FormState(values={"role": Role.CASE_MANAGER}))


def _users_page(state: FormState, status: int = 200):
    with unit_of_work() as uow:
        rows = accounts.list_users(uow, actor())
        return render_template(
            "web/admin/users.html", users=rows, state=state, roles=labels.ROLES
        ), status


@blueprint.post("/users")
@require("administer")
def create_user():
    """Create a user; the password typed is never shown back, even on an error."""
    form = request.form
    try:
        with unit_of_work() as uow:
            user = accounts.create_user(
                uow,
                actor(),
                username=form.get("username", ""),
                full_name=form.get("full_name", ""),
                email=form.get("email"),
                role=form.get("role", ""),
                password=form.get("password", ""),
            )
            uow.commit()
    except FORM_ERRORS as exc:
        state = errors_of(exc, USER_INPUTS)
        state.values = {k: v for k, v in form.items() if k != "password"}
        return _users_page(state, 422)
    flash(f"Utilizatorul {user.username} a fost creat.", "success")
    return redirect(url_for(".users"))


@blueprint.post("/users/<int:user_id>/active")
@require("administer")
def set_active(user_id: int):
    """Deactivate or reactivate a user."""
    active = request.form.get("active") == "1"
    try:
        with unit_of_work() as uow:
            user = accounts.set_active(uow, actor(), user_id, active)
            uow.commit()
    except FORM_ERRORS as exc:
        flash(" ".join(errors_of(exc, set()).general), "error")
        return redirect(url_for(".users"))
    flash(
        f"Contul {user.username} a fost {'reactivat' if active else 'dezactivat'}.", "success"
    )
    return redirect(url_for(".users"))


@blueprint.get("/tokens")
@require("administer")
def tokens():
    """The directorate's API tokens, and the form to issue one."""
    return _tokens_page(FormState())


def _tokens_page(state: FormState, issued=None, status: int = 200):
    with unit_of_work() as uow:
        rows = accounts.list_tokens(uow, actor())
        response = render_template(
            "web/admin/tokens.html", tokens=rows, state=state, issued=issued
        )
    # A page that shows a token once must not be kept by a cache or the back button.
    return response, status, {"Cache-Control": "no-store"}


@blueprint.post("/tokens")
@require("administer")
def issue_token():
    """Issue a token and show it on this answer only."""
    try:
        with unit_of_work() as uow:
            issued = accounts.issue(uow, actor(), request.form.get("name", ""))
            uow.commit()
    except FORM_ERRORS as exc:
        state = errors_of(exc, {"name"})
        state.values = {"name": request.form.get("name", "")}
        return _tokens_page(state, status=422)
    return _tokens_page(FormState(), issued=issued)


@blueprint.post("/tokens/<int:token_id>/revoke")
@require("administer")
def revoke_token(token_id: int):
    """Revoke a token."""
    with unit_of_work() as uow:
        record = accounts.revoke(uow, actor(), token_id)
        uow.commit()
    flash(f"Tokenul „{record.name}” a fost revocat.", "success")
    return redirect(url_for(".tokens"))
