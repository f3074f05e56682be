"""The clock, behind an adapter: the service's day is the day in Europe/Bucharest, and a
test can set it (``app.config["FIXED_NOW"]``) instead of patching datetime."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app


def now() -> datetime:
    """The current time, aware, in the service's time zone."""
    zone = ZoneInfo(current_app.config["TIMEZONE"])
    fixed = current_app.config.get("FIXED_NOW")
    if fixed is not None:
        return fixed.astimezone(zone)
    return datetime.now(zone)


def today() -> date:
    """Today's date in the service's time zone (a term counted from 23:30 UTC on the
    31st belongs to the 1st in Bucharest)."""
    return now().date()
