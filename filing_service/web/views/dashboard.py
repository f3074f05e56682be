"""The dashboard: what is due (overdue, today, this week), hearings coming, urgent 119
reports, and the subscription to one's deadline feed."""
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint, current_app, render_template
from sqlalchemy import select

from ...clock import today
from ...db import unit_of_work
from ...models import Case, Hearing
from .. import capabilities
from ..session import actor, login_required

blueprint = Blueprint("dashboard", __name__)


def bucket(due, day) -> str:
    """Where a deadline goes on the dashboard: overdue, today, or this week."""
    if due < day:
        return "overdue"
    if due == day:
        return "today"
    return "week"


@blueprint.get("/")
@login_required
def index():
    """The day's work for the logged-in user's directorate."""
    day = today()
    with unit_of_work() as uow:
        deadlines = capabilities.dashboard_deadlines(uow, actor(), day)
        groups = {"overdue": [], "today": [], "week": []}
        for item in deadlines.items:
            groups[bucket(item.due_date, day)].append(item)
        return render_template(
            "web/dashboard.html", day=day, deadlines=deadlines, groups=groups,
            hearings=upcoming_hearings(uow.session, actor().directorate_id, day),
            reports=capabilities.urgent_reports(uow, actor()),
            feed_url=capabilities.feed_url(actor()))


def upcoming_hearings(session, directorate_id: int, day, days: int = 7):
    """The directorate's hearings from ``day`` for ``days`` days, in order."""
    zone = ZoneInfo(current_app.config["TIMEZONE"])
    start = datetime.combine(day, time.min, zone)
    end = start + timedelta(days=days + 1)
    return session.execute(
        select(Hearing, Case).join(Case, Hearing.case_id == Case.id).where(
            Case.directorate_id == directorate_id, Hearing.scheduled_at >= start,
            Hearing.scheduled_at < end).order_by(Hearing.scheduled_at)).all()
