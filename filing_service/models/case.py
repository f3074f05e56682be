"""The case aggregate: the case, its child, parents and placement targets."""

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow

if TYPE_CHECKING:  # the other aggregates' classes, for the annotations only
    from .directorate import Directorate
    from .event import Event, Hearing
    from .measure import Measure


class Case(Base):
    """A child-protection case of one directorate (the tenant)."""

    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("directorate_id", "external_id"),
        UniqueConstraint("directorate_id", "reference"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    directorate_id: Mapped[int] = mapped_column(ForeignKey("directorates.id"), index=True)
    reference: Mapped[str] = mapped_column(String(40))  # the directorate's own number
    external_id: Mapped[str | None] = mapped_column(String(120))  # the sending system's id
    status: Mapped[str] = mapped_column(String(20), default="deschis")  # deschis / inchis
    situation: Mapped[str | None] = mapped_column(String(1))  # art. 60 letter
    facts_summary: Mapped[str | None] = mapped_column(Text)  # "În fapt", as drafted
    court: Mapped[str | None] = mapped_column(String(120))  # tribunal seised, if any
    court_case_number: Mapped[str | None] = mapped_column(String(40), index=True)  # ECRIS
    sibling_group: Mapped[str | None] = mapped_column(String(60), index=True)
    opened_on: Mapped[date]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    directorate: Mapped["Directorate"] = relationship()
    child: Mapped["Child"] = relationship(
        back_populates="case", uselist=False, cascade="all, delete-orphan"
    )
    parents: Mapped[list["Parent"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Parent.id"
    )
    placement_targets: Mapped[list["PlacementTarget"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="PlacementTarget.id"
    )
    measures: Mapped[list["Measure"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Measure.id"
    )
    events: Mapped[list["Event"]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        order_by="(Event.occurred_on, Event.id)",
    )
    hearings: Mapped[list["Hearing"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Hearing.scheduled_at"
    )

    @property
    def directorate_code(self) -> str:
        return self.directorate.code

    @property
    def child_name(self) -> str:
        return f"{self.child.first_name} {self.child.last_name}" if self.child else ""


class Child(Base):
    """The child the case is about, with what the art. 139 report needs."""

    __tablename__ = "children"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), unique=True
    )
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    cnp: Mapped[str | None] = mapped_column(String(13), index=True)
    birth_date: Mapped[date | None]
    sex: Mapped[str | None] = mapped_column(String(1))  # M / F
    citizenship: Mapped[str | None] = mapped_column(String(60))
    domicile_address: Mapped[str | None] = mapped_column(String(300))
    domicile_area: Mapped[str | None] = mapped_column(String(4))  # directorate code
    found_area: Mapped[str | None] = mapped_column(String(4))  # art. 133 alin. 2
    complete_impairment_confirmed: Mapped[bool] = mapped_column(default=False)  # art. 64(2)
    consent: Mapped[bool | None]  # art. 57 alin. 3
    # Art. 139 lit. a)-c), e): the report on the child.
    personality: Mapped[str | None] = mapped_column(Text)
    health: Mapped[str | None] = mapped_column(Text)
    history: Mapped[str | None] = mapped_column(Text)
    education: Mapped[str | None] = mapped_column(Text)
    living_conditions: Mapped[str | None] = mapped_column(Text)
    other_data: Mapped[str | None] = mapped_column(Text)

    case: Mapped[Case] = relationship(back_populates="child")


class Parent(Base):
    """A parent or another legal representative of the child."""

    __tablename__ = "parents"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(30))  # mama / tata / tutore / reprezentant_legal
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    cnp: Mapped[str | None] = mapped_column(String(13), index=True)
    birth_date: Mapped[date | None]
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))
    agrees_to_measure: Mapped[bool | None]  # art. 65: commission with, court without
    parental_rights: Mapped[str] = mapped_column(String(20), default="exercitate")
    deceased: Mapped[bool] = mapped_column(default=False)
    legal_representative: Mapped[bool] = mapped_column(default=True)

    case: Mapped[Case] = relationship(back_populates="parents")


class PlacementTarget(Base):
    """Where a child is or may be placed (art. 62 alin. 1, art. 123).

    Address, income, property and medical and psychological data are confidential towards
    the biological parents (art. 67^1): documents for parents leave them out.
    """

    __tablename__ = "placement_targets"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(30))  # law.facts.TargetKind
    name: Mapped[str] = mapped_column(String(200))
    relationship_to_child: Mapped[str | None] = mapped_column(String(30))  # Relationship
    residential_kind: Mapped[str | None] = mapped_column(String(30))  # ResidentialKind
    cnp: Mapped[str | None] = mapped_column(String(13))
    birth_date: Mapped[date | None]
    full_legal_capacity: Mapped[bool | None]
    domicile_in_romania: Mapped[bool | None]
    attestation: Mapped[str | None] = mapped_column(String(120))  # atestat / licență
    address: Mapped[str | None] = mapped_column(String(300))  # art. 67^1
    income: Mapped[str | None] = mapped_column(String(300))  # art. 67^1
    property: Mapped[str | None] = mapped_column(String(500))  # art. 67^1
    medical_info: Mapped[str | None] = mapped_column(Text)  # art. 67^1
    psychological_info: Mapped[str | None] = mapped_column(Text)  # art. 67^1

    case: Mapped[Case] = relationship(back_populates="placement_targets")
