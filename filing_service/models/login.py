"""Failed log-ins, kept briefly so that guessing passwords is slowed down."""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class LoginFailure(Base):
    """One failed log-in for a user name. The password tried is never kept, nor logged.

    Rows older than the throttling window are pruned on the next failure; a database
    table (not process memory) so that every server worker counts the same failures."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), index=True)  # as typed, lower-cased
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
