"""How a term is counted: the Code of Civil Procedure (Law 134/2010, art. 180-183) for
procedural terms, the Civil Code (art. 2551-2556) for the others.

The Code's text is not in this repository; these are the rules implemented, each as the
Code states them (checked against public copies of the republished Code):

- CPC art. 181 alin. 1 pct. 2 (terms in days): "nu intră în calcul ziua de la care
  începe să curgă termenul, nici ziua când acesta se împlinește" -- free days. For a term
  of N days from day D, the days D+1 .. D+N are the N days of the term, D+N is the day
  it "se împlinește" and is not counted either, so the last day on which the act can
  still be done is D+N+1. Worked example: 10 days from 1 March -> days 2..11 March are
  counted, 11 March is the day the term "se împlinește", the act can still be done on
  **12 March** (until 24:00, art. 182 alin. 1; at a court, until its registry closes,
  art. 182 alin. 2).
- CPC art. 181 alin. 1 pct. 3 (weeks, months, years): the term ends on the corresponding
  day of the last week, month or year; when the last month has no such day, on that
  month's last day (``law.terms.add_months``). That day is the last day to act.
- CPC art. 181 alin. 1 pct. 1 (hours): the term starts to run at 00:00 of the next day;
  it ends N hours later.
- CPC art. 181 alin. 2: when the last day of a term is not a working day, the term is
  extended to the end of the first working day that follows (``calendar``).
- Terms of Law 272/2004 that are not acts of procedure before a court (the PIP, the
  requests for information, the quarterly reviews) are counted by the Civil Code, whose
  rules give the same arithmetic: days free of the first and last day (art. 2553),
  corresponding day for weeks/months/years (art. 2552), extension to the next working
  day (art. 2554); for hours the first and the last hour are not counted (art. 2555).
- Terms in hours are not extended when they end on a non-working day: they are the
  urgent notices of Law 272 (art. 12 alin. 1, art. 41 alin. 2), due around the clock.
- "Interval" limits (art. 134 alin. 3, art. 135 alin. 2, art. 123 alin. 6) are maximum
  spans between two dates, not terms to perform an act: D+N days (or N months), never
  extended; "at least N days before" (art. 134 alin. 4) is D-N.

Plain Python: no Flask, no database.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from ..law.dates import format_date_ro
from ..law.terms import add_months
from .calendar import NO_CLOSURES, WorkCalendar

PROCEDURAL, CIVIL, INTERVAL = "procedural", "civil", "interval"
UNITS = (
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "same_day",
    "day_of_next_month",
    "days_before",
)


class TermError(ValueError):
    """A term cannot be computed from what was given (say, an hour term without a time)."""


@dataclass(frozen=True)
class TermSpec:
    """What the computation needs of a rule: its length, unit, counting and article."""

    length: int
    unit: str
    counting: str
    article: str


@dataclass(frozen=True)
class Term:
    """The computed end of a term and how it was reached."""

    due_date: date  # the last day on which the act can still be done
    due_at: datetime | None  # for terms in hours: the moment the term ends
    extended_from: date | None  # the non-working last day the term was moved from
    explanation: str  # in Romanian, with the articles


def _basis(counting: str, point: str) -> str:
    if counting == PROCEDURAL:
        return f"CPC art. 181 alin. 1 pct. {point}"
    return {
        "1": "Codul civil art. 2555",
        "2": "Codul civil art. 2553",
        "3": "Codul civil art. 2552",
    }[point]


def _extension_basis(counting: str) -> str:
    return "CPC art. 181 alin. 2" if counting == PROCEDURAL else "Codul civil art. 2554"


def _plural(n: int, one: str, many: str) -> str:
    """Romanian numerals: "1 zi", "5 zile", "20 de zile", "101 zile"."""
    if n == 1:
        return f"{n} {one}"
    tail = n % 100
    return f"{n} de {many}" if tail == 0 or tail >= 20 else f"{n} {many}"


def compute(
    spec: TermSpec,
    trigger: date,
    *,
    trigger_at: datetime | None = None,
    calendar: WorkCalendar = NO_CLOSURES,
) -> Term:
    """The last day to act for a term of ``spec`` started on ``trigger``.

    ``trigger_at`` (aware) is needed for terms in hours; ``calendar`` says which days are
    working days (weekends, legal holidays, closure days) and in which zone an hour
    term's moments fall on days (the service's ``TIMEZONE``).
    """
    if spec.unit == "hours":
        return _hours(spec, trigger, trigger_at, calendar.zone)
    start = format_date_ro(trigger)
    if spec.unit == "same_day":
        return Term(trigger, None, None, f"Termen în aceeași zi ({spec.article}): {start}.")
    if spec.unit == "days_before":
        due = trigger - timedelta(days=spec.length)
        return Term(
            due,
            None,
            None,
            f"Cu cel puțin {_plural(spec.length, 'zi', 'zile')} "
            f"înainte de {start} ({spec.article}): cel târziu "
            f"{format_date_ro(due)}.",
        )
    if spec.unit == "days":
        if spec.counting == INTERVAL:
            due = trigger + timedelta(days=spec.length)
            text = (
                f"Interval de cel mult {_plural(spec.length, 'zi', 'zile')} de la {start} "
                f"({spec.article}): cel târziu {format_date_ro(due)}."
            )
            return Term(due, None, None, text)
        ends = trigger + timedelta(days=spec.length)
        last = ends + timedelta(days=1)
        text = (
            f"Termen de {_plural(spec.length, 'zi liberă', 'zile libere')} de la {start} "
            f"({spec.article}; {_basis(spec.counting, '2')}): nu se socotesc ziua de "
            f"început și ziua împlinirii ({format_date_ro(ends)}); ultima zi "
            f"{format_date_ro(last)}"
        )
    elif spec.unit in ("weeks", "months", "years"):
        if spec.unit == "weeks":
            last = trigger + timedelta(weeks=spec.length)
            what = _plural(spec.length, "săptămână", "săptămâni")
        else:
            months = spec.length * (12 if spec.unit == "years" else 1)
            last = add_months(trigger, months)
            what = (
                _plural(spec.length, "an", "ani")
                if spec.unit == "years"
                else _plural(spec.length, "lună", "luni")
            )
        if spec.counting == INTERVAL:
            return Term(
                last,
                None,
                None,
                f"Durată de cel mult {what} de la {start} "
                f"({spec.article}): cel târziu "
                f"{format_date_ro(last)}.",
            )
        clamp = (
            ""
            if last.day == trigger.day or spec.unit == "weeks"
            else " (luna nu are ziua corespunzătoare: ultima zi a lunii)"
        )
        text = (
            f"Termen de {what} de la {start} ({spec.article}; "
            f"{_basis(spec.counting, '3')}): ziua corespunzătoare, "
            f"{format_date_ro(last)}{clamp}"
        )
    elif spec.unit == "day_of_next_month":
        following = add_months(trigger.replace(day=1), 1)
        last = following.replace(day=spec.length)
        text = (
            f"Până la data de {spec.length} a lunii următoare celei din {start} "
            f"({spec.article}): {format_date_ro(last)}"
        )
    else:
        raise TermError(f"unitate de termen necunoscută: {spec.unit}")
    return _extend(spec, last, text, calendar)


def _extend(spec: TermSpec, last: date, text: str, calendar: WorkCalendar) -> Term:
    """Move a last day that is not a working day to the next working day (art. 181 alin. 2)."""
    reason = calendar.non_working_reason(last)
    if reason is None:
        return Term(last, None, None, text + ".")
    moved = calendar.next_working_day(last)
    text += (
        f"; prelungit la {format_date_ro(moved)}, {format_date_ro(last)} fiind zi "
        f"nelucrătoare ({reason}; {_extension_basis(spec.counting)})."
    )
    return Term(moved, None, last, text)


def _hours(spec: TermSpec, trigger: date, trigger_at: datetime | None, zone: tzinfo) -> Term:
    if trigger_at is None:
        raise TermError("Termenul se socotește pe ore: lipsește ora de început.")
    if trigger_at.tzinfo is None:
        trigger_at = trigger_at.replace(tzinfo=zone)
    local = trigger_at.astimezone(zone)
    if spec.counting == PROCEDURAL:
        # CPC art. 181 alin. 1 pct. 1: the term runs from 00:00 of the next day.
        start = datetime.combine(local.date() + timedelta(days=1), time(0), zone)
        extra, how = timedelta(0), "curge de la ora 00:00 a zilei următoare"
    else:
        # Civil Code art. 2555: neither the first nor the last hour is counted.
        start = local.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        extra, how = timedelta(hours=1), "nu se socotesc prima și ultima oră"
    # Hours on the wall clock, as a reader of the law counts them: 24 hours from 00:00
    # end at 24:00, even on the night summer time begins or ends.
    naive = start.replace(tzinfo=None) + timedelta(hours=spec.length) + extra
    due_at = naive.replace(tzinfo=zone)
    due_date = (due_at - timedelta(microseconds=1)).date()
    text = (
        f"Termen de {_plural(spec.length, 'oră', 'ore')} de la "
        f"{format_date_ro(local.date())}, ora {local:%H:%M} "
        f"({spec.article}; {_basis(spec.counting, '1')}): {how}; "
        f"se împlinește la {_moment_ro(due_at)}."
    )
    return Term(due_date, due_at, None, text)


def _moment_ro(moment: datetime) -> str:
    """``30 martie 2026, ora 00:00`` is written ``29 martie 2026, ora 24:00``."""
    if moment.hour == 0 and moment.minute == 0:
        return f"{format_date_ro(moment.date() - timedelta(days=1))}, ora 24:00"
    return f"{format_date_ro(moment.date())}, ora {moment:%H:%M}"
