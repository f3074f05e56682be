"""Helpers for the template tests: a real case in a real (SQLite) database, rendered with
docxtpl, converted to PDF by LibreOffice, read back with pdftotext.

Heavy (LibreOffice), so one backend only, and one LibreOffice run converts a whole batch
of documents. LibreOffice missing is a failure, never a skip.
"""
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

import pytest
from docxtpl import DocxTemplate

from filing_service import create_app
from filing_service.auth.actor import Actor
from filing_service.cases import schemas, service
from filing_service.db import unit_of_work
from filing_service.documents.catalog import DOC_TYPES
from filing_service.documents.context import build_context
from filing_service.models import Case, Directorate

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
TODAY = date.today()
DIRECTOR = "Mihai Ionescu"
LEGAL_COUNSEL = "Ana Popescu"


@pytest.fixture(scope="module")
def docs_app(tmp_path_factory, sqlite_template):
    """The app on a migrated SQLite copy, DGASPC Cluj with its director and counsel."""
    folder = tmp_path_factory.mktemp("templates_app")
    path = folder / "db.sqlite3"
    shutil.copy(sqlite_template, path)
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{path}",
                      "SECRET_KEY": "test", "STORAGE_DIR": str(folder / "storage")})
    with app.app_context(), unit_of_work() as uow:
        cluj = uow.session.query(Directorate).filter_by(code="CJ").one()
        cluj.legal_representative = DIRECTOR
        cluj.settings = {"legal_counsel": LEGAL_COUNSEL}
        uow.commit()
    yield app
    app.extensions["db_engine"].dispose()


def create_case(app, data: dict, extra_measures: tuple[dict, ...] = ()) -> int:
    """Store a case built by tests.builders through the service, as the API would."""
    with app.app_context(), unit_of_work() as uow:
        cluj = uow.session.query(Directorate).filter_by(code="CJ").one()
        actor = Actor("token", 1, "teste", cluj.id, "sistem")
        case = service.create_case(uow, actor, schemas.CaseIn.model_validate(data), TODAY)
        for measure in extra_measures:
            measure = dict(measure)
            if measure.pop("at_target", False):
                measure["placement_target_id"] = case.placement_targets[-1].id
            service.add_part(uow, actor, case.id, "measure",
                             schemas.MeasureIn.model_validate(measure), TODAY)
        return case.id


def render_docx(app, case_id: int, doc_id: str, variant: str, folder: Path) -> Path:
    """Render one document of one case to ``folder/<doc>-<variant>-<case>.docx``."""
    doc_type = DOC_TYPES[doc_id]
    with app.app_context(), unit_of_work() as uow:
        case = uow.session.get(Case, case_id)
        context = build_context(uow.session, case, doc_type, variant, TODAY, case.directorate)
    template = DocxTemplate(TEMPLATES / doc_type.template)
    template.render(context, autoescape=True)
    path = folder / f"{doc_id}-{variant}-{case_id}.docx"
    template.save(path)
    return path


def pdf_texts(docx_paths: list[Path]) -> dict[Path, str]:
    """Convert the documents to PDF in one LibreOffice run and return each PDF's text,
    whitespace collapsed (justified lines break anywhere)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is required to convert the templates to PDF")
    folder = docx_paths[0].parent
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(folder),
                        *map(str, docx_paths)],
                       check=True, capture_output=True, timeout=300)
    texts = {}
    for path in docx_paths:
        pdf = path.with_suffix(".pdf")
        assert pdf.exists(), f"LibreOffice did not convert {path.name}"
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                             capture_output=True, timeout=60).stdout.decode("utf-8")
        texts[path] = " ".join(out.split())
    return texts
