"""The Law 272/2004 rules engine, rule by rule, on plain facts."""

from datetime import date

from filing_service.law.facts import (
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
from filing_service.law.rules import Severity, evaluate

TODAY = date(2026, 11, 20)


def born(years: int) -> date:
    return date(TODAY.year - years, 1, 1)


def facts(
    age=9,
    *,
    target=TargetKind.MATERNAL_ASSISTANT,
    kind=MeasureKind.PLACEMENT,
    authority=Authority.COURT,
    child=None,
    measure=None,
    **extra,
) -> CaseFacts:
    child_facts = ChildFacts(birth_date=born(age), domicile_area="CJ", **(child or {}))
    target_facts = TargetFacts(kind=target, **extra.pop("target_extra", {}))
    measure_facts = MeasureFacts(
        kind=kind, authority=authority, starts_on=TODAY, target=target_facts, **(measure or {})
    )
    return CaseFacts(as_of=TODAY, child=child_facts, measure=measure_facts, **extra)


def codes(case: CaseFacts, severity=None) -> set[str]:
    return {f.code for f in evaluate(case) if severity is None or f.severity == severity}


def test_a_child_of_five_cannot_go_to_residential_care():
    found = evaluate(facts(5, target=TargetKind.RESIDENTIAL))
    error = next(f for f in found if f.code == "art64_residential_under_7")
    assert error.severity == Severity.ERROR
    assert error.article == "art. 64 alin. (1)"
    assert "5 ani" in error.message


def test_a_child_of_seven_may_go_to_residential_care_with_a_warning_on_preference():
    found = codes(facts(7, target=TargetKind.RESIDENTIAL))
    assert "art64_residential_under_7" not in found
    assert "art62_order" in found


def test_the_three_to_seven_exception_needs_confirmed_complete_impairment():
    with_impairment = facts(
        4, target=TargetKind.RESIDENTIAL, child={"complete_impairment_confirmed": True}
    )
    assert "art64_exception" in codes(with_impairment, Severity.WARNING)
    assert "art64_residential_under_7" not in codes(with_impairment)
    too_young = facts(
        2, target=TargetKind.RESIDENTIAL, child={"complete_impairment_confirmed": True}
    )
    assert "art64_residential_under_7" in codes(too_young, Severity.ERROR)


def test_a_child_of_fourteen_without_consent_needs_the_court():
    by_commission = facts(14, authority=Authority.COMMISSION)
    assert "art57_consent" in codes(by_commission, Severity.ERROR)
    with_consent = facts(14, authority=Authority.COMMISSION, child={"consent": True})
    assert not codes(with_consent) & {"art57_consent", "art57_refusal"}
    refused_in_court = facts(15, authority=Authority.COURT, child={"consent": False})
    assert "art57_refusal" in codes(refused_in_court, Severity.WARNING)


def test_the_court_must_hear_a_child_of_ten():
    assert "art134_hearing" in codes(facts(10))
    assert "art134_hearing" not in codes(facts(9))


def test_hearing_an_abused_child_follows_art_101():
    found = evaluate(facts(12, child={"situation": Situation.C}))
    hearing = next(f for f in found if f.code == "art134_hearing")
    assert "art. 101 alin. (3)" in hearing.message


def test_a_person_other_than_family_gets_a_preference_warning():
    case = facts(
        target=TargetKind.PERSON_OR_FAMILY, target_extra={"relationship": Relationship.OTHER}
    )
    assert "art64_extended_family" in codes(case, Severity.WARNING)


def test_siblings_placed_apart_are_flagged():
    case = facts(
        target_extra={"key": "asistent_maternal:vlad"},
        siblings=(
            SiblingFacts("Ioana", "asistent_maternal:popa"),
            SiblingFacts("Mihai", "asistent_maternal:vlad"),
        ),
    )
    finding = next(f for f in evaluate(case) if f.code == "art64_siblings")
    assert "Ioana" in finding.message and "Mihai" not in finding.message


def test_who_may_receive_a_child():
    case = facts(
        target=TargetKind.PERSON_OR_FAMILY,
        target_extra={
            "birth_date": date(TODAY.year - 17, 1, 1),
            "full_legal_capacity": False,
            "domicile_in_romania": False,
            "relationship": Relationship.EXTENDED_FAMILY,
        },
    )
    assert {"art122_age", "art122_capacity", "art122_domicile"} <= codes(case, Severity.ERROR)


def test_moving_from_family_care_to_residential_needs_danger():
    previous = MeasureFacts(
        MeasureKind.PLACEMENT,
        Authority.COURT,
        target=TargetFacts(TargetKind.MATERNAL_ASSISTANT),
    )
    case = facts(10, target=TargetKind.RESIDENTIAL, previous_measure=previous)
    assert "art73_family_residential" in codes(case, Severity.ERROR)
    justified = facts(
        10,
        target=TargetKind.RESIDENTIAL,
        previous_measure=previous,
        measure={"danger_motivation": "Risc vital documentat."},
    )
    assert "art73_family_residential" not in codes(justified)


def test_the_emergency_centre_hosts_at_most_six_months():
    centre = {"residential_kind": ResidentialKind.EMERGENCY_RECEPTION_CENTRE}
    within = facts(
        10,
        target=TargetKind.RESIDENTIAL,
        kind=MeasureKind.EMERGENCY_PLACEMENT,
        target_extra=centre,
        measure={"ends_on": date(2027, 5, 20)},
    )
    assert "art123_6_months" not in codes(within)
    beyond = facts(
        10,
        target=TargetKind.RESIDENTIAL,
        kind=MeasureKind.EMERGENCY_PLACEMENT,
        target_extra=centre,
        measure={"ends_on": date(2027, 5, 21)},
    )
    assert "art123_6_months" in codes(beyond, Severity.ERROR)


def test_the_competent_court_is_the_tribunal_of_the_domicile():
    assert "art133_competence" not in codes(facts(court="Tribunalul Cluj"))
    wrong = evaluate(facts(court="Tribunalul Alba"))
    finding = next(f for f in wrong if f.code == "art133_competence")
    assert "Tribunalul Cluj" in finding.message and finding.article == "art. 133 alin. (1)"


def test_without_a_domicile_the_court_is_where_the_child_was_found():
    case = CaseFacts(
        as_of=TODAY, child=ChildFacts(found_area="B2"), court="Tribunalul București"
    )
    assert "art133_competence" not in codes(case)
    case = CaseFacts(as_of=TODAY, child=ChildFacts(found_area="B2"), court="Tribunalul Ilfov")
    assert any(f.article == "art. 133 alin. (2)" for f in evaluate(case))


def test_errors_come_before_warnings():
    found = evaluate(facts(5, target=TargetKind.RESIDENTIAL, court="Tribunalul Alba"))
    severities = [f.severity for f in found]
    assert severities == sorted(severities, key=lambda s: s != Severity.ERROR)
    assert severities[0] == Severity.ERROR
