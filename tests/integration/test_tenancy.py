"""A directorate can neither read nor change another's cases: 404, on every endpoint.

The endpoints are taken from the OpenAPI document, so a route added later is covered
(or this test fails until it says which record its path parameters name)."""

import re

import pytest

from filing_service.db import unit_of_work
from filing_service.models import Directorate, FilingReply, Signature, User
from tests import builders
from tests.filings.pdfs import make_pdf


@pytest.fixture
def foreign_ids(client, auth):
    """A case of Cluj with one of each part, and the id each path parameter takes."""
    case = client.post("/api/v1/cases", json=builders.case(), headers=auth).get_json()
    hearing = client.post(
        f"/api/v1/cases/{case['id']}/hearings",
        headers=auth,
        json={"scheduled_at": "2026-12-03T09:00:00+02:00"},
    ).get_json()
    # The 119 intake: a report routed to Cluj, and one of Cluj's waiting in the queue.
    client.post("/api/v1/intake/reports", json=builders.report_119(), headers=auth)
    report = client.get("/api/v1/intake/reports", headers=auth).get_json()["items"][0]
    queued = client.post(
        "/api/v1/intake/reports", json=builders.report_119(place={}), headers=auth
    ).get_json()
    # Deadlines: the case's emergency order started some; a closure day of Cluj.
    deadline = client.get(f"/api/v1/cases/{case['id']}/deadlines", headers=auth).get_json()[
        "deadlines"
    ][0]
    closure = client.post(
        "/api/v1/closure-days", headers=auth, json={"day": "2026-12-04", "reason": "inventar"}
    ).get_json()
    # Documents: a generated petition (LibreOffice converts it).
    document = client.post(
        f"/api/v1/cases/{case['id']}/documents", headers=auth, json=BODIES["documents"]
    ).get_json()
    # Signing: a signature record of that document (signing itself: tests/signing).
    signature_id = _signature_record(client.application, document["id"])
    # Filings: a draft filing of the case, and a court of Cluj's directory.
    filing = client.post(
        f"/api/v1/cases/{case['id']}/filings", headers=auth, json=BODIES["filings"]
    ).get_json()
    court = client.get("/api/v1/courts", headers=auth).get_json()[0]
    filing_document = client.post(
        f"/api/v1/filings/{filing['id']}/documents/cerere",
        data=make_pdf("Cerere"),
        content_type="application/pdf",
        headers=auth,
    ).get_json()
    reply_id = _reply_record(client.application, filing["id"])
    return {
        "filing_id": filing["id"],
        "filing_document_id": filing_document["id"],
        "reply_id": reply_id,
        "court_id": court["id"],
        "role": "cerere",
        "case_id": case["id"],
        "signature_id": signature_id,
        "deadline_id": deadline["id"],
        "closure_day_id": closure["id"],
        "document_id": document["id"],
        "report_id": report["id"],
        "reported_child_id": report["children"][0]["id"],
        "queued_id": int(queued["number"].rsplit("-", 1)[1]),
        "part_id": {
            "children": case["child"]["id"],
            "parents": case["parents"][0]["id"],
            "measures": case["measures"][0]["id"],
            "events": case["events"][0]["id"],
            "placement-targets": case["placement_targets"][0]["id"],
            "hearings": hearing["id"],
        },
    }


def _signature_record(app, document_id: int) -> int:
    """A signature row of a Cluj document (no key needed: only its id is used here)."""
    with app.app_context(), unit_of_work() as uow:
        cluj = uow.session.query(Directorate).filter_by(code="CJ").one()
        user = User(
            directorate_id=cluj.id,
            username="semnatar.cj",
            full_name="Ana Popescu",
            role="consilier_juridic",
            password_hash="-",
        )
        uow.session.add(user)
        uow.session.flush()
        record = Signature(
            directorate_id=cluj.id,
            document_id=document_id,
            signer_user_id=user.id,
            signer_name="Ana Popescu",
            role="consilier_juridic",
            key_name="cheie",
            level="B-B",
            input_sha256="0" * 64,
            output_sha256="1" * 64,
            certificate_sha256="2" * 64,
        )
        uow.session.add(record)
        uow.commit()
        return record.id


def _reply_record(app, filing_id: int) -> int:
    """A registry's reply to a Cluj filing, as ``filings fetch-replies`` stores one."""
    with app.app_context(), unit_of_work() as uow:
        reply = FilingReply(
            filing_id=filing_id,
            message_id="<r1@tribunalul-cluj.invalid>",
            answers="<pachet.1-1@dgaspc-cluj.invalid>",
            proposed_number="1234/117/2026",
        )
        uow.session.add(reply)
        uow.commit()
        return reply.id


# Bodies good enough to pass validation, so that only the tenant check can refuse them.
BODIES = {
    "parents": builders.parent(),
    "events": {"kind": "cerere_depusa", "occurred_on": "2026-11-01"},
    "hearings": {"scheduled_at": "2026-12-03T09:00:00+02:00"},
    "measures": {"kind": "plasament", "authority": "instanta"},
    "documents": {"type": "cerere_art70", "variant": "instanta"},
    "signatures": {"role": "consilier_juridic"},
    "placement-targets": builders.maternal_assistant(),
    "route": {"area": "B3"},
    "link": {"case_id": 1},
    "filings": {"object": "Înlocuirea plasamentului", "legal_basis": "art. 70"},
    "case-documents": {"role": "cerere", "document_id": 1},
    "registration": {"registration_number": "2345/117/2026"},
    "status": {"status": "comunicat", "on": "2026-11-01"},
}


def operations(client):
    document = client.get("/api/v1/openapi.json").get_json()
    for path, methods in document["paths"].items():
        for method, op in methods.items():
            if "{" in path and op.get("security"):
                yield path, method.upper()


def concrete(path: str, ids: dict) -> str:
    def value(match):
        name = match.group(1)
        if name == "part_id":
            resource = path.split("/")[3]
            return str(ids["part_id"][resource])
        assert name in ids, f"the tenancy test does not know path parameter {name}"
        return str(ids[name])

    return re.sub(r"\{([a-z_]+)\}", value, path)


def test_every_endpoint_hides_other_directorates_records(client, foreign_ids, other_auth):
    checked = 0
    for path, method in operations(client):
        url = concrete(path, foreign_ids)
        body = (
            BODIES.get(path.rstrip("/").split("/")[-1], {})
            if method in ("POST", "PATCH", "PUT")
            else None
        )
        response = client.open(url, method=method, json=body, headers=other_auth)
        assert response.status_code == 404, (method, url, response.get_json())
        assert "Cluj" not in response.get_data(as_text=True)
        checked += 1
    assert checked >= 12


def test_lists_show_only_the_directorates_own_records(client, auth, other_auth, foreign_ids):
    for resource in ("cases", "children", "parents", "measures", "events", "intake/reports"):
        mine = client.get(f"/api/v1/{resource}", headers=auth).get_json()
        theirs = client.get(f"/api/v1/{resource}", headers=other_auth).get_json()
        assert mine["total"] >= 1, resource
        assert theirs["total"] == 0, resource
