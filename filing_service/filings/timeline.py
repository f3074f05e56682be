"""Each change of a filing's status, on the case timeline and in the audit trail; the
deadlines capability follows the timeline through the case-changed hooks (communication
of the decision starts the appeal term, art. 137)."""

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import audit
from ..auth.actor import Actor
from ..cases.hooks import run_case_changed_hooks
from ..law.events import EventKind
from ..models import Case, Event, Filing
from .domain import STATUS_LABELS, Status, can_move

# The event each status puts on the timeline; the rest are recorded as "alt_eveniment".
STATUS_EVENTS = {
    Status.SENT: EventKind.PETITION_FILED,
    Status.DECIDED: EventKind.PRONOUNCEMENT,  # art. 135, art. 136 alin. 2
    Status.COMMUNICATED: EventKind.DECISION_COMMUNICATED,  # art. 137
}


def add_event(
    session: Session,
    actor: Actor,
    case: Case,
    kind: str,
    on: date,
    description: str,
    data: dict,
    source: str = "depunere",
    at: datetime | None = None,
) -> Event:
    """Put one event on the case's timeline, audited in the same transaction."""
    event = Event(
        kind=str(kind),
        occurred_on=on,
        occurred_at=at,
        description=description,
        source=source,
        data=data,
    )
    case.events.append(event)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "event",
        event.id,
        case_id=case.id,
        changes=audit.snapshot(event),
    )
    return event


def has_event(session: Session, case: Case, key: str) -> bool:
    """Whether an event with this ``data.key`` is already on the timeline (imports from
    the portal run again and again; each fact goes on once)."""
    return any(
        e.data.get("key") == key
        for e in session.scalars(select(Event).where(Event.case_id == case.id))
    )


def move(
    session: Session,
    actor: Actor,
    filing: Filing,
    target: Status,
    on: date,
    now: datetime,
    detail: str | None = None,
    source: str = "depunere",
) -> None:
    """Move ``filing`` to ``target`` (the caller has checked it may), record it on the
    timeline and in the audit trail, and let the deadlines follow."""
    current = Status(filing.status)
    if current == target:
        return
    if not can_move(current, target):
        raise ValueError(f"{current} -> {target}")
    filing.status = target
    filing.status_changed_at = now
    case = filing.case
    label = STATUS_LABELS[target]
    description = f"Cererea către {filing.court}: {label.lower()}"
    if detail:
        description += f" ({detail})"
    kind = STATUS_EVENTS.get(target, EventKind.OTHER)
    add_event(
        session,
        actor,
        case,
        kind,
        on,
        description,
        {"filing_id": filing.id, "status": str(target), "key": f"filing:{filing.id}:{target}"},
        source=source,
    )
    audit.record(
        session,
        actor,
        "update",
        "filing",
        filing.id,
        case_id=case.id,
        changes={"status": [str(current), str(target)]},
    )


def case_changed(session: Session, case: Case) -> None:
    """Run the hooks other capabilities registered (deadlines), before the commit."""
    session.flush()
    run_case_changed_hooks(session, case)
