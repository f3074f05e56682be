"""filing_service: documents, signatures, deadlines and court filings for child-protection
cases under Law 272/2004, for the 47 directorates (DGASPC) of Romania."""

import logging
import os
from pathlib import Path

from flask import Flask, jsonify
from sqlalchemy import text

from . import (
    api,
    bootstrap,
    cli,
    db,
    deadlines,
    documents,
    error_handlers,
    filings,
    http_security,
    intake,
    signing,
    web,
)
from .api.bounds import IdConverter
from .cases.api import routes as cases_routes
from .config import from_environment, instance_path, instance_secret_key
from .deadlines.api import routes as deadlines_routes
from .documents.api import routes as documents_routes
from .filings.api import routes as filings_routes
from .intake.api import routes as intake_routes
from .signing.api import routes as signing_routes
from .submissions.api import routes as submissions_routes

__all__ = ["create_app"]


def create_app(config: dict | None = None) -> Flask:
    """Build the application: configuration, database, API, web pages, CLI.

    ``config`` overrides what the environment gives (tests pass theirs here). Nothing is
    connected or started before this is called.
    """
    app = Flask(__name__, instance_path=instance_path())
    app.config.update(from_environment(app.instance_path))
    if config:
        app.config.update(config)
    # Every file the service makes (the SQLite database and its journal, the content
    # store, converter scratch) is its own: 0640 at most, never readable by others.
    os.umask(app.config["UMASK"])
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(app.instance_path)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # Romanian stays readable
    app.url_map.converters["int"] = IdConverter  # before any route: ids are bounded
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    logging.basicConfig(level=app.config.get("LOG_LEVEL", "INFO"))

    db.init_app(app)
    bootstrap.init_app(app)  # the outside tools, once, before the capabilities use them
    cli.init_app(app)
    error_handlers.init_app(app)
    http_security.init_app(app)
    intake.init_app(app)
    documents.init_app(app)
    deadlines.init_app(app)
    filings.init_app(app)
    signing.init_app(app)
    api.init_app(app, _api_areas())
    web.init_app(app)

    @app.get("/healthz")
    def healthz():
        """Liveness and database reachability, for load balancers and the set-up script."""
        with db.engine().connect() as conn:
            conn.execute(text("SELECT 1"))
        return jsonify(status="ok")

    return app


def _api_areas():
    """The API areas of every capability, in the order the OpenAPI document lists them."""
    return [
        cases_routes,
        intake_routes,
        documents_routes,
        deadlines_routes,
        filings_routes,
        signing_routes,
        submissions_routes,
    ]
