"""Filing through registratura.rejust.ro: the package exported in the court's order and
names with its cover note, filed on a stand-in of the portal on loopback (which e-mails
the registry, a real SMTP server, and answers with the proof of filing), the proof
recorded on the filing, and every refusal on the way."""

import hashlib
import io
import subprocess
import zipfile
from datetime import datetime, timedelta

import pytest
import requests
from sqlalchemy import select

from filing_service.db import unit_of_work
from filing_service.filings.court_rules import attachment_name
from filing_service.models import Filing

from .conftest import FILED_ON
from .pdfs import make_pdf, signed_pdf
from .rejust_portal import RejustPortal
from .test_delivery import send, set_court, signed_and_checked

PATTERN = "{nr}. {tip} - {titlu}"
# The child, the mother and the maternal assistant of ``fictional_case``.
PEOPLE = ("Andrei", "Ștefan", "Popescu", "Maria", "Ioana", "Mureșan")
NOTE = "trimis prin registratura electronică"
DIRECTORATE = "Direcția Generală de Asistență Socială și Protecția Copilului Cluj"


@pytest.fixture
def rejust_portal(smtp):
    portal = RejustPortal(smtp.port).start()
    yield portal
    portal.stop()


def export(client, auth, filing_id):
    return client.get(f"/api/v1/filings/{filing_id}/rejust-package", headers=auth)


def record_sent(client, auth, filing_id, data: bytes, on=None, content_type="application/pdf"):
    query = f"?on={on.isoformat()}" if on else ""
    return client.post(
        f"/api/v1/filings/{filing_id}/rejust-sent{query}",
        data=data,
        content_type=content_type,
        headers=auth,
    )


def error_of(response, status=422) -> tuple[str, str]:
    assert response.status_code == status, response.get_json()
    [error] = response.get_json()["errors"]
    return error["code"], error["field"]


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "opis.pdf"
    path.write_bytes(data)
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def test_export_in_the_courts_order_and_names_filed_on_the_portal_with_its_proof_kept(
    app, client, auth, smtp, rejust_portal, signed_package, tmp_path
):
    set_court(app, filing_channel="rejust", file_name_pattern=PATTERN)
    filing = signed_and_checked(client, auth, signed_package)
    assert filing["channel"] == "rejust"  # the court's channel, by default
    documents = filing["documents"]

    response = export(client, auth, filing["id"])
    assert response.status_code == 200, response.get_json()
    assert response.mimetype == "application/zip"
    disposition = response.headers["Content-Disposition"]
    assert disposition == f'attachment; filename="depunere-rejust-cererea-{filing["id"]}.zip"'
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    names = archive.namelist()
    expected = [
        attachment_name(PATTERN, n, d["role"], d["title"])
        for n, d in enumerate(documents, start=1)
    ]
    assert expected[0] == "1. Cerere - Cerere de înlocuire a plasamentului.pdf"
    assert names == [*expected, "Opis.pdf", "Opis.txt"]
    for name, document in zip(expected, documents, strict=True):
        data = archive.read(name)
        assert hashlib.sha256(data).hexdigest() == document["sha256"]
        assert len(data) == document["size"]

    text = archive.read("Opis.txt").decode("utf-8")
    cover_pdf = archive.read("Opis.pdf")
    assert cover_pdf.startswith(b"%PDF-") and b"pdfaid:part" in cover_pdf  # PDF/A
    printed = pdf_text(cover_pdf, tmp_path)
    case = client.get(f"/api/v1/cases/{filing['case_id']}", headers=auth).get_json()
    for cover in (text, printed):
        assert "Tribunalul Cluj" in cover and DIRECTORATE in cover
        assert case["reference"] in cover
        assert filing["object"][:40] in cover
        assert "art. 140 din Legea nr. 272/2004" in cover
        assert filing["manifest_sha256"] in cover
        for n, (name, document) in enumerate(zip(expected, documents, strict=True), 1):
            assert f"Nr. {n}: {name}" in cover
            assert f"SHA-256: {document['sha256']}" in cover
            assert f"{document['size']} octeți" in cover
        for person in PEOPLE:
            assert person not in cover
        assert case["child"]["cnp"] not in cover

    # A person uploads the files, in order, to the portal; the portal e-mails the
    # registry and hands back the proof of filing.
    courts = client.get("/api/v1/courts", headers=auth).get_json()
    [court] = [c for c in courts if c["name"] == "Tribunalul Cluj"]
    answer = requests.post(
        rejust_portal.url,
        data={
            "instanta": "Tribunalul Cluj",
            "adresa_instanta": court["registry_email"],
            "email": "depuneri@dgaspc-cluj.invalid",
            "tip": "Depunere acte într-un dosar",
        },
        files=[("documente", (n, archive.read(n), "application/pdf")) for n in expected]
        + [("documente", ("Opis.pdf", cover_pdf, "application/pdf"))],
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    proof = answer.content
    [registry_mail] = smtp.messages
    assert registry_mail["To"] == court["registry_email"]
    received = [(p.get_filename(), p.get_content()) for p in registry_mail.iter_attachments()]
    assert [name for name, _ in received] == [*expected, "Opis.pdf"]
    assert [hashlib.sha256(data).hexdigest() for _, data in received[:-1]] == [
        d["sha256"] for d in documents
    ]

    app.config["FIXED_NOW"] = FILED_ON + timedelta(days=2)
    filed_on = (FILED_ON + timedelta(days=1)).date()
    sent = record_sent(client, auth, filing["id"], proof, on=filed_on)
    assert sent.status_code == 200, sent.get_json()
    body = sent.get_json()
    assert body["status"] == "trimis"
    assert body["proof_sha256"] == hashlib.sha256(proof).hexdigest()
    assert body["sent_at"].startswith(filed_on.isoformat())
    events = client.get(f"/api/v1/cases/{filing['case_id']}", headers=auth).get_json()[
        "events"
    ]
    [filed] = [e for e in events if e["kind"] == "cerere_depusa"]
    assert NOTE in filed["description"] and filed["occurred_on"] == filed_on.isoformat()

    download = client.get(f"/api/v1/filings/{filing['id']}/proof", headers=auth)
    assert download.status_code == 200 and download.mimetype == "application/pdf"
    assert download.data == proof

    again = record_sent(client, auth, filing["id"], proof)  # the same proof: nothing new
    assert again.status_code == 200
    assert datetime.fromisoformat(again.get_json()["sent_at"]) == datetime.fromisoformat(
        body["sent_at"]
    )
    events_after = client.get(f"/api/v1/cases/{filing['case_id']}", headers=auth).get_json()
    assert len(events_after["events"]) == len(events)
    assert len(smtp.messages) == 1  # the service itself e-mailed nothing

    # From here on it is an e-mail filing's twin: the registry's number is recorded.
    registered = client.post(
        f"/api/v1/filings/{filing['id']}/registration",
        json={"registration_number": "1234/117/2026"},
        headers=auth,
    )
    assert registered.status_code == 200, registered.get_json()
    assert registered.get_json()["status"] == "inregistrat"


def test_the_directorate_chooses_rejust_for_one_filing_and_the_e_mail_send_refuses_it(
    app, client, auth, smtp, new_filing, upload
):
    assert new_filing()["channel"] == "email"  # the court's default
    filing = signed_and_checked(client, auth, lambda: _with_channel(new_filing, upload))
    assert filing["channel"] == "rejust"
    response = send(client, auth, filing["id"])
    assert error_of(response) == ("rejust_channel", "channel")
    assert "registratura electronică" in response.get_json()["errors"][0]["message"]
    assert smtp.messages == []

    # A scheduled retry never picks it up, even with a retry time on record.
    with app.app_context(), unit_of_work() as uow:
        row = uow.session.scalar(select(Filing).where(Filing.id == filing["id"]))
        row.next_send_at = FILED_ON - timedelta(hours=1)
        uow.commit()
    output = app.test_cli_runner().invoke(args=["filings", "retry-sends"])
    assert "0 trimiteri reîncercate" in output.output, output.output
    assert smtp.messages == []


def _with_channel(new_filing, upload) -> dict:
    filing = new_filing(channel="rejust")
    for role, title in (
        ("cerere", "Cerere de înlocuire a plasamentului"),
        ("raport_art139", "Raport referitor la copil"),
    ):
        assert upload(filing["id"], role, signed_pdf(title), title).status_code == 201
    return filing


def test_each_refusal_names_its_rule_and_field(
    app, client, auth, smtp, new_filing, signed_package
):
    proof = make_pdf("Dovada depunerii nr. RJ-000001")

    # A draft: neither exported nor recorded as filed.
    draft = new_filing(channel="rejust")
    assert error_of(export(client, auth, draft["id"])) == ("rejust_not_frozen", "status")
    assert error_of(record_sent(client, auth, draft["id"], proof)) == (
        "rejust_not_frozen",
        "status",
    )
    assert error_of(client.get(f"/api/v1/filings/{draft['id']}/proof", headers=auth)) == (
        "rejust_no_proof",
        "proof",
    )

    # An e-mail filing: no rejust package; once sent by e-mail, no rejust filing either.
    by_email = signed_and_checked(client, auth, signed_package)
    assert error_of(export(client, auth, by_email["id"])) == (
        "rejust_wrong_channel",
        "channel",
    )
    assert error_of(record_sent(client, auth, by_email["id"], proof)) == (
        "rejust_wrong_channel",
        "channel",
    )
    assert send(client, auth, by_email["id"]).status_code == 200
    refused = record_sent(client, auth, by_email["id"], proof)
    assert error_of(refused) == ("rejust_sent_by_email", "channel")
    assert "deja trimisă prin e-mail" in refused.get_json()["errors"][0]["message"]

    # A frozen rejust filing: the proof must be a PDF, of no future day, and only one.
    set_court(app, filing_channel="rejust")
    filing = signed_and_checked(client, auth, signed_package)
    assert error_of(record_sent(client, auth, filing["id"], b"not a pdf")) == (
        "not_a_pdf",
        "file",
    )
    assert error_of(record_sent(client, auth, filing["id"], b"")) == ("empty_file", "file")
    wrong_type = record_sent(client, auth, filing["id"], proof, content_type="text/plain")
    assert wrong_type.status_code == 415
    future = (FILED_ON + timedelta(days=1)).date()
    assert error_of(record_sent(client, auth, filing["id"], proof, on=future)) == (
        "date_in_future",
        "on",
    )
    bad_date = client.post(
        f"/api/v1/filings/{filing['id']}/rejust-sent?on=ieri",
        data=proof,
        content_type="application/pdf",
        headers=auth,
    )
    assert bad_date.status_code == 400
    assert bad_date.get_json()["errors"][0]["field"] == "query.on"
    assert record_sent(client, auth, filing["id"], proof).status_code == 200
    other = make_pdf("Dovada depunerii nr. RJ-000002")
    assert error_of(record_sent(client, auth, filing["id"], other)) == (
        "rejust_other_proof",
        "file",
    )
    after = client.get(f"/api/v1/filings/{filing['id']}", headers=auth).get_json()
    assert after["proof_sha256"] == hashlib.sha256(proof).hexdigest()

    # A channel that does not exist is refused by name.
    case_id = draft["case_id"]
    unknown = client.post(
        f"/api/v1/cases/{case_id}/filings",
        json={"object": "x", "legal_basis": "art. 70", "channel": "fax"},
        headers=auth,
    )
    assert unknown.status_code == 422
    assert unknown.get_json()["errors"][0]["field"] == "channel"
    assert smtp.messages and len(smtp.messages) == 1  # only the e-mail filing's message


def test_the_command_writes_the_package_into_a_folder(
    app, client, auth, signed_package, tmp_path
):
    set_court(app, filing_channel="rejust")
    filing = signed_and_checked(client, auth, signed_package)
    target = tmp_path / "rejust"
    result = app.test_cli_runner().invoke(
        args=["filings", "export-rejust", str(filing["id"]), str(target)]
    )
    assert result.exit_code == 0, result.output
    expected = [
        attachment_name("{nr}. {tip}", n, d["role"], d["title"])
        for n, d in enumerate(filing["documents"], start=1)
    ]
    assert expected == ["1. Cerere.pdf", "2. Raport.pdf", "3. Dispoziție.pdf"]
    assert sorted(p.name for p in target.iterdir()) == sorted(
        [*expected, "Opis.pdf", "Opis.txt"]
    )
    for name, document in zip(expected, filing["documents"], strict=True):
        assert hashlib.sha256((target / name).read_bytes()).hexdigest() == document["sha256"]
        assert name in result.output
    assert "3 fișiere scrise" in result.output

    again = app.test_cli_runner().invoke(
        args=["filings", "export-rejust", str(filing["id"]), str(target)]
    )
    assert again.exit_code != 0 and "nu este gol" in again.output
