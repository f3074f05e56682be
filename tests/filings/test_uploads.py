"""Uploads that are cheap to refuse: junk behind a ``%PDF-`` header is refused from its
first and last KiB, before a parser sees it and before anything is stored; a package
and a directorate hold only as much as their quotas allow."""

from pathlib import Path

import pytest

from filing_service import pdfread
from filing_service.filings import pdfcheck

from .conftest import fictional_case
from .pdfs import make_pdf, signed_pdf

JUNK = b"%PDF-1.7\n" + b"\0" * (50 * 1024 * 1024)  # 50 MiB, no line break, no %%EOF


@pytest.fixture
def parses(monkeypatch) -> list[int]:
    """The sizes of the files handed to pyhanko's parser, as it is handed them."""
    handed: list[int] = []
    real = pdfread.PdfFileReader

    def counting(stream, **kwargs):
        handed.append(len(stream.getbuffer()))
        return real(stream, **kwargs)

    monkeypatch.setattr(pdfread, "PdfFileReader", counting)
    return handed


def stored_files(app) -> list[Path]:
    root = Path(app.config["STORAGE_DIR"])
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_50_mib_of_junk_is_refused_naming_the_field_without_being_parsed_or_stored(
    app, client, auth, new_filing, upload, parses
):
    filing = new_filing()
    before = stored_files(app)
    response = upload(filing["id"], "inscris", JUNK)
    assert response.status_code == 422
    [error] = response.get_json()["errors"]
    assert (error["field"], error["code"]) == ("file", "damaged_pdf")
    assert "%%EOF" in error["message"]
    assert parses == []  # refused by the sniff: the parser never saw the 50 MiB
    assert stored_files(app) == before
    documents = client.get(f"/api/v1/filings/{filing['id']}", headers=auth).get_json()
    assert documents["documents"] == []


def test_a_good_pdf_is_parsed_once_within_the_budget_and_stored(
    app, new_filing, upload, parses
):
    data = signed_pdf("Cerere")
    response = upload(new_filing()["id"], "cerere", data)
    assert response.status_code == 201, response.get_json()
    assert parses == [len(data)]
    assert len(stored_files(app)) == 1


def test_the_validation_upload_refuses_junk_before_parsing_it(client, auth, parses):
    response = client.post(
        "/api/v1/signatures/validate",
        data=JUNK,
        content_type="application/pdf",
        headers=auth,
    )
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "file"
    assert response.get_json()["type"].endswith("damaged_pdf")
    assert parses == []


def test_checking_a_package_does_not_parse_junk_already_stored(parses):
    """A file stored before uploads were sniffed costs the check nothing either."""
    report = pdfcheck.inspect(JUNK, None)
    assert (report.is_pdf, report.error) == (False, "fișierul PDF este deteriorat")
    assert parses == []


# ---- quotas -----------------------------------------------------------------------------


def test_a_package_takes_no_more_files_than_its_quota(app, client, auth, new_filing, upload):
    app.config["FILING_MAX_FILES"] = 2
    filing = new_filing()
    for title in ("Cerere", "Raport"):
        assert upload(filing["id"], "inscris", make_pdf(title)).status_code == 201
    before = stored_files(app)
    response = upload(filing["id"], "inscris", make_pdf("Al treilea"))
    assert response.status_code == 409
    body = response.get_json()
    assert body["type"].endswith("quota_exceeded")
    assert body["errors"][0] == {
        "field": "file",
        "code": "filing_files_quota",
        "message": "Pachetul are deja 2 fișiere; limita este de 2 fișiere pe pachet.",
    }
    assert stored_files(app) == before
    held = client.get(f"/api/v1/filings/{filing['id']}", headers=auth).get_json()
    assert len(held["documents"]) == 2


def test_a_package_takes_no_more_bytes_than_its_quota(app, new_filing, upload):
    first, second = make_pdf("Cerere"), make_pdf("Raport", padding=4096)
    app.config["FILING_MAX_BYTES"] = len(first) + len(second) - 1
    filing = new_filing()
    assert upload(filing["id"], "inscris", first).status_code == 201
    response = upload(filing["id"], "inscris", second)
    assert response.status_code == 409
    assert response.get_json()["errors"][0]["code"] == "filing_bytes_quota"


def test_a_directorate_quota_counts_every_package_of_the_directorate_only(
    app, client, auth, other_auth, new_filing, upload
):
    data = make_pdf("Cerere", padding=4096)
    app.config["DIRECTORATE_MAX_FILING_BYTES"] = 2 * len(data)
    assert upload(new_filing()["id"], "inscris", data).status_code == 201
    # Another directorate's package takes nothing of Cluj's space.
    case = client.post("/api/v1/cases", json=fictional_case(), headers=other_auth).get_json()
    theirs = client.post(
        f"/api/v1/cases/{case['id']}/filings",
        json={"object": "Plasament", "legal_basis": "art. 70 din Legea nr. 272/2004"},
        headers=other_auth,
    ).get_json()
    sent = client.post(
        f"/api/v1/filings/{theirs['id']}/documents/inscris",
        data=data,
        content_type="application/pdf",
        headers=other_auth,
    )
    assert sent.status_code == 201, sent.get_json()
    assert upload(new_filing()["id"], "inscris", data).status_code == 201
    response = upload(new_filing()["id"], "inscris", data)
    assert response.status_code == 409
    assert response.get_json()["errors"][0]["code"] == "directorate_bytes_quota"
