"""Input and output models of the filings API (pydantic; inputs refuse unknown fields)."""

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..api.fields import CaseNumber, Label, ShortText, Strict
from ..api.paging import Paging
from .domain import DocumentRole, Status


class FilingIn(Strict):
    object: Label = Field(description="Obiectul cererii")
    legal_basis: ShortText = Field(
        description="Temeiul de drept (articolele Legii nr. 272/2004)"
    )
    court: Label | None = Field(
        None,
        description="Instanța; implicit cea competentă după art. 133 (domiciliul copilului)",
    )


class DocumentRef(Strict):
    role: DocumentRole
    document_id: int = Field(
        description="Un document generat al cauzei; se atașează ultima versiune semnată"
    )
    title: ShortText | None = None


class UploadQuery(Strict):
    role: DocumentRole
    title: str | None = Field(None, max_length=200)


class RegistrationIn(Strict):
    registration_number: CaseNumber
    on: date | None = Field(None, description="Data înregistrării (implicit azi)")


class StatusIn(Strict):
    status: Literal[Status.HEARING_SET, Status.DECIDED, Status.COMMUNICATED, Status.FINAL]
    on: date = Field(
        description="Data la care instanța a făcut pasul (ex. comunicarea hotărârii, art. 137)"
    )
    note: ShortText | None = None


class ConfirmReplyIn(Strict):
    registration_number: CaseNumber | None = Field(
        None,
        description="Numărul corectat; implicit cel propus din răspunsul registraturii",
    )
    on: date | None = Field(
        None, description="Data înregistrării (implicit ziua în care a sosit răspunsul)"
    )


class FilingQuery(Paging):
    case_id: int | None = None
    status: Status | None = None


class CourtPatch(Strict):
    registry_email: str | None = Field(
        None, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"
    )
    email_verified: bool | None = None
    max_message_bytes: int | None = Field(None, ge=64 * 1024, le=100 * 1024 * 1024)
    attach_manifest: bool | None = None
    portal_institution: str | None = Field(None, max_length=60, pattern=r"^[A-Za-z]+$")
    notes: ShortText | None = None


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class FilingDocumentOut(Out):
    id: int
    position: int
    role: str
    title: str
    file_name: str
    sha256: str
    size: int
    document_id: int | None


class SendAttemptOut(Out):
    id: int
    started_at: datetime
    finished_at: datetime | None
    outcome: str
    messages: list[dict]
    error: str | None


class FilingOut(Out):
    id: int
    case_id: int
    court: str
    object: str | None
    legal_basis: str | None
    status: str
    status_changed_at: datetime | None
    idempotency_key: str | None
    manifest_sha256: str | None
    message_ids: list[str]
    registration_number: str | None
    sent_at: datetime | None
    last_error: str | None
    next_send_at: datetime | None
    portal_synced_at: datetime | None
    portal_error: str | None
    created_at: datetime
    documents: list[FilingDocumentOut]
    attempts: list[SendAttemptOut]


class FilingReplyOut(Out):
    id: int
    filing_id: int
    message_id: str
    answers: str = Field(description="Message-ID-ul mesajului nostru la care răspunde")
    sender: str | None
    subject: str | None
    received_at: datetime | None
    proposed_number: str | None
    state: str = Field(description="propus, confirmat sau respins")
    decided_by: str | None
    decided_at: datetime | None
    created_at: datetime


class FilingReplyList(BaseModel):
    items: list[FilingReplyOut]
    total: int


class FilingPage(BaseModel):
    items: list[FilingOut]
    total: int
    page: int
    per_page: int


class ProblemOut(BaseModel):
    code: str
    message: str
    field: str | None
    article: str | None


class CheckOut(BaseModel):
    ok: bool
    status: str
    problems: list[ProblemOut]
    filing: FilingOut


class CourtOut(Out):
    id: int
    name: str
    registry_email: str
    email_verified: bool
    max_message_bytes: int
    attach_manifest: bool
    portal_institution: str | None
    notes: str | None
