"""Special protection measures (art. 59) and their lifecycle."""

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..law.facts import MeasureStatus
from .base import Base
from .case import Case, PlacementTarget


class Measure(Base):
    """A measure proposed, in force or ended, with who decided it and on what basis."""

    __tablename__ = "measures"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(30))  # law.facts.MeasureKind
    authority: Mapped[str] = mapped_column(String(20))  # law.facts.Authority
    legal_basis: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20), default=MeasureStatus.PROPOSED)
    placement_target_id: Mapped[int | None] = mapped_column(
        ForeignKey("placement_targets.id", ondelete="SET NULL")
    )
    act_number: Mapped[str | None] = mapped_column(String(60))  # dispoziție / hotărâre no.
    decided_on: Mapped[date | None]
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    danger_motivation: Mapped[str | None] = mapped_column(Text)  # art. 73 alin. 3^1
    residential_justification: Mapped[str | None] = mapped_column(Text)  # art. 58 alin. 6

    case: Mapped[Case] = relationship(back_populates="measures")
    placement_target: Mapped[PlacementTarget | None] = relationship()
