"""Filings with the court: the package, its documents, the attempts to send it, and the
directory of courts each directorate files with."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow
from .case import Case


class Court(Base):
    """A court in a directorate's directory: where its registry takes filings by e-mail,
    and the limits it sets on them.

    Each directorate keeps its own directory (its administrator answers for the addresses
    its staff file to); it is seeded with the tribunals of art. 133 on first use, with
    placeholder addresses marked unverified until an administrator confirms them.
    """

    __tablename__ = "courts"
    __table_args__ = (UniqueConstraint("directorate_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    directorate_id: Mapped[int] = mapped_column(ForeignKey("directorates.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    registry_email: Mapped[str] = mapped_column(String(254))
    email_verified: Mapped[bool] = mapped_column(default=False)
    max_message_bytes: Mapped[int]  # attachments of one e-mail, all together
    portal_institution: Mapped[str | None] = mapped_column(String(60))  # Query.asmx code
    notes: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # The court's own rules for what it receives (migration 0011; ``filings.court_rules``
    # holds their defaults, their meaning and the check of a value).
    accepted_types: Mapped[list] = mapped_column(JSON, default=lambda: ["pdf"])
    max_scan_dpi: Mapped[int | None] = mapped_column(default=200)  # None: no limit
    scans_monochrome: Mapped[bool] = mapped_column(default=True)
    one_message_per_case: Mapped[bool] = mapped_column(default=True)
    file_name_pattern: Mapped[str] = mapped_column(String(120), default="{nr}. {tip}")
    min_hours_before_hearing: Mapped[int | None] = mapped_column(default=24)
    attach_manifest: Mapped[bool] = mapped_column(default=False)
    filing_channel: Mapped[str] = mapped_column(String(20), default="email")
    attach_validation_sheet: Mapped[bool] = mapped_column(default=False)
    rule_sources: Mapped[dict | None] = mapped_column(JSON)  # rule name -> its source
    # The portal's incremental sync: everything the portal changed up to here was read.
    portal_synced_until: Mapped[datetime | None]


class Filing(Base):
    """A package of signed documents sent to a tribunal, and what became of it."""

    __tablename__ = "filings"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    court: Mapped[str] = mapped_column(String(120))
    object: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20), default="ciorna")
    idempotency_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    manifest_sha256: Mapped[str | None] = mapped_column(String(64))
    message_ids: Mapped[list] = mapped_column(JSON, default=list)
    registration_number: Mapped[str | None] = mapped_column(String(40))
    sent_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Added by the filings capability (migration 0007).
    legal_basis: Mapped[str | None] = mapped_column(String(300))
    court_id: Mapped[int | None] = mapped_column(ForeignKey("courts.id"), index=True)
    status_changed_at: Mapped[datetime | None]
    # A send in progress holds this claim, so that a second click or a concurrent retry
    # finds the filing taken instead of sending it again.
    send_claim: Mapped[str | None] = mapped_column(String(64))
    send_claimed_at: Mapped[datetime | None]
    send_failures: Mapped[int] = mapped_column(default=0)
    next_send_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    portal_synced_at: Mapped[datetime | None]
    portal_error: Mapped[str | None] = mapped_column(Text)
    # Added with the courts' own rules (migration 0011).
    channel: Mapped[str] = mapped_column(String(20), default="email")  # or "rejust"
    hearing_id: Mapped[int | None] = mapped_column(
        ForeignKey("hearings.id", ondelete="SET NULL")
    )  # the hearing of an existing court file this filing is meant for
    proof_sha256: Mapped[str | None] = mapped_column(String(64))  # rejust's proof
    proof_file_name: Mapped[str | None] = mapped_column(String(120))

    case: Mapped[Case] = relationship()
    documents: Mapped[list["FilingDocument"]] = relationship(
        back_populates="filing",
        cascade="all, delete-orphan",
        order_by="FilingDocument.position",
    )
    attempts: Mapped[list["SendAttempt"]] = relationship(
        back_populates="filing", cascade="all, delete-orphan", order_by="SendAttempt.id"
    )


class FilingDocument(Base):
    """One PDF of a package: its role (petition, art. 139 report, ...) and its bytes,
    by SHA-256, in the content store."""

    __tablename__ = "filing_documents"
    __table_args__ = (UniqueConstraint("filing_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    filing_id: Mapped[int] = mapped_column(
        ForeignKey("filings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    role: Mapped[str] = mapped_column(String(30))  # filings.domain.DocumentRole
    title: Mapped[str] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(120))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL")
    )
    added_by: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    filing: Mapped[Filing] = relationship(back_populates="documents")


class SendAttempt(Base):
    """One attempt to deliver a package: each message with its Message-ID and whether the
    server accepted it, so that a retry sends only what did not arrive."""

    __tablename__ = "filing_send_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    filing_id: Mapped[int] = mapped_column(
        ForeignKey("filings.id", ondelete="CASCADE"), index=True
    )
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    outcome: Mapped[str] = mapped_column(String(20), default="in_curs")  # reusit/partial/esuat
    messages: Mapped[list] = mapped_column(JSON, default=list)
    error: Mapped[str | None] = mapped_column(Text)

    filing: Mapped[Filing] = relationship(back_populates="attempts")


class FilingReply(Base):
    """A message in the directorate's mailbox that answers a sent filing (matched by
    ``In-Reply-To`` or ``References``): who sent it, when, and the registration number
    read from it, proposed until a person confirms or rejects it. The body is not kept:
    only what the match and the number need."""

    __tablename__ = "filing_replies"
    __table_args__ = (UniqueConstraint("filing_id", "message_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    filing_id: Mapped[int] = mapped_column(
        ForeignKey("filings.id", ondelete="CASCADE"), index=True
    )
    message_id: Mapped[str] = mapped_column(String(250))
    answers: Mapped[str] = mapped_column(String(250))  # the Message-ID of ours it answers
    sender: Mapped[str | None] = mapped_column(String(254))
    subject: Mapped[str | None] = mapped_column(String(300))
    received_at: Mapped[datetime | None]
    proposed_number: Mapped[str | None] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(20), default="propus")
    decided_by: Mapped[str | None] = mapped_column(String(120))
    decided_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    filing: Mapped[Filing] = relationship()
