"""Filings with the court."""
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow
from .case import Case


class Filing(Base):
    """A package of signed documents sent to a tribunal, and what became of it."""

    __tablename__ = "filings"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"),
                                         index=True)
    court: Mapped[str] = mapped_column(String(120))
    object: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20), default="ciorna")
    idempotency_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    manifest_sha256: Mapped[str | None] = mapped_column(String(64))
    message_ids: Mapped[list] = mapped_column(JSON, default=list)
    registration_number: Mapped[str | None] = mapped_column(String(40))
    sent_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship()
