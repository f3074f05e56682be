"""Filing with the court and bringing back what the court decides.

``domain`` (statuses, document roles, splitting into messages) is plain Python;
``service`` builds and checks a package, ``delivery`` sends it, ``court_side`` records
what the court does (by hand or from the portal); ``manifest``, ``pdfcheck``
and ``portal`` are the adapters (XML, pyhanko, SOAP; SMTP is ``filing_service.mail``);
``api`` and ``cli`` are the doors.
"""

from flask import Flask

from .api import routes  # noqa: F401  (listed by filing_service._api_areas)
from .cli import filings_cli


def init_app(app: Flask) -> None:
    """The CLI commands (the settings, ``SMTP_*``, ``FILING_*`` and ``PORTAL_*``, are
    ``config.py``'s)."""
    app.cli.add_command(filings_cli)
