"""Input and output models of the filings API (pydantic; inputs refuse unknown fields)."""

from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from ..api.fields import CaseNumber, Label, ShortText, Strict
from ..api.paging import Paging
from . import court_rules
from .court_rules import RULES, Channel
from .domain import DocumentRole, Severity, Status


class FilingIn(Strict):
    object: Label = Field(description="Obiectul cererii")
    legal_basis: ShortText = Field(
        description="Temeiul de drept (articolele Legii nr. 272/2004)"
    )
    court: Label | None = Field(
        None,
        description="Instanța; implicit cea competentă după art. 133 (domiciliul copilului)",
    )
    channel: Channel | None = Field(
        None,
        description="Calea de depunere: email (registratura instanței) sau rejust "
        "(registratura.rejust.ro); implicit calea aleasă pentru instanță",
    )
    hearing_id: int | None = Field(
        None,
        description="Termenul de judecată al cauzei pentru care se depune; implicit "
        "următorul termen al cauzei, dacă are",
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


class RejustSentQuery(Strict):
    on: date | None = Field(
        None, description="Data depunerii prin registratura electronică (implicit azi)"
    )


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


def _rule(rule: str) -> Callable:
    """A validator that refuses what ``court_rules.rule_error`` refuses, in its words."""

    def check(value):
        error = court_rules.rule_error(rule, value)
        if error is not None:
            raise ValueError(error)
        return value

    return check


def _sources(value):
    error = court_rules.sources_error(value)
    if error is not None:
        raise ValueError(error)
    return value


class CourtPatch(Strict):
    registry_email: str | None = Field(
        None, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"
    )
    email_verified: bool | None = None
    max_message_bytes: Annotated[int, AfterValidator(_rule("max_message_bytes"))] | None = (
        Field(None, description="Octeții tuturor atașamentelor unui mesaj")
    )
    accepted_types: (
        Annotated[
            list[Annotated[str, Field(max_length=10)]],
            Field(max_length=3),
            AfterValidator(_rule("accepted_types")),
        ]
        | None
    ) = Field(None, description="Submulțime din pdf, doc, docx care conține pdf")
    max_scan_dpi: Annotated[int, AfterValidator(_rule("max_scan_dpi"))] | None = Field(
        None, description="Rezoluția maximă a scanărilor; null: fără limită"
    )
    scans_monochrome: bool | None = None
    one_message_per_case: bool | None = None
    file_name_pattern: (
        Annotated[str, Field(max_length=120), AfterValidator(_rule("file_name_pattern"))]
        | None
    ) = Field(None, description="Din {nr}, {tip} și {titlu}, de exemplu „{nr}. {tip}”")
    min_hours_before_hearing: (
        Annotated[int, AfterValidator(_rule("min_hours_before_hearing"))] | None
    ) = Field(None, description="Ore înainte de termen; null: instanța nu cere un minim")
    attach_manifest: bool | None = None
    attach_validation_sheet: bool | None = None
    filing_channel: Channel | None = None
    rule_sources: (
        Annotated[
            dict[
                Annotated[str, Field(max_length=40)],
                Annotated[str, Field(max_length=court_rules.SOURCE_MAX)] | None,
            ],
            Field(max_length=len(RULES)),
            AfterValidator(_sources),
        ]
        | None
    ) = Field(
        None,
        description="Sursa fiecărei reguli (numele regulii -> sursa); o regulă schimbată "
        "fără sursă este consemnată ca stabilită de administrator",
    )
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
    channel: str
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
    proof_sha256: str | None
    proof_file_name: str | None
    hearing_id: int | None
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
    severity: Severity = Field(
        description="eroare: oprește depunerea; avertisment: de știut, nu oprește nimic"
    )
    source: str | None = Field(description="Sursa regulii instanței aplicate")
    hint: str | None = Field(description="Ce este de făcut")


class CheckOut(BaseModel):
    ok: bool
    status: str
    problems: list[ProblemOut]
    filing: FilingOut


class RuleOut(BaseModel):
    rule: str
    label: str
    value: int | bool | str | list[str] | None
    source: str


class CourtOut(Out):
    id: int
    name: str
    registry_email: str
    email_verified: bool
    max_message_bytes: int
    accepted_types: list[str]
    max_scan_dpi: int | None
    scans_monochrome: bool
    one_message_per_case: bool
    file_name_pattern: str
    min_hours_before_hearing: int | None
    attach_manifest: bool
    attach_validation_sheet: bool
    filing_channel: str
    rule_sources: dict[str, str] | None
    portal_institution: str | None
    notes: str | None
    rules: list[RuleOut] = Field(
        description="Fiecare regulă a instanței, cu valoarea și sursa ei"
    )

    @model_validator(mode="before")
    @classmethod
    def _with_rules(cls, court):
        """A court read from the directory carries its rules as a person reads them."""
        if isinstance(court, dict):
            return court
        values = {name: getattr(court, name) for name in cls.model_fields if name != "rules"}
        values["rules"] = [vars(r) for r in court_rules.describe(court)]
        return values
