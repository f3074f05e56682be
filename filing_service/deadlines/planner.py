"""From a case's timeline to the deadlines it should have: plain facts in, plain values
out (no database), so that the service, the tests and the benchmark share it.

Every tracked rule of the catalogue whose starting event is on the timeline gives one
deadline per event; the quarterly review (art. 72 alin. 1) gives one per quarter that has
begun, until the measure ends. An emergency placement the director revoked within the
five days (art. 70 alin. 2) needs no notice to the court. A pronouncement recorded only
on a hearing (``pronounced_on``) starts the art. 136 term as a pronouncement event would.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, time

from ..law.events import EventKind
from ..law.terms import add_months
from . import catalogue
from .calendar import WorkCalendar
from .counting import Term, TermSpec, compute

QUARTERLY = "art72_revizuire_trimestriala"
NOTIFY_COURT = "art70_sesizare_instanta"
MAX_QUARTERS = 80  # 20 years: a measure lasts at most until the child is an adult


@dataclass(frozen=True)
class EventFact:
    id: int
    kind: str
    occurred_on: date
    occurred_at: datetime | None = None


@dataclass(frozen=True)
class HearingFact:
    id: int
    scheduled_on: date
    summons_served_on: date | None = None
    debates_ended_on: date | None = None
    pronounced_on: date | None = None


@dataclass(frozen=True)
class Planned:
    """A deadline the timeline calls for."""

    key: str
    rule: catalogue.Rule
    trigger_date: date
    term: Term
    event_id: int | None = None
    hearing_id: int | None = None


def plan(
    events: list[EventFact], hearings: list[HearingFact], calendar: WorkCalendar, as_of: date
) -> list[Planned]:
    """The deadlines of a case with these events and hearings, on day ``as_of``."""
    out: list[Planned] = []
    for event in events:
        for rule in catalogue.started_by(event.kind):
            if rule.id == QUARTERLY:
                out.extend(_quarters(rule, event, events, calendar, as_of))
                continue
            term = _compute_event_term(rule, event, calendar)
            if rule.id == NOTIFY_COURT and _revoked_in_time(event, term, events):
                continue
            out.append(
                Planned(
                    f"e{event.id}:{rule.id}", rule, event.occurred_on, term, event_id=event.id
                )
            )
    pronounced = {e.occurred_on for e in events if e.kind == EventKind.PRONOUNCEMENT}
    art136 = catalogue.require("art136_comunicare_hotarare")
    for hearing in hearings:
        if hearing.pronounced_on and hearing.pronounced_on not in pronounced:
            term = compute(art136.spec, hearing.pronounced_on, calendar=calendar)
            out.append(
                Planned(
                    f"h{hearing.id}:{art136.id}",
                    art136,
                    hearing.pronounced_on,
                    term,
                    hearing_id=hearing.id,
                )
            )
    return out


def _revoked_in_time(order: EventFact, term: Term, events: list[EventFact]) -> bool:
    """The director revoked the emergency placement within the term (art. 70 alin. 2):
    there is no measure left for the court to rule on, so no notice is due."""
    return any(
        e.kind == EventKind.EMERGENCY_ORDER_REVOKED
        and order.occurred_on <= e.occurred_on <= term.due_date
        for e in events
    )


def _compute_event_term(rule, event: EventFact, calendar: WorkCalendar) -> Term:
    """A term from an event; an hour term of an event recorded without its hour runs from
    the start of that day (in the calendar's zone), the earliest the event can have
    happened (never too late)."""
    if rule.unit != "hours" or event.occurred_at is not None:
        return compute(
            rule.spec, event.occurred_on, trigger_at=event.occurred_at, calendar=calendar
        )
    start = datetime.combine(event.occurred_on, time(0), calendar.zone)
    term = compute(rule.spec, event.occurred_on, trigger_at=start, calendar=calendar)
    return replace(
        term,
        explanation=term.explanation + " Ora evenimentului nu este "
        "înregistrată: s-a socotit de la începutul zilei.",
    )


def _quarters(
    rule, event: EventFact, events: list[EventFact], calendar: WorkCalendar, as_of: date
):
    """One review per quarter that has begun by ``as_of``, until the measure ended."""
    ended = min(
        (
            e.occurred_on
            for e in events
            if e.kind == EventKind.MEASURE_ENDED and e.occurred_on >= event.occurred_on
        ),
        default=None,
    )
    for quarter in range(1, MAX_QUARTERS + 1):
        begins = add_months(event.occurred_on, 3 * (quarter - 1))
        if begins > as_of or (ended is not None and begins >= ended):
            return
        spec = TermSpec(rule.length * quarter, rule.unit, rule.counting, rule.article)
        term = compute(spec, event.occurred_on, calendar=calendar)
        yield Planned(
            f"e{event.id}:{rule.id}:{quarter}",
            rule,
            event.occurred_on,
            term,
            event_id=event.id,
        )
