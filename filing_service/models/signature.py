"""Qualified signatures put on document versions: who signed what, when, and how."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class Signature(Base):
    """One signature added to one document, as its own incremental update.

    ``input_sha256`` is the file that was signed (the generated PDF/A or the file a
    previous signer produced) and ``output_sha256`` the new, signed file: signing never
    rewrites a stored file, it stores a new one. The profile snapshot names the key and
    the services used, never a PIN or passphrase.
    """

    __tablename__ = "signatures"
    # One signature per role on a document: two requests racing past the service's
    # check cannot both be recorded.
    __table_args__ = (UniqueConstraint("document_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    directorate_id: Mapped[int] = mapped_column(ForeignKey("directorates.id"), index=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    signer_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    signer_name: Mapped[str] = mapped_column(String(200))  # as in the certificate
    role: Mapped[str] = mapped_column(String(30))  # auth.roles.Role value
    key_name: Mapped[str] = mapped_column(String(80))
    level: Mapped[str] = mapped_column(String(8))  # B-B, B-T, B-LT, B-LTA
    profile: Mapped[dict] = mapped_column(JSON, default=dict)
    input_sha256: Mapped[str] = mapped_column(String(64))
    output_sha256: Mapped[str] = mapped_column(String(64), index=True)
    certificate_sha256: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[datetime] = mapped_column(default=utcnow)
