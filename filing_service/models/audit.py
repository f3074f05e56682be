"""The audit trail: append-only records of every change and every read of a whole case."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class AuditEvent(Base):
    """Who did what to which record, and when. Never updated, never deleted: the
    migration installs database triggers that refuse both."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    directorate_id: Mapped[int | None] = mapped_column(
        ForeignKey("directorates.id"), index=True
    )
    actor: Mapped[str] = mapped_column(String(120))  # "user:12 (ana.pop)" / "token:3 (...)"
    action: Mapped[str] = mapped_column(String(20))  # create / update / delete / read
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None]
    case_id: Mapped[int | None] = mapped_column(index=True)
    changes: Mapped[dict] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
