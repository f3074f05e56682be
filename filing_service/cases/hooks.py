"""Hooks other capabilities register to follow every change to a case (the deadlines
follow the timeline). They belong to the app, so two apps in one process (tests, a
worker beside the web) do not run each other's."""

from collections.abc import Callable

from flask import Flask, current_app, has_app_context
from sqlalchemy.orm import Session

from ..models import Case

CaseChangedHook = Callable[[Session, Case], None]
_HOOKS = "case_changed_hooks"


def register_case_changed_hook(app: Flask, hook: CaseChangedHook) -> None:
    """Have ``hook(session, case)`` called after every change to a case of ``app``, before
    its commit; registering it again changes nothing."""
    hooks = app.extensions.setdefault(_HOOKS, [])
    if hook not in hooks:
        hooks.append(hook)


def run_case_changed_hooks(session: Session, case: Case) -> None:
    """Call the current app's case-changed hooks, in the order they were registered.

    Outside an app (a service's unit test on a bare session) there is no app to have
    registered any, so none runs."""
    if not has_app_context():
        return
    for hook in current_app.extensions.get(_HOOKS, ()):
        hook(session, case)
