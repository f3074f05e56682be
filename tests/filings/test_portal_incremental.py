"""The portal asked incrementally: per court, the cases it changed since the last good
sync (``CautareDosare2`` by last-modified date, split while an answer reaches the result
cap), and the court's sittings of today and tomorrow (``CautareSedinte``), against
recorded answers served on loopback."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from filing_service.db import unit_of_work
from filing_service.filings.portal import (
    PortalAnswerInvalid,
    PortalClient,
    PortalTooManyResults,
)
from filing_service.models import AuditEvent, Court, Filing

from .conftest import BUCHAREST
from .portal_server import changes_portal, dosar, recording

OURS, UNCHANGED = "2345/117/2026", "2346/117/2026"
FIRST_RUN = datetime(2026, 11, 25, 8, 0, tzinfo=BUCHAREST)
SECOND_RUN = datetime(2026, 12, 2, 8, 0, tzinfo=BUCHAREST)


def portal_time(moment: datetime) -> str:
    """How a moment goes to the portal: its local time, without a zone."""
    return moment.astimezone(BUCHAREST).replace(tzinfo=None).isoformat()


def register(client, auth, signed_package, number: str) -> dict:
    filing = signed_package()
    client.post(f"/api/v1/filings/{filing['id']}/check", headers=auth)
    assert client.post(f"/api/v1/filings/{filing['id']}/send", headers=auth).status_code == 200
    response = client.post(
        f"/api/v1/filings/{filing['id']}/registration",
        headers=auth,
        json={"registration_number": number},
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


@pytest.fixture
def filings(client, auth, signed_package, portal) -> dict[str, dict]:
    """Two filings at Tribunalul Cluj, each with its answer when asked by number."""
    portal.answer("CautareDosare2", "dosar-termen-fixat.xml", numarDosar=OURS)
    portal.answer(
        "CautareDosare2",
        recording("dosar-termen-fixat.xml").replace(OURS.encode(), UNCHANGED.encode()),
        numarDosar=UNCHANGED,
    )
    return {n: register(client, auth, signed_package, n) for n in (OURS, UNCHANGED)}


def sync(app, on: datetime):
    app.config["FIXED_NOW"] = on
    return app.test_cli_runner().invoke(args=["filings", "sync-portal"])


def synced_until(app, filing_id: int) -> datetime | None:
    with app.app_context(), unit_of_work() as uow:
        filing = uow.session.get(Filing, filing_id)
        return uow.session.get(Court, filing.court_id).portal_synced_until


def hearings_of(client, auth, filing: dict) -> list[tuple[str, str | None, str | None]]:
    case = client.get(f"/api/v1/cases/{filing['case_id']}", headers=auth).get_json()
    return sorted(
        (h["scheduled_at"], h["panel"], h["solution"])
        for h in case["hearings"]
        if h["court_case_number"] == filing["registration_number"]
    )


def by_number(questions) -> list[str | None]:
    return [q.params.get("numarDosar") for q in questions if q.params.get("numarDosar")]


def first_run(app, portal, filings) -> None:
    result = sync(app, FIRST_RUN)
    assert result.exit_code == 0, result.output
    assert sorted(by_number(portal.questions)) == [OURS, UNCHANGED]  # as before
    assert "Instanțe interogate incremental: 0;" in result.output
    assert synced_until(app, filings[OURS]["id"]) == FIRST_RUN


def test_the_second_sync_asks_what_the_court_changed_since_the_last_good_one(
    app, client, auth, portal, filings
):
    first_run(app, portal, filings)
    unchanged_before = hearings_of(client, auth, filings[UNCHANGED])
    portal.answer(
        "CautareDosare2",
        "dosare-modificate.xml",
        within=(datetime(2026, 11, 25), datetime(2026, 12, 3)),
        institutie="TribunalulCLUJ",
    )
    asked = len(portal.requests)

    result = sync(app, SECOND_RUN)

    assert result.exit_code == 0, result.output
    [question] = portal.questions[asked:]  # one question for the court, none per filing
    assert question.operation == "CautareDosare2"
    assert question.params["institutie"] == "TribunalulCLUJ"
    assert question.params.get("numarDosar") is None
    assert question.params["dataUltimaModificareStart"] == "2026-11-25T07:00:00"  # -1 h
    assert question.params["dataUltimaModificareStop"] == portal_time(SECOND_RUN)
    # The changed filing gets its new hearing and the outcome of the first one ...
    assert hearings_of(client, auth, filings[OURS]) == [
        ("2026-12-01T07:00:00Z", "C5 minori", "Amână cauza"),
        ("2026-12-15T08:00:00Z", "C5 minori", None),
    ]
    # ... the one the portal did not name is left alone, and the other courts' cases of
    # the answer (1870/117/2026, 2990/117/2026) are none of ours.
    assert hearings_of(client, auth, filings[UNCHANGED]) == unchanged_before
    assert f"cererea {filings[UNCHANGED]['id']}:" not in result.output
    assert (
        "Instanțe interogate incremental: 1; cereri modificate: 1; interogări împărțite: 0."
        in result.output
    )
    assert synced_until(app, filings[OURS]["id"]) == SECOND_RUN


def test_a_failed_question_keeps_portal_synced_until_where_it_was(
    app, client, auth, portal, filings
):
    first_run(app, portal, filings)
    portal.answer(  # a hearing without its date: the whole answer is refused
        "CautareDosare2",
        "dosar-sedinta-fara-data.xml",
        within=(datetime(2026, 11, 1), datetime(2027, 1, 1)),
    )
    asked = len(portal.requests)

    result = sync(app, SECOND_RUN)

    assert result.exit_code == 1
    assert "instanța Tribunalul Cluj: EROARE: dosarele modificate:" in result.output
    questions = portal.questions[asked:]
    assert questions[0].interval == (datetime(2026, 11, 25, 7), datetime(2026, 12, 2, 8))
    assert sorted(by_number(questions[1:])) == [OURS, UNCHANGED]  # asked as before
    assert synced_until(app, filings[OURS]["id"]) == FIRST_RUN

    # The next morning asks again from the last good sync, not from the failed run.
    portal.answer(
        "CautareDosare2",
        "dosare-modificate.xml",
        within=(datetime(2026, 11, 1), datetime(2027, 1, 1)),
    )
    asked = len(portal.requests)
    third = SECOND_RUN + timedelta(days=1)
    assert sync(app, third).exit_code == 0
    [question] = portal.questions[asked:]
    assert question.interval == (datetime(2026, 11, 25, 7), datetime(2026, 12, 3, 8))
    assert synced_until(app, filings[OURS]["id"]) == third


def test_an_answer_at_the_cap_is_split_and_the_halves_are_joined(
    app, client, auth, portal, filings
):
    app.config["PORTAL_RESULT_CAP"] = 5
    first_run(app, portal, filings)
    second = FIRST_RUN + timedelta(days=1)  # asks 25.11 07:00 - 26.11 08:00
    others = [datetime(2026, 11, 25, h) for h in (8, 9, 10, 20, 21, 22)]
    others.append(datetime(2026, 11, 26, 1))
    numbers = [f"{3000 + i}/117/2026" for i in range(len(others))]
    changes = [(n, when, dosar(n, when)) for n, when in zip(numbers, others, strict=True)]
    ours_changed = datetime(2026, 11, 26, 6)
    changes.append(
        (
            OURS,
            ours_changed,
            dosar(OURS, ours_changed, hearings=((datetime(2026, 12, 15, 10), "C5 minori"),)),
        )
    )
    portal.answer(
        "CautareDosare2", changes_portal(changes, cap=5), institutie="TribunalulCLUJ"
    )
    asked = len(portal.requests)

    result = sync(app, second)

    assert result.exit_code == 0, result.output
    assert [q.interval for q in portal.questions[asked:]] == [
        (datetime(2026, 11, 25, 7), datetime(2026, 11, 26, 8)),  # 8 changes: at the cap
        (datetime(2026, 11, 25, 7), datetime(2026, 11, 25, 19, 30)),  # 3
        (datetime(2026, 11, 25, 19, 30), datetime(2026, 11, 26, 8)),  # 5: at the cap
        (datetime(2026, 11, 25, 19, 30), datetime(2026, 11, 26, 1, 45)),  # 4
        (datetime(2026, 11, 26, 1, 45), datetime(2026, 11, 26, 8)),  # 1: ours
    ]
    assert ("2026-12-15T08:00:00Z", "C5 minori", None) in hearings_of(
        client, auth, filings[OURS]
    )
    assert "interogări împărțite: 2." in result.output
    assert synced_until(app, filings[OURS]["id"]) == second


def test_the_client_joins_the_halves_once_per_case(portal):
    client = PortalClient(portal.url, 5.0, zone="Europe/Bucharest", result_cap=5)
    times = [datetime(2026, 12, 1, h) for h in (2, 5, 11, 12, 13, 14, 15, 19, 20, 23)]
    changes = [
        (f"{100 + i}/117/2026", t, dosar(f"{100 + i}/117/2026", t))
        for i, t in enumerate(times)
    ]
    portal.answer("CautareDosare2", changes_portal(changes, cap=5))

    found = client.changed_cases(
        "TribunalulCLUJ",
        datetime(2026, 12, 1, tzinfo=BUCHAREST),
        datetime(2026, 12, 2, tzinfo=BUCHAREST),
    )

    # The case changed at 12:00 is in both halves of the day, and kept once.
    assert sorted(c.number for c in found.cases) == sorted(n for n, _, _ in changes)
    assert found.splits == 2
    assert found.intervals == [
        (datetime(2026, 12, 1), datetime(2026, 12, 2)),
        (datetime(2026, 12, 1), datetime(2026, 12, 1, 12)),
        (datetime(2026, 12, 1, 12), datetime(2026, 12, 2)),
        (datetime(2026, 12, 1, 12), datetime(2026, 12, 1, 18)),
        (datetime(2026, 12, 1, 18), datetime(2026, 12, 2)),
    ]
    assert [q.interval for q in portal.questions] == found.intervals


def test_an_interval_still_at_the_cap_at_one_minute_is_an_error(portal):
    client = PortalClient(portal.url, 5.0, zone="Europe/Bucharest", result_cap=5)
    burst = datetime(2026, 12, 1, 10, 15, 30)
    changes = [
        (f"{200 + i}/117/2026", burst, dosar(f"{200 + i}/117/2026", burst)) for i in range(6)
    ]
    portal.answer("CautareDosare2", changes_portal(changes, cap=5))

    with pytest.raises(PortalTooManyResults, match="nu se mai poate împărți"):
        client.changed_cases(
            "TribunalulCLUJ",
            datetime(2026, 12, 1, tzinfo=BUCHAREST),
            datetime(2026, 12, 2, tzinfo=BUCHAREST),
        )
    low, high = portal.questions[-1].interval
    assert high - low <= timedelta(minutes=1)


def test_hearings_on_reads_a_days_sittings(portal):
    client = PortalClient(portal.url, 5.0, zone="Europe/Bucharest")
    portal.answer(
        "CautareSedinte",
        "sedinte-ziua.xml",
        dataSedinta="2026-12-01T00:00:00",
        institutie="TribunalulCLUJ",
    )

    sittings = client.hearings_on("TribunalulCLUJ", date(2026, 12, 1))

    [question] = portal.questions
    assert question.operation == "CautareSedinte"
    assert [(s.panel, s.department, s.starts_at) for s in sittings] == [
        ("C3 civil", "Secția civilă", datetime(2026, 12, 1, 9, 0, tzinfo=BUCHAREST)),
        ("C7 minori", "Secția civilă", datetime(2026, 12, 1, 11, 0, tzinfo=BUCHAREST)),
    ]
    assert [(c.number, c.scheduled_at.strftime("%H:%M")) for c in sittings[1].cases] == [
        ("3012/117/2026", "11:00"),
        (OURS, "11:30"),
    ]


@pytest.mark.parametrize(
    "broken",
    [
        (
            b"<complet>C7 minori</complet><data>2026-12-01T00:00:00</data>",
            b"<complet>C7 minori</complet>",
        ),
        (b"<numar>2345/117/2026</numar>", b""),
        (
            b"<data>2026-12-01T00:00:00</data><ora>11:30</ora>",
            b"<data>2026-12-02T00:00:00</data><ora>11:30</ora>",
        ),
    ],
    ids=["sitting-without-date", "case-without-number", "case-of-another-day"],
)
def test_a_sittings_answer_is_read_strictly(portal, broken):
    client = PortalClient(portal.url, 5.0, zone="Europe/Bucharest")
    good, bad = broken
    answer = recording("sedinte-ziua.xml")
    assert good in answer
    portal.answer("CautareSedinte", answer.replace(good, bad))

    with pytest.raises(PortalAnswerInvalid):
        client.hearings_on("TribunalulCLUJ", date(2026, 12, 1))


def test_the_sync_moves_a_hearing_to_the_hour_of_the_days_list(
    app, client, auth, portal, signed_package
):
    filing = register(client, auth, signed_package, OURS)
    portal.answer("CautareDosare2", "dosar-termen-fixat.xml", numarDosar=OURS)
    portal.answer("CautareSedinte", "sedinte-ziua.xml", dataSedinta="2026-12-01T00:00:00")

    result = sync(app, datetime(2026, 11, 30, 8, 0, tzinfo=BUCHAREST))  # the eve

    assert result.exit_code == 0, result.output
    assert [(q.operation, q.params.get("dataSedinta")) for q in portal.questions] == [
        ("CautareDosare2", None),
        ("CautareSedinte", "2026-12-01T00:00:00"),
    ]
    assert portal.questions[1].params["institutie"] == "TribunalulCLUJ"
    # 09:00 as the case's page said, 11:30 before panel C7 as the day's list says.
    assert hearings_of(client, auth, filing) == [("2026-12-01T09:30:00Z", "C7 minori", None)]
    assert "termene modificate: 1" in result.output
    case = client.get(f"/api/v1/cases/{filing['case_id']}", headers=auth).get_json()
    [moved] = [e for e in case["events"] if "lista de ședință" in (e["description"] or "")]
    assert (moved["kind"], moved["source"], moved["occurred_on"]) == (
        "alt_eveniment",
        "portal",
        "2026-12-01",
    )
    assert "ora 11:30" in moved["description"] and "C7 minori" in moved["description"]
    with app.app_context(), unit_of_work() as uow:
        [update] = uow.session.scalars(
            select(AuditEvent).where(
                AuditEvent.entity == "hearing", AuditEvent.action == "update"
            )
        ).all()
    assert set(update.changes) == {"scheduled_at", "panel"}


def test_a_hearing_the_court_moved_to_another_hour_stays_one_hearing(
    app, client, auth, portal, filings
):
    first_run(app, portal, filings)
    moved = recording("dosar-termen-fixat.xml").replace(
        b"<ora>09:00</ora>", b"<ora>10:30</ora>"
    )
    portal.answer(
        "CautareDosare2", moved, within=(datetime(2026, 11, 1), datetime(2027, 1, 1))
    )

    assert sync(app, SECOND_RUN).exit_code == 0

    assert hearings_of(client, auth, filings[OURS]) == [
        ("2026-12-01T08:30:00Z", "C5 minori", None)
    ]
