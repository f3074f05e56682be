"""The 119 intake: reports as the call centres send them, the children they name, and the
tokens of the national dispatcher who may route what could not be routed by itself."""

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow

if TYPE_CHECKING:  # for the annotations only
    from .directorate import Directorate


class IntakeReport(Base):
    """One report (sesizare) received by a 119 call centre.

    ``sender_directorate_id`` is the directorate whose call centre sent it; ``directorate_id``
    the competent one it was routed to (None while it waits in the routing queue). The call
    centre's ``call_id`` is unique per sender: a report sent twice is stored once.
    """

    __tablename__ = "intake_reports"
    __table_args__ = (UniqueConstraint("sender_directorate_id", "call_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[str] = mapped_column(String(64))
    sender_directorate_id: Mapped[int] = mapped_column(
        ForeignKey("directorates.id"), index=True
    )
    sender: Mapped[str] = mapped_column(String(200))  # the actor's audit label
    received_at: Mapped[datetime]
    channel: Mapped[str] = mapped_column(String(20))
    caller_anonymous: Mapped[bool] = mapped_column(default=False)
    caller_name: Mapped[str | None] = mapped_column(String(300))
    caller_phone: Mapped[str | None] = mapped_column(String(300))
    caller_relationship: Mapped[str | None] = mapped_column(String(30))
    place_county: Mapped[str | None] = mapped_column(String(300))  # as given
    place_sector: Mapped[int | None] = mapped_column(Integer)
    place_locality: Mapped[str | None] = mapped_column(String(300))
    place_address: Mapped[str | None] = mapped_column(String(300))
    forms: Mapped[list] = mapped_column(JSON, default=list)  # intake.forms.Form codes
    description: Mapped[str | None] = mapped_column(Text)
    urgent: Mapped[bool] = mapped_column(default=False, index=True)
    emergency_alerted: Mapped[bool] = mapped_column(default=False)  # 112 alerted
    emergency_alerted_at: Mapped[datetime | None]
    missing: Mapped[list] = mapped_column(JSON, default=list)  # [{field, message}]
    # Routing: automatic by place, or by a person from the queue.
    directorate_id: Mapped[int | None] = mapped_column(
        ForeignKey("directorates.id"), index=True
    )
    routing: Mapped[str] = mapped_column(String(20))  # automata / manuala / in_asteptare
    routing_reason: Mapped[str | None] = mapped_column(String(300))  # why it waits
    routed_at: Mapped[datetime | None]
    routed_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    children: Mapped[list["ReportedChild"]] = relationship(
        back_populates="report",
        cascade="all, delete-orphan",
        order_by="ReportedChild.position",
    )
    directorate: Mapped["Directorate | None"] = relationship(foreign_keys=[directorate_id])

    @property
    def number(self) -> str:
        """The report's number, given to the call centre once the report is stored."""
        return f"119-{self.received_at.year}-{self.id:06d}"

    @property
    def priority(self) -> bool:
        """Stands out on the dashboard: marked urgent, or 112 was alerted."""
        return bool(self.urgent or self.emergency_alerted)


class ReportedChild(Base):
    """A child named in a report, as far as the caller knew them, and the case it is on."""

    __tablename__ = "intake_report_children"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("intake_reports.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    first_name: Mapped[str | None] = mapped_column(String(100))
    last_name: Mapped[str | None] = mapped_column(String(100))
    cnp: Mapped[str | None] = mapped_column(String(13), index=True)
    birth_date: Mapped[date | None]
    approximate_age: Mapped[int | None] = mapped_column(Integer)
    sex: Mapped[str | None] = mapped_column(String(1))
    # The case the report is on now, and the one it opened (they differ once a person
    # confirms that the child is an already known one).
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    opened_case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    link: Mapped[str | None] = mapped_column(String(20))  # caz_nou / acelasi_cnp / confirmat

    report: Mapped[IntakeReport] = relationship(back_populates="children")


class IntakeDispatcher(Base):
    """An API token of the national dispatcher: it may list and route the routing queue of
    every directorate (and nothing more: it reads no case)."""

    __tablename__ = "intake_dispatchers"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_id: Mapped[int] = mapped_column(ForeignKey("api_tokens.id"), unique=True)
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)
