"""The tests' clock: one fixed moment, the app's clock in every test that does not set
its own, and the day every builder dates its data from.

No test reads the wall clock for a date the service reasons about: a test that needs
another day sets ``app.config["FIXED_NOW"]`` to a moment relative to ``FIXED_NOW`` (or
to a date of its own, as the counting tests do). ``make test-ahead`` runs the suite with
the wall clock moved 400 days ahead to show it.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Europe/Bucharest")
# A Wednesday morning, a working day with working days around it.
FIXED_NOW = datetime(2026, 11, 18, 10, 0, tzinfo=ZONE)
TODAY: date = FIXED_NOW.date()


def days_ago(days: int) -> date:
    """The date ``days`` days before TODAY (after it, for a negative number)."""
    return TODAY - timedelta(days=days)
