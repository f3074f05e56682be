"""The case timeline and the hearings of the court."""

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow
from .case import Case


class Event(Base):
    """Something that happened in the case; events start the terms of the deadlines."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(40), index=True)  # cases.events.EventKind
    occurred_on: Mapped[date]
    occurred_at: Mapped[datetime | None]  # when the hour matters (terms in hours)
    description: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(40))  # web / api / xml / portal / 119
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship(back_populates="events")


class Hearing(Base):
    """A hearing (termen de judecată) of the court in the case."""

    __tablename__ = "hearings"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    court: Mapped[str | None] = mapped_column(String(120))
    court_case_number: Mapped[str | None] = mapped_column(String(40))
    scheduled_at: Mapped[datetime]
    panel: Mapped[str | None] = mapped_column(String(120))  # complet
    summons_served_on: Mapped[date | None]  # art. 134 alin. 4
    solution: Mapped[str | None] = mapped_column(String(120))
    summary: Mapped[str | None] = mapped_column(Text)
    debates_ended_on: Mapped[date | None]  # art. 135
    pronounced_on: Mapped[date | None]
    source: Mapped[str | None] = mapped_column(String(40))

    case: Mapped[Case] = relationship(back_populates="hearings")
