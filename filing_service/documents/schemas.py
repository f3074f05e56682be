"""The documents API's request and response models."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from ..api.fields import Strict
from ..cases.schemas import FindingOut
from .catalog import COURT, DOC_TYPES, VARIANTS

DocTypeId = Literal[tuple(DOC_TYPES)]  # type: ignore[valid-type]
Variant = Literal[VARIANTS]  # type: ignore[valid-type]


class DocumentIn(Strict):
    """Which document to generate, and for whom."""

    type: DocTypeId = Field(  # type: ignore[valid-type]  # the catalogue's ids, at run time
        description="Tipul documentului (catalogul celor 14 documente)"
    )
    variant: Variant = Field(
        COURT, description="„parinti”: fără datele pe care art. 67^1 le ascunde părinților"
    )


class DocumentLinks(BaseModel):
    self: str
    docx: str
    pdf: str


class DocumentOut(BaseModel):
    """One stored version of a document."""

    id: int
    case_id: int
    type: str
    title: str
    variant: str
    version: int
    template_name: str
    template_version: str
    template_sha256: str | None
    data_sha256: str
    docx_sha256: str | None
    pdf_sha256: str | None
    status: str
    created_by: str | None
    created_at: datetime
    warnings: list[FindingOut] = Field(default_factory=list)
    links: DocumentLinks


class DocumentList(BaseModel):
    items: list[DocumentOut]
    total: int
