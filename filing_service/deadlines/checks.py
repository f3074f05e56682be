"""Procedural checks on the hearings and decisions of a case (Law 272/2004, chapter X).

Each finding names its article; they are warnings, never refusals: the court sets its own
hearings, and the DGASPC needs to see a flaw to raise it, not to be stopped recording it.

- art. 134 alin. 3: "Termenele de judecată nu pot fi mai mari de 10 zile": a hearing set
  more than 10 days (calendar days between the two dates) after the previous one.
- art. 134 alin. 4: parties are lawfully summoned if the summons reached them "cel puțin
  cu o zi înaintea judecării": a summons handed on the hearing day or later.
- art. 135 alin. 2: pronouncement postponed "cel mult două zile": more than 2 days
  between the end of the debates and the pronouncement.
- art. 136 alin. 2: the decision is communicated "în termen de cel mult 10 zile de la
  pronunțare": communicated after the last day of that term, counted as the deadline
  ``art136_comunicare_hotarare`` is (CPC art. 181, free days), so that the check and the
  deadline never disagree.
"""

import itertools
from dataclasses import dataclass
from datetime import date

from ..errorcodes import Code
from ..law.dates import format_date_ro
from ..law.events import EventKind
from . import catalogue
from .calendar import WorkCalendar
from .counting import compute
from .planner import EventFact, HearingFact


@dataclass(frozen=True)
class Check:
    code: str
    article: str
    message: str
    hearing_id: int | None = None
    event_id: int | None = None
    severity: str = "warning"

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "article": self.article,
            "severity": self.severity,
            "message": self.message,
            "hearing_id": self.hearing_id,
            "event_id": self.event_id,
        }


def check(
    events: list[EventFact], hearings: list[HearingFact], calendar: WorkCalendar
) -> list[Check]:
    """Every procedural flaw visible on the timeline."""
    found: list[Check] = []
    ordered = sorted(hearings, key=lambda h: (h.scheduled_on, h.id))
    for previous, following in itertools.pairwise(ordered):
        gap = (following.scheduled_on - previous.scheduled_on).days
        if gap > 10:
            found.append(
                Check(
                    Code.HEARING_GAP_OVER_10_DAYS,
                    "art. 134 alin. 3",
                    f"Termenul de judecată din {format_date_ro(following.scheduled_on)} "
                    f"este la {gap} zile după cel din "
                    f"{format_date_ro(previous.scheduled_on)}; "
                    f"termenele nu pot fi mai mari de 10 zile.",
                    hearing_id=following.id,
                )
            )
    for hearing in ordered:
        if hearing.summons_served_on and hearing.summons_served_on >= hearing.scheduled_on:
            found.append(
                Check(
                    Code.LATE_SUMMONS,
                    "art. 134 alin. 4",
                    f"Citația a fost înmânată la {format_date_ro(hearing.summons_served_on)}, "
                    f"nu cu cel puțin o zi înaintea termenului din "
                    f"{format_date_ro(hearing.scheduled_on)}.",
                    hearing_id=hearing.id,
                )
            )
        if hearing.debates_ended_on and hearing.pronounced_on:
            found += _postponed(
                hearing.debates_ended_on, hearing.pronounced_on, hearing_id=hearing.id
            )
    found += _from_events(events, ordered, calendar)
    return found


def _postponed(ended: date, pronounced: date, **where) -> list[Check]:
    days = (pronounced - ended).days
    if days <= 2:
        return []
    return [
        Check(
            Code.RULING_POSTPONED_OVER_2_DAYS,
            "art. 135 alin. 2",
            f"Pronunțarea din {format_date_ro(pronounced)} a fost amânată cu {days} "
            f"zile de la închiderea dezbaterilor ({format_date_ro(ended)}); amânarea "
            f"poate fi de cel mult două zile.",
            **where,
        )
    ]


def _latest_on_or_before(dates: list[date], day: date) -> date | None:
    return max((d for d in dates if d <= day), default=None)


def _from_events(
    events: list[EventFact], hearings: list[HearingFact], calendar: WorkCalendar
) -> list[Check]:
    found: list[Check] = []
    debates = [e.occurred_on for e in events if e.kind == EventKind.DEBATES_ENDED]
    pronouncements = [e.occurred_on for e in events if e.kind == EventKind.PRONOUNCEMENT]
    pronouncements += [h.pronounced_on for h in hearings if h.pronounced_on]
    for event in events:
        if event.kind == EventKind.PRONOUNCEMENT:
            ended = _latest_on_or_before(debates, event.occurred_on)
            if ended:
                found += _postponed(ended, event.occurred_on, event_id=event.id)
        if event.kind == EventKind.DECISION_COMMUNICATED:
            pronounced = _latest_on_or_before(pronouncements, event.occurred_on)
            if pronounced is None:
                continue
            rule = catalogue.require("art136_comunicare_hotarare")
            term = compute(rule.spec, pronounced, calendar=calendar)
            if event.occurred_on > term.due_date:
                found.append(
                    Check(
                        Code.LATE_COMMUNICATION,
                        "art. 136 alin. 2",
                        f"Hotărârea pronunțată la {format_date_ro(pronounced)} a fost "
                        f"comunicată la {format_date_ro(event.occurred_on)}, după ultima zi "
                        f"a termenului de 10 zile ({format_date_ro(term.due_date)}).",
                        event_id=event.id,
                    )
                )
    return found
