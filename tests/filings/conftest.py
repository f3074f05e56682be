"""Fixtures of the filings tests: a real SMTP server and a SOAP portal on loopback, the
app wired to both, and a Cluj case with a package ready to check."""

import shutil
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from filing_service.db import unit_of_work
from filing_service.models import Directorate, Document, Signature, User
from filing_service.storage import store
from tests import builders
from tests.conftest import make_app

from .pdfs import TRUSTED, certificate_pem, make_pdf, sign, signed_pdf
from .portal_server import PortalServer
from .smtp_sink import SmtpSink

BUCHAREST = ZoneInfo("Europe/Bucharest")
FILED_ON = datetime(2026, 11, 23, 10, 0, tzinfo=BUCHAREST)


def sqlite_copy(tmp_path: Path, template: Path) -> str:
    """A fresh SQLite database, for modules whose subject is not the database (PDFs,
    signatures, TLS): they override ``database_url`` with it and run once, not twice."""
    path = tmp_path / "filings.sqlite3"
    shutil.copy(template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def smtp():
    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.fixture
def portal():
    server = PortalServer().start()
    yield server
    server.stop()


@pytest.fixture
def trust_dir(tmp_path) -> str:
    """A trust folder holding the throwaway test signer's certificate."""
    folder = tmp_path / "trust"
    folder.mkdir()
    (folder / "semnatar-test.pem").write_bytes(certificate_pem())
    return str(folder)


@pytest.fixture
def app(database_url, tmp_path, smtp, portal, trust_dir):
    """The app, sending to the loopback SMTP server and asking the loopback portal."""
    yield from make_app(
        database_url,
        tmp_path,
        SIGNATURE_TRUST_DIRS=[trust_dir],
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=smtp.port,
        SMTP_SECURITY="none",
        SMTP_TIMEOUT=5,
        FILING_FROM_ADDRESS="depuneri@dgaspc-cluj.invalid",
        FILING_ALLOW_UNVERIFIED_EMAIL=True,
        FILING_SEND_RETRIES=1,
        FILING_RETRY_BASE_SECONDS=0.01,
        PORTAL_URL=portal.url,
        PORTAL_TIMEOUT=1.0,
        FIXED_NOW=FILED_ON,
    )


def fictional_case() -> dict:
    """The Cluj case of the builders, dated around the filing day."""
    start = date(2026, 11, 20)
    return builders.case(
        measure=builders.emergency_measure(start=start),
        events=[{"kind": "dispozitie_plasament_urgenta", "occurred_on": start.isoformat()}],
    )


@pytest.fixture
def case_id(client, auth) -> int:
    response = client.post("/api/v1/cases", json=fictional_case(), headers=auth)
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


@pytest.fixture
def new_filing(client, auth, case_id):
    """Open a draft filing for the case; returns its JSON."""

    def make(**overrides) -> dict:
        body = {
            "object": "Înlocuirea plasamentului în regim de urgență cu plasamentul "
            "la asistentul maternal profesionist",
            "legal_basis": "art. 70 alin. (1) și (3), art. 65 alin. (2), art. 66 din "
            "Legea nr. 272/2004",
        }
        body.update(overrides)
        response = client.post(f"/api/v1/cases/{case_id}/filings", json=body, headers=auth)
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    return make


@pytest.fixture
def upload(client, auth):
    """Upload PDF bytes into a filing under a role."""

    def put(filing_id: int, role: str, data: bytes, title: str | None = None):
        query = f"?title={title}" if title else ""
        return client.post(
            f"/api/v1/filings/{filing_id}/documents/{role}{query}",
            data=data,
            content_type="application/pdf",
            headers=auth,
        )

    return put


@pytest.fixture
def signed_package(new_filing, upload):
    """A filing holding a signed petition, art. 139 report and director's order."""

    def make(padding: int = 0) -> dict:
        filing = new_filing()
        for role, title in (
            ("cerere", "Cerere de înlocuire a plasamentului"),
            ("raport_art139", "Raport referitor la copil"),
            ("dispozitie_director", "Dispoziția nr. 1045"),
        ):
            response = upload(filing["id"], role, signed_pdf(title, padding=padding), title)
            assert response.status_code == 201, response.get_json()
        return filing

    return make


def generated_and_signed(app, case_id: int, *, pades: bool = False) -> tuple[int, bytes]:
    """A generated petition of the case and two signatures on it (counsel, then director,
    as the signing capability records them; ``pades``: under the PAdES subfilter, as
    the service signs); returns the document id and the last signed file."""
    pdf = make_pdf("Cerere")
    first = sign(pdf, "Consilier", pades=pades)
    second = sign(first, "Director", pades=pades)
    with app.app_context(), unit_of_work() as uow:
        files = store()
        cluj = uow.session.query(Directorate).filter_by(code="CJ").one()
        user = User(
            directorate_id=cluj.id,
            username="semnatar",
            full_name=TRUSTED,
            role="consilier_juridic",
            password_hash="-",
        )
        document = Document(
            case_id=case_id,
            doc_type="cerere_art70",
            template_name="t",
            template_version="1",
            data_sha256="0" * 64,
            pdf_sha256=files.put(pdf),
        )
        uow.session.add_all([user, document])
        uow.session.flush()
        # The legal counsel signs first, the director second (one signature per role).
        for signed, previous, role in (
            (first, pdf, "consilier_juridic"),
            (second, first, "director"),
        ):
            uow.session.add(
                Signature(
                    directorate_id=cluj.id,
                    document_id=document.id,
                    signer_user_id=user.id,
                    signer_name=TRUSTED,
                    role=role,
                    key_name="cheie",
                    level="B-B",
                    input_sha256=files.put(previous),
                    output_sha256=files.put(signed),
                    certificate_sha256="2" * 64,
                )
            )
        uow.commit()
        return document.id, second
