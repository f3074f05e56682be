"""Delivery to the registry: PDFs attached whole, split under the court's size limit,
never sent twice, never marked sent when only part of it arrived."""

import threading
from datetime import timedelta

from sqlalchemy import select

from filing_service.auth.actor import Actor
from filing_service.db import unit_of_work
from filing_service.filings import courts
from filing_service.models import Directorate

from .conftest import FILED_ON

ADMIN = dict(kind="user", id=1, name="admin.cj", role="administrator")


def set_court(app, **values):
    """What the directorate's administrator would change in the directory."""
    with app.app_context(), unit_of_work() as uow:
        directorate = uow.session.scalar(select(Directorate).where(Directorate.code == "CJ"))
        actor = Actor(directorate_id=directorate.id, **ADMIN)
        court = courts.court_by_name(uow.session, actor, "Tribunalul Cluj")
        courts.update_court(uow, actor, court.id, values)
        uow.commit()


def signed_and_checked(client, auth, signed_package, **kwargs) -> dict:
    filing = signed_package(**kwargs)
    report = client.post(f"/api/v1/filings/{filing['id']}/check", headers=auth).get_json()
    assert report["status"] == "semnat", report["problems"]
    return report["filing"]


def send(client, auth, filing_id, **headers):
    return client.post(f"/api/v1/filings/{filing_id}/send", headers={**auth, **headers})


def test_attachments_over_the_courts_limit_are_split_across_messages_in_order(
    app, client, auth, smtp, signed_package
):
    set_court(app, max_message_bytes=64 * 1024, one_message_per_case=False)
    filing = signed_and_checked(client, auth, signed_package, padding=40 * 1024)
    response = send(client, auth, filing["id"])
    assert response.status_code == 200, response.get_json()
    assert len(smtp.messages) == 3  # three files of ~40 KiB under a 64 KiB limit
    assert [m["Subject"].rsplit("–", 1)[1].strip() for m in smtp.messages] == [
        "mesajul 1 din 3",
        "mesajul 2 din 3",
        "mesajul 3 din 3",
    ]
    assert [name for name, _ in smtp.attachments()] == [
        d["file_name"] for d in filing["documents"]
    ]
    for message in smtp.messages:
        assert all(
            p.get_content_type() == "application/pdf" for p in message.iter_attachments()
        )
        assert "http" not in message.get_body().get_content()  # no links, files only


def test_a_failure_half_way_leaves_the_filing_unsent_and_the_retry_sends_only_the_rest(
    app, client, auth, smtp, signed_package
):
    set_court(app, max_message_bytes=64 * 1024, one_message_per_case=False)
    filing = signed_and_checked(client, auth, signed_package, padding=40 * 1024)
    smtp.refuse = {2, 3}  # the second message fails, and so does its inline retry
    response = send(client, auth, filing["id"])
    assert response.status_code == 502
    assert "nu a fost marcată trimisă" in response.get_json()["detail"]
    after = client.get(f"/api/v1/filings/{filing['id']}", headers=auth).get_json()
    assert after["status"] == "semnat" and after["sent_at"] is None
    assert [a["outcome"] for a in after["attempts"]] == ["partial", "esuat"]
    assert [m["state"] for m in after["attempts"][0]["messages"]] == [
        "acceptat",
        "de_trimis",
        "de_trimis",
    ]
    assert "1 din 3 mesaje acceptate" in after["last_error"]
    assert len(smtp.messages) == 1

    app.config["FIXED_NOW"] = FILED_ON + timedelta(hours=2)  # the back-off has passed
    output = app.test_cli_runner().invoke(args=["filings", "retry-sends"])
    assert "trimisă" in output.output, output.output
    final = client.get(f"/api/v1/filings/{filing['id']}", headers=auth).get_json()
    assert final["status"] == "trimis"
    names = [name for name, _ in smtp.attachments()]
    assert names == [d["file_name"] for d in filing["documents"]]  # each exactly once
    assert len({m["Message-ID"] for m in smtp.messages}) == 3


def test_sending_again_after_success_files_nothing_more(client, auth, smtp, signed_package):
    filing = signed_and_checked(client, auth, signed_package)
    first = send(client, auth, filing["id"])
    again = send(client, auth, filing["id"], **{"Idempotency-Key": filing["idempotency_key"]})
    assert first.status_code == again.status_code == 200
    assert again.get_json()["message_ids"] == first.get_json()["message_ids"]
    assert len(smtp.messages) == 1


def test_a_key_of_another_package_is_refused(client, auth, smtp, signed_package):
    filing = signed_and_checked(client, auth, signed_package)
    response = send(client, auth, filing["id"], **{"Idempotency-Key": "0" * 64})
    assert response.status_code == 409
    assert smtp.messages == []


def test_two_concurrent_sends_file_the_package_once(app, auth, smtp, signed_package, client):
    filing = signed_and_checked(client, auth, signed_package)
    start = threading.Barrier(2)
    answers = []

    def click():
        own = app.test_client()
        start.wait()
        answers.append(send(own, auth, filing["id"]).status_code)

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) in ([200, 200], [200, 409])
    assert len(smtp.messages) == 1
    final = client.get(f"/api/v1/filings/{filing['id']}", headers=auth).get_json()
    assert final["status"] == "trimis" and len(final["attempts"]) == 1


def test_an_unverified_registry_address_is_refused_outside_tests(
    app, client, auth, smtp, signed_package
):
    app.config["FILING_ALLOW_UNVERIFIED_EMAIL"] = False
    filing = signed_and_checked(client, auth, signed_package)
    response = send(client, auth, filing["id"])
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert error["code"] == "address_unconfirmed"
    assert "registratura@tribunalul-cluj.invalid" in error["message"]
    assert "Administratorul" in error["message"]
    assert smtp.messages == []


def test_a_verified_address_is_used_even_outside_tests(
    app, client, auth, smtp, signed_package
):
    app.config["FILING_ALLOW_UNVERIFIED_EMAIL"] = False
    set_court(app, registry_email="registratura@tribunalul-cluj.invalid", email_verified=True)
    filing = signed_and_checked(client, auth, signed_package)
    assert send(client, auth, filing["id"]).status_code == 200
    assert smtp.envelopes[0][1] == ["registratura@tribunalul-cluj.invalid"]


def test_an_unsigned_package_cannot_be_sent(client, auth, smtp, new_filing):
    filing = new_filing()
    response = send(client, auth, filing["id"])
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["code"] == "not_ready"
    assert smtp.messages == []


def test_a_court_that_takes_more_than_pdfs_also_gets_the_manifest(
    app, client, auth, smtp, signed_package
):
    set_court(app, attach_manifest=True)
    filing = signed_and_checked(client, auth, signed_package)
    assert send(client, auth, filing["id"]).status_code == 200
    manifest = client.get(f"/api/v1/filings/{filing['id']}/manifest", headers=auth).data
    assert smtp.attachments()[-1] == ("manifest.xml", manifest)


def test_the_message_names_each_file_by_its_hash_and_keeps_the_child_out_of_the_subject(
    client, auth, smtp, signed_package
):
    filing = signed_and_checked(client, auth, signed_package)
    send(client, auth, filing["id"])
    [message] = smtp.messages
    body = message.get_body().get_content()
    assert all(d["sha256"] in body for d in filing["documents"])
    assert filing["manifest_sha256"] in body and "art. 67^1" in body
    assert "Popescu" not in message["Subject"]
