"""Romanian labels for the codes the case model stores, for pages and form choices."""

from collections.abc import Mapping
from typing import Any

from ..auth.roles import ROLE_LABELS, Role
from ..law.directorates import DIRECTORATES
from ..law.events import EVENT_LABELS
from ..law.facts import (
    Authority,
    MeasureKind,
    MeasureStatus,
    ParentRole,
    Relationship,
    ResidentialKind,
    Situation,
    TargetKind,
)

SITUATIONS = {
    Situation.A: "lit. a) – părinți decedați, necunoscuți, decăzuți sau fără ocrotire",
    Situation.B: "lit. b) – nu poate fi lăsat în grija părinților din motive neimputabile lor",
    Situation.C: "lit. c) – abuzat sau neglijat",
    Situation.D: "lit. d) – găsit sau părăsit în unități sanitare",
    Situation.E: "lit. e) – a săvârșit o faptă penală și nu răspunde penal",
    Situation.F: "lit. f) – minor străin sau apatrid neînsoțit",
}
CASE_STATUSES = {"deschis": "Deschisă", "inchis": "Închisă"}
PARENT_ROLES = {
    ParentRole.MOTHER: "Mama",
    ParentRole.FATHER: "Tatăl",
    ParentRole.GUARDIAN: "Tutore",
    ParentRole.LEGAL_REPRESENTATIVE: "Reprezentant legal",
}
PARENTAL_RIGHTS = {
    "exercitate": "Exercitate",
    "suspendate": "Suspendate",
    "decazut": "Decăzut din drepturi",
}
MEASURE_KINDS = {
    MeasureKind.PLACEMENT: "Plasament (art. 59 lit. a)",
    MeasureKind.EMERGENCY_PLACEMENT: "Plasament în regim de urgență (art. 59 lit. b)",
    MeasureKind.SPECIALISED_SUPERVISION: "Supraveghere specializată (art. 59 lit. c)",
}
AUTHORITIES = {
    Authority.DIRECTOR: "Directorul DGASPC (art. 69)",
    Authority.COMMISSION: "Comisia pentru protecția copilului (art. 65 alin. 1)",
    Authority.COURT: "Instanța de judecată (art. 65 alin. 2)",
}
MEASURE_STATUSES = {
    MeasureStatus.PROPOSED: "Propusă",
    MeasureStatus.IN_FORCE: "În vigoare",
    MeasureStatus.ENDED: "Încetată",
    MeasureStatus.REVOKED: "Revocată",
    MeasureStatus.REPLACED: "Înlocuită",
}
TARGET_KINDS = {
    TargetKind.PERSON_OR_FAMILY: "Persoană sau familie (art. 62 alin. 1 lit. a)",
    TargetKind.MATERNAL_ASSISTANT: "Asistent maternal (art. 62 alin. 1 lit. b)",
    TargetKind.RESIDENTIAL: "Serviciu de tip rezidențial (art. 62 alin. 1 lit. c)",
}
RELATIONSHIPS = {
    Relationship.EXTENDED_FAMILY: "Familia extinsă",
    Relationship.SUBSTITUTE_FAMILY: "Familia substitutivă",
    Relationship.OTHER: "Altă persoană sau familie",
}
RESIDENTIAL_KINDS = {
    ResidentialKind.FAMILY_HOUSE: "Casă de tip familial",
    ResidentialKind.APARTMENT: "Apartament",
    ResidentialKind.EMERGENCY_RECEPTION_CENTRE: "Centru de primire în regim de urgență",
    ResidentialKind.MATERNAL_CENTRE: "Centru maternal",
}
SEX = {"M": "Masculin", "F": "Feminin"}
EVENT_KINDS = {str(kind): label for kind, label in EVENT_LABELS.items()}
ROLES = {str(role): label for role, label in ROLE_LABELS.items() if role != Role.CASE_SYSTEM}
AREAS = {
    d.code: (d.county if d.county != "București" else f"București, {d.seat[11:]}")
    for d in DIRECTORATES
}
TRIBUNALS = sorted({d.tribunal for d in DIRECTORATES})

ALL: dict[str, Mapping[Any, str]] = {
    "situation": SITUATIONS,
    "case_status": CASE_STATUSES,
    "parent_role": PARENT_ROLES,
    "parental_rights": PARENTAL_RIGHTS,
    "measure_kind": MEASURE_KINDS,
    "authority": AUTHORITIES,
    "measure_status": MEASURE_STATUSES,
    "target_kind": TARGET_KINDS,
    "relationship": RELATIONSHIPS,
    "residential_kind": RESIDENTIAL_KINDS,
    "sex": SEX,
    "event_kind": EVENT_KINDS,
    "role": ROLES,
    "area": AREAS,
}


def label(group: str, code) -> str:
    """The Romanian label of ``code`` in ``group``; the code itself when unknown."""
    if code is None or code == "":
        return "—"
    return ALL[group].get(str(code), str(code))
