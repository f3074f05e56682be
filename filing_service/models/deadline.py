"""Deadlines computed from the case timeline, the closure days that move them, and the
users' calendar feeds that show them."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow
from .case import Case
from .event import Event, Hearing


class Deadline(Base):
    """A term of a case: the rule it follows, what started it, and when it ends.

    ``key`` names what produced it (the event or hearing, the rule, the occurrence), so a
    recomputation updates the same row: its id, and the calendar UID made from it, stay
    stable when a date is corrected.
    """

    __tablename__ = "deadlines"
    __table_args__ = (UniqueConstraint("case_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    directorate_id: Mapped[int] = mapped_column(ForeignKey("directorates.id"), index=True)
    key: Mapped[str] = mapped_column(String(120), server_default="")
    rule_id: Mapped[str] = mapped_column(String(60))
    article: Mapped[str] = mapped_column(String(120))
    trigger_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    trigger_hearing_id: Mapped[int | None] = mapped_column(
        ForeignKey("hearings.id", ondelete="CASCADE"), index=True
    )
    trigger_date: Mapped[date]
    due_date: Mapped[date] = mapped_column(index=True)
    due_at: Mapped[datetime | None]  # terms in hours end at a moment
    extended_from: Mapped[date | None]  # the non-working day the term was moved from
    explanation: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="deschis")  # deschis / indeplinit
    done_at: Mapped[datetime | None]
    done_act: Mapped[str | None] = mapped_column(String(300))
    done_by: Mapped[str | None] = mapped_column(String(200))
    sequence: Mapped[int] = mapped_column(default=0, server_default="0")  # RFC 5545 SEQUENCE
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(default=utcnow, onupdate=utcnow)

    case: Mapped[Case] = relationship()
    trigger_event: Mapped[Event | None] = relationship()
    trigger_hearing: Mapped[Hearing | None] = relationship()


class ClosureDay(Base):
    """A day a directorate's offices or a court's registry are closed (besides weekends
    and legal holidays): a term ending on it runs to the next working day. With ``court``
    set it applies only to the cases before that court."""

    __tablename__ = "closure_days"

    id: Mapped[int] = mapped_column(primary_key=True)
    directorate_id: Mapped[int] = mapped_column(ForeignKey("directorates.id"), index=True)
    day: Mapped[date] = mapped_column(index=True)
    court: Mapped[str | None] = mapped_column(String(120))
    reason: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CalendarFeed(Base):
    """A user's secret iCalendar address. Only a SHA-256 digest of the secret is kept
    (like API tokens); revoking it makes the old address answer 404."""

    __tablename__ = "calendar_feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]
