"""The courts' rules as data (``filings.court_rules``) and the message's plain text
(``filings.message``): pure functions, no database."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from filing_service.filings import court_rules, message
from filing_service.filings.domain import Severity

ZONE = ZoneInfo("Europe/Bucharest")
NOW = datetime(2027, 3, 11, 10, 0, tzinfo=ZONE)


@pytest.mark.parametrize(
    ("rule", "value", "words"),
    [
        ("accepted_types", ["pdf", "docx"], None),
        ("accepted_types", ["docx"], "trebuie să conțină pdf"),
        ("accepted_types", "pdf", "listă"),
        ("max_scan_dpi", None, None),
        ("max_scan_dpi", 300, None),
        ("max_scan_dpi", 40, "între 72 și 1200"),
        ("max_scan_dpi", True, "număr întreg"),
        ("min_hours_before_hearing", 48, None),
        ("min_hours_before_hearing", 1000, "între 0 și 240"),
        ("scans_monochrome", None, "nu poate fi ștearsă"),
        ("file_name_pattern", "{nr}_{tip}", None),
        ("file_name_pattern", "{tip}", "{nr}"),
        ("file_name_pattern", "{nr}/{tip}", "caracterele"),
        ("filing_channel", "rejust", None),
        ("filing_channel", "fax", "email sau rejust"),
    ],
)
def test_each_rule_checks_its_value(rule, value, words):
    error = court_rules.rule_error(rule, value)
    assert (error is None) == (words is None), error
    if words:
        assert words in error


def test_accepted_types_are_kept_in_lower_case_once_each_in_order():
    assert court_rules.clean("accepted_types", ["DOCX", "pdf", "docx"]) == ["pdf", "docx"]


def test_attachments_are_named_by_order_and_type():
    names = [
        court_rules.attachment_name("{nr}. {tip}", n, role, "x")
        for n, role in enumerate(("cerere", "raport_art139", "inscris"), start=1)
    ]
    assert names == ["1. Cerere.pdf", "2. Raport.pdf", "3. Înscrisuri.pdf"]


def test_a_hearing_is_weighed_against_the_courts_minimum():
    tomorrow = (NOW + timedelta(days=1)).replace(hour=9)
    problem = court_rules.hearing_problem(tomorrow, NOW, 24, "sursa")
    assert problem.code == "hearing_too_close" and problem.severity == Severity.ERROR
    assert "12 martie 2027, ora 09:00 este peste 23 de ore" in problem.message
    assert problem.source == "sursa"
    assert court_rules.hearing_problem(tomorrow, NOW, 12, "s") is None
    warning = court_rules.hearing_problem(tomorrow, NOW, None, "s")
    assert warning.code == "hearing_soon" and warning.severity == Severity.WARNING
    assert court_rules.hearing_problem(NOW + timedelta(days=2), NOW, None, "s") is None
    passed = court_rules.hearing_problem(NOW - timedelta(minutes=1), NOW, 24, "s")
    assert passed.code == "hearing_passed" and passed.blocking


def test_a_hearing_is_written_in_the_services_zone():
    at_utc = datetime(2027, 3, 12, 7, 0, tzinfo=ZoneInfo("UTC"))  # 09:00 in Bucharest
    problem = court_rules.hearing_problem(at_utc, NOW, 48, "s")
    assert "12 martie 2027, ora 09:00" in problem.message


def test_sizes_are_written_as_the_courts_write_their_limits():
    assert court_rules.megabytes(10_000_000) == "10,0 MB"
    assert court_rules.megabytes(65_536) == "66 KB"


@pytest.mark.parametrize(
    "text",
    [
        "vezi https://portal.just.ro",
        "http://x",
        "www.dgaspc-cluj.ro",
        "legislatie.just.ro/Public/DetaliiDocument/123",
        "scrieți la registratura@tribunalul-cluj.ro",
        "pe dgaspc.ro",
        "mailto:x",
    ],
)
def test_a_link_in_any_form_is_found(text):
    assert message.has_link(text)


@pytest.mark.parametrize(
    "text",
    [
        "art. 70 alin. (1) și (3), art. 65 alin. (2) din Legea nr. 272/2004",
        "Regulamentul (UE) 2016/679 (art. 67^1 alin. (2))",
        "1. Cerere.pdf – SHA-256 ab12",
        "Dispoziția nr. 1045/2026 a directorului",
        "",
    ],
)
def test_legal_text_holds_no_link(text):
    assert not message.has_link(text)
