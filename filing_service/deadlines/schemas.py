"""What the deadlines API receives and answers."""

import re
from datetime import date, datetime, time
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field

from ..api.fields import Label, ShortText, Strict
from ..api.paging import Paging, page_model

Status = Literal["deschis", "indeplinit"]


def _hour(value: str | None) -> time | None:
    """``"14:30"`` -> 14:30; anything else is refused with a Romanian message."""
    if value is None:
        return None
    match = re.fullmatch(r"([01]\d|2[0-3]):([0-5]\d)", value.strip())
    if not match:
        raise ValueError("Oră invalidă: folosiți forma HH:MM (de exemplu 14:30).")
    return time(int(match[1]), int(match[2]))


Hour = Annotated[str | None, AfterValidator(_hour), Field(examples=["14:30"])]


class DeadlineOut(BaseModel):
    """A deadline with its rule, its article and how its date was counted."""

    id: int
    case_id: int
    case_reference: str
    rule_id: str
    rule_title: str
    article: str
    who_acts: str
    counting: str
    statutory: bool
    trigger_event_id: int | None
    trigger_hearing_id: int | None
    trigger_date: date
    due_date: date = Field(description="Ultima zi în care actul mai poate fi făcut")
    due_at: datetime | None = Field(
        None, description="Pentru termenele pe ore: momentul împlinirii"
    )
    extended_from: date | None = Field(
        None, description="Ziua nelucrătoare de la care termenul a fost prelungit"
    )
    explanation: str | None
    status: Status
    overdue: bool
    done_at: datetime | None
    done_act: str | None
    done_by: str | None


DeadlinePage = page_model(DeadlineOut, "DeadlinePage")


class CheckOut(BaseModel):
    code: str
    article: str
    severity: Literal["warning"]
    message: str
    hearing_id: int | None
    event_id: int | None


class CaseDeadlinesOut(BaseModel):
    case_id: int
    deadlines: list[DeadlineOut]
    checks: list[CheckOut] = Field(description="Verificări procedurale (cap. X)")


class DeadlineQuery(Paging):
    case_id: int | None = None
    due_before: date | None = Field(None, description="Ultima zi înainte de această dată")
    status: Status | None = None
    overdue: bool | None = Field(
        None, description="Doar cele depășite (true) sau doar cele nedepășite (false)"
    )


class DeadlinePatch(Strict):
    """Mark a deadline met by an act, or open it again."""

    status: Status | None = None
    done_act: ShortText | None = Field(
        None, description="Actul prin care s-a îndeplinit termenul"
    )


class ComputeIn(Strict):
    rule: str = Field(
        max_length=60, description="Identificatorul regulii (GET /api/v1/deadlines/rules)"
    )
    trigger_date: date = Field(description="Ziua de la care curge termenul (AAAA-LL-ZZ)")
    trigger_time: Hour = Field(
        None, description="Ora, pentru termenele pe ore (HH:MM, ora României)"
    )


class ComputeOut(BaseModel):
    rule: str
    title: str
    article: str
    due_date: date = Field(description="Ultima zi în care actul mai poate fi făcut")
    due_at: datetime | None = None
    explanation: str


class RuleOut(BaseModel):
    id: str
    title: str
    article: str
    length: int
    unit: str
    counting: str
    counting_label: str
    starts: str | None
    actor: str
    actor_label: str
    tracked: bool
    statutory: bool
    note: str | None


class RuleList(BaseModel):
    items: list[RuleOut]


class ClosureDayIn(Strict):
    day: date
    reason: Label
    court: ShortText | None = Field(
        None, description="Doar pentru cauzele acestei instanțe; lipsă: toată direcția"
    )


class ClosureDayOut(BaseModel):
    model_config = {"from_attributes": True}
    id: int
    day: date
    reason: str
    court: str | None


class ClosureDayList(BaseModel):
    items: list[ClosureDayOut]


class ClosureDayQuery(Strict):
    since: date | None = None
