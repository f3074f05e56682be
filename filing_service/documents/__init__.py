"""Documents: the papers Law 272/2004 names, rendered from case data as DOCX (docxtpl)
and converted to PDF/A-2b by LibreOffice kept warm, every version stored immutable.

Layout: ``catalog`` and ``context`` (what each document is and the data its template
reads), ``render`` and ``lint`` (templates), ``converter`` (the LibreOffice pool, an
adapter), ``service`` (generation and storage), ``api`` and ``cli`` (the doors).
"""

from flask import Flask

from . import cli


def init_app(app: Flask) -> None:
    """Register the commands of the documents capability (``error_handlers`` answers its
    errors).

    The LibreOffice pool starts with the first conversion, or at once, in the
    background, when ``CONVERTER_WARM_START`` is 1 (``make run`` sets it for gunicorn's
    workers). The ``CONVERTER_*`` settings are read in ``config``, the converter is the
    app's (``bootstrap``)."""
    cli.init_app(app)
    if str(app.config["CONVERTER_WARM_START"]) == "1":
        app.extensions["adapters"].converter.start()
