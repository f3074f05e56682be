"""One request, one transaction: a request that is refused, or that fails half-way,
leaves the database (and the content store) as it was before it."""

import io
from pathlib import Path

from docx import Document as WordDocument
from sqlalchemy import func, select

from filing_service import bootstrap
from filing_service.db import unit_of_work
from filing_service.documents.catalog import DOC_TYPES
from filing_service.models import AuditEvent, Document, Event
from tests import builders

ROOT = Path(__file__).resolve().parents[2]


def _case(client, auth) -> dict:
    answer = client.post("/api/v1/cases", json=builders.case(), headers=auth)
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()


def _audit_count(app) -> int:
    with app.app_context(), unit_of_work() as uow:
        return uow.session.scalar(select(func.count(AuditEvent.id)))


def test_a_patch_refused_for_a_null_leaves_the_event_and_the_case_readable(app, client, auth):
    case = _case(client, auth)
    [event] = case["events"]
    url = f"/api/v1/events/{event['id']}"
    before = client.get(url, headers=auth).get_json()
    audited = _audit_count(app)

    refused = client.patch(url, json={"data": None}, headers=auth)

    assert refused.status_code == 422
    assert client.get(url, headers=auth).get_json() == before
    assert client.get(f"/api/v1/cases/{case['id']}", headers=auth).status_code == 200
    assert client.get(f"/api/v1/cases/{case['id']}.xml", headers=auth).status_code == 200
    with app.app_context(), unit_of_work() as uow:
        assert uow.session.get(Event, event["id"]).data == before["data"]
    # The refused change wrote no audit record (the two reads of the case wrote theirs).
    assert _audit_count(app) == audited + 2


def _stored_files(app) -> list[Path]:
    return sorted(p for p in Path(app.config["STORAGE_DIR"]).rglob("*") if p.is_file())


def _template_failing_for_the_parents(folder: Path, type_id: str) -> None:
    """The templates, with the one of ``type_id`` replaced by one that renders for the
    court and names a field that does not exist in the parents' variant: rendering the
    second variant fails, after the first was stored."""
    for template in (ROOT / "filing_service" / "documents" / "templates").glob("*.docx"):
        (folder / template.name).write_bytes(template.read_bytes())
    document = WordDocument()
    document.add_paragraph("Cerere pentru {{ child.first_name }}")
    document.add_paragraph("{% if doc.parents_variant %}{{ nu_exista.camp }}{% endif %}")
    out = io.BytesIO()
    document.save(out)
    (folder / DOC_TYPES[type_id].template).write_bytes(out.getvalue())


def test_when_the_parents_variant_fails_the_court_variant_is_not_kept(
    app, client, auth, make_user, tmp_path
):
    folder = tmp_path / "templates"
    folder.mkdir()
    _template_failing_for_the_parents(folder, "cerere_art70")
    app.config["TEMPLATES_DIR"] = str(folder)
    bootstrap.init_app(app)  # the adapters are built from the configuration
    case = _case(client, auth)
    username, password = make_user("ana.test", "consilier_juridic")
    web = app.test_client()
    form = web.get("/login").get_data(as_text=True)
    token = form.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    web.post("/login", data={"username": username, "password": password, "csrf_token": token})
    page = web.get(f"/cases/{case['id']}/documents/new/cerere_art70").get_data(as_text=True)
    token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    stored_before = _stored_files(app)

    answer = web.post(
        f"/cases/{case['id']}/documents/new/cerere_art70", data={"csrf_token": token}
    )

    assert answer.status_code == 422
    assert "are o eroare" in answer.get_data(as_text=True)
    with app.app_context(), unit_of_work() as uow:
        assert uow.session.scalars(select(Document)).all() == []
    assert _stored_files(app) == stored_before
