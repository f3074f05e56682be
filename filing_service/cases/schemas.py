"""The case model as the API (and the XML import, and the web forms) receive it."""

import json
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ..api.fields import (
    AreaCode,
    CaseNumber,
    Cnp,
    Label,
    LongText,
    Name,
    ShortText,
    Strict,
    partial,
)
from ..api.paging import Paging, page_model
from ..law.events import EventKind
from ..law.facts import (
    Authority,
    MeasureKind,
    MeasureStatus,
    ParentRole,
    Relationship,
    ResidentialKind,
    Situation,
    TargetKind,
)

# What the XML export (``xml/schemas/case-submission.xsd``) can carry is what a case may
# hold: the write models and ``cases.integrity.check_case`` apply the same limits.
PARENTS_MAX = 10  # <parent maxOccurs="10">
EVENTS_MAX = 500  # <event maxOccurs="500">
EVENT_DATA_MAX = 100  # <entry maxOccurs="100">
EVENT_DATA_KEY_MAX = 100  # its key attribute, 1-100 characters
EVENT_DATA_TEXT_MAX = 80000  # LongTextType, a value's text (JSON for a non-text value)


def _event_data(data: dict) -> dict:
    """Event data the XML export can carry. The messages quote neither key nor value:
    either may hold what a caseworker wrote about the child."""
    for key, value in data.items():
        if not 1 <= len(key) <= EVENT_DATA_KEY_MAX:
            raise ValueError(
                f"O cheie are {len(key)} caractere; sunt permise 1-{EVENT_DATA_KEY_MAX}."
            )
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        if len(text) > EVENT_DATA_TEXT_MAX:
            raise ValueError(
                f"O valoare are {len(text)} caractere; sunt permise cel mult "
                f"{EVENT_DATA_TEXT_MAX}."
            )
    return data


ParentalRights = Literal["exercitate", "suspendate", "decazut"]
CaseStatus = Literal["deschis", "inchis"]


class ChildIn(Strict):
    """The child: identification, where the child lives, and the art. 139 report data."""

    first_name: Name
    last_name: Name
    cnp: Cnp | None = None
    birth_date: date | None = None
    sex: Literal["M", "F"] | None = None
    citizenship: ShortText | None = None
    domicile_address: ShortText | None = None
    domicile_area: AreaCode | None = Field(
        None, description="Județul/sectorul domiciliului (art. 133 alin. 1)"
    )
    found_area: AreaCode | None = Field(
        None,
        description="Unde a fost găsit copilul, dacă "
        "domiciliul nu e cunoscut (art. 133 "
        "alin. 2)",
    )
    complete_impairment_confirmed: bool = Field(False, description="art. 64 alin. (2)")
    consent: bool | None = Field(
        None, description="Consimțământul copilului de 14 ani (art. 57 alin. 3)"
    )
    personality: LongText | None = Field(None, description="art. 139 lit. a)")
    health: LongText | None = Field(None, description="art. 139 lit. a)")
    history: LongText | None = Field(None, description="art. 139 lit. b)")
    education: LongText | None = Field(None, description="art. 139 lit. b)")
    living_conditions: LongText | None = Field(None, description="art. 139 lit. c)")
    other_data: LongText | None = Field(None, description="art. 139 lit. e)")


class ParentIn(Strict):
    """A parent or another legal representative."""

    role: ParentRole
    first_name: Name
    last_name: Name
    cnp: Cnp | None = None
    birth_date: date | None = None
    address: ShortText | None = None
    phone: ShortText | None = None
    agrees_to_measure: bool | None = None
    parental_rights: ParentalRights = "exercitate"
    deceased: bool = False
    legal_representative: bool = True


class PlacementTargetIn(Strict):
    """A person, family, maternal assistant or residential service (art. 62, art. 123).

    Address, income, property, medical and psychological data are confidential towards the
    parents (art. 67^1)."""

    kind: TargetKind
    name: Label
    relationship_to_child: Relationship | None = None
    residential_kind: ResidentialKind | None = None
    cnp: Cnp | None = None
    birth_date: date | None = None
    full_legal_capacity: bool | None = None
    domicile_in_romania: bool | None = None
    attestation: ShortText | None = None
    address: ShortText | None = None
    income: ShortText | None = None
    property: ShortText | None = None
    medical_info: LongText | None = None
    psychological_info: LongText | None = None


class MeasureIn(Strict):
    """A special protection measure (art. 59)."""

    kind: MeasureKind
    authority: Authority
    legal_basis: ShortText | None = None
    status: MeasureStatus = MeasureStatus.PROPOSED
    placement_target_id: int | None = Field(
        None, description="Ținta plasamentului, din placement_targets ale cauzei"
    )
    act_number: ShortText | None = None
    decided_on: date | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    danger_motivation: LongText | None = Field(None, description="art. 73 alin. (3^1)")
    residential_justification: LongText | None = Field(None, description="art. 58 alin. (6)")


class EventIn(Strict):
    """An event on the case timeline."""

    kind: EventKind
    occurred_on: date
    occurred_at: datetime | None = Field(
        None,
        description="Pentru termenele pe ore; cu fusul orar (2026-11-20T09:30:00+02:00 "
        "sau ...Z): o oră fără fus orar este refuzată (422)",
    )
    description: LongText | None = None
    data: Annotated[dict, AfterValidator(_event_data)] = Field(
        default_factory=dict, max_length=EVENT_DATA_MAX
    )


class HearingIn(Strict):
    """A hearing of the court."""

    scheduled_at: datetime = Field(
        description="Cu fusul orar (2026-12-03T09:00:00+02:00 sau ...Z): o oră fără fus "
        "orar este refuzată (422)"
    )
    court: ShortText | None = None
    court_case_number: CaseNumber | None = None
    panel: ShortText | None = None
    summons_served_on: date | None = None
    solution: ShortText | None = None
    summary: LongText | None = None
    debates_ended_on: date | None = None
    pronounced_on: date | None = None


class CaseIn(Strict):
    """A new case, with its child and, optionally, parents, a placement target, a measure
    and events. The measure, when given with a placement target, is placed there."""

    reference: ShortText | None = Field(
        None, description="Numărul intern; generat dacă lipsește"
    )
    external_id: ShortText | None = Field(
        None, description="Identificatorul din sistemul care trimite"
    )
    status: CaseStatus = "deschis"
    situation: Situation | None = Field(None, description="Situația copilului, art. 60 lit.")
    facts_summary: LongText | None = None
    court: ShortText | None = None
    court_case_number: CaseNumber | None = None
    sibling_group: ShortText | None = None
    opened_on: date | None = None
    child: ChildIn
    parents: list[ParentIn] = Field(default_factory=list, max_length=PARENTS_MAX)
    placement_target: PlacementTargetIn | None = None
    measure: MeasureIn | None = None
    events: list[EventIn] = Field(default_factory=list, max_length=EVENTS_MAX)


class CaseUpdate(Strict):
    """The case's own fields; its parts change through their own resources."""

    reference: ShortText | None = None
    external_id: ShortText | None = None
    status: CaseStatus | None = None
    situation: Situation | None = None
    facts_summary: LongText | None = None
    court: ShortText | None = None
    court_case_number: CaseNumber | None = None
    sibling_group: ShortText | None = None
    opened_on: date | None = None


ChildPatch = partial(ChildIn, "ChildPatch")
ParentPatch = partial(ParentIn, "ParentPatch")
PlacementTargetPatch = partial(PlacementTargetIn, "PlacementTargetPatch")
MeasurePatch = partial(MeasureIn, "MeasurePatch")
EventPatch = partial(EventIn, "EventPatch")
HearingPatch = partial(HearingIn, "HearingPatch")


# ---- output -------------------------------------------------------------------------


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ChildOut(Out, ChildIn):
    model_config = ConfigDict(from_attributes=True, extra="ignore")
    id: int
    case_id: int


class ParentOut(Out, ParentIn):
    model_config = ConfigDict(from_attributes=True, extra="ignore")
    id: int
    case_id: int


class PlacementTargetOut(Out, PlacementTargetIn):
    model_config = ConfigDict(from_attributes=True, extra="ignore")
    id: int
    case_id: int


class MeasureOut(Out, MeasureIn):
    model_config = ConfigDict(from_attributes=True, extra="ignore")
    id: int
    case_id: int


class EventOut(Out, EventIn):
    model_config = ConfigDict(from_attributes=True, extra="ignore")
    id: int
    case_id: int
    source: str | None = None
    created_at: datetime


class HearingOut(Out, HearingIn):
    model_config = ConfigDict(from_attributes=True, extra="ignore")
    id: int
    case_id: int
    source: str | None = None


class FindingOut(BaseModel):
    code: str
    article: str
    severity: Literal["error", "warning"]
    message: str
    field: str | None = None


class CaseSummary(Out):
    id: int
    reference: str
    external_id: str | None
    status: str
    situation: str | None
    court: str | None
    court_case_number: str | None
    opened_on: date
    child: ChildOut


class CaseOut(CaseSummary):
    facts_summary: str | None
    sibling_group: str | None
    directorate_code: str
    created_at: datetime
    updated_at: datetime
    parents: list[ParentOut]
    placement_targets: list[PlacementTargetOut]
    measures: list[MeasureOut]
    events: list[EventOut]
    hearings: list[HearingOut]
    findings: list[FindingOut] = Field(default_factory=list)


CasePage = page_model(CaseSummary, "CasePage")
ChildPage = page_model(ChildOut, "ChildPage")
ParentPage = page_model(ParentOut, "ParentPage")
MeasurePage = page_model(MeasureOut, "MeasurePage")
EventPage = page_model(EventOut, "EventPage")


class CaseQuery(Paging):
    status: CaseStatus | None = None
    situation: Situation | None = None
    q: str | None = Field(None, max_length=100, description="Numele copilului (parțial)")
    cnp: str | None = Field(None, max_length=13)
    court_case_number: str | None = Field(None, max_length=40)
    opened_from: date | None = None
    opened_to: date | None = None


class ChildQuery(Paging):
    q: str | None = Field(None, max_length=100)
    cnp: str | None = Field(None, max_length=13)
    case_id: int | None = None


class ParentQuery(Paging):
    case_id: int | None = None
    role: ParentRole | None = None
    cnp: str | None = Field(None, max_length=13)


class MeasureQuery(Paging):
    case_id: int | None = None
    kind: MeasureKind | None = None
    status: MeasureStatus | None = None
    authority: Authority | None = None


class EventQuery(Paging):
    case_id: int | None = None
    kind: EventKind | None = None
    occurred_from: date | None = None
    occurred_to: date | None = None
