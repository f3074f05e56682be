"""Each court's own rules as data, and the pre-submission check that applies them: a
package is refused for what the court's rules forbid, each problem with its message, the
rule's source and what to do, and accepted once fixed. The administrator sets the rules,
each change audited.

Through the API, on both databases. The administrator's requests go through the real
PATCH route; only the log-in is replaced (the API's tokens are case systems, and an
administrator signs in on the pages), by putting an administrator actor on the request.
"""

import re
from contextlib import contextmanager
from datetime import timedelta

import pytest
from flask import appcontext_pushed, g
from sqlalchemy import select

from filing_service.auth.actor import Actor
from filing_service.db import unit_of_work
from filing_service.filings.court_rules import DEFAULT_SOURCE, PLAIN_TEXT_SOURCE
from filing_service.models import AuditEvent, Directorate
from tests import builders

from .conftest import FILED_ON
from .pdfs import scan_pdf, sign, signed_pdf

KIB = 1024
REGULATION = "Regulamentul de ordine interioară al Tribunalului Cluj, art. 12 (2026)"


@contextmanager
def as_administrator(app, code: str = "CJ"):
    """Every request made inside is the directorate's administrator's."""
    with app.app_context(), unit_of_work() as uow:
        directorate_id = uow.session.scalar(
            select(Directorate.id).where(Directorate.code == code)
        )
    admin = Actor(
        kind="user", id=1, name="admin.cj", role="administrator", directorate_id=directorate_id
    )

    def put_actor(sender, **kwargs):
        g.actor = admin

    with appcontext_pushed.connected_to(put_actor, app):
        yield


def cluj(client, auth) -> dict:
    courts = client.get("/api/v1/courts", headers=auth).get_json()
    return next(c for c in courts if c["name"] == "Tribunalul Cluj")


def patch_court(app, client, auth, **values):
    court = cluj(client, auth)
    with as_administrator(app):
        response = client.patch(f"/api/v1/courts/{court['id']}", json=values)
    return response


def check(client, auth, filing_id) -> dict:
    response = client.post(f"/api/v1/filings/{filing_id}/check", headers=auth)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def only(report, code) -> dict:
    found = [p for p in report["problems"] if p["code"] == code]
    assert len(found) == 1, report["problems"]
    return found[0]


def remove(client, auth, filing_id, position) -> dict:
    filing = client.get(f"/api/v1/filings/{filing_id}", headers=auth).get_json()
    doc = next(d for d in filing["documents"] if d["position"] == position)
    response = client.delete(
        f"/api/v1/filings/{filing_id}/documents/{doc['id']}", headers=auth
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


# ---- the four refusals of the issue, and the package accepted once fixed ---------------


def test_a_600_dpi_scan_is_refused_and_a_200_dpi_black_and_white_one_is_accepted(
    client, auth, signed_package, upload
):
    filing = signed_package()
    assert (
        upload(filing["id"], "inscris", sign(scan_pdf(600)), "Certificat").status_code == 201
    )
    report = check(client, auth, filing["id"])
    assert not report["ok"] and report["status"] == "ciorna"
    problem = only(report, "scan_resolution")
    assert problem["field"] == "documents[4]"
    assert "pagina 1: 600 dpi, peste limita de 200 dpi a instanței" in problem["message"]
    assert problem["severity"] == "eroare"
    assert problem["source"] == DEFAULT_SOURCE
    assert "cel mult 200 dpi, alb-negru" in problem["hint"]
    assert [p["code"] for p in report["problems"]] == ["scan_resolution"]

    remove(client, auth, filing["id"], 4)
    assert (
        upload(filing["id"], "inscris", sign(scan_pdf(200)), "Certificat").status_code == 201
    )
    fixed = check(client, auth, filing["id"])
    assert fixed["ok"] and fixed["status"] == "semnat", fixed["problems"]
    assert [d["file_name"] for d in fixed["filing"]["documents"]] == [
        "1. Cerere.pdf",
        "2. Raport.pdf",
        "3. Dispoziție.pdf",
        "4. Înscrisuri.pdf",
    ]


def test_a_colour_scan_is_refused_where_the_court_wants_black_and_white(
    app, client, auth, signed_package, upload
):
    filing = signed_package()
    upload(filing["id"], "inscris", sign(scan_pdf(200, colour=True)), "Fotografie")
    problem = only(check(client, auth, filing["id"]), "scan_colour")
    assert "pagina 1: color (rgb)" in problem["message"]
    assert "doar alb-negru" in problem["message"] and problem["source"] == DEFAULT_SOURCE

    assert patch_court(app, client, auth, scans_monochrome=False).status_code == 200
    report = check(client, auth, filing["id"])
    assert report["ok"] and report["status"] == "semnat", report["problems"]


def test_a_total_over_the_courts_limit_is_refused_and_accepted_once_recompressed(
    app, client, auth, new_filing, upload
):
    response = patch_court(
        app,
        client,
        auth,
        max_message_bytes=64 * KIB,
        rule_sources={"max_message_bytes": REGULATION},
    )
    assert response.status_code == 200, response.get_json()
    filing = new_filing()
    upload(filing["id"], "cerere", signed_pdf("Cerere", padding=30 * KIB), "Cerere")
    upload(filing["id"], "raport_art139", signed_pdf("Raport", padding=30 * KIB), "Raport")
    report = check(client, auth, filing["id"])
    problem = only(report, "total_too_large")
    assert re.match(
        r"Atașamentele au împreună 7\d KB, peste limita de 66 KB a instanței pentru un mesaj",
        problem["message"],
    ), problem["message"]
    assert "un singur mesaj" in problem["message"]
    assert REGULATION in problem["source"] and DEFAULT_SOURCE in problem["source"]
    assert "Recomprimați scanările la cel mult 200 dpi" in problem["hint"]
    assert "„1. Cerere.pdf”" in problem["hint"] and "„2. Raport.pdf”" in problem["hint"]
    assert report["status"] == "ciorna"

    remove(client, auth, filing["id"], 2)
    upload(filing["id"], "raport_art139", signed_pdf("Raport"), "Raport")
    fixed = check(client, auth, filing["id"])
    assert fixed["ok"] and fixed["status"] == "semnat", fixed["problems"]


def test_a_court_taking_several_messages_is_told_how_many_without_an_error(
    app, client, auth, signed_package
):
    patch_court(app, client, auth, max_message_bytes=64 * KIB, one_message_per_case=False)
    filing = signed_package(padding=30 * KIB)
    report = check(client, auth, filing["id"])
    assert report["ok"] and report["status"] == "semnat"
    warning = only(report, "several_messages")
    assert warning["severity"] == "avertisment"
    assert "se va trimite în 3 mesaje" in warning["message"]  # ~37 KB each


def test_a_link_in_the_body_is_refused_and_accepted_once_removed(
    client, auth, smtp, signed_package, upload
):
    filing = signed_package()
    upload(filing["id"], "inscris", signed_pdf("Acte"), "Acte pe https://exemplu.ro/dosar")
    report = check(client, auth, filing["id"])
    problem = only(report, "link_in_message")
    assert problem["field"] == "documents[4].title"
    assert problem["message"] == (
        "Titlul documentului nr. 4 conține o adresă web; mesajul către registratură nu "
        "poate conține linkuri."
    )
    assert problem["source"] == PLAIN_TEXT_SOURCE and "fără adrese web" in problem["hint"]
    assert report["status"] == "ciorna"

    remove(client, auth, filing["id"], 4)
    upload(filing["id"], "inscris", signed_pdf("Acte"), "Acte de stare civilă")
    fixed = check(client, auth, filing["id"])
    assert fixed["ok"] and fixed["status"] == "semnat", fixed["problems"]
    assert client.post(f"/api/v1/filings/{filing['id']}/send", headers=auth).status_code == 200
    [message] = smtp.messages  # one message per case file, by default
    assert message.get_content_type() == "multipart/mixed"
    texts = [p for p in message.walk() if p.get_content_maintype() == "text"]
    assert [p.get_content_type() for p in texts] == ["text/plain"]  # no HTML part
    assert [p.get_filename() for p in message.iter_attachments()] == [
        "1. Cerere.pdf",
        "2. Raport.pdf",
        "3. Dispoziție.pdf",
        "4. Înscrisuri.pdf",
    ]


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("object", "Înlocuirea plasamentului (detalii pe www.dgaspc-cluj.ro)"),
        ("legal_basis", "art. 70 din Legea nr. 272/2004, legislatie.just.ro/Public/123"),
    ],
)
def test_a_link_typed_into_the_object_or_legal_basis_names_the_field(
    client, auth, new_filing, upload, field, text
):
    filing = new_filing(**{field: text})
    upload(filing["id"], "cerere", signed_pdf("Cerere"))
    upload(filing["id"], "raport_art139", signed_pdf("Raport"))
    problem = only(check(client, auth, filing["id"]), "link_in_message")
    assert problem["field"] == field


def test_a_hearing_tomorrow_morning_is_refused_and_accepted_once_moved(
    client, auth, case_id, signed_package
):
    tomorrow = (FILED_ON + timedelta(days=1)).replace(hour=9)
    hearing = client.post(
        f"/api/v1/cases/{case_id}/hearings",
        headers=auth,
        json={"scheduled_at": tomorrow.isoformat()},
    ).get_json()
    filing = signed_package()  # no hearing named: the case's next one
    report = check(client, auth, filing["id"])
    problem = only(report, "hearing_too_close")
    assert problem["message"] == (
        "Termenul de judecată din 24 noiembrie 2026, ora 09:00 este peste 23 de ore; "
        "instanța primește actele cu cel puțin 24 de ore înainte de termen."
    )
    assert problem["source"] == DEFAULT_SOURCE and problem["field"] == "hearing_id"
    assert report["status"] == "ciorna"

    moved = client.patch(
        f"/api/v1/hearings/{hearing['id']}",
        headers=auth,
        json={"scheduled_at": (tomorrow + timedelta(days=2)).isoformat()},
    )
    assert moved.status_code == 200, moved.get_json()
    fixed = check(client, auth, filing["id"])
    assert fixed["ok"] and fixed["status"] == "semnat", fixed["problems"]


def test_a_passed_hearing_is_an_error_and_a_near_one_only_a_warning_without_a_minimum(
    app, client, auth, case_id, new_filing, upload
):
    past = client.post(
        f"/api/v1/cases/{case_id}/hearings",
        headers=auth,
        json={"scheduled_at": (FILED_ON - timedelta(days=3)).isoformat()},
    ).get_json()
    filing = new_filing(hearing_id=past["id"])
    assert filing["hearing_id"] == past["id"]
    upload(filing["id"], "cerere", signed_pdf("Cerere"))
    upload(filing["id"], "raport_art139", signed_pdf("Raport"))
    problem = only(check(client, auth, filing["id"]), "hearing_passed")
    assert "20 noiembrie 2026, ora 10:00 a trecut" in problem["message"]

    patch_court(app, client, auth, min_hours_before_hearing=None)
    client.post(
        f"/api/v1/cases/{case_id}/hearings",
        headers=auth,
        json={"scheduled_at": (FILED_ON + timedelta(hours=5)).isoformat()},
    )
    near = new_filing()
    upload(near["id"], "cerere", signed_pdf("Cerere"))
    upload(near["id"], "raport_art139", signed_pdf("Raport"))
    report = check(client, auth, near["id"])
    warning = only(report, "hearing_soon")
    assert warning["severity"] == "avertisment" and "peste 5 ore" in warning["message"]
    assert "Stabilită de administratorul direcției la 23 noiembrie 2026" in warning["source"]
    assert report["ok"] and report["status"] == "semnat"  # a warning stops nothing


def test_a_hearing_of_another_case_is_refused(client, auth, new_filing):
    other = client.post(
        "/api/v1/cases",
        headers=auth,
        json=builders.case(),
    ).get_json()
    hearing = client.post(
        f"/api/v1/cases/{other['id']}/hearings",
        headers=auth,
        json={"scheduled_at": (FILED_ON + timedelta(days=9)).isoformat()},
    ).get_json()
    case_id = new_filing()["case_id"]
    response = client.post(
        f"/api/v1/cases/{case_id}/filings",
        headers=auth,
        json={"object": "Plasament", "legal_basis": "art. 70", "hearing_id": hearing["id"]},
    )
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert (error["field"], error["code"]) == ("hearing_id", "foreign_hearing")


# ---- the administrator's rules -------------------------------------------------------------


def test_the_administrator_sets_a_courts_rules_with_their_sources_audited(app, client, auth):
    court = cluj(client, auth)
    assert {r["rule"]: r["source"] for r in court["rules"]}["max_scan_dpi"] == DEFAULT_SOURCE
    response = patch_court(
        app,
        client,
        auth,
        accepted_types=["DOCX", "pdf"],
        max_scan_dpi=300,
        file_name_pattern="{nr} - {tip} - {titlu}",
        attach_manifest=True,
        rule_sources={"max_scan_dpi": REGULATION},
    )
    assert response.status_code == 200, response.get_json()
    out = response.get_json()
    assert out["accepted_types"] == ["pdf", "docx"]
    rules = {r["rule"]: r for r in out["rules"]}
    assert rules["max_scan_dpi"]["value"] == 300
    assert rules["max_scan_dpi"]["source"] == REGULATION
    administrator = "Stabilită de administratorul direcției la 23 noiembrie 2026"
    assert rules["file_name_pattern"]["source"] == administrator
    assert rules["accepted_types"]["source"] == administrator
    assert rules["one_message_per_case"]["source"] == DEFAULT_SOURCE  # unchanged
    assert rules["max_scan_dpi"]["label"] == "Rezoluția maximă a scanărilor (dpi)"

    with app.app_context(), unit_of_work() as uow:
        [event] = uow.session.scalars(
            select(AuditEvent).where(
                AuditEvent.entity == "court", AuditEvent.entity_id == court["id"]
            )
        ).all()
    assert event.actor == "user:1 (admin.cj)" and event.action == "update"
    assert event.changes["max_scan_dpi"] == [200, 300]
    assert event.changes["accepted_types"] == [["pdf"], ["pdf", "docx"]]
    assert event.changes["rule_sources"][1]["max_scan_dpi"] == REGULATION


def test_a_case_system_cannot_change_a_courts_rules(client, auth):
    court = cluj(client, auth)
    response = client.patch(
        f"/api/v1/courts/{court['id']}", headers=auth, json={"max_scan_dpi": 300}
    )
    assert response.status_code == 403
    assert cluj(client, auth)["max_scan_dpi"] == 200


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"accepted_types": ["docx"]}, "accepted_types", "trebuie să conțină pdf"),
        ({"accepted_types": ["pdf", "odt"]}, "accepted_types", "Tipuri necunoscute: odt"),
        ({"file_name_pattern": "{tip}"}, "file_name_pattern", "numărul de ordine {nr}"),
        ({"file_name_pattern": "{nr} {autor}"}, "file_name_pattern", "{autor}"),
        ({"max_scan_dpi": 5000}, "max_scan_dpi", "între 72 și 1200 dpi"),
        ({"min_hours_before_hearing": -1}, "min_hours_before_hearing", "între 0 și 240"),
        ({"max_message_bytes": 10}, "max_message_bytes", "octeți"),
        ({"one_message_per_case": None}, "one_message_per_case", "nu poate fi ștearsă"),
        ({"rule_sources": {"culoare": "x"}}, "rule_sources", "Regula „culoare” nu există"),
    ],
)
def test_a_bad_rule_is_refused_naming_its_field(app, client, auth, values, field, words):
    response = patch_court(app, client, auth, **values)
    assert response.status_code == 422, response.get_json()
    [error] = response.get_json()["errors"]
    assert error["field"] == field and words in error["message"], error


def test_an_unknown_channel_is_refused_naming_its_field(app, client, auth):
    response = patch_court(app, client, auth, filing_channel="fax")
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "filing_channel"
