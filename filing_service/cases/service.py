"""Service functions for cases: plain values in, a unit of work, the law checked on every
change, an audit record for every change, and a commit only when all of it holds."""

from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import audit
from ..api.paging import paginate
from ..auth.actor import Actor
from ..db import UnitOfWork
from ..errorcodes import Code
from ..errors import Conflict, NotFound, PermissionDenied, RuleViolation
from ..law import rules
from ..law.errors import DomainError
from ..law.facts import MeasureStatus
from ..law.text import normalize_text
from ..models import Case, Child, Directorate, Event, Hearing, Measure, Parent, PlacementTarget
from . import schemas
from .facts import current_and_previous, target_key
from .findings import findings
from .hooks import run_case_changed_hooks
from .integrity import check_case, complete_from_cnp

# ---- lookups, always within the actor's directorate ---------------------------------


def load_case(session: Session, actor: Actor, case_id: int) -> Case:
    """The case, if it belongs to the actor's directorate; else NotFound (not 403)."""
    case = session.scalar(
        select(Case).where(Case.id == case_id, Case.directorate_id == actor.directorate_id)
    )
    if case is None:
        raise NotFound("Cauza")
    return case


def _load_part(session: Session, actor: Actor, model, part_id: int, what: str):
    obj = session.scalar(
        select(model)
        .join(Case, model.case_id == Case.id)
        .where(model.id == part_id, Case.directorate_id == actor.directorate_id)
    )
    if obj is None:
        raise NotFound(what)
    return obj


def _require(actor: Actor, permission: str) -> None:
    if not actor.can(permission):
        raise PermissionDenied()


# ---- the one path every change takes -----------------------------------------------


def _error_codes(session: Session, case: Case, today: date) -> set[str]:
    return {f.code for f in rules.errors(findings(session, case, today))}


def _apply_change(
    uow: UnitOfWork,
    actor: Actor,
    case: Case,
    today: date,
    before: set[str],
    audit_entries: list[tuple],
) -> list[rules.Finding]:
    """Check integrity and the law, audit, run the hooks and flush; or raise (the owner
    of the unit of work then commits nothing).

    Only errors the change *introduces* refuse it: a term that lapsed by itself (art. 123
    alin. 6) must not block recording the very act that ends it.
    """
    session = uow.session
    session.flush()
    check_case(case, today)
    found = findings(session, case, today)
    introduced = [f for f in rules.errors(found) if f.code not in before]
    if introduced:
        raise RuleViolation(introduced)
    for action, entity, entity_id, changes in audit_entries:
        audit.record(
            session,
            actor,
            action,
            entity,
            entity_id() if callable(entity_id) else entity_id,
            case_id=case.id,
            changes=changes,
        )
    run_case_changed_hooks(session, case)
    uow.flush()
    return found


def _dump(model) -> dict:
    return model.model_dump(exclude_unset=False)


def _patch(model) -> dict:
    return model.model_dump(exclude_unset=True)


# ---- cases ---------------------------------------------------------------------------

_UNIQUE = {"reference": "numărul", "external_id": "identificatorul extern"}


def _require_unique(
    session: Session, actor: Actor, values: dict, case_id: int | None = None
) -> None:
    """A reference and an external id name one case of a directorate: refuse a second
    one as a 409 naming the field, before the database's constraint would (as a 500)."""
    for field, label in _UNIQUE.items():
        value = values.get(field)
        if value is None:
            continue
        clash = session.scalar(
            select(Case.id).where(
                Case.directorate_id == actor.directorate_id,
                getattr(Case, field) == value,
                Case.id != (case_id or 0),
            )
        )
        if clash:
            raise Conflict(f"Există deja o cauză cu {label} {value}.", field=field)


def create_case(
    uow: UnitOfWork, actor: Actor, data: schemas.CaseIn, today: date, source: str = "api"
) -> Case:
    """Create a case with its parts in one transaction."""
    _require(actor, "edit")
    session = uow.session
    _require_unique(
        session, actor, {"reference": data.reference, "external_id": data.external_id}
    )
    fields = data.model_dump(
        exclude={"child", "parents", "placement_target", "measure", "events"}
    )
    case = Case(directorate_id=actor.directorate_id, **fields)
    case.opened_on = data.opened_on or today
    case.reference = data.reference or _next_reference(
        session, actor.directorate_id, case.opened_on
    )
    case.child = Child(**_dump(data.child))
    complete_from_cnp(case.child)
    for parent in data.parents:
        case.parents.append(Parent(**_dump(parent)))
        complete_from_cnp(case.parents[-1])
    target = None
    if data.placement_target is not None:
        target = PlacementTarget(**_dump(data.placement_target))
        complete_from_cnp(target)
        case.placement_targets.append(target)
    if data.measure is not None:
        values = _dump(data.measure)
        if values.pop("placement_target_id") is not None:
            raise DomainError(
                "La crearea cauzei, ținta plasamentului se dă în "
                "placement_target, nu prin identificator.",
                field="measure.placement_target_id",
                code=Code.FOREIGN_TARGET,
            )
        case.measures.append(Measure(**values, placement_target=target))
    for event in data.events:
        case.events.append(Event(**_dump(event), source=source))
    _insert_numbered(session, case, numbered=data.reference is None)
    _apply_change(
        uow,
        actor,
        case,
        today,
        set(),
        [
            (
                "create",
                "case",
                lambda: case.id,
                {
                    "reference": case.reference,
                    "source": source,
                    "child": audit.snapshot(case.child),
                },
            )
        ],
    )
    return case


def _insert_numbered(
    session: Session, case: Case, *, numbered: bool, attempts: int = 5
) -> None:
    """Insert ``case``; when its number was generated and another case took it in the
    meantime (SQLite has no row lock to wait on), take the next one and try again."""
    for attempt in range(attempts):
        try:
            with session.begin_nested():
                session.add(case)
                session.flush()
            return
        except IntegrityError as exc:
            if not numbered or attempt == attempts - 1 or "reference" not in str(exc.orig):
                raise
            case.reference = _next_reference(session, case.directorate_id, case.opened_on)


def _next_reference(session: Session, directorate_id: int, opened_on: date) -> str:
    """The next free ``CODE-YEAR-NNNNN`` of the directorate (skipping numbers given by
    hand that happen to take the counter's place).

    The directorate's row is locked first (FOR NO KEY UPDATE on PostgreSQL: the new
    case's foreign key takes KEY SHARE on it), so two cases created at once are numbered
    one after the other instead of colliding on the unique constraint."""
    code = session.scalar(
        select(Directorate.code)
        .where(Directorate.id == directorate_id)
        .with_for_update(key_share=True)
    )
    number = (
        session.scalar(
            select(func.count(Case.id)).where(Case.directorate_id == directorate_id)
        )
        or 0
    ) + 1
    while True:
        reference = f"{code}-{opened_on.year}-{number:05d}"
        if not session.scalar(
            select(Case.id).where(
                Case.directorate_id == directorate_id, Case.reference == reference
            )
        ):
            return reference
        number += 1


def get_case(uow: UnitOfWork, actor: Actor, case_id: int) -> Case:
    """Read a whole case; the read itself is audited (children's data)."""
    case = load_case(uow.session, actor, case_id)
    audit.record(uow.session, actor, "read", "case", case.id, case_id=case.id)
    uow.flush()
    return case


def update_case(
    uow: UnitOfWork, actor: Actor, case_id: int, patch: schemas.CaseUpdate, today: date
) -> Case:
    case = load_case(uow.session, actor, case_id)
    _require(actor, "edit")
    before = _error_codes(uow.session, case, today)
    values = _patch(patch)
    for required in ("reference", "status", "opened_on"):
        if required in values and values[required] is None:
            raise DomainError("Câmpul nu poate fi șters.", field=required, code=Code.REQUIRED)
    _require_unique(uow.session, actor, values, case.id)
    changes = audit.apply_changes(case, values)
    _apply_change(uow, actor, case, today, before, [("update", "case", case.id, changes)])
    return case


def list_cases(session: Session, actor: Actor, query: schemas.CaseQuery):
    stmt = select(Case).join(Child).where(Case.directorate_id == actor.directorate_id)
    if query.status:
        stmt = stmt.where(Case.status == query.status)
    if query.situation:
        stmt = stmt.where(Case.situation == query.situation)
    if query.cnp:
        stmt = stmt.where(Child.cnp == query.cnp.strip())
    if query.court_case_number:
        stmt = stmt.where(Case.court_case_number == query.court_case_number.strip())
    if query.q:
        stmt = stmt.where(_name_matches(Child, query.q))
    if query.opened_from:
        stmt = stmt.where(Case.opened_on >= query.opened_from)
    if query.opened_to:
        stmt = stmt.where(Case.opened_on <= query.opened_to)
    return paginate(session, stmt.order_by(Case.opened_on.desc(), Case.id.desc()), query)


def _name_matches(model, text: str):
    """Every word of ``text`` appears in the first or the last name (case-insensitive)."""
    words = normalize_text(text).lower().split() or [""]
    return and_(
        *(
            or_(
                func.lower(model.first_name).contains(w),
                func.lower(model.last_name).contains(w),
            )
            for w in words
        )
    )


# ---- parts of a case -------------------------------------------------------------------

# Any: the parts share ``id`` and ``case_id``, which their common base does not declare.
PARTS: dict[str, tuple[Any, str]] = {
    "child": (Child, "Copilul"),
    "parent": (Parent, "Părintele"),
    "placement_target": (PlacementTarget, "Ținta plasamentului"),
    "measure": (Measure, "Măsura"),
    "event": (Event, "Evenimentul"),
    "hearing": (Hearing, "Termenul de judecată"),
}

_COLLECTION = {
    "parent": "parents",
    "placement_target": "placement_targets",
    "measure": "measures",
    "event": "events",
    "hearing": "hearings",
}


def get_part(session: Session, actor: Actor, entity: str, part_id: int):
    model, what = PARTS[entity]
    return _load_part(session, actor, model, part_id, what)


def add_part(
    uow: UnitOfWork,
    actor: Actor,
    case_id: int,
    entity: str,
    data,
    today: date,
    source: str = "api",
):
    """Add a parent, placement target, measure, event or hearing to a case."""
    session = uow.session
    case = load_case(session, actor, case_id)
    _require(actor, "edit")
    before = _error_codes(session, case, today)
    model, _ = PARTS[entity]
    values = _dump(data)
    target_id = values.pop("placement_target_id", None) if entity == "measure" else None
    if entity in ("event", "hearing"):
        values["source"] = source
    obj = model(**values)
    if entity == "measure":
        obj.placement_target = _target_of(case, target_id, "placement_target_id")
    complete_from_cnp(obj)
    getattr(case, _COLLECTION[entity]).append(obj)
    session.flush()
    _apply_change(
        uow,
        actor,
        case,
        today,
        before,
        [("create", entity, lambda: obj.id, audit.snapshot(obj))],
    )
    return obj


def update_part(uow: UnitOfWork, actor: Actor, entity: str, part_id: int, patch, today: date):
    """Change a part of a case; the whole case is re-checked against the law."""
    session = uow.session
    obj = get_part(session, actor, entity, part_id)
    _require(actor, "edit")
    case = obj.case
    before = _error_codes(session, case, today)
    values = _patch(patch)
    if entity == "measure" and "placement_target_id" in values:
        obj.placement_target = _target_of(
            case, values.pop("placement_target_id"), "placement_target_id"
        )
    changes = audit.apply_changes(obj, values)
    complete_from_cnp(obj)
    _apply_change(uow, actor, case, today, before, [("update", entity, obj.id, changes)])
    return obj


def delete_part(uow: UnitOfWork, actor: Actor, entity: str, part_id: int, today: date):
    session = uow.session
    obj = get_part(session, actor, entity, part_id)
    _require(actor, "edit")
    case = obj.case
    before = _error_codes(session, case, today)
    getattr(case, _COLLECTION[entity]).remove(obj)
    _apply_change(
        uow, actor, case, today, before, [("delete", entity, part_id, audit.snapshot(obj))]
    )


def _target_of(case: Case, target_id: int | None, field: str) -> PlacementTarget | None:
    if target_id is None:
        return None
    for target in case.placement_targets:
        if target.id == target_id:
            return target
    raise DomainError(
        "Ținta plasamentului nu aparține acestei cauze.", field=field, code=Code.FOREIGN_TARGET
    )


def list_parts(session: Session, actor: Actor, entity: str, query):
    """List children, parents, measures or events of the actor's directorate, filtered."""
    model, _ = PARTS[entity]
    stmt = (
        select(model)
        .join(Case, model.case_id == Case.id)
        .where(Case.directorate_id == actor.directorate_id)
    )
    filters = query.model_dump(exclude={"page", "per_page"}, exclude_none=True)
    for name, value in filters.items():
        if name == "q":
            stmt = stmt.where(_name_matches(model, value))
        elif name.endswith("_from"):
            stmt = stmt.where(getattr(model, name.removesuffix("_from") + "_on") >= value)
        elif name.endswith("_to"):
            stmt = stmt.where(getattr(model, name.removesuffix("_to") + "_on") <= value)
        else:
            stmt = stmt.where(getattr(model, name) == value)
    return paginate(session, stmt.order_by(model.id), query)


# ---- a whole case sent again by its case system ----------------------------------------


def replace_case(
    uow: UnitOfWork,
    actor: Actor,
    case_id: int,
    data: schemas.CaseIn,
    today: date,
    source: str = "api",
) -> Case:
    """Bring a stored case in line with ``data``: the whole case as its case system now
    sends it (a resend under the same external identifier).

    The case's own fields, the child and the parents (by position) take the values sent;
    a reference, opening date or external id left out keeps the stored one. The placement
    target sent is matched to the case's targets by identity (kind and CNP or name). The
    measure sent updates the latest measure if it has the same kind and authority;
    otherwise it is added and the one in force becomes ``inlocuita``, so the history the
    rules read (art. 73 alin. 3^1) stays. Events are matched by kind, day, description and
    data; those ``source`` recorded earlier and no longer sent are removed, those others
    recorded stay, as do hearings and earlier measures. Checked and audited like every
    change, in one transaction.
    """
    session = uow.session
    case = load_case(session, actor, case_id)
    _require(actor, "edit")
    before = _error_codes(session, case, today)
    own = data.model_dump(
        exclude={"child", "parents", "placement_target", "measure", "events"}
    )
    for kept in ("reference", "opened_on", "external_id"):
        if own[kept] is None:
            del own[kept]
    _require_unique(session, actor, own, case.id)
    changes = {
        "case": audit.apply_changes(case, own),
        "child": audit.apply_changes(case.child, _dump(data.child)),
    }
    complete_from_cnp(case.child)
    changes["parents"] = _replace_parents(case, data.parents)
    target = _replace_target(case, data.placement_target)
    if data.measure is not None:
        changes["measure"] = _replace_measure(case, data.measure, target)
    changes["events"] = _replace_events(case, data.events, source)
    session.flush()
    _apply_change(
        uow,
        actor,
        case,
        today,
        before,
        [
            (
                "replace",
                "case",
                case.id,
                {"source": source, **{part: diff for part, diff in changes.items() if diff}},
            )
        ],
    )
    return case


def _replace_parents(case: Case, parents: list[schemas.ParentIn]) -> dict:
    changed: dict = {}
    for i, parent in enumerate(parents):
        values = _dump(parent)
        if i < len(case.parents):
            diff = audit.apply_changes(case.parents[i], values)
            if diff:
                changed[str(i)] = diff
        else:
            case.parents.append(Parent(**values))
            changed[str(i)] = "added"
        complete_from_cnp(case.parents[i])
    for i in range(len(parents), len(case.parents)):
        changed[str(i)] = "removed"
    del case.parents[len(parents) :]
    return changed


def _replace_target(case: Case, data: schemas.PlacementTargetIn | None):
    if data is None:
        return None
    incoming = PlacementTarget(**_dump(data))
    complete_from_cnp(incoming)
    for existing in case.placement_targets:
        if target_key(existing) == target_key(incoming):
            audit.apply_changes(existing, _dump(data))
            complete_from_cnp(existing)
            return existing
    case.placement_targets.append(incoming)
    return incoming


def _replace_measure(case: Case, data: schemas.MeasureIn, target) -> dict:
    values = _dump(data)
    if values.pop("placement_target_id") is not None:
        raise DomainError(
            "La transmiterea cauzei întregi, ținta plasamentului se dă în "
            "placement_target, nu prin identificator.",
            field="measure.placement_target_id",
            code=Code.FOREIGN_TARGET,
        )
    current, _ = current_and_previous(case)
    latest = current or (case.measures[-1] if case.measures else None)
    if latest is not None and (latest.kind, latest.authority) == (
        values["kind"],
        values["authority"],
    ):
        diff = audit.apply_changes(latest, values)
        if latest.placement_target is not target:
            latest.placement_target = target
            diff["placement_target"] = "changed"
        return diff
    if current is not None:
        current.status = MeasureStatus.REPLACED
    case.measures.append(Measure(**values, placement_target=target))
    return {"added": values["kind"], "replaced": current.id if current else None}


def _event_key(kind, occurred_on, description, data) -> tuple:
    return kind, occurred_on, description or None, data or {}


def _replace_events(case: Case, events: list[schemas.EventIn], source: str) -> dict:
    unmatched = list(case.events)
    added = 0
    for event in events:
        values = _dump(event)
        key = _event_key(
            values["kind"], values["occurred_on"], values["description"], values["data"]
        )
        match = next(
            (
                e
                for e in unmatched
                if _event_key(e.kind, e.occurred_on, e.description, e.data) == key
            ),
            None,
        )
        if match is not None:
            unmatched.remove(match)
            if values["occurred_at"] is not None:
                match.occurred_at = values["occurred_at"]
        else:
            case.events.append(Event(**values, source=source))
            added += 1
    removed = [e for e in unmatched if e.source == source]
    for stale in removed:
        case.events.remove(stale)
    return {"added": added, "removed": len(removed)} if added or removed else {}
