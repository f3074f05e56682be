"""Working and non-working days in Romania, for counting terms.

Non-working days (zile nelucrătoare):
- Saturdays and Sundays;
- the legal holidays of the Labour Code (Law 53/2003) art. 139 alin. 1: 1-2 January,
  6-7 January, 24 January, Orthodox Good Friday, Easter Sunday and Monday, 1 May,
  1 June, Orthodox Pentecost Sunday and Monday, 15 August, 30 November, 1 December,
  25-26 December. They come from the maintained ``holidays`` library (its Romanian
  calendar computes the movable Orthodox feasts; tests check it against known dates);
- closure days a court or a directorate declares (registry closed), kept in a table and
  given here as plain dates.

A calendar also knows the zone its days are reckoned in: the service gives it the
``TIMEZONE`` setting (``deadlines.service.calendar_for``); a calendar made without one, in
a unit test or a script, reckons in Romania's legal time.

Plain Python: no Flask, no database.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

ROMANIA = ZoneInfo("Europe/Bucharest")  # what a calendar made without a zone reckons in
WEEKDAYS_RO = ("luni", "marți", "miercuri", "joi", "vineri", "sâmbătă", "duminică")


@lru_cache(maxsize=256)
def _legal_holidays(year: int) -> dict[date, str]:
    """The Labour Code art. 139 holidays of ``year``, with their Romanian names."""
    return dict(holidays.Romania(years=year, language="ro"))


def legal_holiday(day: date) -> str | None:
    """The Romanian name of the legal holiday on ``day``, or None."""
    return _legal_holidays(day.year).get(day)


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are working days, given the closure days that apply (day -> reason), and
    the zone in which a moment falls on a day."""

    closures: dict[date, str] = field(default_factory=dict)
    zone: ZoneInfo = ROMANIA

    @classmethod
    def with_closures(
        cls, closures: Iterable[tuple[date, str]] = (), *, zone: ZoneInfo = ROMANIA
    ) -> "WorkCalendar":
        return cls(closures=dict(closures), zone=zone)

    def non_working_reason(self, day: date) -> str | None:
        """Why ``day`` is not a working day (in Romanian), or None if it is one."""
        if day.weekday() >= 5:
            return WEEKDAYS_RO[day.weekday()]
        holiday = legal_holiday(day)
        if holiday:
            return f"sărbătoare legală: {holiday}"
        closure = self.closures.get(day)
        if closure is not None:
            return f"zi de închidere: {closure}" if closure else "zi de închidere"
        return None

    def is_working_day(self, day: date) -> bool:
        return self.non_working_reason(day) is None

    def next_working_day(self, day: date) -> date:
        """``day`` itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, day: date, count: int) -> date:
        """The ``count``-th working day after ``day`` (``day`` itself is not counted)."""
        while count > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count -= 1
        return day


NO_CLOSURES = WorkCalendar()
