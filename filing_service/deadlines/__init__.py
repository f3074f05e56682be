"""Deadlines: every term of the law, counted the way the Code of Civil Procedure counts it.

- domain (plain Python): ``calendar`` (non-working days), ``counting`` (CPC art. 181),
  ``catalogue`` + ``rules.toml`` (the terms of the law as data), ``planner`` (timeline ->
  deadlines), ``checks`` (procedural checks of chapter X);
- service: ``service`` (recompute, list, mark met, closure days, calculator);
- adapters: ``api`` (JSON), ``feeds`` (iCalendar), ``digest`` + ``mailer`` (SMTP), ``cli``.
"""
import os

from flask import Flask

from ..cases.hooks import register_case_changed_hook
from ..filings.mail import settings_from_environment
from . import cli, feeds
from .api import routes
from .service import on_case_changed

__all__ = ["init_app", "routes"]


def init_app(app: Flask) -> None:
    """Follow every case change with its deadlines; serve the calendar feeds; add the CLI
    group; read the mail settings."""
    register_case_changed_hook(app, on_case_changed)
    app.register_blueprint(feeds.blueprint)
    app.cli.add_command(cli.group)
    defaults = settings_from_environment()  # the one SMTP configuration of the service
    defaults["DEADLINES_FROM_ADDRESS"] = os.environ.get("DEADLINES_FROM_ADDRESS",
                                                        "termene@dgaspc.invalid")
    for key, value in defaults.items():
        app.config.setdefault(key, value)
