"""What the pages show of the other capabilities (deadlines, documents, signatures,
filings, 119 reports), through their service functions only.

Each panel says whether its capability is available in this build; a page shows a
calm "not available yet" note instead of failing when one is not.
"""
from dataclasses import dataclass, field
from datetime import date

from ..auth.actor import Actor
from ..db import UnitOfWork
from ..models import Case

NOT_YET = "Această funcție nu este încă disponibilă în această versiune."


@dataclass
class Panel:
    """The items of one capability for a page, or why there are none."""

    available: bool
    items: list = field(default_factory=list)
    note: str = ""


def unavailable() -> Panel:
    return Panel(False, note=NOT_YET)


def dashboard_deadlines(uow: UnitOfWork, actor: Actor, today: date) -> Panel:
    """The directorate's open deadlines up to a week ahead, most urgent first."""
    return unavailable()


def month_deadlines(uow: UnitOfWork, actor: Actor, first: date, last: date) -> Panel:
    """The directorate's deadlines due between ``first`` and ``last``."""
    return unavailable()


def feed_url(actor: Actor) -> str | None:
    """The address of the user's iCalendar feed of deadlines, if deadlines exist."""
    return None


def urgent_reports(uow: UnitOfWork, actor: Actor) -> Panel:
    """The 119 reports waiting for the directorate, most urgent first."""
    return unavailable()


def case_panels(uow: UnitOfWork, actor: Actor, case: Case) -> dict:
    """The documents, filings and deadlines of one case."""
    return {"deadlines": unavailable(), "documents": unavailable(),
            "filings": unavailable()}
