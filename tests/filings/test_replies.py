"""The registry's answer, read from the directorate's mailbox on a real IMAP server
(dovecot on loopback): matched to the sent filing by In-Reply-To or References, its
number proposed, confirmed or rejected by a person; the mailbox only read."""

from datetime import timedelta
from email.message import EmailMessage

import pytest
from sqlalchemy import func, select

from filing_service import bootstrap
from filing_service.db import unit_of_work
from filing_service.models import AuditEvent, FilingReply

from .conftest import FILED_ON
from .imap_server import Dovecot, DovecotMissing
from .smtp_sink import free_port
from .test_delivery import send, signed_and_checked

B3_PASSWORD = "Parola-B3-nu-se-afiseaza"


@pytest.fixture(scope="session")
def dovecot():
    """One dovecot for the session; each test takes an account of its own."""
    try:
        server = Dovecot().start()
    except DovecotMissing as exc:
        pytest.fail(str(exc))  # never a skip: the test needs the real server
    yield server
    server.stop()


@pytest.fixture
def mailbox(dovecot):
    return dovecot.account()


@pytest.fixture
def reading_app(app, mailbox):
    """The filings app, with Cluj's mailbox on the test dovecot and Sector 3's on a port
    where nothing listens."""
    app.config["REGISTRY_MAILBOXES"] = {
        "CJ": mailbox.settings(),
        "B3": {
            "host": "127.0.0.1",
            "port": free_port(),
            "user": "registratura.b3",
            "password": B3_PASSWORD,
            "security": "none",
            "timeout": 2,
        },
    }
    bootstrap.init_app(app)
    return app


def message(message_id, subject, body, *, in_reply_to=None, references=None) -> bytes:
    out = EmailMessage()
    out["From"] = "Registratura Tribunalului Cluj <registratura@tribunalul-cluj.invalid>"
    out["To"] = "depuneri@dgaspc-cluj.invalid"
    out["Subject"] = subject
    out["Message-ID"] = message_id
    out["Date"] = "Tue, 24 Nov 2026 11:00:00 +0200"
    if in_reply_to:
        out["In-Reply-To"] = in_reply_to
    if references:
        out["References"] = references
    out.set_content(body)
    return out.as_bytes()


def fetch(app, *args, days_after=2):
    app.config["FIXED_NOW"] = FILED_ON + timedelta(days=days_after)
    return app.test_cli_runner().invoke(args=["filings", "fetch-replies", *args])


def sent_filing(client, auth, signed_package) -> dict:
    filing = signed_and_checked(client, auth, signed_package)
    response = send(client, auth, filing["id"])
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def replies_of(client, auth, filing_id) -> list[dict]:
    response = client.get(f"/api/v1/filings/{filing_id}/replies", headers=auth)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["items"]


def count_rows(app) -> int:
    with app.app_context(), unit_of_work() as uow:
        return uow.session.scalar(select(func.count()).select_from(FilingReply))


@pytest.fixture
def answered(reading_app, client, auth, mailbox, signed_package):
    """Two sent filings of Cluj and, in Cluj's mailbox, the registry's messages: one
    answering A by In-Reply-To, one answering B by References only, one with two
    numbers answering A, one unrelated, and an old one before the days read."""
    a = sent_filing(client, auth, signed_package)
    b = sent_filing(client, auth, signed_package)
    received = FILED_ON + timedelta(days=1)
    subject = "Re: Cerere DGASPC Cluj – mesajul 1 din 1"
    mailbox.append(
        message(
            "<r1@tribunalul-cluj.invalid>",
            subject,
            "Bună ziua,\nCererea dumneavoastră a fost înregistrată sub nr. 1234/117/2026.\n",
            in_reply_to=a["message_ids"][0],
        ),
        received,
    )
    mailbox.append(
        message(
            "<r2@tribunalul-cluj.invalid>",
            "Înregistrare dosar",
            "S-a format dosarul nr. 3456/117/2026, termen de judecată 10/12/2026.\n",
            references=f"<altceva@dgaspc-cluj.invalid> {b['message_ids'][0]}",
        ),
        received,
    )
    mailbox.append(
        message(
            "<r3@tribunalul-cluj.invalid>",
            "Dosar nou",
            "Dosarul nr. 9999/117/2026 al altei instituții.\n",
            in_reply_to="<mesaj-strain@altcineva.invalid>",
        ),
        received,
    )
    mailbox.append(
        message(
            "<r4@tribunalul-cluj.invalid>",
            "Re: dosar 1240/117/2026",
            "Revenim: dosarul corect este 1240/117/2026/a1, din 24/11/2026.\n",
            in_reply_to=a["message_ids"][0],
        ),
        received + timedelta(hours=2),
    )
    mailbox.append(
        message(
            "<r0@tribunalul-cluj.invalid>",
            "Mesaj vechi",
            "Dosar 1111/117/2026.\n",
            in_reply_to=a["message_ids"][0],
        ),
        FILED_ON - timedelta(days=30),  # before the days a first run reads
    )
    return a, b


def test_replies_are_matched_proposed_and_the_mailbox_is_left_unread(
    reading_app, client, auth, mailbox, answered
):
    a, b = answered
    result = fetch(reading_app)
    output = result.output
    assert result.exit_code == 1, output  # Sector 3's mailbox cannot be reached ...
    assert "B3: EROARE (mailbox_unavailable)" in output and "refuză conexiunea" in output
    assert B3_PASSWORD not in output
    assert "Traceback" not in output
    # ... and Cluj's run goes on: 4 messages in the days read, 3 answer our filings.
    assert "CJ: mesaje citite: 4; răspunsuri la cereri trimise: 3 (noi: 3)" in output
    assert "numere propuse: 3" in output
    assert "several_numbers" in output and "1240/117/2026, 1240/117/2026/a1" in output

    of_a = replies_of(client, auth, a["id"])
    assert [(r["message_id"], r["proposed_number"]) for r in of_a] == [
        ("<r1@tribunalul-cluj.invalid>", "1234/117/2026"),
        ("<r4@tribunalul-cluj.invalid>", "1240/117/2026"),  # the first of two
    ]
    assert all(r["answers"] == a["message_ids"][0] and r["state"] == "propus" for r in of_a)
    assert of_a[0]["sender"] == "registratura@tribunalul-cluj.invalid"
    assert of_a[0]["subject"] == "Re: Cerere DGASPC Cluj – mesajul 1 din 1"
    [of_b] = replies_of(client, auth, b["id"])  # by References alone
    assert (of_b["message_id"], of_b["proposed_number"]) == (
        "<r2@tribunalul-cluj.invalid>",
        "3456/117/2026",  # not the hearing's date, 10/12/2026
    )
    assert count_rows(reading_app) == 3  # nothing for the unrelated or the old message

    flags = mailbox.flags()
    assert len(flags) == 5
    assert not any("\\Seen" in f or "\\Deleted" in f for f in flags.values()), flags

    again = fetch(reading_app, "--directorate", "CJ", days_after=3)
    assert again.exit_code == 0, again.output
    assert "(noi: 0)" in again.output
    assert count_rows(reading_app) == 3


def test_confirm_registers_the_filing_and_reject_leaves_it(
    reading_app, client, auth, other_auth, answered, case_id
):
    a, b = answered
    assert fetch(reading_app, "--directorate", "CJ").exit_code == 0
    first, second = replies_of(client, auth, a["id"])
    [of_b] = replies_of(client, auth, b["id"])
    base = f"/api/v1/filings/{a['id']}/replies"

    # Another directorate sees neither the list nor the replies.
    assert client.get(base, headers=other_auth).status_code == 404
    for action in ("confirm", "reject"):
        foreign = client.post(f"{base}/{first['id']}/{action}", headers=other_auth, json={})
        assert foreign.status_code == 404
    # A reply of another filing under this one's path is not found either.
    assert client.post(f"{base}/{of_b['id']}/reject", headers=auth).status_code == 404

    wrong = client.post(
        f"{base}/{second['id']}/confirm",
        headers=auth,
        json={"registration_number": "1240-117-2026"},
    )
    assert wrong.status_code == 422
    [error] = wrong.get_json()["errors"]
    assert error["field"] == "registration_number" and error["code"] == "ecris_format"

    confirmed = client.post(f"{base}/{first['id']}/confirm", headers=auth, json={})
    assert confirmed.status_code == 200, confirmed.get_json()
    assert confirmed.get_json()["state"] == "confirmat"
    assert confirmed.get_json()["decided_by"].startswith("token:")
    filing = client.get(f"/api/v1/filings/{a['id']}", headers=auth).get_json()
    assert filing["status"] == "inregistrat"
    assert filing["registration_number"] == "1234/117/2026"
    case = client.get(f"/api/v1/cases/{case_id}", headers=auth).get_json()
    assert case["court_case_number"] == "1234/117/2026"
    again = client.post(f"{base}/{first['id']}/confirm", headers=auth, json={})
    assert again.status_code == 409

    of_b_path = f"/api/v1/filings/{b['id']}/replies/{of_b['id']}"
    rejected = client.post(f"{of_b_path}/reject", headers=auth)
    assert rejected.status_code == 200 and rejected.get_json()["state"] == "respins"
    left = client.get(f"/api/v1/filings/{b['id']}", headers=auth).get_json()
    assert left["status"] == "trimis" and left["registration_number"] is None

    with reading_app.app_context(), unit_of_work() as uow:
        actions = uow.session.execute(
            select(AuditEvent.action, AuditEvent.entity_id)
            .where(AuditEvent.entity == "filing_reply")
            .order_by(AuditEvent.id)
        ).all()
    assert ("confirm", first["id"]) in actions and ("reject", of_b["id"]) in actions


def test_a_corrected_number_is_the_one_recorded(reading_app, client, auth, answered):
    a, _ = answered
    assert fetch(reading_app, "--directorate", "CJ").exit_code == 0
    _, second = replies_of(client, auth, a["id"])
    response = client.post(
        f"/api/v1/filings/{a['id']}/replies/{second['id']}/confirm",
        headers=auth,
        json={"registration_number": "1240/117/2026/a1"},
    )
    assert response.status_code == 200, response.get_json()
    filing = client.get(f"/api/v1/filings/{a['id']}", headers=auth).get_json()
    assert filing["registration_number"] == "1240/117/2026/a1"


def test_since_reads_further_back(reading_app, client, auth, answered):
    a, _ = answered
    result = fetch(reading_app, "--directorate", "CJ", "--since", "2026-10-01")
    assert result.exit_code == 0, result.output
    assert "mesaje citite: 5" in result.output
    numbers = [r["proposed_number"] for r in replies_of(client, auth, a["id"])]
    assert "1111/117/2026" in numbers


def test_a_bad_since_or_directorate_is_refused_in_romanian(reading_app):
    bad_day = fetch(reading_app, "--since", "23.11.2026")
    assert bad_day.exit_code == 2 and "AAAA-LL-ZZ" in bad_day.output
    unknown = fetch(reading_app, "--directorate", "BV")
    assert unknown.exit_code == 2 and "nu are o căsuță poștală" in unknown.output
