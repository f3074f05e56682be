"""Deadlines computed from the case timeline."""
from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow
from .case import Case
from .event import Event


class Deadline(Base):
    """A term of a case: the rule it follows, what started it, and when it ends."""

    __tablename__ = "deadlines"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"),
                                         index=True)
    directorate_id: Mapped[int] = mapped_column(ForeignKey("directorates.id"), index=True)
    rule_id: Mapped[str] = mapped_column(String(60))
    article: Mapped[str] = mapped_column(String(120))
    trigger_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True)
    trigger_date: Mapped[date]
    due_date: Mapped[date] = mapped_column(index=True)
    explanation: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="deschis")  # deschis / indeplinit
    done_at: Mapped[datetime | None]
    done_act: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship()
    trigger_event: Mapped[Event | None] = relationship()
