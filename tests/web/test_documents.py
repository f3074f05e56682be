"""The document wizard through the pages, with the real pipeline (LibreOffice) and a real
signature (a PKCS#12 key of the test PKI, its passphrase typed in the page).

Heavy: these run on SQLite only (the pages' tenancy runs on both databases)."""

import shutil
from datetime import timedelta

import pytest
from sqlalchemy import select

from filing_service import bootstrap
from filing_service.db import unit_of_work
from filing_service.models import Directorate, Document, Signature
from tests import builders
from tests.clock import FIXED_NOW, TODAY
from tests.signing.pki import TRUST_DIR, TestPki

PASSPHRASE = "fraza-consilier-web"


@pytest.fixture
def database_url(tmp_path, sqlite_template):
    path = tmp_path / "test.sqlite3"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture(scope="module")
def counsel_p12(tmp_path_factory):
    """The test PKI's counsel key in a PKCS#12 file (no OCSP or TSA needed at B-B)."""
    pki = TestPki(tmp_path_factory.mktemp("pki"))
    path = pki.pkcs12("consilier", PASSPHRASE)
    pki._server.server_close()  # the services are not started: free the port
    return path


@pytest.fixture
def signing_profile(app, counsel_p12, counsel_name):
    """DGASPC Cluj signs at B-B with the counsel's PKCS#12 key; its passphrase is not on
    the server, so the person types it."""
    app.config["SIGNATURE_TRUST_DIRS"] = [str(TRUST_DIR)]
    bootstrap.init_app(app)  # the adapters are built from the configuration
    with app.app_context(), unit_of_work() as uow:
        cluj = uow.session.scalar(select(Directorate).where(Directorate.code == "CJ"))
        cluj.settings = {
            "signature_profile": {
                "level": "B-B",
                "keys": {
                    "cheie-consilier": {
                        "type": "pkcs12",
                        "path": str(counsel_p12),
                        "secret": "FS_WEB_TEST_UNSET",
                        "users": [counsel_name],
                    }
                },
            }
        }
        uow.commit()


@pytest.fixture
def counsel_name():
    return "ana.semnatar"


@pytest.fixture
def signer(web, counsel_name, signing_profile):
    return web("consilier_juridic", username=counsel_name)


def generate(browser, case_id: int, type_id: str = "cerere_art70"):
    return browser.post(f"/cases/{case_id}/documents/new/{type_id}")


def documents_of(app, case_id: int) -> list[Document]:
    with app.app_context(), unit_of_work() as uow:
        return list(uow.session.scalars(select(Document).where(Document.case_id == case_id)))


def test_the_wizard_lists_the_fourteen_documents_with_the_law_of_the_case(counsel, make_case):
    case = make_case()
    page = counsel.get(f"/cases/{case['id']}/documents").get_data(as_text=True)
    assert page.count('class="doc-type"') == 14
    assert "Raport referitor la copil" in page and "art. 139" in page


def test_the_wizard_recommends_the_article_70_petition_for_an_emergency_placement(
    counsel, make_case
):
    case = make_case()  # the builders' case: an emergency placement by the director
    page = counsel.get(f"/cases/{case['id']}/documents").get_data(as_text=True)
    first = page.split('class="doc-type"', 2)[1]
    assert "Cerere de înlocuire a plasamentului în regim de urgență" in first
    assert "recomandat pentru această cauză" in first


def test_a_petition_is_generated_with_the_parents_variant_and_previewed(
    app, counsel, make_case
):
    case = make_case()
    response = generate(counsel, case["id"])
    assert response.status_code == 302, response.get_data(as_text=True)
    made = documents_of(app, case["id"])
    assert sorted(d.variant for d in made) == ["instanta", "parinti"]
    page = counsel.get(response.headers["Location"]).get_data(as_text=True)
    assert "<iframe" in page and "Pentru părinți (art. 67^1)" in page
    court = next(d for d in made if d.variant == "instanta")
    pdf = counsel.get(f"/cases/{case['id']}/documents/{court.id}/pdf")
    assert pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    disposition = pdf.headers["Content-Disposition"]
    assert disposition.startswith("inline") and "filename*=UTF-8''" in disposition
    disposition.encode("latin-1")  # what an HTTP/1.1 server can send


def test_the_pdf_preview_may_be_framed_by_the_services_own_page_alone(app, counsel, make_case):
    case = make_case()
    response = generate(counsel, case["id"])
    page = counsel.get(response.headers["Location"])
    assert "frame-src 'self'" in page.headers["Content-Security-Policy"]
    court = next(d for d in documents_of(app, case["id"]) if d.variant == "instanta")
    pdf = counsel.get(f"/cases/{case['id']}/documents/{court.id}/pdf")
    assert pdf.headers["Content-Security-Policy"] == "frame-ancestors 'self'"
    assert pdf.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert pdf.headers["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in pdf.headers["Cache-Control"]


def test_a_court_document_is_not_generated_while_the_law_is_broken(app, counsel, make_case):
    """Art. 123 alin. 6: an emergency reception centre hosts a child for 6 months at
    most; seven months on, the case breaks the law and the petition is blocked."""
    started = TODAY - timedelta(days=150)
    case = make_case(
        placement_target=builders.residential(
            residential_kind="centru_primire_urgenta", name="Centrul de primire Cluj"
        ),
        child=builders.child(age=12),
        measure=builders.emergency_measure(
            started, residential_justification="Nicio familie disponibilă."
        ),
    )
    app.config["FIXED_NOW"] = FIXED_NOW + timedelta(days=60)
    response = generate(counsel, case["id"])
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Documentul nu poate fi generat" in page and "art. 123 alin. (6)" in page
    assert documents_of(app, case["id"]) == []


def test_a_counsel_signs_with_the_passphrase_typed_in_the_page(app, signer, make_case):
    case = make_case()
    location = generate(signer, case["id"]).headers["Location"]
    document_id = int(location.rsplit("/", 1)[1])
    response = signer.post(
        f"{location}/sign", {"key": "cheie-consilier", "level": "B-B", "pin": PASSPHRASE}
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    page = signer.get(location).get_data(as_text=True)
    assert "Semnat de" in page and PASSPHRASE not in page
    signed = signer.get(f"{location}/pdf?descarca=1")
    assert signed.headers["Content-Disposition"].startswith("attachment")
    assert b"/ByteRange" in signed.data
    with app.app_context(), unit_of_work() as uow:
        assert uow.session.scalar(select(Signature.document_id)) == document_id


def test_a_wrong_passphrase_is_refused_without_echoing_it(app, signer, make_case, caplog):
    case = make_case()
    location = generate(signer, case["id"]).headers["Location"]
    response = signer.post(
        f"{location}/sign",
        {"key": "cheie-consilier", "level": "B-B", "pin": "parola-gresita-77"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Documentul nu a fost semnat" in page
    assert "parola-gresita-77" not in page and "parola-gresita-77" not in caplog.text
    with app.app_context(), unit_of_work() as uow:
        assert uow.session.scalar(select(Signature.id)) is None


def test_an_auditor_has_no_signing_form_and_cannot_sign(app, web, make_case, counsel):
    case = make_case()
    location = generate(counsel, case["id"]).headers["Location"]
    auditor = web("auditor")
    assert "Semnează documentul" not in auditor.get(location).get_data(as_text=True)
    assert auditor.post(f"{location}/sign", {"pin": "123456"}).status_code == 403
    assert auditor.post(f"/cases/{case['id']}/documents/new/cerere_art70").status_code == 403
