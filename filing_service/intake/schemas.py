"""The 119 report as the call centres send it (JSON, or XML mapped onto the same model),
and the answers they get back."""

from datetime import date, datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from ..api.fields import Cnp, LongText, Name, ShortText, Strict
from ..api.paging import Paging, page_model
from ..law.cnp import check_cnp_matches
from ..law.errors import DomainError
from .forms import Form

Channel = Literal["telefon", "sms", "email", "chat", "altul"]
CallerRelationship = Literal[
    "copilul_insusi",
    "parinte",
    "ruda",
    "vecin",
    "cadru_didactic",
    "cadru_medical",
    "politie",
    "alt_profesionist",
    "alta_persoana",
]


class CallerIn(Strict):
    """Who called. An anonymous caller gives no name: none is stored."""

    anonymous: bool = False
    name: ShortText | None = None
    phone: ShortText | None = None
    relationship: CallerRelationship | None = Field(
        None, description="Cine este apelantul față de copil"
    )

    @model_validator(mode="after")
    def _anonymous_has_no_identity(self):
        if self.anonymous and (self.name or self.phone):
            raise ValueError(
                "Un apelant anonim nu are nume sau telefon: lăsați câmpurile "
                "goale sau marcați apelantul ca neanonim."
            )
        return self


class ReportedChildIn(Strict):
    """A child as far as the caller knows: any part may be missing."""

    first_name: Name | None = None
    last_name: Name | None = None
    cnp: Cnp | None = None
    birth_date: date | None = None
    approximate_age: int | None = Field(
        None, ge=0, le=17, description="Vârsta aproximativă, în ani"
    )
    sex: Literal["M", "F"] | None = None

    @model_validator(mode="after")
    def _cnp_agrees_with_birth_date(self):
        if self.cnp:
            try:
                check_cnp_matches(self.cnp, self.birth_date)
            except DomainError as exc:
                raise ValueError(exc.message) from None
        return self


class PlaceIn(Strict):
    """Where the child is, as the caller said it (art. 96 alin. 1 routes by it)."""

    county: ShortText | None = Field(
        None,
        examples=["Cluj", "Bistrita-Nasaud", "CJ"],
        description="Județul (cu sau fără diacritice, sau codul auto), ori „București”",
    )
    sector: int | None = Field(None, ge=1, le=6, description="Sectorul municipiului București")
    locality: ShortText | None = None
    address: ShortText | None = Field(None, description="Adresa, așa cum a fost indicată")


class EmergencyIn(Strict):
    """Whether the operator alerted 112 (police or ambulance needed) and when."""

    alerted: bool = False
    alerted_at: AwareDatetime | None = None

    @model_validator(mode="after")
    def _time_only_if_alerted(self):
        if self.alerted_at is not None and not self.alerted:
            raise ValueError("Ora alertării 112 se dă doar dacă 112 a fost alertat.")
        return self


class ReportIn(Strict):
    """A report received by a 119 call centre."""

    call_id: str = Field(
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$",
        description="Identificatorul apelului în centrul de apel; același "
        "identificator trimis din nou nu creează o a doua "
        "sesizare",
    )
    received_at: AwareDatetime = Field(description="Când a fost primit apelul (cu fus orar)")
    channel: Channel = "telefon"
    caller: CallerIn = Field(default_factory=CallerIn)
    children: list[ReportedChildIn] = Field(default_factory=list, max_length=20)
    place: PlaceIn = Field(default_factory=PlaceIn)
    forms: list[Form] = Field(
        default_factory=list,
        max_length=len(Form),
        description="Formele de abuz, neglijare, exploatare sau violență "
        "(art. 94, art. 89, art. 4 lit. h)",
    )
    description: LongText | None = None
    urgent: bool = False
    emergency_112: EmergencyIn = Field(default_factory=EmergencyIn)

    @model_validator(mode="after")
    def _distinct(self):
        if len(set(self.forms)) != len(self.forms):
            raise ValueError("O formă este menționată de mai multe ori în forms.")
        cnps = [c.cnp for c in self.children if c.cnp]
        if len(set(cnps)) != len(cnps):
            raise ValueError("Același CNP apare la mai mulți copii ai sesizării.")
        return self


class RouteIn(Strict):
    """A person routes a queued report: the county or sector code (CJ, B3) or county name."""

    area: ShortText = Field(examples=["CJ", "B3", "Bistrița-Năsăud"])


class LinkIn(Strict):
    """A person confirms that a reported child is the child of an existing case."""

    case_id: int


# ---- answers ------------------------------------------------------------------------


class MissingOut(BaseModel):
    field: str
    message: str


class ReceiptOut(BaseModel):
    """The answer to the call centre: given only once the report is committed."""

    number: str
    call_id: str
    duplicate: bool = Field(
        description="true dacă apelul fusese deja primit: nicio sesizare nouă nu a fost creată"
    )
    routing: str
    directorate: str | None = Field(
        description="Codul direcției competente; null cât timp sesizarea așteaptă rutarea"
    )
    routing_reason: str | None = None
    missing: list[MissingOut]
    case_ids: list[int] = Field(
        default_factory=list, description="Doar când direcția competentă este cea care trimite"
    )


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ReportedChildOut(Out):
    id: int
    first_name: str | None
    last_name: str | None
    cnp: str | None
    birth_date: date | None
    approximate_age: int | None
    sex: str | None
    case_id: int | None
    link: str | None


class ReportOut(Out):
    id: int
    number: str
    call_id: str
    received_at: datetime
    channel: str
    caller_anonymous: bool
    caller_name: str | None
    caller_phone: str | None
    caller_relationship: str | None
    place_county: str | None
    place_sector: int | None
    place_locality: str | None
    place_address: str | None
    forms: list[str]
    description: str | None
    urgent: bool
    emergency_alerted: bool
    emergency_alerted_at: datetime | None
    priority: bool
    missing: list[MissingOut]
    routing: str
    routing_reason: str | None
    routed_at: datetime | None
    children: list[ReportedChildOut]


class QueuedReportOut(ReportOut):
    """A report in the routing queue, with the directorate whose call centre sent it."""

    sender_directorate: str


class SuggestionOut(BaseModel):
    """An existing case whose child has the reported child's name and birth date."""

    report_id: int
    report_number: str
    reported_child_id: int
    case_id: int
    case_reference: str
    child_name: str
    birth_date: date


ReportPage = page_model(ReportOut, "ReportPage")
QueuePage = page_model(QueuedReportOut, "QueuePage")


class ReportQuery(Paging):
    priority: bool | None = Field(
        None, description="Doar sesizările urgente sau cu 112 alertat"
    )


class SuggestionList(BaseModel):
    items: list[SuggestionOut]
