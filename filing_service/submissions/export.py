"""A stored case as the submission model: what ``GET /cases/{id}.xml`` sends and what a
resend of it would import unchanged."""

from ..cases.facts import current_and_previous
from ..cases.schemas import CaseIn, ChildIn, EventIn, MeasureIn, ParentIn, PlacementTargetIn
from ..models import Case
from . import codec


def case_input(case: Case) -> CaseIn:
    """The case as ``CaseIn``: its own fields, child, parents, events, and of its
    measures the one in force (else the latest) with its placement target.

    ``CaseIn`` holds one measure and one target: earlier measures and hearings are not
    part of a submission, and a resend leaves them as they are.
    """
    current, _ = current_and_previous(case)
    measure = current or (case.measures[-1] if case.measures else None)
    if measure is not None:
        target = measure.placement_target
    else:
        target = case.placement_targets[-1] if case.placement_targets else None
    measure_in = None
    if measure is not None:
        values = MeasureIn.model_validate(measure, from_attributes=True).model_dump()
        values["placement_target_id"] = None
        measure_in = MeasureIn.model_validate(values)
    return CaseIn(
        reference=case.reference,
        external_id=case.external_id,
        status=case.status,
        situation=case.situation,
        facts_summary=case.facts_summary,
        court=case.court,
        court_case_number=case.court_case_number,
        sibling_group=case.sibling_group,
        opened_on=case.opened_on,
        child=ChildIn.model_validate(case.child, from_attributes=True),
        parents=[ParentIn.model_validate(p, from_attributes=True) for p in case.parents],
        placement_target=PlacementTargetIn.model_validate(target, from_attributes=True)
        if target is not None
        else None,
        measure=measure_in,
        events=[EventIn.model_validate(e, from_attributes=True) for e in case.events],
    )


def export_case(case: Case) -> bytes:
    """The case as a ``caseSubmission`` document."""
    return codec.encode(case_input(case))
