"""The dashboard: what is due (overdue, today, this week, later this month) with the rule
and article of each, hearings coming, urgent 119 reports, and the subscription to one's
deadline feed."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint, current_app, render_template, request
from sqlalchemy import select

from ...clock import today
from ...db import unit_of_work
from ...models import Case, Hearing
from .. import capabilities
from ..session import actor, login_required

blueprint = Blueprint("dashboard", __name__)
GROUPS = ("overdue", "today", "week", "later")
LIMIT = 100  # deadlines shown per group; a page of thousands helps nobody


@blueprint.get("/")
@login_required
def index():
    """The day's work for the logged-in user's directorate."""
    return _page()


def _page(issued_feed: str | None = None):
    day = today()
    with unit_of_work() as uow:
        deadlines = capabilities.dashboard_deadlines(uow, actor(), day)
        groups = {name: [d for d in deadlines.items if d.bucket == name] for name in GROUPS}
        response = render_template(
            "web/dashboard.html",
            day=day,
            deadlines=deadlines,
            groups=groups,
            limit=LIMIT,
            hearings=upcoming_hearings(uow.session, actor().directorate_id, day),
            reports=capabilities.urgent_reports(uow, actor(), day),
            has_feed=capabilities.has_feed(uow, actor()),
            issued_feed=issued_feed,
        )
    # The page may show a secret feed address once: no cache keeps it.
    return response, 200, {"Cache-Control": "no-store"}


@blueprint.post("/calendar-feed")
@login_required
def issue_feed():
    """Give the user a new calendar-feed address and show it once."""
    with unit_of_work() as uow:
        url = capabilities.issue_feed(uow, actor(), request.host_url)
        uow.commit()
    return _page(issued_feed=url)


@blueprint.post("/calendar-feed/revoke")
@login_required
def revoke_feed():
    """Stop the user's calendar-feed address."""
    with unit_of_work() as uow:
        capabilities.revoke_feed(uow, actor())
        uow.commit()
    return _page()


def upcoming_hearings(session, directorate_id: int, day, days: int = 7):
    """The directorate's hearings from ``day`` for ``days`` days, in order."""
    zone = ZoneInfo(current_app.config["TIMEZONE"])
    start = datetime.combine(day, time.min, zone)
    end = start + timedelta(days=days + 1)
    return session.execute(
        select(Hearing, Case)
        .join(Case, Hearing.case_id == Case.id)
        .where(
            Case.directorate_id == directorate_id,
            Hearing.scheduled_at >= start,
            Hearing.scheduled_at < end,
        )
        .order_by(Hearing.scheduled_at)
    ).all()
