"""What people work from after intake: the directorate's reports (urgent ones first), the
routing queue, and the suggested matches with children already known.

Tenancy: a routed report belongs to the competent directorate only; the directorate whose
call centre sent it does not read it (nor its cases) afterwards. A report waiting in the
routing queue is seen by the national dispatcher and by the administrators of the
directorate that sent it, the people who may route it.
"""

from datetime import datetime

from sqlalchemy import case as sql_case
from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, selectinload

from .. import audit
from ..api.paging import paginate
from ..auth.actor import Actor
from ..cases import schemas as case_schemas
from ..cases import service as cases
from ..db import UnitOfWork
from ..errorcodes import Code
from ..errors import Conflict, NotFound, PermissionDenied
from ..law.errors import DomainError
from ..models import Case, Child, Directorate, IntakeReport, ReportedChild
from . import report as rules
from .routing import check_area
from .service import _report_event, _route, is_dispatcher


def _priority_first():
    """Urgent reports and those where 112 was alerted come first."""
    return sql_case((or_(IntakeReport.urgent, IntakeReport.emergency_alerted), 0), else_=1)


# ---- the directorate's reports ---------------------------------------------------------


def list_reports(session: Session, actor: Actor, query):
    """The reports routed to the actor's directorate: urgent and 112 first, newest first."""
    stmt = select(IntakeReport).where(IntakeReport.directorate_id == actor.directorate_id)
    if query.priority is not None:
        flag = or_(IntakeReport.urgent, IntakeReport.emergency_alerted)
        stmt = stmt.where(flag if query.priority else ~flag)
    stmt = stmt.order_by(
        _priority_first(), IntakeReport.received_at.desc(), IntakeReport.id.desc()
    ).options(selectinload(IntakeReport.children))
    return paginate(session, stmt, query)


def get_report(uow: UnitOfWork, actor: Actor, report_id: int) -> IntakeReport:
    """One report of the actor's directorate; the read is audited (children's data)."""
    report = uow.session.scalar(
        select(IntakeReport).where(
            IntakeReport.id == report_id, IntakeReport.directorate_id == actor.directorate_id
        )
    )
    if report is None:
        raise NotFound("Sesizarea")
    audit.record(uow.session, actor, "read", "intake_report", report.id)
    uow.flush()
    return report


def urgent_reports(session: Session, actor: Actor, limit: int = 50) -> list[IntakeReport]:
    """For the dashboard: the directorate's urgent or 112-alerted reports whose case is
    still open, newest first. Each report's ``children[i].case_id`` leads to its case."""
    still_open = exists().where(
        ReportedChild.report_id == IntakeReport.id,
        ReportedChild.case_id == Case.id,
        Case.status == "deschis",
    )
    return list(
        session.scalars(
            select(IntakeReport)
            .where(
                IntakeReport.directorate_id == actor.directorate_id,
                or_(IntakeReport.urgent, IntakeReport.emergency_alerted),
                still_open,
            )
            .order_by(IntakeReport.received_at.desc(), IntakeReport.id.desc())
            .limit(limit)
        )
    )


# ---- the routing queue -----------------------------------------------------------------


def _queue(session: Session, actor: Actor):
    stmt = select(IntakeReport).where(IntakeReport.directorate_id.is_(None))
    if is_dispatcher(session, actor):
        return stmt
    if actor.can("administer"):
        return stmt.where(IntakeReport.sender_directorate_id == actor.directorate_id)
    return None


def list_queue(session: Session, actor: Actor, paging):
    """Reports no rule could route, oldest first (they have waited longest)."""
    stmt = _queue(session, actor)
    if stmt is None:
        raise PermissionDenied(
            "Coada de rutare este a dispecerului național și a administratorilor."
        )
    return paginate(
        session,
        stmt.order_by(_priority_first(), IntakeReport.received_at, IntakeReport.id).options(
            selectinload(IntakeReport.children)
        ),
        paging,
    )


def directorate_codes(session: Session) -> dict[int, str]:
    """Directorate id -> code (CJ, B3): the queue names the sender of each report."""
    return dict(session.execute(select(Directorate.id, Directorate.code)).all())


def route_queued(
    uow: UnitOfWork, actor: Actor, report_id: int, area: str, now: datetime
) -> IntakeReport:
    """A person routes a queued report to a directorate; its cases open there."""
    session = uow.session
    stmt = _queue(session, actor)
    report = (
        session.scalar(stmt.where(IntakeReport.id == report_id).with_for_update())
        if stmt is not None
        else None
    )
    if report is None:
        raise NotFound("Sesizarea din coada de rutare")
    code = check_area(area)
    _route(uow, actor, report, code, "manuala", now)
    audit.record(
        session, actor, "route", "intake_report", report.id, changes={"directorate": code}
    )
    uow.flush()
    return report


# ---- matches with children already known ----------------------------------------------


def _candidates(session: Session, actor: Actor, rc: ReportedChild):
    """Cases of the directorate whose child has ``rc``'s name and birth date."""
    if not (rc.first_name and rc.last_name and rc.birth_date):
        return []
    rows = session.scalars(
        select(Case)
        .join(Child)
        .where(
            Case.directorate_id == actor.directorate_id,
            Child.birth_date == rc.birth_date,
            Case.id != (rc.case_id or -1),
            Case.id != (rc.opened_case_id or -1),
        )
    )
    return [
        c
        for c in rows
        if rules.same_person(
            rc.first_name, rc.last_name, c.child.first_name, c.child.last_name
        )
    ]


def suggestions(session: Session, actor: Actor) -> list[dict]:
    """Reported children (no CNP match) who may be children of existing cases."""
    rows = session.scalars(
        select(ReportedChild)
        .join(IntakeReport)
        .where(
            IntakeReport.directorate_id == actor.directorate_id,
            ReportedChild.link == "caz_nou",
            ReportedChild.birth_date.is_not(None),
        )
        .order_by(IntakeReport.received_at.desc(), ReportedChild.id)
    )
    out = []
    for rc in rows:
        for candidate in _candidates(session, actor, rc):
            out.append(
                {
                    "report_id": rc.report_id,
                    "report_number": rc.report.number,
                    "reported_child_id": rc.id,
                    "case_id": candidate.id,
                    "case_reference": candidate.reference,
                    "child_name": candidate.child_name,
                    "birth_date": candidate.child.birth_date,
                }
            )
    return out


def confirm_match(
    uow: UnitOfWork, actor: Actor, reported_child_id: int, case_id: int, now: datetime
) -> ReportedChild:
    """A person confirms that a reported child is the child of case ``case_id``: the report
    goes on that case's timeline and the case the report opened is closed."""
    session = uow.session
    rc = session.scalar(
        select(ReportedChild)
        .join(IntakeReport)
        .where(
            ReportedChild.id == reported_child_id,
            IntakeReport.directorate_id == actor.directorate_id,
        )
    )
    if rc is None:
        raise NotFound("Copilul din sesizare")
    if not actor.can("edit"):
        raise PermissionDenied()
    target = cases.load_case(session, actor, case_id)
    if rc.case_id == target.id:
        raise Conflict(
            "Copilul din sesizare este deja legat de această cauză.", field="case_id"
        )
    if rc.link != "caz_nou" or target not in _candidates(session, actor, rc):
        raise DomainError(
            "Cauza nu este o potrivire sugerată: numele și data nașterii "
            "copilului trebuie să coincidă.",
            field="case_id",
            code=Code.NOT_A_SUGGESTED_MATCH,
        )
    today = now.date()
    opened = rc.opened_case_id
    if opened is None:
        raise LookupError(f"reported child {rc.id} opened no case")  # a bug: checked above
    # The report's own event, as the opened case holds it (rebuilt if someone removed it).
    event = _report_event(rc.report, rc, now.tzinfo)
    event.data["linked_from_case"] = opened
    cases.add_part(uow, actor, target.id, "event", event, today, source="119")
    cases.update_case(uow, actor, opened, case_schemas.CaseUpdate(status="inchis"), today)
    rc.case_id, rc.link = target.id, "confirmat"
    audit.record(
        session,
        actor,
        "link",
        "reported_child",
        rc.id,
        case_id=target.id,
        changes={"case_id": [opened, target.id]},
    )
    uow.flush()
    return rc
