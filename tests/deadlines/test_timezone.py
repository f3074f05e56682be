"""``TIMEZONE`` decides on which day a moment falls, for every term: here the service runs
in New York, where 23:30 UTC on 3 March is still the evening of the 3rd (in Bucharest it
is already the 4th)."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from filing_service.deadlines.calendar import WorkCalendar
from filing_service.deadlines.counting import PROCEDURAL, TermSpec, compute
from tests.conftest import make_app
from tests.deadlines.conftest import TODAY
from tests.deadlines.test_case_deadlines import deadlines_of, new_case

NEW_YORK = ZoneInfo("America/New_York")
LATE_ON_THE_3RD = datetime(2026, 3, 3, 23, 30, tzinfo=UTC)


@pytest.fixture
def app(database_url, tmp_path):
    """The app of the deadlines tests (4 March 2026), reckoning days in New York."""
    yield from make_app(database_url, tmp_path, FIXED_NOW=TODAY, TIMEZONE="America/New_York")


def test_an_hour_term_starts_on_the_day_the_moment_falls_on_in_the_calendars_zone():
    spec = TermSpec(24, "hours", PROCEDURAL, "art. 12 alin. 1")
    in_new_york = compute(
        spec,
        LATE_ON_THE_3RD.date(),
        trigger_at=LATE_ON_THE_3RD,
        calendar=WorkCalendar(zone=NEW_YORK),
    )
    in_bucharest = compute(
        spec, LATE_ON_THE_3RD.date(), trigger_at=LATE_ON_THE_3RD, calendar=WorkCalendar()
    )
    # CPC art. 181 alin. 1 pct. 1: from 00:00 of the next day, 24 hours.
    assert in_new_york.due_at == datetime(2026, 3, 5, 0, 0, tzinfo=NEW_YORK)
    assert in_bucharest.due_at == datetime(
        2026, 3, 6, 0, 0, tzinfo=ZoneInfo("Europe/Bucharest")
    )


def test_a_case_event_late_in_the_utc_day_counts_from_the_configured_zones_day(client, auth):
    # A report received at 18:30 in New York (23:30 UTC): the 24 hours without the first
    # and the last (Civil Code art. 2555) end at 20:00 on 4 March, New York time.
    case = new_case(
        client,
        auth,
        {
            "kind": "sesizare_primita",
            "occurred_on": "2026-03-03",
            "occurred_at": LATE_ON_THE_3RD.isoformat(),
        },
    )
    verification = deadlines_of(client, auth, case["id"])["verificare_sesizare"]
    assert verification["due_date"] == "2026-03-04"  # in Bucharest: 5 March
    assert datetime.fromisoformat(verification["due_at"]) == datetime(
        2026, 3, 4, 20, 0, tzinfo=NEW_YORK
    )


def test_the_calculator_reads_the_hour_it_is_given_in_the_configured_zone(client):
    answer = client.post(
        "/api/v1/deadlines/compute",
        json={
            "rule": "art41_2_sesizare_spas",
            "trigger_date": "2026-03-03",
            "trigger_time": "10:15",
        },
    ).get_json()
    assert datetime.fromisoformat(answer["due_at"]) == datetime(
        2026, 3, 4, 12, 0, tzinfo=NEW_YORK
    )
