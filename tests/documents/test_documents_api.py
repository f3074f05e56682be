"""Generating, listing and downloading documents through the API: every version kept,
the rules engine heard, nothing stored when something fails."""

import hashlib
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from filing_service import bootstrap
from filing_service.db import unit_of_work
from filing_service.documents import service
from filing_service.models import AuditEvent, Document
from tests import builders
from tests.clock import FIXED_NOW
from tests.documents.conftest import pdf_text

ART70 = {"type": "cerere_art70", "variant": "instanta"}


@pytest.fixture
def case_id(client, auth, converter_pool):
    response = client.post("/api/v1/cases", json=builders.case(), headers=auth)
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


def generate(client, auth, case_id, body=ART70):
    return client.post(f"/api/v1/cases/{case_id}/documents", json=body, headers=auth)


def stored_files(app) -> list[Path]:
    root = Path(app.config["STORAGE_DIR"])
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def document_count(app) -> int:
    with app.app_context(), unit_of_work() as uow:
        return uow.session.scalar(select(func.count(Document.id)))


def test_generating_a_document_stores_its_docx_pdf_and_data_by_hash(
    client, auth, case_id, app
):
    response = generate(client, auth, case_id)
    assert response.status_code == 201, response.get_json()
    record = response.get_json()
    assert (record["type"], record["variant"], record["version"]) == (
        "cerere_art70",
        "instanta",
        1,
    )
    assert record["template_name"] == "cerere_art70.docx" and record["template_version"]
    names = {p.name for p in stored_files(app)}
    assert {record["data_sha256"], record["docx_sha256"], record["pdf_sha256"]} == names


def test_the_pdf_download_is_the_stored_pdfa_with_a_romanian_file_name(client, auth, case_id):
    record = generate(client, auth, case_id).get_json()
    response = client.get(record["links"]["pdf"], headers=auth)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert hashlib.sha256(response.data).hexdigest() == record["pdf_sha256"]
    disposition = response.headers["Content-Disposition"]
    assert "filename*=UTF-8''Cerere%20de%20%C3%AEnlocuire" in disposition  # „înlocuire”
    assert "Andrei-Ștefan Popescu" in pdf_text(response.data)


def test_the_docx_download_has_the_word_media_type(client, auth, case_id):
    record = generate(client, auth, case_id).get_json()
    response = client.get(record["links"]["docx"], headers=auth)
    assert response.mimetype == service.MEDIA_TYPES["docx"]
    assert hashlib.sha256(response.data).hexdigest() == record["docx_sha256"]
    assert response.headers["Content-Disposition"].startswith("attachment;")


def test_a_new_generation_is_version_two_and_version_one_stays_byte_identical(
    client, auth, case_id, app
):
    first = generate(client, auth, case_id).get_json()
    before = client.get(first["links"]["pdf"], headers=auth).data
    client.patch(
        f"/api/v1/cases/{case_id}",
        headers=auth,
        json={"facts_summary": "Situația s-a agravat între timp."},
    )
    second = generate(client, auth, case_id).get_json()
    assert second["version"] == 2 and second["pdf_sha256"] != first["pdf_sha256"]
    assert second["data_sha256"] != first["data_sha256"]
    assert client.get(first["links"]["pdf"], headers=auth).data == before
    assert client.get(f"/api/v1/documents/{first['id']}", headers=auth).get_json() == first | {
        "warnings": first["warnings"]
    }
    listed = client.get(f"/api/v1/cases/{case_id}/documents", headers=auth).get_json()
    assert [d["version"] for d in listed["items"]] == [1, 2]


def test_a_stored_version_regenerates_from_its_recorded_data_to_the_same_docx(
    client, auth, case_id, app
):
    record = generate(client, auth, case_id).get_json()
    with app.app_context(), unit_of_work() as uow:
        document = uow.session.get(Document, record["id"])
        tools = app.extensions["adapters"]
        assert (
            service.regenerate_docx(document, templates=tools.templates, content=tools.content)
            is True
        )


def test_the_rules_engines_warnings_come_with_the_document(client, auth, converter_pool):
    data = builders.case(child=builders.child(11))  # a child of 10+ must be heard
    case_id = client.post("/api/v1/cases", json=data, headers=auth).get_json()["id"]
    record = generate(client, auth, case_id).get_json()
    assert "art134_hearing" in {w["code"] for w in record["warnings"]}


def test_rule_errors_block_a_court_document_with_422_and_nothing_is_stored(
    client, auth, app, converter_pool
):
    # An emergency reception centre hosts a child for 6 months at most (art. 123 alin. 6):
    # valid when recorded, the term lapses by itself before the petition is drafted.
    start = FIXED_NOW - timedelta(days=220)
    app.config["FIXED_NOW"] = start + timedelta(days=30)
    data = builders.case(
        placement_target=builders.residential(residential_kind="centru_primire_urgenta"),
        measure=builders.emergency_measure(
            start.date(), residential_justification="Nu există familie."
        ),
    )
    case_id = client.post("/api/v1/cases", json=data, headers=auth).get_json()["id"]
    app.config["FIXED_NOW"] = FIXED_NOW
    response = generate(client, auth, case_id)
    assert response.status_code == 422
    problem = response.get_json()
    assert [e["article"] for e in problem["errors"]] == ["art. 123 alin. (6)"]
    assert "Documentul nu poate fi generat" in problem["detail"]
    assert document_count(app) == 0 and stored_files(app) == []


def test_a_failed_conversion_answers_503_and_leaves_no_row_and_no_file(
    client, auth, case_id, app, tmp_path
):
    app.config["CONVERTER_SOFFICE"] = str(tmp_path / "nu-exista" / "soffice.bin")
    bootstrap.init_app(app)  # the adapters are built from the configuration
    response = generate(client, auth, case_id)
    assert response.status_code == 503
    assert "Conversia documentului în PDF/A a eșuat" in response.get_json()["detail"]
    assert document_count(app) == 0 and stored_files(app) == []


def test_an_unknown_document_type_is_refused_naming_the_field(client, auth, case_id):
    response = generate(client, auth, case_id, {"type": "cerere_inexistenta"})
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == ["type"]


def test_a_parents_variant_of_a_document_parents_never_receive_is_refused(
    client, auth, case_id
):
    response = generate(
        client, auth, case_id, {"type": "raport_monitorizare", "variant": "parinti"}
    )
    assert response.status_code == 422
    [error] = response.get_json()["errors"]
    assert error["field"] == "variant" and "nu se comunică părinților" in error["message"]


def test_generation_and_downloads_are_audited(client, auth, case_id, app):
    record = generate(client, auth, case_id).get_json()
    client.get(record["links"]["pdf"], headers=auth)
    with app.app_context(), unit_of_work() as uow:
        actions = uow.session.execute(
            select(AuditEvent.action, AuditEvent.changes).where(
                AuditEvent.entity == "document"
            )
        ).all()
    assert [a for a, _ in actions] == ["create", "read"]
    assert actions[1][1] == {"file": "pdf"}


def test_another_directorate_cannot_see_the_documents(client, auth, other_auth, case_id):
    record = generate(client, auth, case_id).get_json()
    assert client.get(record["links"]["pdf"], headers=other_auth).status_code == 404
    assert (
        client.get(f"/api/v1/cases/{case_id}/documents", headers=other_auth).status_code == 404
    )


def test_the_parents_variant_shows_none_of_the_placement_familys_confidential_data(
    client, auth, case_id
):
    """Art. 67^1: address, income, property, medical and psychological data of the
    placement person or family never reach the biological parents."""
    secrets = {
        k: builders.maternal_assistant()[k]
        for k in ("address", "income", "property", "medical_info", "psychological_info")
    }
    record = generate(
        client, auth, case_id, {"type": "cerere_art70", "variant": "parinti"}
    ).get_json()
    assert record["variant"] == "parinti"
    text = " ".join(pdf_text(client.get(record["links"]["pdf"], headers=auth).data).split())
    assert [value for value in secrets.values() if value in text] == []
    assert "Elena Vlad" in text  # who the child is placed with is not confidential
