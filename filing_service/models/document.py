"""Generated documents: every version kept, immutable, content-addressed."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow
from .case import Case


class Document(Base):
    """One generated version of one document of a case.

    The files live in content-addressed storage (sha256); the row keeps the template name
    and version and the hash of the data it was made from, so it can be made again.
    """

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("case_id", "doc_type", "variant", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    doc_type: Mapped[str] = mapped_column(String(60))
    variant: Mapped[str] = mapped_column(String(20), default="instanta")  # / parinti
    version: Mapped[int] = mapped_column(default=1)
    template_name: Mapped[str] = mapped_column(String(120))
    template_version: Mapped[str] = mapped_column(String(64))
    template_sha256: Mapped[str | None] = mapped_column(String(64))  # the exact DOCX used
    # The canonical JSON of the context the document was rendered from, itself kept in
    # the content store under this hash: render it again and the DOCX must match.
    data_sha256: Mapped[str] = mapped_column(String(64))
    docx_sha256: Mapped[str | None] = mapped_column(String(64))
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), default="generat")
    created_by: Mapped[str | None] = mapped_column(String(120))
    # The rules engine's warnings when it was generated (shown with the document).
    warnings: Mapped[list | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship()
