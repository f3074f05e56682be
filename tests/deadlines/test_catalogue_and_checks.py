"""The rule catalogue covers the terms of the law, and the procedural checks flag the
flaws of chapter X, each with its article."""

from datetime import date

import pytest

from filing_service.deadlines import catalogue
from filing_service.deadlines.calendar import WorkCalendar
from filing_service.deadlines.checks import check
from filing_service.deadlines.planner import EventFact, HearingFact, plan
from filing_service.law import articles

REQUIRED = {
    "art70_sesizare_instanta": ("art. 70 alin. 1", 5, "days", "dispozitie_plasament_urgenta"),
    "art100_4_sesizare_dupa_ordonanta": ("art. 100 alin. 4", 5, "days", "ordonanta_executata"),
    "art136_comunicare_hotarare": ("art. 136 alin. 2", 10, "days", "pronuntare"),
    "art137_recurs": ("art. 137", 10, "days", "comunicare_hotarare"),
    "art58_pip": ("art. 58 alin. 1", 30, "days", "cerere_masura_primita"),
    "art140_2_ordonanta_presedintiala": (
        "art. 140^2 alin. 1",
        30,
        "days",
        "ordonanta_presedintiala_depusa",
    ),
    "verificare_sesizare": ("art. 98 lit. a", 24, "hours", "sesizare_primita"),
}


@pytest.mark.parametrize("rule_id", sorted(REQUIRED))
def test_the_catalogue_has_the_required_rule_with_its_article_and_trigger(rule_id):
    rule = catalogue.get(rule_id)
    assert (rule.article, rule.length, rule.unit, rule.starts) == REQUIRED[rule_id]


def test_court_notifications_and_chapter_x_terms_are_procedural():
    for rule_id in (
        "art70_sesizare_instanta",
        "art100_4_sesizare_dupa_ordonanta",
        "art136_comunicare_hotarare",
        "art137_recurs",
        "art140_2_ordonanta_presedintiala",
        "art140_4_expertiza_psihiatrica",
    ):
        assert catalogue.get(rule_id).counting == "procedural", rule_id


def test_every_article_of_the_catalogue_exists_in_the_law():
    for rule in catalogue.rules().values():
        if rule.article.startswith("procedura"):
            assert articles.citations(rule.article)[0].act == "procedure", rule.id
        cited = articles.citations(rule.article)
        assert cited, rule.id
        assert articles.missing(rule.article) == [], rule.id


def test_the_verification_term_says_the_law_sets_none():
    rule = catalogue.get("verificare_sesizare")
    assert rule.statutory is False and "art. 41 alin. 2" in rule.note


def test_an_emergency_order_plans_the_court_notification_and_the_pip():
    planned = plan(
        [EventFact(1, "dispozitie_plasament_urgenta", date(2026, 3, 3))],
        [],
        WorkCalendar(),
        date(2026, 3, 3),
    )
    assert {(p.rule.id, p.term.due_date) for p in planned} == {
        ("art70_sesizare_instanta", date(2026, 3, 9)),
        ("art58_pip_urgenta", date(2026, 3, 3)),
    }


def test_an_emergency_order_revoked_within_five_days_needs_no_court_notification():
    events = [
        EventFact(1, "dispozitie_plasament_urgenta", date(2026, 3, 3)),
        EventFact(2, "dispozitie_revocata", date(2026, 3, 6)),
    ]
    planned = plan(events, [], WorkCalendar(), date(2026, 3, 6))
    assert "art70_sesizare_instanta" not in {p.rule.id for p in planned}


def test_an_emergency_order_revoked_after_the_term_keeps_its_court_notification():
    events = [
        EventFact(1, "dispozitie_plasament_urgenta", date(2026, 3, 3)),
        EventFact(2, "dispozitie_revocata", date(2026, 3, 12)),
    ]
    planned = plan(events, [], WorkCalendar(), date(2026, 3, 12))
    assert "art70_sesizare_instanta" in {p.rule.id for p in planned}


def test_quarterly_reviews_are_planned_for_each_begun_quarter_until_the_measure_ends():
    events = [
        EventFact(1, "masura_instituita", date(2025, 1, 15)),
        EventFact(2, "masura_incetata", date(2025, 9, 1)),
    ]
    planned = plan(events, [], WorkCalendar(), date(2026, 3, 1))
    assert [p.key for p in planned] == [
        f"e1:art72_revizuire_trimestriala:{q}" for q in (1, 2, 3)
    ]


def test_a_hearing_more_than_ten_days_after_the_previous_is_flagged():
    found = check(
        [],
        [HearingFact(1, date(2026, 3, 2)), HearingFact(2, date(2026, 3, 13))],
        WorkCalendar(),
    )
    assert [(c.code, c.article, c.hearing_id) for c in found] == [
        ("hearing_gap_over_10_days", "art. 134 alin. 3", 2)
    ]


def test_a_hearing_exactly_ten_days_after_the_previous_is_lawful():
    assert (
        check(
            [],
            [HearingFact(1, date(2026, 3, 2)), HearingFact(2, date(2026, 3, 12))],
            WorkCalendar(),
        )
        == []
    )


def test_a_summons_handed_on_the_hearing_day_is_flagged():
    found = check(
        [],
        [HearingFact(1, date(2026, 3, 2), summons_served_on=date(2026, 3, 2))],
        WorkCalendar(),
    )
    assert [(c.code, c.article) for c in found] == [("late_summons", "art. 134 alin. 4")]


def test_a_summons_handed_the_day_before_is_lawful():
    assert (
        check(
            [],
            [HearingFact(1, date(2026, 3, 2), summons_served_on=date(2026, 3, 1))],
            WorkCalendar(),
        )
        == []
    )


def test_a_pronouncement_postponed_three_days_is_flagged():
    events = [
        EventFact(1, "dezbateri_inchise", date(2026, 3, 2)),
        EventFact(2, "pronuntare", date(2026, 3, 5)),
    ]
    assert [(c.code, c.article, c.event_id) for c in check(events, [], WorkCalendar())] == [
        ("ruling_postponed_over_2_days", "art. 135 alin. 2", 2)
    ]


def test_a_decision_communicated_after_the_ten_day_term_is_flagged():
    events = [
        EventFact(1, "pronuntare", date(2026, 3, 2)),
        EventFact(2, "comunicare_hotarare", date(2026, 3, 14)),
    ]  # last day 13 March
    assert [(c.code, c.article) for c in check(events, [], WorkCalendar())] == [
        ("late_communication", "art. 136 alin. 2")
    ]


def test_a_decision_communicated_on_the_last_day_of_the_term_is_lawful():
    events = [
        EventFact(1, "pronuntare", date(2026, 3, 2)),
        EventFact(2, "comunicare_hotarare", date(2026, 3, 13)),
    ]
    assert check(events, [], WorkCalendar()) == []
