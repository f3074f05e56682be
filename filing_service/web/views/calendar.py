"""A month of the directorate's deadlines and hearings, weeks from Monday."""

import calendar as cal
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint, current_app, render_template, request
from sqlalchemy import select

from ...clock import today
from ...db import unit_of_work
from ...law.dates import MONTHS_RO
from ...models import Case, Hearing
from .. import capabilities
from ..session import actor, login_required

blueprint = Blueprint("calendar", __name__, url_prefix="/calendar")


def month_of(text: str | None, default: date) -> date:
    """``2026-11`` -> 1 November 2026; anything else -> the month of ``default``."""
    try:
        year, month = (int(part) for part in (text or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return default.replace(day=1)


@blueprint.get("")
@login_required
def month():
    """The month view: each day with its deadlines and hearings."""
    day = today()
    first = month_of(request.args.get("luna"), day)
    weeks = cal.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    start, end = weeks[0][0], weeks[-1][-1]
    zone = ZoneInfo(current_app.config["TIMEZONE"])
    with unit_of_work() as uow:
        deadlines = capabilities.month_deadlines(uow, actor(), start, end, day)
        rows = uow.session.execute(
            select(Hearing, Case)
            .join(Case, Hearing.case_id == Case.id)
            .where(
                Case.directorate_id == actor().directorate_id,
                Hearing.scheduled_at >= datetime.combine(start, time.min, zone),
                Hearing.scheduled_at
                < datetime.combine(end + timedelta(days=1), time.min, zone),
            )
            .order_by(Hearing.scheduled_at)
        ).all()
        by_day: dict[date, list] = {}
        for hearing, case in rows:
            local = hearing.scheduled_at.astimezone(zone)
            by_day.setdefault(local.date(), []).append(
                {"kind": "hearing", "time": f"{local:%H:%M}", "case": case, "obj": hearing}
            )
        for item in deadlines.items:
            by_day.setdefault(item.due_date, []).append({"kind": "deadline", "obj": item})
        previous = (first - timedelta(days=1)).replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return render_template(
            "web/calendar.html",
            weeks=weeks,
            first=first,
            day=day,
            by_day=by_day,
            title=f"{MONTHS_RO[first.month - 1].capitalize()} {first.year}",
            previous=f"{previous:%Y-%m}",
            following=f"{following:%Y-%m}",
            deadlines=deadlines,
        )
