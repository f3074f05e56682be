"""The whole path: a signed package filed by e-mail to the registry, its registration
number recorded, a hearing and the pronouncement brought from the courts portal, the
decision's communication recorded, and the appeal deadline that follows (art. 137)."""

from datetime import datetime

from .conftest import BUCHAREST
from .pdfs import signed_pdf


def test_a_signed_package_is_filed_registered_decided_and_starts_the_appeal_term(
    app, client, auth, smtp, portal, new_filing, upload, case_id
):
    filing = new_filing()
    sent_files = {}
    for role, title in (
        ("cerere", "Cerere de înlocuire a plasamentului"),
        ("raport_art139", "Raport referitor la copil"),
        ("plan_individualizat", "Planul individualizat de protecție"),
    ):
        data = signed_pdf(title)
        document = upload(filing["id"], role, data, title).get_json()
        sent_files[document["file_name"]] = data

    checked = client.post(f"/api/v1/filings/{filing['id']}/check", headers=auth).get_json()
    assert checked["ok"], checked["problems"]
    assert checked["status"] == "semnat"

    sent = client.post(f"/api/v1/filings/{filing['id']}/send", headers=auth)
    assert sent.status_code == 200, sent.get_json()
    assert sent.get_json()["status"] == "trimis"
    assert dict(smtp.attachments()) == sent_files  # every attachment, byte for byte
    assert [m["Message-ID"] for m in smtp.messages] == sent.get_json()["message_ids"]

    registered = client.post(
        f"/api/v1/filings/{filing['id']}/registration",
        headers=auth,
        json={"registration_number": "2345/117/2026"},
    )
    assert registered.get_json()["status"] == "inregistrat"

    portal.recording = "dosar-solutionat.xml"
    app.config["FIXED_NOW"] = datetime(2026, 12, 2, 8, 0, tzinfo=BUCHAREST)
    output = app.test_cli_runner().invoke(args=["filings", "sync-portal"])
    assert output.exit_code == 0, output.output
    case = client.get(f"/api/v1/cases/{case_id}", headers=auth).get_json()
    [hearing] = case["hearings"]
    assert (hearing["scheduled_at"], hearing["panel"], hearing["solution"]) == (
        "2026-12-01T07:00:00Z",
        "C5 minori",
        "Admite",
    )
    assert hearing["pronounced_on"] == "2026-12-01"
    pronouncements = [e for e in case["events"] if e["kind"] == "pronuntare"]
    assert [e["occurred_on"] for e in pronouncements] == ["2026-12-01"]

    app.config["FIXED_NOW"] = datetime(2026, 12, 4, 12, 0, tzinfo=BUCHAREST)
    communicated = client.post(
        f"/api/v1/filings/{filing['id']}/status",
        headers=auth,
        json={"status": "comunicat", "on": "2026-12-04"},
    )
    assert communicated.get_json()["status"] == "comunicat"

    deadlines = client.get(f"/api/v1/cases/{case_id}/deadlines", headers=auth).get_json()
    [appeal] = [d for d in deadlines["deadlines"] if d["rule_id"] == "art137_recurs"]
    # Ten free days from Friday 4 December: the term ends on Tuesday 15 December.
    assert (appeal["trigger_date"], appeal["due_date"]) == ("2026-12-04", "2026-12-15")
