"""The rules engine's findings on a stored case, evaluated once per state of the case.

One operation asks for the findings of a case several times: a change checks them, its
answer shows them; a document generation refuses on them, records them and prints them,
twice for a document with a parents' variant. The law is evaluated once for each state of
the case within a unit of work: the result is kept in the session and forgotten as soon
as anything the facts are built from (a case, its child, measures, placement targets) is
written, or waits unwritten in the session.
"""

from datetime import date

from sqlalchemy import event
from sqlalchemy.orm import Session

from ..law import rules
from ..models import Case, Child, Measure, PlacementTarget
from .facts import case_facts

# What ``case_facts`` reads; siblings are other cases' measures and targets, so a write
# to any of these forgets every case's findings.
_FACT_MODELS = (Case, Child, Measure, PlacementTarget)
_KEPT = "case_findings"


def findings(session: Session, case: Case, today: date) -> list[rules.Finding]:
    """The findings of the law on ``case`` as of ``today``, evaluated once per state."""
    kept = session.info.setdefault(_KEPT, {})
    key = (case.id, today)
    if key in kept and not _pending(session):
        return kept[key]
    found = rules.evaluate(case_facts(session, case, today))
    if case.id is not None and not _pending(session):
        if not event.contains(session, "after_flush", _forget):
            event.listen(session, "after_flush", _forget)
            event.listen(session, "after_commit", _forget_all)  # others may write now
            event.listen(session, "after_rollback", _forget_all)
        kept[key] = found
    return found


def _pending(session: Session) -> bool:
    """Whether the session holds unwritten changes the facts would read."""
    return any(
        isinstance(obj, _FACT_MODELS)
        for obj in (*session.new, *session.dirty, *session.deleted)
    )


def _forget(session: Session, _context) -> None:
    if _pending(session):
        session.info.pop(_KEPT, None)


def _forget_all(session: Session) -> None:
    session.info.pop(_KEPT, None)
