"""From the stored case to the plain facts the rules engine reads."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..law.facts import (
    LIVE_MEASURE,
    Authority,
    CaseFacts,
    ChildFacts,
    MeasureFacts,
    MeasureKind,
    Relationship,
    ResidentialKind,
    SiblingFacts,
    Situation,
    TargetFacts,
    TargetKind,
)
from ..models import Case, Measure, PlacementTarget


def target_key(target: PlacementTarget | None) -> str | None:
    """Identity of a placement target across cases, to tell whether siblings are together."""
    if target is None:
        return None
    who = target.cnp or " ".join(target.name.lower().split())
    return f"{target.kind}:{who}"


def target_facts(target: PlacementTarget | None) -> TargetFacts | None:
    if target is None:
        return None
    return TargetFacts(
        kind=TargetKind(target.kind),
        key=target_key(target),
        residential_kind=ResidentialKind(target.residential_kind)
        if target.residential_kind
        else None,
        relationship=Relationship(target.relationship_to_child)
        if target.relationship_to_child
        else None,
        birth_date=target.birth_date,
        full_legal_capacity=target.full_legal_capacity,
        domicile_in_romania=target.domicile_in_romania,
    )


def measure_facts(measure: Measure | None) -> MeasureFacts | None:
    if measure is None:
        return None
    return MeasureFacts(
        kind=MeasureKind(measure.kind),
        authority=Authority(measure.authority),
        starts_on=measure.starts_on,
        ends_on=measure.ends_on,
        target=target_facts(measure.placement_target),
        danger_motivation=measure.danger_motivation,
        residential_justification=measure.residential_justification,
    )


def current_and_previous(case: Case) -> tuple[Measure | None, Measure | None]:
    """The measure proposed or in force (the latest such), and the one before it."""
    ordered = sorted(case.measures, key=lambda m: m.id or 0)
    current = next((m for m in reversed(ordered) if m.status in LIVE_MEASURE), None)
    if current is None:
        return None, None
    earlier = [m for m in ordered if (m.id or 0) < (current.id or 0) and m is not current]
    return current, (earlier[-1] if earlier else None)


def case_facts(session: Session, case: Case, as_of: date) -> CaseFacts:
    """Build the rules engine's view of ``case`` on ``as_of``."""
    child = case.child
    current, previous = current_and_previous(case)
    return CaseFacts(
        as_of=as_of,
        child=ChildFacts(
            birth_date=child.birth_date if child else None,
            situation=Situation(case.situation) if case.situation else None,
            domicile_area=child.domicile_area if child else None,
            found_area=child.found_area if child else None,
            complete_impairment_confirmed=bool(child and child.complete_impairment_confirmed),
            consent=child.consent if child else None,
        ),
        measure=measure_facts(current),
        previous_measure=measure_facts(previous),
        siblings=tuple(_siblings(session, case)),
        court=case.court,
    )


def _siblings(session: Session, case: Case):
    if not case.sibling_group:
        return
    others = session.scalars(
        select(Case).where(
            Case.directorate_id == case.directorate_id,
            Case.sibling_group == case.sibling_group,
            Case.id != case.id,
        )
    )
    for other in others:
        current, _ = current_and_previous(other)
        if current is not None and current.kind != MeasureKind.SPECIALISED_SUPERVISION:
            name = f"{other.child.first_name} {other.child.last_name}" if other.child else ""
            yield SiblingFacts(name=name, target_key=target_key(current.placement_target))
