"""Helpers for the template tests: a real case in a real (SQLite) database, rendered by
the pipeline's renderer, converted to PDF/A by the pipeline's warm LibreOffice pool, and
read back with pdftotext.

Heavy (LibreOffice), so one backend only; the documents are converted in parallel on the
session's pool. LibreOffice missing is a failure, never a skip.
"""

import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from filing_service import create_app
from filing_service.auth.actor import Actor
from filing_service.cases import schemas, service
from filing_service.cases.findings import findings
from filing_service.db import unit_of_work
from filing_service.documents.catalog import DOC_TYPES
from filing_service.documents.context import build_context
from filing_service.documents.converter import ConverterPool
from filing_service.documents.render import render_docx as pipeline_render
from filing_service.models import Case, Directorate
from tests.clock import TODAY

ROOT = Path(__file__).resolve().parents[2]
# The built templates are package data; their sources and builder are not.
TEMPLATES = ROOT / "filing_service" / "documents" / "templates"
SOURCES = ROOT / "templates"
DIRECTOR = "Mihai Ionescu"
LEGAL_COUNSEL = "Ana Popescu"


@pytest.fixture(scope="module")
def docs_app(tmp_path_factory, sqlite_template):
    """The app on a migrated SQLite copy, DGASPC Cluj with its director and counsel."""
    folder = tmp_path_factory.mktemp("templates_app")
    path = folder / "db.sqlite3"
    shutil.copy(sqlite_template, path)
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": f"sqlite:///{path}",
            "SECRET_KEY": "test",
            "STORAGE_DIR": str(folder / "storage"),
        }
    )
    with app.app_context(), unit_of_work() as uow:
        cluj = uow.session.query(Directorate).filter_by(code="CJ").one()
        cluj.legal_representative = DIRECTOR
        cluj.settings = {"legal_counsel": LEGAL_COUNSEL}
        uow.commit()
    yield app
    app.extensions["db_engine"].dispose()


def create_case(
    app, data: dict, extra: tuple[tuple[str, dict], ...] = (), code: str = "CJ"
) -> int:
    """Store a case built by tests.builders through the service, as the API would; then
    add the ``extra`` parts in order ((entity, data); a measure with ``at_target`` is
    placed at the latest placement target)."""
    parts = {
        "measure": schemas.MeasureIn,
        "placement_target": schemas.PlacementTargetIn,
        "event": schemas.EventIn,
    }
    with app.app_context(), unit_of_work() as uow:
        directorate = uow.session.query(Directorate).filter_by(code=code).one()
        actor = Actor("token", 1, "teste", directorate.id, "sistem")
        case = service.create_case(uow, actor, schemas.CaseIn.model_validate(data), TODAY)
        for entity, values in extra:
            values = dict(values)
            if values.pop("at_target", False):
                values["placement_target_id"] = case.placement_targets[-1].id
            service.add_part(
                uow, actor, case.id, entity, parts[entity].model_validate(values), TODAY
            )
        uow.commit()
        return case.id


@pytest.fixture(scope="module")
def pool(converter_pool):
    """The pipeline's warm LibreOffice pool, the very one the service uses, started once
    for the session and stopped at its end (tests/documents/conftest.py)."""
    return converter_pool


def render_docx(app, case_id: int, doc_id: str, variant: str, folder: Path) -> Path:
    """Render one document of one case to ``folder/<doc>-<variant>-<case>.docx``."""
    doc_type = DOC_TYPES[doc_id]
    with app.app_context(), unit_of_work() as uow:
        case = uow.session.get(Case, case_id)
        context = build_context(
            uow.session,
            case,
            doc_type,
            variant,
            TODAY,
            case.directorate,
            findings(uow.session, case, TODAY),
        )
    path = folder / f"{doc_id}-{variant}-{case_id}.docx"
    path.write_bytes(pipeline_render(TEMPLATES / doc_type.template, context))
    return path


def pdf_texts(pool: ConverterPool, docx_paths: list[Path]) -> dict[Path, str]:
    """Convert the documents to PDF/A on the pool, in parallel, and return each PDF's
    text with whitespace collapsed (justified lines break anywhere)."""

    def convert(path: Path) -> Path:
        pdf = path.with_suffix(".pdf")
        pdf.write_bytes(pool.convert(path.read_bytes()))
        return pdf

    with ThreadPoolExecutor(max_workers=2) as workers:
        pdfs = list(workers.map(convert, docx_paths))
    return {path: pdf_text(pdf) for path, pdf in zip(docx_paths, pdfs, strict=True)}


def pdf_text(pdf: Path) -> str:
    """The PDF's text as one line. ``-layout`` because pdftotext's reading-order mode
    drops a hyphen that falls at the end of a line ("Cluj-" + "Napoca" -> "ClujNapoca"),
    which would make a test depend on where today's date pushes the line breaks."""
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout.decode("utf-8")
    out = re.sub(r"\s*Pagina \d+ din \d+\s*", "\n", out)  # the footer, between pages
    out = re.sub(r"-[ \t]*\n\s*", "-", out)  # a word hyphenated across lines is one word
    return " ".join(out.split())
