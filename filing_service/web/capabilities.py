"""What the pages show of the other capabilities (deadlines, documents, signatures,
filings, 119 reports), through their service functions only.

Each panel says whether its capability is available in this build; a page shows a
calm "not available yet" note instead of failing when one is not.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..auth.actor import Actor
from ..clock import today as clock_today
from ..db import UnitOfWork
from ..deadlines import catalogue as deadline_rules
from ..deadlines import feeds as deadline_feeds
from ..deadlines import service as deadlines
from ..filings import service as filings
from ..filings.domain import STATUS_LABELS as FILING_STATUS
from ..intake import worklists as intake
from ..intake.forms import describe as describe_forms
from ..law.dates import format_date_ro
from ..models import Case, Child
from ..models.deadline import Deadline
from . import docs

NOT_YET = "Această funcție nu este încă disponibilă în această versiune."


@dataclass
class Panel:
    """The items of one capability for a page, or why there are none."""

    available: bool
    items: list = field(default_factory=list)
    note: str = ""


def unavailable() -> Panel:
    return Panel(False, note=NOT_YET)


# ---- deadlines ------------------------------------------------------------------------

HORIZON = 30  # days ahead the dashboard looks, past "this week"


@dataclass
class DeadlineItem:
    """A deadline as the pages show it: what, by when, under which article, how urgent."""

    id: int
    case_id: int
    case_label: str
    title: str
    short_title: str
    article: str
    explanation: str | None
    due_date: date
    done: bool
    bucket: str  # overdue / today / week / later / done
    tone: str  # danger / warn / info / ok
    left_label: str


def bucket(due: date, today: date, done: bool = False) -> str:
    """Where a deadline goes: overdue, today, this week (7 days), later, or done."""
    if done:
        return "done"
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    return "week" if due <= today + timedelta(days=7) else "later"


_TONE = {"overdue": "danger", "today": "warn", "week": "info", "later": "info", "done": "ok"}


def _left(due: date, today: date, where: str) -> str:
    days = (due - today).days
    if where == "done":
        return "Îndeplinit"
    if where == "today":
        return "Azi"
    if days < 0:
        return f"Depășit cu {_days(-days)}"
    return "Mâine" if days == 1 else f"Peste {_days(days)}"


def _days(n: int) -> str:
    """Romanian numerals: 1 zi, 5 zile, 20 de zile."""
    if n == 1:
        return "1 zi"
    return f"{n} {'de ' if n % 100 >= 20 or n % 100 == 0 else ''}zile"


def deadline_items(session, found, today: date) -> list[DeadlineItem]:
    """The page's view of deadlines; the children's names come in one query (not one
    per deadline: a dashboard lists hundreds)."""
    ids = {d.case_id for d in found}
    names = (
        {
            case_id: f"{first} {last}"
            for case_id, first, last in session.execute(
                select(Child.case_id, Child.first_name, Child.last_name).where(
                    Child.case_id.in_(ids)
                )
            )
        }
        if ids
        else {}
    )
    return [deadline_item(d, today, names.get(d.case_id, "")) for d in found]


def deadline_item(deadline, today: date, child_name: str) -> DeadlineItem:
    rule = deadline_rules.get(deadline.rule_id)
    title = rule.title if rule else deadline.rule_id
    done = deadline.status != deadlines.OPEN
    where = bucket(deadline.due_date, today, done)
    return DeadlineItem(
        id=deadline.id,
        case_id=deadline.case_id,
        case_label=f"{deadline.case.reference} · {child_name}",
        title=title,
        short_title=title if len(title) <= 48 else title[:46].rstrip() + "…",
        article=deadline.article,
        explanation=deadline.explanation,
        due_date=deadline.due_date,
        done=done,
        bucket=where,
        tone=_TONE[where],
        left_label=_left(deadline.due_date, today, where),
    )


def dashboard_deadlines(uow: UnitOfWork, actor: Actor, today: date) -> Panel:
    """The directorate's open deadlines, overdue ones and those due within ``HORIZON``
    days, most urgent first (the deadlines service orders them)."""
    items, _ = deadlines.list_deadlines(
        uow.session,
        actor,
        status=deadlines.OPEN,
        due_before=today + timedelta(days=HORIZON + 1),
        today=today,
    )
    return Panel(True, deadline_items(uow.session, items, today))


def month_deadlines(
    uow: UnitOfWork, actor: Actor, first: date, last: date, today: date
) -> Panel:
    """The directorate's deadlines due between ``first`` and ``last``, open or met.

    A plain read of the deadlines table by date range: the deadlines service lists from
    the oldest, and a month view must not read a directorate's whole history."""
    found = uow.session.scalars(
        select(Deadline)
        .options(joinedload(Deadline.case))
        .where(
            Deadline.directorate_id == actor.directorate_id,
            Deadline.due_date >= first,
            Deadline.due_date <= last,
        )
        .order_by(Deadline.due_date, Deadline.id)
    ).all()
    return Panel(True, deadline_items(uow.session, found, today))


def has_feed(uow: UnitOfWork, actor: Actor) -> bool:
    """Whether the user has a working calendar-feed address."""
    return deadline_feeds.has_feed(uow.session, actor.id)


def issue_feed(uow: UnitOfWork, actor: Actor, base_url: str) -> str:
    """A new secret feed address for the user (shown once; the old one stops)."""
    return deadline_feeds.issue_feed(uow, actor, actor.id, base_url)


def revoke_feed(uow: UnitOfWork, actor: Actor) -> None:
    deadline_feeds.revoke_feed(uow, actor, actor.id)


@dataclass
class ReportItem:
    """An urgent 119 report as the dashboard lists it, leading to its case."""

    title: str
    received: str
    case_id: int | None
    alerted: bool


def urgent_reports(uow: UnitOfWork, actor: Actor, today: date) -> Panel:
    """The directorate's urgent (or 112-alerted) 119 reports whose case is open."""
    items = []
    for report in intake.urgent_reports(uow.session, actor, limit=20):
        child = report.children[0] if report.children else None
        items.append(
            ReportItem(
                title=describe_forms(report.forms or []) or "Sesizare 119",
                received=format_date_ro(report.received_at.date()),
                case_id=(child.case_id or child.opened_case_id) if child else None,
                alerted=report.emergency_alerted,
            )
        )
    return Panel(True, items)


@dataclass
class FilingItem:
    title: str
    status_label: str
    when: str


def _filing(filing) -> FilingItem:
    when = filing.sent_at or filing.created_at
    return FilingItem(
        title=f"{filing.object or 'Depunere'} · {filing.court}"
        + (f" · nr. {filing.registration_number}" if filing.registration_number else ""),
        status_label=FILING_STATUS.get(filing.status, filing.status),
        when=format_date_ro(when.date()) if when else "",
    )


def case_panels(uow: UnitOfWork, actor: Actor, case: Case) -> dict:
    """The documents, filings and deadlines of one case."""
    today = clock_today()
    items, _ = deadlines.list_deadlines(uow.session, actor, case_id=case.id, today=today)
    found, _ = filings.list_filings(uow.session, actor, case_id=case.id)
    return {
        "deadlines": Panel(True, deadline_items(uow.session, items, today)),
        "documents": Panel(True, docs.rows(uow.session, actor, case.id)),
        "filings": Panel(True, [_filing(f) for f in found]),
    }
