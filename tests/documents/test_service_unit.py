"""The documents service on its own: no Flask app, the outside tools handed in as fakes.

The case is a scratch case (an in-memory SQLite database, made through the same
``cases.service`` as the API's); the converter is a fake that records what it was given,
the content store a folder of the test's. The templates are the package's own."""

import hashlib
from importlib import resources

import pytest
from flask import has_app_context

from filing_service.auth.actor import Actor
from filing_service.cases.schemas import CaseIn
from filing_service.db import UnitOfWork
from filing_service.documents import service
from filing_service.documents.converter import ConversionFailed
from filing_service.documents.sample import sample_case
from filing_service.documents.scratch import scratch_case
from filing_service.models import Document
from filing_service.storage import ContentStore
from tests.clock import TODAY

TEMPLATES = resources.files("filing_service.documents") / "templates"
FAKE_PDF = b"%PDF-1.7\n% not LibreOffice's: the fake converter's\n"


class FakeConverter:
    """Answers one fixed PDF and keeps every DOCX it was asked to convert."""

    def __init__(self, fail: bool = False):
        self.fail = fail
        self.received: list[bytes] = []

    def convert(self, docx: bytes) -> bytes:
        self.received.append(docx)
        if self.fail:
            raise ConversionFailed("Conversia documentului în PDF/A a eșuat (fals).")
        return FAKE_PDF


@pytest.fixture
def scratch():
    """A session on a case of DGASPC Cluj, and a legal counsel of Cluj, outside any app."""
    with scratch_case(
        CaseIn.model_validate(sample_case(TODAY)), TODAY, director="Ion Exemplu"
    ) as (session, case):
        assert not has_app_context()
        counsel = Actor("user", 1, "Ana Popescu", case.directorate_id, "consilier_juridic")
        yield session, case, counsel


def generate(session, actor, case, converter, content, doc_type="raport_art139"):
    return service.generate_document(
        UnitOfWork(session),
        actor,
        case.id,
        doc_type,
        "instanta",
        TODAY,
        converter=converter,
        templates=TEMPLATES,
        content=content,
    )


def test_a_document_is_converted_by_the_converter_it_is_handed_and_stored_in_its_store(
    scratch, tmp_path
):
    session, case, counsel = scratch
    converter, content = FakeConverter(), ContentStore(tmp_path / "store")

    made = generate(session, counsel, case, converter, content)

    [docx] = converter.received
    assert made.document.pdf_sha256 == hashlib.sha256(FAKE_PDF).hexdigest()
    assert content.get(made.document.pdf_sha256) == FAKE_PDF
    assert content.get(made.document.docx_sha256) == docx


def test_a_conversion_that_fails_leaves_neither_a_row_nor_a_file(scratch, tmp_path):
    session, case, counsel = scratch
    content = ContentStore(tmp_path / "store")
    uow = UnitOfWork(session)

    with pytest.raises(ConversionFailed):
        service.generate_document(
            uow,
            counsel,
            case.id,
            "raport_art139",
            "instanta",
            TODAY,
            converter=FakeConverter(fail=True),
            templates=TEMPLATES,
            content=content,
        )
    uow.rollback()

    assert session.query(Document).count() == 0
    assert not (tmp_path / "store").exists() or not any(
        p.is_file() for p in (tmp_path / "store").rglob("*")
    )
