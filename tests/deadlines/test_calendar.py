"""The Romanian calendar of non-working days, checked against known dates (Labour Code
art. 139): the movable Orthodox feasts come from the holidays library, so they are the
first thing to verify."""

from datetime import date

import pytest

from filing_service.deadlines.calendar import WorkCalendar, legal_holiday

ORTHODOX_EASTER = {2025: date(2025, 4, 20), 2026: date(2026, 4, 12), 2027: date(2027, 5, 2)}


@pytest.mark.parametrize("year", sorted(ORTHODOX_EASTER))
def test_orthodox_easter_sunday_and_monday_are_legal_holidays(year):
    easter = ORTHODOX_EASTER[year]
    assert legal_holiday(easter)
    assert legal_holiday(date.fromordinal(easter.toordinal() + 1))


@pytest.mark.parametrize("year", sorted(ORTHODOX_EASTER))
def test_orthodox_good_friday_is_a_legal_holiday(year):
    assert legal_holiday(date.fromordinal(ORTHODOX_EASTER[year].toordinal() - 2))


def test_the_saturday_before_orthodox_easter_is_only_a_weekend_day():
    assert legal_holiday(date(2026, 4, 11)) is None
    assert not WorkCalendar().is_working_day(date(2026, 4, 11))


@pytest.mark.parametrize("year", sorted(ORTHODOX_EASTER))
def test_orthodox_pentecost_is_fifty_days_after_easter_sunday_and_monday(year):
    pentecost = date.fromordinal(ORTHODOX_EASTER[year].toordinal() + 49)
    assert legal_holiday(pentecost) and legal_holiday(
        date.fromordinal(pentecost.toordinal() + 1)
    )


def test_pentecost_2026_falls_on_31_may_and_1_june_which_is_also_childrens_day():
    assert "Rusalii" in legal_holiday(date(2026, 5, 31))
    name = legal_holiday(date(2026, 6, 1))
    assert "Rusalii" in name and "Copilului" in name


def test_western_easter_monday_is_a_working_day_when_it_differs():
    assert WorkCalendar().is_working_day(date(2026, 4, 6))  # Catholic Easter Monday 2026


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 1, 1),
        date(2026, 1, 2),
        date(2026, 1, 6),
        date(2026, 1, 7),
        date(2026, 1, 24),
        date(2026, 5, 1),
        date(2026, 6, 1),
        date(2026, 8, 15),
        date(2026, 11, 30),
        date(2026, 12, 1),
        date(2026, 12, 25),
        date(2026, 12, 26),
    ],
)
def test_fixed_legal_holidays_of_the_labour_code_are_non_working(day):
    assert legal_holiday(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 1, 5),
        date(2026, 1, 8),
        date(2026, 12, 24),
        date(2026, 12, 2),
        date(2026, 11, 27),
    ],
)
def test_days_next_to_holidays_are_working_days(day):
    assert WorkCalendar().is_working_day(day)


def test_a_closure_day_is_non_working_and_says_why():
    calendar = WorkCalendar.with_closures([(date(2026, 3, 10), "dezinsecție")])
    assert calendar.non_working_reason(date(2026, 3, 10)) == "zi de închidere: dezinsecție"
    assert calendar.next_working_day(date(2026, 3, 10)) == date(2026, 3, 11)
