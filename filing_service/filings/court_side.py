"""What happens at the court after the package is sent: the registration number, the
hearings, the decision, its communication, the appeal; from the user or from the courts
portal. Each step goes on the case timeline, which the deadlines follow (communication
starts the appeal term of art. 137)."""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import audit
from ..auth.actor import Actor
from ..db import UnitOfWork
from ..errorcodes import Code
from ..errors import DomainError
from ..law.ecris import check_case_number
from ..law.events import EventKind
from ..models import Court, Filing, Hearing
from . import timeline
from .domain import ORDER, STATUS_LABELS, Status, can_move
from .portal import PortalAnswerInvalid, PortalCase, PortalClient, PortalUnavailable
from .service import load_filing, require

# What a user may record by hand (the portal records the same when it shows them).
MANUAL = (Status.HEARING_SET, Status.DECIDED, Status.COMMUNICATED, Status.FINAL)
SYNCED = (Status.REGISTERED, Status.HEARING_SET, Status.DECIDED, Status.COMMUNICATED)


def register(
    uow: UnitOfWork,
    actor: Actor,
    filing_id: int,
    number: str,
    now: datetime,
    on: date | None = None,
) -> Filing:
    """Record the court's case number (ECRIS ``number/court/year[/aN]``)."""
    session = uow.session
    filing = load_filing(session, actor, filing_id)
    require(actor, "file")
    number = check_case_number(number, field="registration_number")
    if on is not None and on > now.date():
        raise DomainError(
            "Data înregistrării nu poate fi în viitor.", field="on", code=Code.DATE_IN_FUTURE
        )
    if filing.status != Status.SENT:
        if filing.registration_number == number:
            return filing  # the same number again: nothing to do
        raise DomainError(
            "Numărul de înregistrare se poate consemna doar pentru o cerere "
            f"trimisă (starea actuală: {STATUS_LABELS[Status(filing.status)]}).",
            field="status",
            code=Code.STATUS_NOT_ALLOWED,
        )
    filing.registration_number = number
    case = filing.case
    if not case.court_case_number:
        case.court_case_number = number
    if not case.court:
        case.court = filing.court
    timeline.move(
        session, actor, filing, Status.REGISTERED, on or now.date(), now, f"dosar nr. {number}"
    )
    timeline.case_changed(session, case)
    uow.flush()
    return filing


def record_status(
    uow: UnitOfWork,
    actor: Actor,
    filing_id: int,
    status: Status,
    on: date,
    now: datetime,
    note: str | None = None,
) -> Filing:
    """Record a step the court took, on the day it took it (e.g. the communication of the
    decision, which starts the appeal term)."""
    session = uow.session
    filing = load_filing(session, actor, filing_id)
    require(actor, "file")
    if status not in MANUAL:
        raise DomainError(
            "Starea se stabilește automat; se pot consemna: " + ", ".join(MANUAL) + ".",
            field="status",
            code=Code.STATUS_NOT_ALLOWED,
        )
    if not can_move(Status(filing.status), status):
        raise DomainError(
            f"Cererea este „{STATUS_LABELS[Status(filing.status)]}” și nu "
            f"poate trece în „{STATUS_LABELS[status]}”.",
            field="status",
            code=Code.TRANSITION_NOT_ALLOWED,
        )
    if on > now.date():
        raise DomainError("Data nu poate fi în viitor.", field="on", code=Code.DATE_IN_FUTURE)
    timeline.move(session, actor, filing, status, on, now, note)
    timeline.case_changed(session, filing.case)
    uow.flush()
    return filing


# ---- the courts portal ------------------------------------------------------------------


@dataclass
class SyncResult:
    filing_id: int
    ok: bool
    message: str
    hearings: int = 0
    events: list[str] = field(default_factory=list)


def filings_to_sync(session: Session) -> list[int]:
    """Every registered filing the court has not finished with, of every directorate."""
    return list(
        session.scalars(
            select(Filing.id)
            .where(
                Filing.status.in_([str(s) for s in SYNCED]),
                Filing.registration_number.is_not(None),
            )
            .order_by(Filing.id)
        )
    )


def sync_filing(
    uow: UnitOfWork, actor: Actor, filing_id: int, client: PortalClient, now: datetime
) -> SyncResult:
    """Bring what the portal knows of one filed case into its timeline (flushed; the
    caller commits).

    The portal is asked first, outside any transaction (on SQLite an open one holds the
    write lock), and its whole answer checked; only then is anything written. A timeout
    or a malformed answer is recorded on the filing (``portal_error``) and changes
    nothing else.
    """
    session = uow.session
    filing = load_filing(session, actor, filing_id)
    court = session.get(Court, filing.court_id) if filing.court_id else None
    institution = court.portal_institution if court else None
    number = filing.registration_number
    uow.release()
    try:
        if not institution:
            raise PortalAnswerInvalid("instanța nu are cod în portal")
        if not number:
            raise PortalAnswerInvalid("cererea nu are încă număr de dosar")
        found = client.find_case(number, institution)
    except (PortalUnavailable, PortalAnswerInvalid) as exc:
        return _sync_failed(uow, actor, filing_id, str(exc), now)
    if found is None:
        return _sync_failed(
            uow, actor, filing_id, f"portalul nu cunoaște dosarul {number}", now
        )
    filing = load_filing(session, actor, filing_id)
    result = _apply(session, actor, filing, found, now)
    filing.portal_synced_at, filing.portal_error = now, None
    timeline.case_changed(session, filing.case)
    uow.flush()
    return result


def _sync_failed(uow, actor, filing_id: int, message: str, now: datetime) -> SyncResult:
    filing = load_filing(uow.session, actor, filing_id)
    filing.portal_error = f"{now.isoformat(timespec='minutes')}: {message}"
    audit.record(
        uow.session,
        actor,
        "portal_error",
        "filing",
        filing.id,
        case_id=filing.case_id,
        changes={"error": message},
    )
    uow.flush()
    return SyncResult(filing.id, False, message)


def _apply(
    session: Session, actor: Actor, filing: Filing, found: PortalCase, now: datetime
) -> SyncResult:
    case = filing.case
    result = SyncResult(filing.id, True, "sincronizat")
    known = {(h.court_case_number, h.scheduled_at): h for h in case.hearings}
    for item in found.hearings:
        hearing = known.get((found.number, item.scheduled_at))
        values = {
            "panel": item.panel,
            "solution": item.solution,
            "summary": item.summary,
            "pronounced_on": item.pronounced_on,
        }
        if hearing is None:
            hearing = Hearing(
                court=filing.court,
                court_case_number=found.number,
                scheduled_at=item.scheduled_at,
                source="portal",
                **values,
            )
            case.hearings.append(hearing)
            session.flush()
            audit.record(
                session,
                actor,
                "create",
                "hearing",
                hearing.id,
                case_id=case.id,
                changes=audit.snapshot(hearing),
            )
            result.hearings += 1
        else:
            changes = audit.apply_changes(
                hearing, {k: v for k, v in values.items() if v is not None}
            )
            if changes:
                audit.record(
                    session,
                    actor,
                    "update",
                    "hearing",
                    hearing.id,
                    case_id=case.id,
                    changes=changes,
                )
        _advance(
            session,
            actor,
            filing,
            Status.HEARING_SET,
            now.date(),
            now,
            f"termen {item.scheduled_at:%d.%m.%Y %H:%M}",
        )
        if item.pronounced_on and item.solution:
            _pronounced(session, actor, filing, found, item, now, result)
    for appeal in found.appeals:
        key = f"portal:{found.number}:recurs:{appeal.declared_on}:{appeal.party}"
        if not timeline.has_event(session, case, key):
            timeline.add_event(
                session,
                actor,
                case,
                EventKind.APPEAL_FILED,
                appeal.declared_on,
                f"{appeal.kind or 'Cale de atac'} declarată de "
                f"{appeal.party or 'o parte'} (portalul instanțelor)",
                {"key": key, "filing_id": filing.id, "type": appeal.kind},
                source="portal",
            )
            result.events.append(EventKind.APPEAL_FILED)
    return result


def _pronounced(session, actor, filing, found, item, now, result) -> None:
    key = f"portal:{found.number}:pronuntare:{item.pronounced_on}"
    if timeline.has_event(session, filing.case, key) or timeline.has_event(
        session, filing.case, f"filing:{filing.id}:{Status.DECIDED}"
    ):
        return  # already imported, or recorded by hand
    description = f"{item.solution}: {item.summary}" if item.summary else item.solution
    if item.document_number:
        description += f" (hotărârea nr. {item.document_number})"
    before = Status(filing.status)
    if ORDER.index(before) < ORDER.index(Status.DECIDED):
        filing.status = Status.DECIDED
        filing.status_changed_at = now
        audit.record(
            session,
            actor,
            "update",
            "filing",
            filing.id,
            case_id=filing.case_id,
            changes={"status": [str(before), str(Status.DECIDED)]},
        )
    timeline.add_event(
        session,
        actor,
        filing.case,
        EventKind.PRONOUNCEMENT,
        item.pronounced_on,
        description,
        {
            "key": key,
            "filing_id": filing.id,
            "status": str(Status.DECIDED),
            "solution": item.solution,
        },
        source="portal",
    )
    result.events.append(EventKind.PRONOUNCEMENT)


def _advance(
    session, actor, filing: Filing, target: Status, on: date, now: datetime, detail: str
) -> None:
    """Move forward to ``target`` unless the filing is already there or further on."""
    if ORDER.index(Status(filing.status)) < ORDER.index(target):
        timeline.move(session, actor, filing, target, on, now, detail, source="portal")
