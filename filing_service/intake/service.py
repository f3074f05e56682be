"""Service functions of the 119 intake: store a report, route it, open or find the case of
each child at the competent directorate, and the queues people work from.

Every report and every case it opens commit together: the cases service runs inside the
intake's unit of work and only flushes, so its rules, audit and hooks (the deadlines of
the verification, art. 98 lit. a) apply, but nothing is acknowledged before all of it
holds.
"""

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from .. import audit
from ..auth.actor import Actor
from ..auth.roles import Role
from ..cases import schemas as case_schemas
from ..cases import service as cases
from ..db import UnitOfWork
from ..errorcodes import Code
from ..errors import Conflict, PermissionDenied
from ..law.cnp import parse_cnp
from ..law.errors import DomainError
from ..law.events import EventKind
from ..models import Case, Child, Directorate, IntakeDispatcher, IntakeReport, ReportedChild
from . import report as rules
from .routing import Routing, route_place
from .schemas import ReportedChildIn, ReportIn

CLOCK_SKEW = timedelta(minutes=5)  # call-centre clocks may run a little ahead of ours
ATTEMPTS = 5  # a concurrent send of the same call, or a race on case numbers, retries


# ---- who may do what -----------------------------------------------------------------


def is_dispatcher(session: Session, actor: Actor) -> bool:
    """The national dispatcher: an API token granted the routing queue of every directorate."""
    return (
        actor.kind == "token"
        and session.scalar(
            select(IntakeDispatcher.id).where(IntakeDispatcher.token_id == actor.id)
        )
        is not None
    )


def grant_dispatcher(session: Session, token_id: int) -> IntakeDispatcher:
    """Make an API token the national dispatcher's (the caller commits); granting it
    again changes nothing."""
    existing = session.scalar(
        select(IntakeDispatcher).where(IntakeDispatcher.token_id == token_id)
    )
    if existing is not None:
        return existing
    grant = IntakeDispatcher(token_id=token_id)
    session.add(grant)
    session.flush()
    return grant


def _require_sender(session: Session, actor: Actor) -> None:
    if not (actor.can("edit") or is_dispatcher(session, actor)):
        raise PermissionDenied("Rolul dumneavoastră nu permite trimiterea sesizărilor.")


# ---- intake --------------------------------------------------------------------------


def submit_report(
    uow: UnitOfWork, actor: Actor, data: ReportIn, now: datetime
) -> tuple[IntakeReport, bool]:
    """Store a report, route it and open its cases (flushed; the caller commits); return
    (report, was_duplicate).

    The same call id from the same directorate returns the report already stored. A race
    between two sends of one call ends on the unique constraint, here or at the caller's
    commit: the caller rolls back and tries again in a new unit of work (``ATTEMPTS``
    times, on ``RETRIED`` errors), and then finds the winner's report.
    """
    session = uow.session
    _require_sender(session, actor)
    _check_times(data, now)
    routing = route_place(data.place.county, data.place.sector, data.place.locality)
    existing = _by_call_id(session, actor.directorate_id, data.call_id)
    if existing is not None:
        return existing, True
    return _store(uow, actor, data, routing, now), False


# Another send of this call won (unique constraint), a case number was taken
# concurrently, or SQLite's writer lock was busy: worth a new unit of work.
RETRIED = (IntegrityError, OperationalError)


def concurrent_sends() -> Conflict:
    """The refusal once every attempt of ``submit_report`` lost a race."""
    return Conflict(
        "Sesizarea nu a putut fi salvată din cauza unor trimiteri "
        "simultane; trimiteți-o din nou.",
        field="call_id",
    )


def _check_times(data: ReportIn, now: datetime) -> None:
    if data.received_at > now + CLOCK_SKEW:
        raise DomainError(
            "Momentul primirii apelului nu poate fi în viitor.",
            field="received_at",
            code=Code.DATE_IN_FUTURE,
        )
    alerted_at = data.emergency_112.alerted_at
    if alerted_at is not None and alerted_at > now + CLOCK_SKEW:
        raise DomainError(
            "Ora alertării 112 nu poate fi în viitor.",
            field="emergency_112.alerted_at",
            code=Code.DATE_IN_FUTURE,
        )
    for i, child in enumerate(data.children):
        born = child.birth_date or (parse_cnp(child.cnp).birth_date if child.cnp else None)
        if born is not None and born > now.date():
            raise DomainError(
                "Data nașterii copilului nu poate fi în viitor.",
                field=f"children[{i}].birth_date",
                code=Code.DATE_IN_FUTURE,
            )


def _by_call_id(session: Session, sender_id: int, call_id: str) -> IntakeReport | None:
    return session.scalar(
        select(IntakeReport).where(
            IntakeReport.sender_directorate_id == sender_id, IntakeReport.call_id == call_id
        )
    )


def _store(
    uow: UnitOfWork, actor: Actor, data: ReportIn, routing: Routing, now: datetime
) -> IntakeReport:
    session = uow.session
    report = IntakeReport(
        call_id=data.call_id,
        sender_directorate_id=actor.directorate_id,
        sender=actor.label,
        received_at=data.received_at,
        channel=data.channel,
        caller_anonymous=data.caller.anonymous,
        caller_name=data.caller.name,
        caller_phone=data.caller.phone,
        caller_relationship=data.caller.relationship,
        place_county=data.place.county,
        place_sector=data.place.sector,
        place_locality=data.place.locality,
        place_address=data.place.address,
        forms=[str(f) for f in data.forms],
        description=data.description,
        urgent=data.urgent,
        emergency_alerted=data.emergency_112.alerted,
        emergency_alerted_at=data.emergency_112.alerted_at,
        missing=[m.as_dict() for m in rules.missing_parts(data)],
        routing="in_asteptare",
        routing_reason=routing.reason,
    )
    # A report is about a child, even an unknown one.
    children: list[ReportedChildIn | None] = list(data.children) or [None]
    for position, child in enumerate(children):
        report.children.append(
            ReportedChild(position=position, **(child.model_dump() if child else {}))
        )
    for rc in report.children:
        if rc.cnp and rc.birth_date is None:
            info = parse_cnp(rc.cnp)
            rc.birth_date, rc.sex = info.birth_date, rc.sex or info.sex
    session.add(report)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "intake_report",
        report.id,
        changes={
            "number": report.number,
            "call_id": report.call_id,
            "routing": routing.code or "in_asteptare",
        },
    )
    if routing.code is not None:
        _route(uow, actor, report, routing.code, "automata", now)
    return report


def _route(
    uow: UnitOfWork, actor: Actor, report: IntakeReport, code: str, how: str, now: datetime
) -> None:
    """Give the report to directorate ``code`` and put every child on a case there."""
    session = uow.session
    # Locking the directorate's row serialises the case numbers it hands out (they are
    # counted, cases.service._next_reference), so concurrent reports do not collide.
    # FOR NO KEY UPDATE: the foreign keys of the reports being inserted hold KEY SHARE
    # locks on the same row, which a plain FOR UPDATE would deadlock against.
    target = session.scalars(
        select(Directorate).where(Directorate.code == code).with_for_update(key_share=True)
    ).one()  # ``code`` is one of the 47 directorates: the routing found it
    report.directorate_id = target.id
    report.routing, report.routing_reason = how, None
    report.routed_at, report.routed_by = now, actor.label
    # The cases service works inside the competent directorate: an actor of that tenant
    # whose audit label still names who sent the report, and from where.
    intake_actor = Actor(
        kind=actor.kind,
        id=actor.id,
        role=Role.CASE_SYSTEM,
        directorate_id=target.id,
        name=f"linia 119, prin {actor.name}"[:90],
    )
    local = now.tzinfo
    for rc in report.children:
        event = _report_event(report, rc, local)
        known = _known_case(session, target.id, rc.cnp) if rc.cnp else None
        if known is not None:
            cases.add_part(
                uow, intake_actor, known.id, "event", event, now.date(), source="119"
            )
            rc.case_id, rc.link = known.id, "acelasi_cnp"
        else:
            opened = cases.create_case(
                uow,
                intake_actor,
                _case_in(rc, report, code, event, local),
                now.date(),
                source="119",
            )
            rc.case_id = rc.opened_case_id = opened.id
            rc.link = "caz_nou"
    session.flush()


def _known_case(session: Session, directorate_id: int, cnp: str) -> Case | None:
    """The directorate's case of the child with this CNP: an open one first, the latest."""
    return session.scalar(
        select(Case)
        .join(Child)
        .where(Case.directorate_id == directorate_id, Child.cnp == cnp)
        .order_by((Case.status == "deschis").desc(), Case.id.desc())
        .limit(1)
    )


def _place_text(report: IntakeReport) -> str:
    parts = [
        report.place_address,
        report.place_locality,
        f"sectorul {report.place_sector}" if report.place_sector else None,
        report.place_county,
    ]
    return ", ".join(p for p in parts if p)


def _report_event(report: IntakeReport, rc: ReportedChild, local) -> case_schemas.EventIn:
    alerted_at = (
        report.emergency_alerted_at.astimezone(local) if report.emergency_alerted_at else None
    )
    text = rules.timeline_text(
        report.number,
        report.channel,
        report.forms,
        _place_text(report),
        report.description,
        report.urgent,
        report.emergency_alerted,
        alerted_at,
    )
    child_missing = [m.as_dict() for m in rules.child_missing(rc, "child")]
    if rc.approximate_age is not None and not rc.birth_date:
        text += f"\nVârsta aproximativă: {rc.approximate_age} ani."
    return case_schemas.EventIn(
        kind=EventKind.REPORT_RECEIVED,
        occurred_on=report.received_at.astimezone(local).date(),
        occurred_at=report.received_at,
        description=text,
        data={
            "report_id": report.id,
            "report_number": report.number,
            "urgent": report.urgent,
            "emergency_112": report.emergency_alerted,
            "emergency_112_at": alerted_at.isoformat() if alerted_at else None,
            "forms": list(report.forms),
            "missing": child_missing,
            "approximate_age": rc.approximate_age,
        },
    )


def _case_in(
    rc: ReportedChild, report: IntakeReport, code: str, event: case_schemas.EventIn, local
) -> case_schemas.CaseIn:
    child = case_schemas.ChildIn(
        first_name=rc.first_name or rules.PLACEHOLDER,
        last_name=rc.last_name or rules.PLACEHOLDER,
        cnp=rc.cnp,
        birth_date=rc.birth_date,
        sex=rc.sex,
        found_area=code,
    )  # art. 133 alin. (2): where the child was identified
    return case_schemas.CaseIn(
        child=child, events=[event], opened_on=report.received_at.astimezone(local).date()
    )
