"""Properties of every computation, over many dates: a term counted in days, weeks,
months or years never ends on a non-working day, and never ends earlier when it starts
later."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from filing_service.deadlines import catalogue
from filing_service.deadlines.calendar import WorkCalendar
from filing_service.deadlines.counting import INTERVAL, compute

EXTENDED = [
    r
    for r in catalogue.rules().values()
    if r.unit not in ("hours", "same_day") and r.counting != INTERVAL
]
DAY_BASED = [r for r in catalogue.rules().values() if r.unit != "hours"]
days = st.dates(min_value=date(2024, 1, 1), max_value=date(2032, 12, 31))
closures = st.lists(st.tuples(days, st.just("închis")), max_size=10)


@settings(max_examples=400, deadline=None)
@given(rule=st.sampled_from(EXTENDED), trigger=days, closed=closures)
def test_a_due_date_is_never_a_non_working_day(rule, trigger, closed):
    calendar = WorkCalendar.with_closures(closed)
    assert calendar.is_working_day(compute(rule.spec, trigger, calendar=calendar).due_date)


@settings(max_examples=400, deadline=None)
@given(
    rule=st.sampled_from(DAY_BASED),
    trigger=days,
    later_by=st.integers(1, 400),
    closed=closures,
)
def test_a_later_trigger_never_gives_an_earlier_due_date(rule, trigger, later_by, closed):
    calendar = WorkCalendar.with_closures(closed)
    first = compute(rule.spec, trigger, calendar=calendar).due_date
    second = compute(rule.spec, trigger + timedelta(days=later_by), calendar=calendar)
    assert second.due_date >= first


@settings(max_examples=200, deadline=None)
@given(rule=st.sampled_from(EXTENDED), trigger=days)
def test_a_due_date_is_never_before_the_term_has_run(rule, trigger):
    assert compute(rule.spec, trigger).due_date > trigger
