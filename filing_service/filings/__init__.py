"""Filing with the court and bringing back what the court decides.

``domain`` (statuses, document roles, splitting into messages) is plain Python;
``service`` builds and checks a package, ``delivery`` sends it, ``court_side`` records
what the court does (by hand or from the portal); ``manifest``, ``pdfcheck``, ``mail``
and ``portal`` are the adapters (XML, pyhanko, SMTP, SOAP); ``api`` and ``cli`` are the
doors.
"""
import os

from flask import Flask

from .api import routes  # noqa: F401  (listed by filing_service._api_areas)
from .cli import filings_cli
from .mail import settings_from_environment


def init_app(app: Flask) -> None:
    """Defaults from the environment (a test's config wins) and the CLI commands."""
    defaults = settings_from_environment()
    defaults.update({
        "FILING_ALLOW_UNVERIFIED_EMAIL": os.environ.get("FILING_ALLOW_UNVERIFIED_EMAIL")
        == "1",
        "FILING_SEND_RETRIES": int(os.environ.get("FILING_SEND_RETRIES", "2")),
        "FILING_RETRY_BASE_SECONDS": float(os.environ.get("FILING_RETRY_BASE_SECONDS", "2")),
        "FILING_RETRY_LATER_SECONDS": float(os.environ.get("FILING_RETRY_LATER_SECONDS",
                                                           "300")),
        "PORTAL_URL": os.environ.get("PORTAL_URL", "http://portalquery.just.ro/query.asmx"),
        "PORTAL_TIMEOUT": float(os.environ.get("PORTAL_TIMEOUT", "20")),
    })
    for key, value in defaults.items():
        app.config.setdefault(key, value)
    app.cli.add_command(filings_cli)
