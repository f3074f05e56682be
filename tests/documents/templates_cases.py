"""Realistic fictional cases for the template tests, one per kind of situation the
fourteen documents are written for (built with tests.builders)."""

from datetime import timedelta

from filing_service.law.cnp import build_cnp
from tests import builders
from tests.clock import TODAY

YESTERDAY = (TODAY - timedelta(days=1)).isoformat()
LAST_YEAR = (TODAY - timedelta(days=300)).isoformat()

# Art. 67^1: every confidential field of the placement target filled with a value that
# appears nowhere else in the case, so its presence in a PDF means it leaked.
CONFIDENTIAL = {
    "address": "Str. Ascunsă nr. 41, Florești",
    "income": "4.217 lei net lunar",
    "property": "Casă cu grădină în Gilău",
    "medical_info": "Hipertensiune controlată",
    "psychological_info": "Profil psihologic echilibrat",
}


def parents(mother_agrees=False, father_agrees=False) -> list[dict]:
    return [
        builders.parent(
            "mama", first_name="Ramona", last_name="Mureșan", agrees_to_measure=mother_agrees
        ),
        builders.parent(
            "tata",
            first_name="Sorin",
            last_name="Țurcanu",
            cnp=build_cnp(builders.years_ago(38), sex="M", county_code="12", serial=202),
            birth_date=builders.years_ago(38).isoformat(),
            address="Str. Dealului nr. 2, Dej",
            agrees_to_measure=father_agrees,
        ),
    ]


def emergency_case(age: int = 12, **overrides) -> dict:
    """A girl abused and neglected (art. 60 lit. c), placed in emergency by the director
    with a maternal assistant whose confidential data are all filled."""
    data = builders.case(
        child=builders.girl(age, first_name="Ioana-Ștefania", last_name="Mureșan"),
        parents=parents(),
        placement_target=builders.maternal_assistant(name="Elena Vlad", **CONFIDENTIAL),
        facts_summary="Copila a fost găsită singură în locuință, fără hrană și fără "
        "căldură; mama lipsea de trei zile.\nVecinii au sesizat situația prin "
        "numărul 119.",
        events=[
            {"kind": "dispozitie_plasament_urgenta", "occurred_on": YESTERDAY},
            {
                "kind": "ordonanta_executata",
                "occurred_on": YESTERDAY,
                "data": {"number": "17"},
            },
        ],
    )
    data.update(overrides)
    return data


def court_placement_case(age: int, consent: bool | None = None) -> dict:
    """An abused child of ``age`` for whom the DGASPC asks the court for placement (a
    child of 14 who does not consent can have a measure only from the court, art. 57)."""
    data = emergency_case(age)
    data["child"]["consent"] = consent
    data["measure"] = {"kind": "plasament", "authority": "instanta", "status": "propusa"}
    return data


def family_case() -> dict:
    """A boy of 8 who cannot stay with his parents for reasons not imputable to them
    (art. 60 lit. b), to be placed with his grandmother; the father does not agree."""
    target = {
        "kind": "persoana_familie",
        "name": "Veronica Pop",
        "relationship_to_child": "familie_extinsa",
        "cnp": build_cnp(builders.years_ago(61), sex="F", county_code="12", serial=404),
        "birth_date": builders.years_ago(61).isoformat(),
        "full_legal_capacity": True,
        "domicile_in_romania": True,
        **CONFIDENTIAL,
    }
    return builders.case(
        situation="b",
        child=builders.child(8, first_name="Matei", last_name="Pop"),
        parents=parents(mother_agrees=True),
        placement_target=target,
        measure={"kind": "plasament", "authority": "instanta", "status": "propusa"},
        facts_summary="Mama urmează un tratament de lungă durată în spital; tatăl lucrează "
        "în străinătate.",
        events=[],
    )


def commission_case() -> dict:
    """Placement set by the commission with the parents' agreement (art. 65 alin. 1)."""
    data = family_case()
    data["parents"] = parents(mother_agrees=True, father_agrees=True)
    data["measure"] = {
        "kind": "plasament",
        "authority": "comisie",
        "status": "in_vigoare",
        "act_number": "52",
        "decided_on": LAST_YEAR,
        "starts_on": LAST_YEAR,
    }
    return data


def supervision_case() -> dict:
    """A boy of 13 who committed an act under criminal law (art. 60 lit. e); the father
    refuses specialised supervision, so the court decides (art. 71 alin. 2)."""
    return builders.case(
        situation="e",
        child=builders.child(13, first_name="Radu", last_name="Ilieș"),
        parents=parents(mother_agrees=True),
        placement_target=None,
        measure={
            "kind": "supraveghere_specializata",
            "authority": "instanta",
            "status": "propusa",
        },
        facts_summary="Copilul a sustras bunuri dintr-un magazin împreună cu alți minori.",
        events=[],
    )


def change_case() -> dict:
    """Placement in force by the court with a maternal assistant; the DGASPC proposes
    moving the child to the extended family (art. 72 alin. 2). The second measure is
    added after creation, at the new target."""
    data = emergency_case(11)
    data["measure"] = {
        "kind": "plasament",
        "authority": "instanta",
        "status": "in_vigoare",
        "act_number": "1234/2025",
        "decided_on": LAST_YEAR,
        "starts_on": LAST_YEAR,
    }
    return data


def young_person_case() -> dict:
    """A young man of 19 in placement set by the commission, who has consented."""
    return builders.case(
        situation="a",
        child=builders.child(19, first_name="Florin", last_name="Săvescu", consent=True),
        parents=[],
        placement_target=builders.residential(name="Casa de tip familial „Speranța”"),
        measure={
            "kind": "plasament",
            "authority": "comisie",
            "status": "in_vigoare",
            "act_number": "88",
            "decided_on": LAST_YEAR,
            "starts_on": LAST_YEAR,
        },
        facts_summary="Tânărul urmează cursurile de zi ale unui liceu tehnologic.",
        events=[],
    )


# name -> (builder, parts added after creation), for tests that render several documents.
CASES = {
    "emergency": (emergency_case, ()),
    "family": (family_case, ()),
    "commission": (commission_case, ()),
    "supervision": (supervision_case, ()),
    "change": (
        change_case,
        (
            (
                "placement_target",
                {
                    "kind": "persoana_familie",
                    "name": "Veronica Pop",
                    "relationship_to_child": "familie_extinsa",
                    **CONFIDENTIAL,
                },
            ),
            (
                "measure",
                {
                    "kind": "plasament",
                    "authority": "instanta",
                    "status": "propusa",
                    "at_target": True,
                },
            ),
        ),
    ),
    "young": (young_person_case, ()),
}
