"""Where people see their deadlines: the API, a calendar feed per user (RFC 5545) and the
daily e-mail digest over real SMTP. The app's day is Wednesday 4 March 2026."""

from datetime import date
from urllib.parse import urlsplit

from icalendar import Calendar
from sqlalchemy import select

from filing_service.db import unit_of_work
from filing_service.models.deadline import CalendarFeed
from tests import builders

COMMUNICATED = "2026-03-02"  # appeal: 10 free days -> Friday 13 March
CORRECTED = "2026-02-20"  # appeal: 10 free days -> Tuesday 3 March, already passed


def case_with_decision(client, auth) -> dict:
    response = client.post(
        "/api/v1/cases",
        headers=auth,
        json=builders.case(
            measure=builders.emergency_measure(start=date(2026, 2, 10)),
            events=[{"kind": "comunicare_hotarare", "occurred_on": COMMUNICATED}],
        ),
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def feed_path(app, username: str) -> str:
    result = app.test_cli_runner().invoke(args=["deadlines", "feed", "--username", username])
    assert result.exit_code == 0, result.output
    return urlsplit(result.output.strip()).path


def feed_events(client, path: str) -> dict:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.data)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def send_digest(app) -> str:
    result = app.test_cli_runner().invoke(args=["deadlines", "digest"])
    assert result.exit_code == 0, result.output
    return result.output


def appeal_of(client, auth, case_id: int) -> dict:
    deadlines = client.get(f"/api/v1/cases/{case_id}/deadlines", headers=auth).get_json()
    return next(d for d in deadlines["deadlines"] if d["rule_id"] == "art137_recurs")


def test_correcting_the_communication_date_moves_the_appeal_in_api_feed_and_digest(
    app, client, auth, make_user, mailbox
):
    username, _ = make_user("ana.popescu", "consilier_juridic")
    case = case_with_decision(client, auth)
    path = feed_path(app, username)
    before = appeal_of(client, auth, case["id"])
    uid = f"termen-{before['id']}@filing-service"
    assert feed_events(client, path)[uid]["dtstart"].dt.isoformat() == "2026-03-13"

    response = client.patch(
        f"/api/v1/events/{case['events'][0]['id']}",
        headers=auth,
        json={"occurred_on": CORRECTED},
    )
    assert response.status_code == 200, response.get_json()

    after = appeal_of(client, auth, case["id"])  # the API
    assert (after["id"], after["due_date"], after["overdue"]) == (
        before["id"],
        "2026-03-03",
        True,
    )
    event = feed_events(client, path)[uid]  # the calendar feed: same UID, new day
    assert event["dtstart"].dt.isoformat() == "2026-03-03" and int(event["sequence"]) == 1
    send_digest(app)  # the digest
    [mail] = mailbox.to("ana.popescu@example.invalid")
    overdue = mail.get_content().split("TERMENE DEPĂȘITE:")[1].split("DE ÎNDEPLINIT")[0]
    assert "3 martie 2026: Declararea recursului" in overdue
    assert case["reference"] in overdue and "art. 137" in overdue


def test_the_feed_shows_the_rule_article_and_explanation_but_no_childs_name(
    app, client, auth, make_user
):
    username, _ = make_user("ana.popescu", "consilier_juridic")
    case = case_with_decision(client, auth)
    body = client.get(feed_path(app, username)).get_data(as_text=True)
    event = next(iter(Calendar.from_ical(body).walk("VEVENT")))
    assert "Declararea recursului" in str(event["summary"])
    assert "art. 137" in str(event["summary"]) and case["reference"] in str(event["summary"])
    assert "10 zile libere de la 2 martie 2026" in str(event["description"])
    assert case["child"]["last_name"] not in body and case["child"]["cnp"] not in body


def test_a_new_feed_address_revokes_the_old_one(app, client, make_user):
    username, _ = make_user("ana.popescu", "consilier_juridic")
    old = feed_path(app, username)
    new = feed_path(app, username)
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_a_revoked_feed_answers_404(app, client, make_user):
    username, _ = make_user("ana.popescu", "consilier_juridic")
    path = feed_path(app, username)
    result = app.test_cli_runner().invoke(
        args=["deadlines", "feed", "--username", username, "--revoke"]
    )
    assert result.exit_code == 0, result.output
    assert client.get(path).status_code == 404


def test_the_feed_stores_only_a_digest_of_its_secret(app, make_user):
    username, _ = make_user("ana.popescu", "consilier_juridic")
    secret = feed_path(app, username).rsplit("/", 1)[1].removesuffix(".ics")
    with app.app_context(), unit_of_work() as uow:
        stored = uow.session.scalars(select(CalendarFeed)).one()
    assert secret not in (stored.token_hash, stored.prefix) and len(stored.token_hash) == 64


def test_the_digest_lists_what_falls_due_in_the_next_working_days(
    app, client, auth, make_user, mailbox
):
    make_user("ana.popescu", "consilier_juridic")
    case_with_decision(client, auth)  # appeal due Friday 13 March: not within 3 days
    client.post(
        "/api/v1/cases",
        headers=auth,
        json=builders.case(
            external_id="al-doilea",
            measure=builders.emergency_measure(start=date(2026, 3, 3)),
            events=[{"kind": "dispozitie_plasament_urgenta", "occurred_on": "2026-03-03"}],
        ),
    )
    send_digest(app)
    [mail] = mailbox.to("ana.popescu@example.invalid")
    text = mail.get_content()
    assert "DE ÎNDEPLINIT PÂNĂ LA 9 MARTIE 2026" in text  # Wed + 3 working days = Mon
    assert "9 martie 2026: Sesizarea instanței" in text
    assert "Declararea recursului" not in text
    assert mail["From"] == "termene@dgaspc-cluj.invalid"


def test_the_digest_goes_only_to_the_directorates_case_workers(
    app, client, auth, make_user, mailbox
):
    make_user("ana.popescu", "consilier_juridic")
    make_user("dan.stoica", "auditor")
    make_user("elena.dumitrescu", "consilier_juridic", code="B3")
    client.post(
        "/api/v1/cases",
        headers=auth,
        json=builders.case(
            measure=builders.emergency_measure(start=date(2026, 3, 3)),
            events=[{"kind": "dispozitie_plasament_urgenta", "occurred_on": "2026-03-03"}],
        ),
    )
    send_digest(app)
    assert [m["To"] for m in mailbox.messages] == ["ana.popescu@example.invalid"]


def test_the_daily_run_adds_the_review_of_a_quarter_that_has_just_begun(
    app, client, auth, make_user, mailbox
):
    make_user("ana.popescu", "consilier_juridic")
    case = client.post(
        "/api/v1/cases",
        headers=auth,
        json=builders.case(
            measure=builders.emergency_measure(start=date(2025, 12, 5)),
            events=[{"kind": "masura_instituita", "occurred_on": "2025-12-05"}],
        ),
    ).get_json()
    app.config["FIXED_NOW"] = app.config["FIXED_NOW"].replace(month=3, day=6)
    send_digest(app)  # 5 March began the second quarter: its review is due 5 June
    reviews = [
        d["due_date"]
        for d in client.get(f"/api/v1/cases/{case['id']}/deadlines", headers=auth).get_json()[
            "deadlines"
        ]
        if d["rule_id"] == "art72_revizuire_trimestriala"
    ]
    assert reviews == ["2026-03-05", "2026-06-05"]
