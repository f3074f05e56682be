"""The clock, behind an adapter: the service's day is the day in its ``TIMEZONE``
(Europe/Bucharest unless configured otherwise), and a test can set the moment
(``app.config["FIXED_NOW"]``) instead of patching datetime.

``create_app`` builds one :class:`Clock` (``bootstrap.Adapters.clock``); ``now()``,
``today()`` and ``zone()`` are that clock's answers for the current app.
"""

from collections.abc import Mapping
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app


class Clock:
    """Time as the service reckons it: aware, in the configured zone.

    It reads ``TIMEZONE`` and ``FIXED_NOW`` from ``config`` at every call, so a test may
    move the clock of a running app; a unit test gives it a plain dict."""

    def __init__(self, config: Mapping):
        self._config = config

    def zone(self) -> ZoneInfo:
        """The zone in which a moment falls on a day (``TIMEZONE``)."""
        return ZoneInfo(self._config["TIMEZONE"])

    def now(self) -> datetime:
        """The current time, aware, in the service's time zone."""
        zone = self.zone()
        fixed = self._config.get("FIXED_NOW")
        if fixed is not None:
            return fixed.astimezone(zone)
        return datetime.now(zone)

    def today(self) -> date:
        """Today's date in the service's time zone (a term counted from 23:30 UTC on the
        31st belongs to the 1st in Bucharest)."""
        return self.now().date()


def _clock() -> Clock:
    return current_app.extensions["adapters"].clock


def now() -> datetime:
    """The current time, aware, in the service's time zone."""
    return _clock().now()


def today() -> date:
    """Today's date in the service's time zone."""
    return _clock().today()


def zone() -> ZoneInfo:
    """The service's time zone (``TIMEZONE``)."""
    return _clock().zone()
