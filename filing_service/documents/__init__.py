"""Documents: the papers Law 272/2004 names, rendered from case data as DOCX (docxtpl)
and converted to PDF/A-2b by LibreOffice kept warm, every version stored immutable.

Layout: ``catalog`` and ``context`` (what each document is and the data its template
reads), ``render`` and ``lint`` (templates), ``converter`` (the LibreOffice pool, an
adapter), ``service`` (generation and storage), ``api`` and ``cli`` (the doors).
"""
from flask import Flask

from ..api.problems import problem
from . import cli
from .converter import ConversionFailed
from .service import DocumentBlocked, TemplateBroken


def init_app(app: Flask) -> None:
    """Register the commands and the error answers of the documents capability.

    The LibreOffice pool starts with the first conversion, or at once, in the
    background, when ``CONVERTER_WARM_START`` is 1 (``make run`` sets it for gunicorn's
    workers). The ``CONVERTER_*`` settings are read in ``config``, the converter is the
    app's (``bootstrap``)."""
    cli.init_app(app)
    if str(app.config["CONVERTER_WARM_START"]) == "1":
        app.extensions["adapters"].converter.start()

    @app.errorhandler(DocumentBlocked)
    def _blocked(exc: DocumentBlocked):
        errors = [f.as_dict() for f in exc.findings]
        detail = "Documentul nu poate fi generat: Legea nr. 272/2004 nu permite " + \
            "; ".join(f"{f.message} ({f.article})" for f in exc.findings)
        return problem(422, "Încălcare a Legii nr. 272/2004", detail,
                       code="incalcare-lege", errors=errors)

    @app.errorhandler(TemplateBroken)
    def _template(exc: TemplateBroken):
        return problem(500, "Șablon defect", exc.message, code="template_broken")

    @app.errorhandler(ConversionFailed)
    def _conversion(exc: ConversionFailed):
        return problem(503, "Conversie eșuată", exc.message + " Nimic nu a fost salvat; "
                       "reîncercați.", code="conversie-esuata")
