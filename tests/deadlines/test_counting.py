"""Counting terms as the Code of Civil Procedure does (art. 181): free days, the
corresponding day for months, the extension of a last day that is not a working day."""

from datetime import date, datetime

import pytest

from filing_service.deadlines import catalogue
from filing_service.deadlines.calendar import WorkCalendar
from filing_service.deadlines.counting import TermError, TermSpec, compute

BUCHAREST_CALENDAR = WorkCalendar()


def due(rule_id: str, trigger: date, calendar: WorkCalendar = BUCHAREST_CALENDAR) -> date:
    return compute(catalogue.get(rule_id).spec, trigger, calendar=calendar).due_date


def test_ten_free_days_from_1_march_leave_12_march_as_last_day():
    # 2..11 March are the ten days; 11 March, the day the term ends, is not counted.
    assert due("art137_recurs", date(2026, 3, 1)) == date(2026, 3, 12)


def test_five_free_days_from_a_tuesday_end_the_next_monday():
    term = compute(catalogue.get("art70_sesizare_instanta").spec, date(2026, 3, 3))
    assert term.due_date == date(2026, 3, 9)
    assert "5 zile libere de la 3 martie 2026" in term.explanation
    assert "art. 70 alin. 1" in term.explanation and "CPC art. 181" in term.explanation


def test_a_last_day_on_a_saturday_runs_to_monday_and_says_so():
    term = compute(catalogue.get("art70_sesizare_instanta").spec, date(2026, 3, 1))
    assert term.extended_from == date(2026, 3, 7)
    assert term.due_date == date(2026, 3, 9)
    assert "prelungit la 9 martie 2026" in term.explanation
    assert "sâmbătă" in term.explanation and "art. 181 alin. 2" in term.explanation


def test_a_term_ending_on_orthodox_good_friday_runs_past_easter_monday():
    # 2 April 2026 + 5 free days -> Friday 10 April (Good Friday), Easter 12-13 April.
    assert due("art70_sesizare_instanta", date(2026, 4, 4)) == date(2026, 4, 14)


def test_a_term_ending_on_easter_monday_2027_runs_to_tuesday():
    # 26 April 2027 + 5 free days -> Monday 3 May 2027, Easter Monday.
    assert due("art70_sesizare_instanta", date(2027, 4, 27)) == date(2027, 5, 4)


def test_a_term_ending_on_pentecost_monday_and_childrens_day_2026_runs_to_2_june():
    term = compute(catalogue.get("art137_recurs").spec, date(2026, 5, 21))
    assert term.extended_from == date(2026, 6, 1)
    assert term.due_date == date(2026, 6, 2)
    assert "Ziua Copilului" in term.explanation


def test_a_term_ending_on_30_november_skips_1_december_as_well():
    assert due("art137_recurs", date(2026, 11, 19)) == date(2026, 12, 2)


def test_a_term_ending_on_christmas_eve_stays_there_because_it_is_a_working_day():
    assert due("art137_recurs", date(2026, 12, 13)) == date(2026, 12, 24)


def test_a_term_ending_on_christmas_day_runs_past_the_weekend_to_28_december():
    assert due("art137_recurs", date(2026, 12, 14)) == date(2026, 12, 28)


def test_a_term_ending_on_new_years_day_2027_runs_to_monday_4_january():
    assert due("art140_2_ordonanta_presedintiala", date(2026, 12, 1)) == date(2027, 1, 4)


def test_a_term_ending_on_epiphany_2026_runs_past_saint_john_to_8_january():
    assert due("art70_sesizare_instanta", date(2025, 12, 31)) == date(2026, 1, 8)


def test_a_term_in_months_ends_on_the_corresponding_day():
    spec = TermSpec(3, "months", "procedural", "test")
    assert compute(spec, date(2026, 2, 16)).due_date == date(2026, 5, 18)  # 16 May: Sat
    assert compute(spec, date(2026, 3, 10)).due_date == date(2026, 6, 10)


def test_a_term_in_months_ends_on_the_last_day_of_a_shorter_month():
    term = compute(TermSpec(1, "months", "procedural", "test"), date(2027, 1, 31))
    assert term.due_date == date(2027, 3, 1)  # 28 February 2027 is a Sunday
    assert "ultima zi a lunii" in term.explanation


def test_a_month_from_31_january_of_a_leap_year_ends_on_29_february():
    assert compute(
        TermSpec(1, "months", "procedural", "t"), date(2028, 1, 31)
    ).due_date == date(2028, 2, 29)


def test_a_year_from_29_february_ends_on_28_february():
    assert compute(
        TermSpec(1, "years", "procedural", "t"), date(2028, 2, 29)
    ).due_date == date(2029, 2, 28)


def test_free_days_cross_29_february_of_a_leap_year():
    assert due("art137_recurs", date(2028, 2, 20)) == date(2028, 3, 2)
    assert due("art137_recurs", date(2027, 2, 20)) == date(2027, 3, 3)


def test_an_interval_limit_is_neither_free_nor_extended():
    # 6 months in an emergency reception centre from 31 August 2023: 29 February 2024.
    term = compute(catalogue.get("art123_6_centru_urgenta").spec, date(2023, 8, 31))
    assert term.due_date == date(2024, 2, 29) and term.extended_from is None


def test_a_closure_day_of_the_court_extends_the_term():
    closed = WorkCalendar.with_closures([(date(2026, 3, 12), "inventar")])
    assert due("art137_recurs", date(2026, 3, 1), closed) == date(2026, 3, 13)


def test_a_procedural_term_in_hours_starts_at_midnight_of_the_next_day():
    spec = TermSpec(24, "hours", "procedural", "test")
    term = compute(
        spec, date(2026, 3, 3), trigger_at=datetime.fromisoformat("2026-03-03T10:15:00+02:00")
    )
    assert term.due_at == datetime.fromisoformat("2026-03-05T00:00:00+02:00")
    assert term.due_date == date(2026, 3, 4)
    assert "4 martie 2026, ora 24:00" in term.explanation


def test_a_civil_term_in_hours_leaves_out_the_first_and_last_hour():
    term = compute(
        catalogue.get("art41_2_sesizare_spas").spec,
        date(2026, 3, 3),
        trigger_at=datetime.fromisoformat("2026-03-03T10:15:00+02:00"),
    )
    assert term.due_at == datetime.fromisoformat("2026-03-04T12:00:00+02:00")


def test_a_term_in_hours_needs_the_hour():
    with pytest.raises(TermError):
        compute(catalogue.get("verificare_sesizare").spec, date(2026, 3, 3))


def test_the_allowance_list_is_due_on_the_5th_of_the_next_month_or_after():
    assert due("procedura_art14_lista_ajpis", date(2026, 1, 20)) == date(2026, 2, 5)
    assert due("procedura_art14_lista_ajpis", date(2026, 3, 31)) == date(2026, 4, 6)  # Sun
    assert due("procedura_art14_lista_ajpis", date(2026, 12, 3)) == date(2027, 1, 5)


def test_same_day_terms_end_on_the_trigger_day():
    assert due("art134_5_ordonanta_aceeasi_zi", date(2026, 3, 7)) == date(2026, 3, 7)


def test_a_summons_is_due_at_the_latest_the_day_before_the_hearing():
    assert due("art134_4_citare", date(2026, 3, 9)) == date(2026, 3, 8)
