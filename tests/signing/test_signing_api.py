"""The signing API: sign as a logged-in person, list, download; validate an uploaded PDF,
with a clear problem+json for every kind of bad upload."""

import hashlib
import io

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pypdf import PdfWriter

from filing_service.auth.tokens import issue_token
from filing_service.db import unit_of_work
from filing_service.models import Directorate
from filing_service.signing.profiles import Level

from .conftest import P12_PASSPHRASE
from .helpers import key_spec, sign

PROBLEM = "application/problem+json"


@pytest.fixture
def client(signing_app):
    return signing_app.test_client()


@pytest.fixture
def system_auth(signing_app):
    """Headers of a case system of Cluj (a token: may validate, may not sign)."""
    with signing_app.app_context(), unit_of_work() as uow:
        cluj = uow.session.query(Directorate).filter_by(code="CJ").one()
        issued = issue_token(uow.session, cluj.id, "sistem de test")
        uow.commit()
    return {"Authorization": f"Bearer {issued.token}"}


@pytest.fixture(scope="module")
def signed_pdf(pdfa, pki, p12_files) -> bytes:
    return sign(
        pdfa,
        key_spec("pkcs12", "consilier", p12_files=p12_files),
        Level.B_T,
        pki.tsa_url,
        secret=P12_PASSPHRASE,
    )


def test_a_person_signs_lists_and_downloads_through_the_api(
    client, people, as_person, make_document
):
    document_id = make_document()
    as_person(people["ana.popescu"])
    created = client.post(
        f"/api/v1/documents/{document_id}/signatures",
        json={"role": "consilier_juridic", "level": "B-T"},
    )
    assert created.status_code == 201, created.get_json()
    body = created.get_json()
    assert (body["level"], body["signer_name"]) == ("B-T", "Ana Popescu")

    listed = client.get(f"/api/v1/documents/{document_id}/signatures").get_json()
    assert [s["id"] for s in listed["items"]] == [body["id"]]
    download = client.get(f"/api/v1/signatures/{body['id']}/pdf")
    assert download.mimetype == "application/pdf"
    assert hashlib.sha256(download.data).hexdigest() == body["output_sha256"]


def test_a_case_system_token_gets_403_when_it_tries_to_sign(
    client, system_auth, people, make_document
):
    response = client.post(
        f"/api/v1/documents/{make_document()}/signatures",
        json={"role": "director"},
        headers=system_auth,
    )
    assert response.status_code == 403
    assert response.mimetype == PROBLEM
    assert "sistem informatic" in response.get_json()["detail"]


def test_a_wrong_pin_answers_422_without_the_pin(
    client, signing_app, people, as_person, make_document, secrets_file, monkeypatch
):
    document_id = make_document()
    as_person(people["ana.popescu"])
    client.post(
        f"/api/v1/documents/{document_id}/signatures",
        json={"role": "consilier_juridic", "level": "B-B"},
    )
    monkeypatch.setenv("FS_TEST_PIN_DIRECTOR", "000000")  # the environment comes first
    as_person(people["mihai.ionescu"])
    response = client.post(
        f"/api/v1/documents/{document_id}/signatures",
        json={"role": "director", "level": "B-B"},
    )
    assert response.status_code == 422
    assert response.mimetype == PROBLEM
    assert "PIN greșit" in response.get_json()["detail"]
    assert "000000" not in response.get_data(as_text=True)


def test_a_profile_with_a_pin_in_it_is_refused(
    client, signing_app, people, as_person, make_document, profile
):
    with signing_app.app_context(), unit_of_work() as uow:
        cluj = uow.session.query(Directorate).filter_by(code="CJ").one()
        bad = {**profile, "keys": {"k": {**profile["keys"]["cheie-consilier"], "pin": "1234"}}}
        cluj.settings = {"signature_profile": bad}
        uow.commit()
    as_person(people["ana.popescu"])
    response = client.post(
        f"/api/v1/documents/{make_document()}/signatures",
        json={"role": "consilier_juridic", "key": "k"},
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "keys.k"
    assert "1234" not in response.get_data(as_text=True)


# ---- validation -------------------------------------------------------------------------


def validate(client, system_auth, data: bytes, **kwargs):
    return client.post(
        "/api/v1/signatures/validate",
        data=data,
        headers=system_auth,
        content_type="application/pdf",
        **kwargs,
    )


def test_validation_reports_each_signature(client, system_auth, signed_pdf):
    response = validate(client, system_auth, signed_pdf)
    assert response.status_code == 200, response.get_json()
    [report] = response.get_json()["signatures"]
    assert report["intact"] and report["valid"] and report["trusted"]
    assert report["signer"] == "Ana Popescu"
    assert report["level"] == "B-T"
    assert report["timestamp"] is not None
    assert report["modified_after_signing"] is False


def test_validation_accepts_a_multipart_upload(client, system_auth, signed_pdf):
    response = client.post(
        "/api/v1/signatures/validate",
        headers=system_auth,
        data={"file": (io.BytesIO(signed_pdf), "hotarare.pdf", "application/pdf")},
    )
    assert response.status_code == 200, response.get_json()
    assert len(response.get_json()["signatures"]) == 1


def test_validation_reports_content_changed_after_signing(client, system_auth, signed_pdf):
    writer = IncrementalPdfFileWriter(io.BytesIO(signed_pdf))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    page["/Rotate"] = generic.NumberObject(90)  # a change a signature does not allow
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    [report] = validate(client, system_auth, out.getvalue()).get_json()["signatures"]
    assert report["intact"] is True  # the signed revision itself is untouched
    assert report["modified_after_signing"] is True
    assert report["modification_level"] == "OTHER"
    assert "modificat" in report["modification"]


@pytest.mark.parametrize(
    "data, status, code",
    [
        (b"PK\x03\x04 this is a zip, not a PDF", 415, "not_a_pdf"),
        (b"", 400, "file_missing"),
    ],
)
def test_validation_refuses_what_is_not_a_pdf(client, system_auth, data, status, code):
    response = validate(client, system_auth, data)
    assert response.status_code == status
    assert response.mimetype == PROBLEM
    assert response.get_json()["type"].endswith(code)


def test_validation_refuses_an_unsigned_pdf(client, system_auth, pdfa):
    response = validate(client, system_auth, pdfa)
    assert response.status_code == 422
    assert response.mimetype == PROBLEM
    assert "nicio semnătură" in response.get_json()["detail"]


@pytest.mark.parametrize("keep", [0.5, 0.99], ids=["half", "trailer-cut"])
def test_validation_refuses_a_truncated_file(client, system_auth, signed_pdf, keep):
    response = validate(client, system_auth, signed_pdf[: int(len(signed_pdf) * keep)])
    assert response.status_code == 422
    assert response.mimetype == PROBLEM
    assert response.get_json()["errors"][0]["field"] == "file"


def test_validation_refuses_an_encrypted_pdf(client, system_auth):
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt(user_password="", owner_password="proprietar", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    response = validate(client, system_auth, out.getvalue())
    assert response.status_code == 422
    assert response.get_json()["type"].endswith("encrypted_pdf")


class CountingStream(io.RawIOBase):
    """A 100 MB body that is produced only as far as it is read."""

    def __init__(self, size: int):
        self.size, self.position, self.read_so_far = size, 0, 0

    def readable(self):
        return True

    def seekable(self):  # the test client measures the body by seeking; no bytes made
        return True

    def seek(self, offset, whence=io.SEEK_SET):
        self.position = {io.SEEK_SET: 0, io.SEEK_CUR: self.position, io.SEEK_END: self.size}[
            whence
        ] + offset
        return self.position

    def tell(self):
        return self.position

    def readinto(self, buffer):
        n = max(0, min(len(buffer), self.size - self.position))
        buffer[:n] = b"%" * n
        self.position += n
        self.read_so_far += n
        return n


@pytest.mark.parametrize(
    "content_type", ["application/pdf", "multipart/form-data; boundary=x"]
)
def test_a_100_mb_upload_gets_413_problem_json_without_being_read(
    client, system_auth, content_type
):
    size = 100 * 1024 * 1024
    body = CountingStream(size)
    response = client.post(
        "/api/v1/signatures/validate",
        input_stream=body,
        headers={**system_auth, "Content-Length": str(size), "Content-Type": content_type},
    )
    assert response.status_code == 413
    assert response.mimetype == PROBLEM
    assert "limita" in response.get_json()["detail"]
    assert body.read_so_far < 1024 * 1024  # refused on the declared length


def test_validation_needs_a_token(client, signed_pdf):
    response = client.post(
        "/api/v1/signatures/validate", data=signed_pdf, content_type="application/pdf"
    )
    assert response.status_code == 401


def test_an_unreachable_tsa_is_a_502_that_records_nothing(
    client, signing_app, people, as_person, make_document, profile
):
    with signing_app.app_context(), unit_of_work() as uow:
        cluj = uow.session.query(Directorate).filter_by(code="CJ").one()
        cluj.settings = {"signature_profile": {**profile, "tsa_url": "http://127.0.0.1:9/tsa"}}
        uow.commit()
    document_id = make_document()
    as_person(people["ana.popescu"])
    response = client.post(
        f"/api/v1/documents/{document_id}/signatures",
        json={"role": "consilier_juridic", "level": "B-T"},
    )
    assert response.status_code == 502
    assert response.mimetype == PROBLEM
    assert "marcare temporală" in response.get_json()["detail"]
    listed = client.get(f"/api/v1/documents/{document_id}/signatures").get_json()
    assert listed["items"] == []
