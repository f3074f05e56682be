"""Service functions for deadlines: recompute a case's deadlines from its timeline (the
case hook), list them by urgency, mark them met, manage closure days, compute a term on
request. Every query is limited to the actor's directorate."""

from datetime import UTC, date, datetime, time

from flask import g, has_app_context
from sqlalchemy import and_, func, not_, or_, select
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session, joinedload

from .. import audit
from ..auth.actor import Actor
from ..auth.roles import Role
from ..cases.service import load_case
from ..clock import now as clock_now
from ..clock import today as clock_today
from ..clock import zone as clock_zone
from ..db import UnitOfWork
from ..errorcodes import Code
from ..errors import NotFound, PermissionDenied
from ..law.errors import DomainError
from ..models import Case
from ..models.base import utcnow
from ..models.deadline import ClosureDay, Deadline
from . import catalogue
from .calendar import ROMANIA, WorkCalendar
from .checks import Check, check
from .counting import Term, TermError, compute
from .planner import EventFact, HearingFact, Planned, plan

OPEN, DONE = "deschis", "indeplinit"


# ---- the calendar of a directorate ----------------------------------------------------


def calendar_for(session: Session, directorate_id: int, court: str | None) -> WorkCalendar:
    """Weekends, legal holidays, and the closure days that apply to a case before
    ``court`` (the directorate's own, and the court's), reckoned in ``TIMEZONE`` (in
    Romania's legal time for a case handled outside an app, as a scratch case is)."""
    stmt = select(ClosureDay.day, ClosureDay.reason).where(
        ClosureDay.directorate_id == directorate_id,
        or_(ClosureDay.court.is_(None), ClosureDay.court == court)
        if court
        else ClosureDay.court.is_(None),
    )
    zone = clock_zone() if has_app_context() else ROMANIA
    return WorkCalendar.with_closures(session.execute(stmt).all(), zone=zone)


# ---- recomputation: the case hook ------------------------------------------------------


def _system_actor(directorate_id: int) -> Actor:
    return Actor(
        kind="system",
        id=0,
        name="recalculare termene",
        directorate_id=directorate_id,
        role=Role.CASE_SYSTEM,
    )


def _acting(directorate_id: int) -> Actor:
    """The actor of the request that changed the case (the hook is given none), or the
    system when the change came from a command."""
    actor = g.get("actor") if has_app_context() else None
    return actor if actor is not None else _system_actor(directorate_id)


def timeline_facts(case: Case, zone) -> tuple[list[EventFact], list[HearingFact]]:
    """The case's events and hearings as the planner and the checks read them (hearing
    days in ``zone``, the calendar's)."""
    events = [EventFact(e.id, e.kind, e.occurred_on, e.occurred_at) for e in case.events]
    hearings = [
        HearingFact(
            h.id,
            h.scheduled_at.astimezone(zone).date(),
            h.summons_served_on,
            h.debates_ended_on,
            h.pronounced_on,
        )
        for h in case.hearings
    ]
    return events, hearings


def on_case_changed(session: Session, case: Case) -> None:
    """The hook of ``cases.service``: bring the case's deadlines in line with its timeline."""
    recompute_case(session, case, _acting(case.directorate_id))


def recompute_case(
    session: Session,
    case: Case,
    actor: Actor,
    as_of: date | None = None,
    calendar: WorkCalendar | None = None,
    existing: list[Deadline] | None = None,
) -> int:
    """Create, move or remove the case's deadlines; audit every move. Returns how many
    deadlines changed. ``existing`` (the case's stored deadlines) saves a query when many
    cases are recomputed together."""
    as_of = as_of or (clock_today() if has_app_context() else date.today())
    calendar = calendar or calendar_for(session, case.directorate_id, case.court)
    events, hearings = timeline_facts(case, calendar.zone)
    wanted = {p.key: p for p in plan(events, hearings, calendar, as_of)}
    if existing is None:
        existing = list(
            session.scalars(select(Deadline).where(Deadline.case_id == case.id)).all()
        )
    stored = {d.key: d for d in existing}
    changed = 0
    for key, planned in wanted.items():
        current = stored.pop(key, None)
        if current is None:
            session.add(_new_deadline(case, planned))
            changed += 1
        else:
            moved = _update(current, planned)
            if moved:
                changed += 1
                audit.record(
                    session,
                    actor,
                    "recompute",
                    "deadline",
                    current.id,
                    case_id=case.id,
                    changes=moved,
                )
    for gone in stored.values():
        audit.record(
            session,
            actor,
            "delete",
            "deadline",
            gone.id,
            case_id=case.id,
            changes={"rule_id": gone.rule_id, "due_date": gone.due_date.isoformat()},
        )
        session.delete(gone)
        changed += 1
    return changed


def _new_deadline(case: Case, planned: Planned) -> Deadline:
    term = planned.term
    return Deadline(
        case_id=case.id,
        directorate_id=case.directorate_id,
        key=planned.key,
        rule_id=planned.rule.id,
        article=planned.rule.article,
        trigger_event_id=planned.event_id,
        trigger_hearing_id=planned.hearing_id,
        trigger_date=planned.trigger_date,
        due_date=term.due_date,
        due_at=term.due_at,
        extended_from=term.extended_from,
        explanation=term.explanation,
        status=OPEN,
        sequence=0,
    )


def _update(deadline: Deadline, planned: Planned) -> dict:
    """Apply a recomputed term; return what changed, for the audit (empty: nothing)."""
    term = planned.term
    values = {
        "trigger_date": planned.trigger_date,
        "due_date": term.due_date,
        "due_at": term.due_at,
        "extended_from": term.extended_from,
        "explanation": term.explanation,
        "article": planned.rule.article,
    }
    moved = deadline.due_date != term.due_date or deadline.due_at != term.due_at
    changes = audit.apply_changes(deadline, values)
    if moved:
        deadline.sequence = (deadline.sequence or 0) + 1  # calendars replace the event
    changes.pop("explanation", None)  # follows from the dates; the trail keeps those
    return changes


def recompute_directorate(
    session: Session,
    directorate_id: int,
    actor: Actor,
    as_of: date | None = None,
    court: str | None = None,
) -> int:
    """Recompute every case of a directorate (after its closure days changed)."""
    stmt = (
        select(Case)
        .where(Case.directorate_id == directorate_id)
        .options(joinedload(Case.events), joinedload(Case.hearings))
    )
    if court:
        stmt = stmt.where(Case.court == court)
    stored: dict[int, list[Deadline]] = {}
    for deadline in session.scalars(
        select(Deadline).where(Deadline.directorate_id == directorate_id)
    ):
        stored.setdefault(deadline.case_id, []).append(deadline)
    calendars: dict[str | None, WorkCalendar] = {}
    changed = 0
    for case in session.scalars(stmt).unique():
        if case.court not in calendars:
            calendars[case.court] = calendar_for(session, directorate_id, case.court)
        changed += recompute_case(
            session, case, actor, as_of, calendars[case.court], stored.get(case.id, [])
        )
    return changed


# ---- reading ---------------------------------------------------------------------------


def _open_first():
    return sql_case((Deadline.status == OPEN, 0), else_=1)


def list_deadlines(
    session: Session,
    actor: Actor,
    *,
    overdue: bool | None = None,
    due_before: date | None = None,
    case_id: int | None = None,
    status: str | None = None,
    today: date | None = None,
    limit: int | None = None,
    offset: int = 0,
):
    """The directorate's deadlines, most urgent first: open before met, then by the last
    day (overdue ones come first since their day has passed). Returns (items, total)."""
    today = today or clock_today()
    moment = clock_now() if has_app_context() else datetime.now(UTC)
    late = or_(
        Deadline.due_date < today, and_(Deadline.due_at.is_not(None), Deadline.due_at < moment)
    )
    stmt = select(Deadline).where(Deadline.directorate_id == actor.directorate_id)
    if case_id is not None:
        stmt = stmt.where(Deadline.case_id == case_id)
    if status:
        stmt = stmt.where(Deadline.status == status)
    if due_before:
        stmt = stmt.where(Deadline.due_date < due_before)
    if overdue is True:
        stmt = stmt.where(Deadline.status == OPEN, late)
    elif overdue is False:
        stmt = stmt.where(or_(Deadline.status != OPEN, not_(late)))
    total = session.scalar(select(func.count()).select_from(stmt.subquery()))
    stmt = stmt.options(joinedload(Deadline.case)).order_by(
        _open_first(), Deadline.due_date, Deadline.due_at, Deadline.id
    )
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    return session.scalars(stmt).all(), total


def is_overdue(deadline: Deadline, today: date, now: datetime | None = None) -> bool:
    if deadline.status != OPEN:
        return False
    if deadline.due_at is not None and now is not None:
        return deadline.due_at < now
    return deadline.due_date < today


def case_deadlines(session: Session, actor: Actor, case_id: int):
    """A case's deadlines (by urgency) and its procedural checks."""
    case = load_case(session, actor, case_id)
    items, _ = list_deadlines(session, actor, case_id=case.id)
    events, hearings = timeline_facts(case, clock_zone())
    return case, items, procedural_checks(session, case, events, hearings)


def procedural_checks(session: Session, case: Case, events, hearings) -> list[Check]:
    return check(events, hearings, calendar_for(session, case.directorate_id, case.court))


def load_deadline(session: Session, actor: Actor, deadline_id: int) -> Deadline:
    found = session.scalar(
        select(Deadline).where(
            Deadline.id == deadline_id, Deadline.directorate_id == actor.directorate_id
        )
    )
    if found is None:
        raise NotFound("Termenul")
    return found


# ---- changing --------------------------------------------------------------------------


def set_status(
    uow: UnitOfWork, actor: Actor, deadline_id: int, status: str | None, done_act: str | None
) -> Deadline:
    """Mark a deadline met by an act (``indeplinit``), or open it again (``deschis``)."""
    deadline = load_deadline(uow.session, actor, deadline_id)
    if not actor.can("edit"):
        raise PermissionDenied()
    if status is None:
        raise DomainError(
            "Indicați starea: „indeplinit” sau „deschis”.", field="status", code=Code.REQUIRED
        )
    if status == DONE:
        if not done_act or not done_act.strip():
            raise DomainError(
                "Indicați actul prin care s-a îndeplinit termenul (de exemplu "
                "„cererea nr. 123 depusă la Tribunalul Cluj”).",
                field="done_act",
                code=Code.REQUIRED,
            )
        values = {
            "status": DONE,
            "done_act": done_act.strip(),
            "done_at": utcnow(),
            "done_by": actor.label,
        }
    else:
        values = {"status": OPEN, "done_act": None, "done_at": None, "done_by": None}
    changes = audit.apply_changes(deadline, values)
    audit.record(
        uow.session,
        actor,
        "update",
        "deadline",
        deadline.id,
        case_id=deadline.case_id,
        changes=changes,
    )
    uow.flush()
    return deadline


def list_closure_days(session: Session, actor: Actor, since: date | None = None):
    stmt = select(ClosureDay).where(ClosureDay.directorate_id == actor.directorate_id)
    if since:
        stmt = stmt.where(ClosureDay.day >= since)
    return session.scalars(stmt.order_by(ClosureDay.day, ClosureDay.id)).all()


def add_closure_day(
    uow: UnitOfWork, actor: Actor, day: date, reason: str, court: str | None
) -> ClosureDay:
    """Declare a day closed; the deadlines it touches move at once (and are audited)."""
    if not (actor.can("edit") or actor.can("administer")):
        raise PermissionDenied()
    closure = ClosureDay(
        directorate_id=actor.directorate_id, day=day, reason=reason, court=court
    )
    uow.session.add(closure)
    uow.session.flush()
    audit.record(
        uow.session,
        actor,
        "create",
        "closure_day",
        closure.id,
        changes=audit.snapshot(closure),
    )
    recompute_directorate(uow.session, actor.directorate_id, actor, court=court)
    uow.flush()
    return closure


def delete_closure_day(uow: UnitOfWork, actor: Actor, closure_id: int) -> None:
    closure = uow.session.scalar(
        select(ClosureDay).where(
            ClosureDay.id == closure_id, ClosureDay.directorate_id == actor.directorate_id
        )
    )
    if closure is None:
        raise NotFound("Ziua de închidere")
    if not (actor.can("edit") or actor.can("administer")):
        raise PermissionDenied()
    audit.record(
        uow.session,
        actor,
        "delete",
        "closure_day",
        closure.id,
        changes=audit.snapshot(closure),
    )
    court = closure.court
    uow.session.delete(closure)
    uow.session.flush()
    recompute_directorate(uow.session, actor.directorate_id, actor, court=court)
    uow.flush()


# ---- direct computation ----------------------------------------------------------------


def compute_direct(rule_id: str, trigger_date: date, trigger_time: time | None) -> tuple:
    """A term computed on request: (rule, term). Touches no case data."""
    rule = catalogue.get(rule_id)
    if rule is None:
        raise DomainError(
            f"Regula „{rule_id}” nu există. Lista regulilor: GET /api/v1/deadlines/rules.",
            field="rule",
            code=Code.UNKNOWN_RULE,
        )
    trigger_at = None
    if rule.unit == "hours":
        if trigger_time is None:
            raise DomainError(
                f"Termenul „{rule.id}” se socotește pe ore: indicați și ora "
                f"(trigger_time, de forma HH:MM).",
                field="trigger_time",
                code=Code.REQUIRED,
                article=rule.article,
            )
        trigger_at = datetime.combine(trigger_date, trigger_time, clock_zone())
    try:
        term: Term = compute(
            rule.spec,
            trigger_date,
            trigger_at=trigger_at,
            calendar=WorkCalendar(zone=clock_zone()),
        )
    except TermError as exc:
        raise DomainError(str(exc), field="rule", code=Code.INVALID_TERM) from None
    return rule, term
