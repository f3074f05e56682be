"""What happens at the court after the package is sent: the registration number, the
hearings, the decision, its communication, the appeal; from the user or from the courts
portal. Each step goes on the case timeline, which the deadlines follow (communication
starts the appeal term of art. 137)."""

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import audit
from ..auth.actor import Actor
from ..auth.roles import Role
from ..db import UnitOfWork
from ..errorcodes import Code
from ..errors import DomainError
from ..law.ecris import check_case_number
from ..law.events import EventKind
from ..models import Case, Court, Filing, Hearing
from . import timeline
from .domain import ORDER, STATUS_LABELS, Status, can_move
from .portal import (
    PORTAL_ERRORS,
    PortalAnswerInvalid,
    PortalCase,
    PortalClient,
    PortalListedCase,
    PortalUnavailable,
)
from .service import load_filing, require

OpenUow = Callable[[], AbstractContextManager[UnitOfWork]]

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


# The portal's clock and ours differ: an incremental question starts this much before
# the end of the last good one.
OVERLAP = timedelta(hours=1)


@dataclass
class SyncResult:
    filing_id: int
    ok: bool
    message: str
    hearings: int = 0
    events: list[str] = field(default_factory=list)
    updated: int = 0  # hearings whose hour, panel or outcome the portal changed
    answered: bool = True  # False: the portal did not answer, or not as it should
    status_moved: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.hearings or self.events or self.updated or self.status_moved)


@dataclass(frozen=True)
class CourtToSync:
    """The open registered filings of one court of one directorate (``court_id`` None:
    filings without a court of the directory, asked one by one as before)."""

    directorate_id: int
    court_id: int | None
    filing_ids: list[int]


@dataclass
class CourtSyncResult:
    court_id: int | None
    court: str
    incremental: bool = False  # asked the cases changed since the last good sync
    splits: int = 0  # intervals split because their answer reached the result cap
    errors: list[str] = field(default_factory=list)  # the court's own questions
    filings: list[SyncResult] = field(default_factory=list)
    moved_until: datetime | None = None  # the new portal_synced_until, if moved

    @property
    def ok(self) -> bool:
        return not self.errors and all(r.ok for r in self.filings)


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


def courts_to_sync(session: Session) -> list[CourtToSync]:
    """The filings of :func:`filings_to_sync`, by directorate and court."""
    rows = session.execute(
        select(Case.directorate_id, Filing.court_id, Filing.id)
        .join(Case, Case.id == Filing.case_id)
        .where(
            Filing.status.in_([str(s) for s in SYNCED]),
            Filing.registration_number.is_not(None),
        )
        .order_by(Case.directorate_id, Filing.court_id, Filing.id)
    )
    groups: dict[tuple[int, int | None], list[int]] = {}
    for directorate_id, court_id, filing_id in rows:
        groups.setdefault((directorate_id, court_id), []).append(filing_id)
    return [CourtToSync(d, c, ids) for (d, c), ids in groups.items()]


def system_actor(directorate_id: int) -> Actor:
    """The scheduled sync, acting for one directorate."""
    return Actor(
        kind="system",
        id=0,
        name="sincronizare portal",
        directorate_id=directorate_id,
        role=Role.CASE_SYSTEM,
    )


def sync_court(
    open_uow: OpenUow, group: CourtToSync, client: PortalClient, now: datetime
) -> CourtSyncResult:
    """The daily sync of one court of one directorate, started at ``now``.

    With ``portal_synced_until`` set, one question (``changed_cases``) since then, less
    :data:`OVERLAP`, until ``now``; the filings whose number is in its answer take it,
    those never read or last read with an error are asked by number, the others are
    left alone. Without it (the first run), or when that question fails, every filing
    is asked by number as before. Then the court's hearings of today and tomorrow
    (``hearings_on``) correct the hour and panel of the filings' hearings on those days.
    ``portal_synced_until`` moves to ``now`` only if every question of the court was
    answered.

    Several transactions by design: each filing is committed in a unit of work of its
    own (one failure spoils no other), and so is the court's ``portal_synced_until``;
    none is open while the portal is asked."""
    actor = system_actor(group.directorate_id)
    with open_uow() as uow:
        court = uow.session.get(Court, group.court_id) if group.court_id else None
        if court is not None and court.directorate_id != group.directorate_id:
            court = None  # never another directorate's directory entry
        institution = court.portal_institution if court else None
        since = court.portal_synced_until if court else None
        result = CourtSyncResult(group.court_id, court.name if court else "fără instanță")
        filings = {
            f.id: f
            for f in uow.session.scalars(select(Filing).where(Filing.id.in_(group.filing_ids)))
        }
        numbers = {i: f.registration_number for i, f in filings.items()}
        unread = {
            i for i, f in filings.items() if f.portal_synced_at is None or f.portal_error
        }
    every_answer = institution is not None
    by_number = list(group.filing_ids)
    if institution and since is not None:
        try:
            changes = client.changed_cases(institution, since - OVERLAP, now)
        except PORTAL_ERRORS as exc:
            result.errors.append(f"dosarele modificate: {exc}")
            every_answer = False
        else:
            result.incremental, result.splits = True, changes.splits
            changed = {case.number: case for case in changes.cases}
            by_number = []
            for filing_id in group.filing_ids:
                found = changed.get(numbers[filing_id] or "")
                if found is not None:
                    with open_uow() as uow:
                        result.filings.append(apply_case(uow, actor, filing_id, found, now))
                        uow.commit()
                elif filing_id in unread:
                    by_number.append(filing_id)
    for filing_id in by_number:
        with open_uow() as uow:
            outcome = sync_filing(uow, actor, filing_id, client, now)
            uow.commit()
        result.filings.append(outcome)
        every_answer = every_answer and outcome.answered
    if institution:
        every_answer = (
            _sync_hearing_days(open_uow, actor, group, institution, client, now, result)
            and every_answer
        )
    if court is not None and every_answer:
        with open_uow() as uow:
            court = uow.session.get(Court, group.court_id)
            if court is not None:
                court.portal_synced_until = now
                uow.flush()
            uow.commit()
        result.moved_until = now
    return result


def _sync_hearing_days(
    open_uow: OpenUow,
    actor: Actor,
    group: CourtToSync,
    institution: str,
    client: PortalClient,
    now: datetime,
    result: CourtSyncResult,
) -> bool:
    """Ask the court's sittings of today and tomorrow for the days the filings have a
    hearing on, and correct those hearings; False if a question failed."""
    zone = client.zone
    today = now.astimezone(zone).date()
    start = datetime.combine(today, time(), tzinfo=zone)
    end = datetime.combine(today + timedelta(days=2), time(), tzinfo=zone)
    with open_uow() as uow:
        rows = uow.session.execute(
            select(Filing.id, Hearing.id, Hearing.scheduled_at)
            .join(Hearing, Hearing.case_id == Filing.case_id)
            .where(
                Filing.id.in_(group.filing_ids),
                Hearing.court_case_number == Filing.registration_number,
                Hearing.scheduled_at >= start,
                Hearing.scheduled_at < end,
            )
            .order_by(Hearing.scheduled_at, Hearing.id)
        ).all()
    days: dict[date, list[tuple[int, int]]] = {}
    for filing_id, hearing_id, scheduled_at in rows:
        days.setdefault(scheduled_at.astimezone(zone).date(), []).append(
            (filing_id, hearing_id)
        )
    every_answer = True
    for day, hearings in sorted(days.items()):
        try:
            sittings = client.hearings_on(institution, day)
        except PORTAL_ERRORS as exc:
            result.errors.append(f"ședințele din {day:%d.%m.%Y}: {exc}")
            every_answer = False
            continue
        listed: dict[str, tuple[PortalListedCase, str | None]] = {}
        for sitting in sittings:
            for item in sitting.cases:
                listed.setdefault(item.number, (item, sitting.panel))
        for filing_id, hearing_id in hearings:
            with open_uow() as uow:
                updated = _correct_hearing(uow, actor, filing_id, hearing_id, listed)
                uow.commit()
            if updated is not None:
                result.filings.append(updated)
    return every_answer


def _correct_hearing(
    uow: UnitOfWork,
    actor: Actor,
    filing_id: int,
    hearing_id: int,
    listed: dict[str, tuple[PortalListedCase, str | None]],
) -> SyncResult | None:
    """Set the hour and panel of one hearing to what the court's list says (audited, on
    the case timeline); None when the list agrees or does not name the case."""
    session = uow.session
    filing = load_filing(session, actor, filing_id)
    hearing = session.get(Hearing, hearing_id)
    if hearing is None or hearing.case_id != filing.case_id or not hearing.court_case_number:
        return None
    entry = listed.get(hearing.court_case_number)
    if entry is None:
        return None
    item, panel = entry
    before = hearing.scheduled_at
    values: dict = {"scheduled_at": item.scheduled_at}
    if panel:
        values["panel"] = panel
    changes = audit.apply_changes(hearing, values)
    if not changes:
        return None
    audit.record(
        session,
        actor,
        "update",
        "hearing",
        hearing.id,
        case_id=filing.case_id,
        changes=changes,
    )
    when = item.scheduled_at
    key = f"portal:{hearing.court_case_number}:sedinta:{before.isoformat()}:{when.isoformat()}"
    if not timeline.has_event(session, filing.case, key):
        timeline.add_event(
            session,
            actor,
            filing.case,
            EventKind.OTHER,
            when.date(),
            f"Termenul din {when:%d.%m.%Y} al dosarului {hearing.court_case_number}: "
            f"ora {when:%H:%M}"
            + (f", completul {hearing.panel}" if hearing.panel else "")
            + " (lista de ședință a portalului instanțelor)",
            {"key": key, "filing_id": filing.id, "hearing_id": hearing.id},
            source="portal",
        )
    timeline.case_changed(session, filing.case)
    uow.flush()
    return SyncResult(filing.id, True, "termen actualizat din lista de ședință", updated=1)


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
            uow, actor, filing_id, f"portalul nu cunoaște dosarul {number}", now, True
        )
    return apply_case(uow, actor, filing_id, found, now)


def apply_case(
    uow: UnitOfWork, actor: Actor, filing_id: int, found: PortalCase, now: datetime
) -> SyncResult:
    """Bring the portal's ``found`` (already read and checked) into the filing's
    timeline (flushed; the caller commits)."""
    session = uow.session
    filing = load_filing(session, actor, filing_id)
    status = filing.status
    result = _apply(session, actor, filing, found, now)
    result.status_moved = filing.status != status
    filing.portal_synced_at, filing.portal_error = now, None
    timeline.case_changed(session, filing.case)
    uow.flush()
    return result


def _sync_failed(
    uow, actor, filing_id: int, message: str, now: datetime, answered: bool = False
) -> SyncResult:
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
    return SyncResult(filing.id, False, message, answered=answered)


def _apply(
    session: Session, actor: Actor, filing: Filing, found: PortalCase, now: datetime
) -> SyncResult:
    case = filing.case
    result = SyncResult(filing.id, True, "sincronizat")
    known = {(h.court_case_number, h.scheduled_at): h for h in case.hearings}
    times = {item.scheduled_at for item in found.hearings}
    for item in found.hearings:
        hearing = known.get((found.number, item.scheduled_at))
        if hearing is None:  # the court moved the hour of a hearing we know?
            hearing = _same_day(case.hearings, found.number, item.scheduled_at, times)
        values = {
            "scheduled_at": item.scheduled_at,
            "panel": item.panel,
            "solution": item.solution,
            "summary": item.summary,
            "pronounced_on": item.pronounced_on,
        }
        if hearing is None:
            hearing = Hearing(
                court=filing.court,
                court_case_number=found.number,
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
                result.updated += 1
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


def _same_day(
    hearings: list[Hearing], number: str, scheduled_at: datetime, portal_times: set[datetime]
) -> Hearing | None:
    """The one hearing of case ``number`` we hold on the day of ``scheduled_at`` at an
    hour the portal no longer gives, if there is exactly one: the same hearing, moved."""
    day = scheduled_at.date()
    candidates = [
        h
        for h in hearings
        if h.court_case_number == number
        and h.scheduled_at.astimezone(scheduled_at.tzinfo).date() == day
        and h.scheduled_at not in portal_times
    ]
    return candidates[0] if len(candidates) == 1 else None


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
