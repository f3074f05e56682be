"""The pre-submission check lists everything missing or wrong before anything is sent,
and only a clean package becomes "semnat" (frozen, with its manifest)."""

import hashlib
import os

import pytest

from filing_service.filings.manifest import read as read_manifest

from .conftest import sqlite_copy
from .pdfs import make_pdf, sign, signed_pdf, tamper


@pytest.fixture
def database_url(tmp_path, sqlite_template):
    """These tests are about PDFs and signatures, not the database: they run on SQLite only
    (the filing paths run on both databases in the other modules)."""
    return sqlite_copy(tmp_path, sqlite_template)


def check(client, auth, filing_id):
    return client.post(f"/api/v1/filings/{filing_id}/check", headers=auth).get_json()


def codes(report) -> set[str]:
    return {p["code"] for p in report["problems"]}


def test_an_unsigned_document_is_listed_and_keeps_the_package_from_being_signed(
    client, auth, new_filing, upload
):
    filing = new_filing()
    upload(filing["id"], "cerere", signed_pdf("Cerere"))
    upload(filing["id"], "raport_art139", make_pdf("Raport"))  # not signed
    report = check(client, auth, filing["id"])
    assert not report["ok"]
    assert codes(report) == {"unsigned"}
    [problem] = report["problems"]
    assert problem["field"] == "documents[2]" and "nu este semnat" in problem["message"]
    assert report["status"] == "verificat"  # content is fine; signatures are not


def test_a_document_changed_after_signing_is_refused(client, auth, new_filing, upload):
    filing = new_filing()
    upload(filing["id"], "cerere", tamper(signed_pdf("Cerere")))
    upload(filing["id"], "raport_art139", signed_pdf("Raport"))
    report = check(client, auth, filing["id"])
    assert codes(report) == {"invalid_signature"}
    assert "modificat după semnare" in report["problems"][0]["message"]


def test_content_appended_after_the_last_signature_is_refused(
    client, auth, new_filing, upload
):
    filing = new_filing()
    upload(filing["id"], "cerere", signed_pdf("Cerere") + b"\n% appended\n")
    upload(filing["id"], "raport_art139", signed_pdf("Raport"))
    assert codes(check(client, auth, filing["id"])) == {"modified_after_signing"}


def test_a_package_without_the_art_139_report_is_incomplete(client, auth, new_filing, upload):
    filing = new_filing()
    upload(filing["id"], "cerere", signed_pdf("Cerere"))
    report = check(client, auth, filing["id"])
    [problem] = report["problems"]
    assert (problem["code"], problem["article"]) == ("child_report_missing", "art. 139")
    assert report["status"] == "ciorna"


def test_a_court_not_competent_under_art_133_is_refused(client, auth, new_filing, upload):
    filing = new_filing(court="Tribunalul București")  # the child lives in Cluj
    upload(filing["id"], "cerere", signed_pdf("Cerere"))
    upload(filing["id"], "raport_art139", signed_pdf("Raport"))
    report = check(client, auth, filing["id"])
    [problem] = report["problems"]
    assert problem["code"] == "court_not_competent"
    assert problem["article"] == "art. 133 alin. (1)"
    assert "Tribunalul Cluj" in problem["message"]


def test_a_pdf_that_does_not_declare_pdf_a_is_refused(client, auth, new_filing, upload):
    filing = new_filing()
    upload(filing["id"], "cerere", sign(make_pdf("Cerere", pdfa=False)))
    upload(filing["id"], "raport_art139", signed_pdf("Raport"))
    assert codes(check(client, auth, filing["id"])) == {"not_pdfa"}


def test_a_file_that_is_not_a_pdf_is_refused_at_upload(client, auth, new_filing, upload):
    filing = new_filing()
    response = upload(filing["id"], "inscris", b"GIF89a not a pdf")
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["code"] == "not_a_pdf"
    assert (
        client.get(f"/api/v1/filings/{filing['id']}", headers=auth).get_json()["documents"]
        == []
    )


def test_an_unknown_document_role_is_refused(new_filing, upload):
    response = upload(new_filing()["id"], "fotografie", signed_pdf("X"))
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "role"


def test_a_clean_package_is_frozen_with_a_manifest_naming_every_file(
    app, client, auth, signed_package
):
    filing = signed_package()
    report = check(client, auth, filing["id"])
    assert report["ok"] and report["status"] == "semnat"
    manifest = client.get(f"/api/v1/filings/{filing['id']}/manifest", headers=auth)
    assert manifest.mimetype == "application/xml"
    assert hashlib.sha256(manifest.data).hexdigest() == report["filing"]["manifest_sha256"]
    with app.app_context():
        key, documents = read_manifest(manifest.data)  # parses and validates
    assert key == report["filing"]["idempotency_key"]
    assert [(d.role, d.sha256) for d in documents] == [
        (d["role"], d["sha256"]) for d in report["filing"]["documents"]
    ]
    late = client.post(
        f"/api/v1/filings/{filing['id']}/documents/inscris",
        data=signed_pdf("Târziu"),
        content_type="application/pdf",
        headers=auth,
    )
    assert late.status_code == 409  # a frozen package takes no more documents


def test_a_stored_file_altered_after_freezing_is_caught_before_sending(
    app, client, auth, smtp, signed_package
):
    filing = signed_package()
    frozen = check(client, auth, filing["id"])["filing"]
    path = os.path.join(
        app.config["STORAGE_DIR"],
        frozen["documents"][0]["sha256"][:2],
        frozen["documents"][0]["sha256"][2:4],
        frozen["documents"][0]["sha256"],
    )
    os.chmod(path, 0o644)
    with open(path, "r+b") as handle:
        handle.seek(-20, os.SEEK_END)
        handle.write(b"X")
    response = client.post(f"/api/v1/filings/{filing['id']}/send", headers=auth)
    assert response.status_code == 422
    assert "nu mai corespunde amprentei" in response.get_json()["detail"]
    assert smtp.messages == []
    after = client.get(f"/api/v1/filings/{filing['id']}", headers=auth).get_json()
    assert after["status"] == "semnat" and after["sent_at"] is None


def test_a_signature_from_an_untrusted_certificate_is_refused(
    client, auth, new_filing, upload
):
    filing = new_filing()
    upload(filing["id"], "cerere", sign(make_pdf("Cerere"), who="Necunoscut"))
    upload(filing["id"], "raport_art139", signed_pdf("Raport"))
    report = check(client, auth, filing["id"])
    assert codes(report) == {"untrusted_signature"}
    assert report["status"] == "verificat"
