"""The dashboard and the calendar: the directorate's deadlines by urgency with the rule
and the article on each, the hearings, and the subscription to one's deadline feed."""

from datetime import date, timedelta

from tests import builders
from tests.clock import TODAY


def emergency_case(make_case, ordered_on: date) -> dict:
    return make_case(
        measure=builders.emergency_measure(ordered_on),
        events=[
            {"kind": "dispozitie_plasament_urgenta", "occurred_on": ordered_on.isoformat()}
        ],
    )


def test_the_five_day_term_of_article_70_is_on_the_dashboard(counsel, make_case):
    case = emergency_case(make_case, TODAY)
    page = counsel.get("/").get_data(as_text=True)
    assert "Sesizarea instanței după plasamentul în regim de urgență" in page
    assert "art. 70 alin. 1" in page
    assert case["reference"] in page


def test_an_overdue_term_comes_first_marked_overdue(counsel, make_case):
    emergency_case(make_case, TODAY - timedelta(days=20))
    page = counsel.get("/").get_data(as_text=True)
    overdue = page.split("Depășite", 1)[1].split("Azi", 1)[0]
    assert "Sesizarea instanței după plasamentul în regim de urgență" in overdue
    assert "Depășit cu" in overdue


def test_another_directorates_deadlines_are_not_on_the_dashboard(web, make_case):
    emergency_case(make_case, TODAY)
    page = web("consilier_juridic", "B3").get("/").get_data(as_text=True)
    assert "art. 70 alin. 1" not in page


def test_subscribing_shows_a_feed_address_once_that_serves_the_deadlines(
    counsel, make_case, app
):
    case = emergency_case(make_case, TODAY)
    page = counsel.post("/calendar-feed").get_data(as_text=True)
    url = page.split('id="feed" class="mono" readonly value="', 1)[1].split('"', 1)[0]
    assert url.endswith(".ics")
    assert url not in counsel.get("/").get_data(as_text=True)
    feed = app.test_client().get(url.replace("http://localhost", ""))
    assert feed.status_code == 200
    assert case["reference"] in feed.get_data(as_text=True)


def test_the_month_view_shows_a_hearing_on_its_day(counsel, make_case, client, make_token):
    case = make_case()
    when = TODAY
    client.post(
        f"/api/v1/cases/{case['id']}/hearings",
        headers=make_token("CJ", "x"),
        json={"scheduled_at": f"{when.isoformat()}T09:30:00+02:00"},
    )
    page = counsel.get("/calendar").get_data(as_text=True)
    day = page.split('class="day today', 1)[1].split("</td>", 1)[0]
    assert "09:30" in day and f"Termen · {case['reference']}" in day


def test_the_month_view_shows_a_deadline_on_its_last_day(
    counsel, make_case, client, make_token
):
    case = emergency_case(make_case, TODAY)
    deadlines = client.get(
        f"/api/v1/cases/{case['id']}/deadlines", headers=make_token("CJ", "x")
    ).get_json()
    due = date.fromisoformat(
        next(d for d in deadlines["deadlines"] if d["rule_id"] == "art70_sesizare_instanta")[
            "due_date"
        ]
    )
    page = counsel.get("/calendar", query_string={"luna": due.strftime("%Y-%m")}).get_data(
        as_text=True
    )
    cell = page.split(f'<div class="daynum">{due.day}</div>', 1)[1].split("</td>", 1)[0]
    assert "Sesizarea instanței" in cell and case["reference"] in cell
