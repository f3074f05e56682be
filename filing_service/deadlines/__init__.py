"""Deadlines: every term of the law, counted the way the Code of Civil Procedure counts it.

- domain (plain Python): ``calendar`` (non-working days), ``counting`` (CPC art. 181),
  ``catalogue`` + ``rules.toml`` (the terms of the law as data), ``planner`` (timeline ->
  deadlines), ``checks`` (procedural checks of chapter X);
- service: ``service`` (recompute, list, mark met, closure days, calculator);
- adapters: ``api`` (JSON), ``feeds`` (iCalendar), ``digest`` + ``mailer`` (SMTP), ``cli``.
"""

from flask import Flask

from ..cases.hooks import register_case_changed_hook
from . import cli, feeds
from .api import routes
from .service import on_case_changed

__all__ = ["init_app", "routes"]


def init_app(app: Flask) -> None:
    """Follow every case change with its deadlines; serve the calendar feeds; add the CLI
    group (the mail settings are ``config.py``'s)."""
    register_case_changed_hook(app, on_case_changed)
    app.register_blueprint(feeds.blueprint)
    app.cli.add_command(cli.group)
