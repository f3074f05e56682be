"""Two generations of the same document at the same moment (a double click, two
workers) become versions 1 and 2 on PostgreSQL, the production database: the case row is
locked for the time of a generation, so neither fails and no file is lost."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import select

from filing_service.auth.actor import Actor
from filing_service.cases import schemas
from filing_service.cases import service as cases
from filing_service.db import unit_of_work
from filing_service.documents import service
from filing_service.models import Directorate, Document
from tests import builders
from tests.clock import TODAY
from tests.conftest import _truncate_pg, make_app


@pytest.fixture
def pg_app(pg_database, tmp_path):
    yield from make_app(pg_database, tmp_path)
    _truncate_pg(pg_database)


def test_simultaneous_generations_become_consecutive_versions(pg_app, converter_pool):
    with pg_app.app_context(), unit_of_work() as uow:
        cluj = uow.session.scalar(select(Directorate).where(Directorate.code == "CJ"))
        actor = Actor("token", 1, "teste", cluj.id, "sistem")
    with pg_app.app_context(), unit_of_work() as uow:
        case_id = cases.create_case(
            uow, actor, schemas.CaseIn.model_validate(builders.case()), TODAY
        ).id
        uow.commit()

    def generate(_):
        with pg_app.app_context(), unit_of_work() as uow:
            tools = pg_app.extensions["adapters"]
            version = service.generate_document(
                uow,
                actor,
                case_id,
                "cerere_art70",
                "instanta",
                TODAY,
                converter=tools.converter,
                templates=tools.templates,
                content=tools.content,
            ).document.version
            uow.commit()
            return version

    with ThreadPoolExecutor(max_workers=2) as workers:
        versions = sorted(workers.map(generate, range(2)))
    assert versions == [1, 2]
    with pg_app.app_context(), unit_of_work() as uow:
        rows = uow.session.scalars(select(Document)).all()
        store = Path(pg_app.config["STORAGE_DIR"])
        for row in rows:
            for digest in (row.data_sha256, row.docx_sha256, row.pdf_sha256):
                assert (store / digest[:2] / digest[2:4] / digest).is_file()
