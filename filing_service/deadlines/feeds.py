"""Users' iCalendar feeds (RFC 5545): one secret address per user, that Outlook and Google
Calendar subscribe to; revocable; only a SHA-256 digest of the secret is stored.

A calendar service outside the directorate reads the feed, so it carries no child's name:
each event names the rule, the article and the case's reference only.
"""

import hashlib
import secrets
from datetime import UTC, date, datetime, timedelta

from flask import Blueprint, Response, abort
from icalendar import Calendar, Event
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, joinedload

from ..auth.actor import Actor
from ..clock import today, zone
from ..db import UnitOfWork, unit_of_work
from ..errors import NotFound, PermissionDenied
from ..models import User
from ..models.base import utcnow
from ..models.deadline import CalendarFeed, Deadline
from . import catalogue
from .service import OPEN

blueprint = Blueprint("deadline_feeds", __name__)
PRODID = "-//filing_service//Termene DGASPC//RO"
HISTORY_DAYS = 90  # met deadlines stay visible this long in the calendar


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _user_of(session: Session, actor: Actor, user_id: int) -> User:
    """The user, if of the actor's directorate and the actor may manage their feed."""
    user = session.scalar(
        select(User).where(User.id == user_id, User.directorate_id == actor.directorate_id)
    )
    if user is None:
        raise NotFound("Utilizatorul")
    if not ((actor.kind == "user" and actor.id == user.id) or actor.can("administer")):
        raise PermissionDenied()
    return user


def issue_feed(uow: UnitOfWork, actor: Actor, user_id: int, base_url: str) -> str:
    """Give the user a new secret feed address (the previous one stops working); the
    address is returned once and never stored."""
    user = _user_of(uow.session, actor, user_id)
    _revoke(uow.session, user.id)
    secret = secrets.token_urlsafe(32)
    uow.session.add(
        CalendarFeed(user_id=user.id, token_hash=_digest(secret), prefix=secret[:8])
    )
    uow.flush()
    return feed_url(base_url, secret)


def revoke_feed(uow: UnitOfWork, actor: Actor, user_id: int) -> None:
    """Stop the user's feed address from working."""
    user = _user_of(uow.session, actor, user_id)
    _revoke(uow.session, user.id)
    uow.flush()


def has_feed(session: Session, user_id: int) -> bool:
    return (
        session.scalar(
            select(CalendarFeed.id).where(
                CalendarFeed.user_id == user_id, CalendarFeed.revoked_at.is_(None)
            )
        )
        is not None
    )


def _revoke(session: Session, user_id: int) -> None:
    session.execute(
        update(CalendarFeed)
        .where(CalendarFeed.user_id == user_id, CalendarFeed.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def feed_url(base_url: str, secret: str) -> str:
    return f"{base_url.rstrip('/')}/calendar/{secret}.ics"


def user_for_secret(session: Session, secret: str) -> User | None:
    feed = session.scalar(
        select(CalendarFeed).where(
            CalendarFeed.token_hash == _digest(secret), CalendarFeed.revoked_at.is_(None)
        )
    )
    if feed is None:
        return None
    user = session.get(User, feed.user_id)
    return user if user is not None and user.active else None


def render(session: Session, directorate_id: int, on_day: date) -> bytes:
    """The directorate's deadlines as an iCalendar document: all-day events on the last
    day to act; UIDs come from the deadline's id, so a moved term updates its event."""
    since = on_day - timedelta(days=HISTORY_DAYS)
    deadlines = session.scalars(
        select(Deadline)
        .options(joinedload(Deadline.case))
        .where(
            Deadline.directorate_id == directorate_id,
            or_(Deadline.status == OPEN, Deadline.due_date >= since),
        )
        .order_by(Deadline.due_date, Deadline.id)
    ).all()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Termene DGASPC")
    calendar.add("x-wr-timezone", zone().key)
    stamp = datetime.now(UTC)
    for deadline in deadlines:
        calendar.add_component(_event(deadline, stamp))
    return calendar.to_ical()


def _event(deadline: Deadline, stamp: datetime) -> Event:
    rule = catalogue.get(deadline.rule_id)
    title = rule.title if rule else deadline.rule_id
    done = deadline.status != OPEN
    event = Event()
    event.add("uid", f"termen-{deadline.id}@filing-service")
    event.add("dtstamp", stamp)
    event.add("sequence", deadline.sequence or 0)
    event.add("dtstart", deadline.due_date)
    event.add("dtend", deadline.due_date + timedelta(days=1))
    prefix = "Îndeplinit: " if done else "Termen: "
    event.add(
        "summary", f"{prefix}{title} — cauza {deadline.case.reference} ({deadline.article})"
    )
    lines = [deadline.explanation or ""]
    if rule:
        lines.append(f"Cine acționează: {rule.actor_label}.")
    if done:
        lines.append(f"Îndeplinit prin: {deadline.done_act}.")
    event.add("description", "\n".join(line for line in lines if line))
    event.add("status", "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    if deadline.updated_at:
        event.add("last-modified", deadline.updated_at)
    return event


@blueprint.get("/calendar/<secret>.ics")
def calendar_feed(secret: str):
    """The feed itself: no login (calendar programs cannot log in); the secret is the key."""
    with unit_of_work() as uow:
        user = user_for_secret(uow.session, secret)
        if user is None:
            abort(404)
        body = render(uow.session, user.directorate_id, today())
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Type"] = "text/calendar; charset=utf-8"
    response.headers["Cache-Control"] = "private, no-store"  # no copy of a case's dates
    response.headers["Content-Disposition"] = 'inline; filename="termene.ics"'
    return response
