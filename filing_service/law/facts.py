"""Plain facts of a case, as the rules engine reads them.

The ORM, the JSON API and the XML import each build these from their own shapes; the
rules see only these, so one implementation of the law serves all three.
"""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class MeasureKind(StrEnum):
    """Special protection measures of art. 59."""

    PLACEMENT = "plasament"  # art. 59 lit. a)
    EMERGENCY_PLACEMENT = "plasament_regim_urgenta"  # art. 59 lit. b)
    SPECIALISED_SUPERVISION = "supraveghere_specializata"  # art. 59 lit. c)


class MeasureStatus(StrEnum):
    """Where a measure stands: proposed to the commission or the court, in force, or over
    (ended, revoked, or replaced by another measure, art. 72 alin. 2)."""

    PROPOSED = "propusa"
    IN_FORCE = "in_vigoare"
    ENDED = "incetata"
    REVOKED = "revocata"
    REPLACED = "inlocuita"


# The measures a case is living under: the one proposed or in force.
LIVE_MEASURE = frozenset({MeasureStatus.PROPOSED, MeasureStatus.IN_FORCE})


class ParentRole(StrEnum):
    """Who a parent party of the case is to the child."""

    MOTHER = "mama"
    FATHER = "tata"
    GUARDIAN = "tutore"
    LEGAL_REPRESENTATIVE = "reprezentant_legal"


class Authority(StrEnum):
    """Who decides a measure: the director (art. 69), the commission (art. 65 alin. 1),
    or the court (art. 65 alin. 2, art. 100 alin. 3)."""

    DIRECTOR = "director"
    COMMISSION = "comisie"
    COURT = "instanta"


class TargetKind(StrEnum):
    """Where a child is placed, in the order of preference of art. 62 alin. 1."""

    PERSON_OR_FAMILY = "persoana_familie"  # lit. a)
    MATERNAL_ASSISTANT = "asistent_maternal"  # lit. b)
    RESIDENTIAL = "serviciu_rezidential"  # lit. c), the services of art. 123


class ResidentialKind(StrEnum):
    """The residential services of art. 123 alin. 3."""

    FAMILY_HOUSE = "casa_tip_familial"  # alin. 4
    APARTMENT = "apartament"  # alin. 5
    EMERGENCY_RECEPTION_CENTRE = "centru_primire_urgenta"  # alin. 6
    MATERNAL_CENTRE = "centru_maternal"  # alin. 7


class Relationship(StrEnum):
    """How a receiving person or family relates to the child (art. 64 alin. 3 lit. a)."""

    EXTENDED_FAMILY = "familie_extinsa"
    SUBSTITUTE_FAMILY = "familie_substitutiva"
    OTHER = "alta"


class Situation(StrEnum):
    """The child's situation under art. 60 (letters a-f)."""

    A = "a"  # parents deceased, unknown, deprived of rights...
    B = "b"  # cannot be left with the parents for reasons not imputable to them
    C = "c"  # abused or neglected
    D = "d"  # found, or abandoned in a health unit
    E = "e"  # committed a criminal act and is not criminally liable
    F = "f"  # unaccompanied foreign or stateless child


FAMILY_TYPE = frozenset({TargetKind.PERSON_OR_FAMILY, TargetKind.MATERNAL_ASSISTANT})


@dataclass(frozen=True)
class ChildFacts:
    """What the rules need of the child."""

    birth_date: date | None = None
    situation: Situation | None = None
    domicile_area: str | None = None  # directorate code of the domicile (art. 133 alin. 1)
    found_area: str | None = None  # where the child was found (art. 133 alin. 2)
    complete_impairment_confirmed: bool = False  # art. 64 alin. 2
    consent: bool | None = None  # art. 57 alin. 3: None when not yet asked


@dataclass(frozen=True)
class TargetFacts:
    """What the rules need of a placement target."""

    kind: TargetKind
    key: str | None = None  # identity, to compare siblings' placements
    residential_kind: ResidentialKind | None = None
    relationship: Relationship | None = None
    birth_date: date | None = None  # of the receiving person (art. 122 alin. 1)
    full_legal_capacity: bool | None = None
    domicile_in_romania: bool | None = None


@dataclass(frozen=True)
class MeasureFacts:
    """What the rules need of a measure, proposed or in force."""

    kind: MeasureKind
    authority: Authority
    starts_on: date | None = None
    ends_on: date | None = None
    target: TargetFacts | None = None
    danger_motivation: str | None = None  # art. 73 alin. 3^1
    residential_justification: str | None = None  # art. 58 alin. 6, art. 62 alin. 1


@dataclass(frozen=True)
class SiblingFacts:
    """A brother or sister in the directorate's care, with the target they are placed at."""

    name: str
    target_key: str | None


@dataclass(frozen=True)
class CaseFacts:
    """A case as the rules engine sees it, on the day ``as_of``."""

    as_of: date
    child: ChildFacts = field(default_factory=ChildFacts)
    measure: MeasureFacts | None = None
    previous_measure: MeasureFacts | None = None
    siblings: tuple[SiblingFacts, ...] = ()
    court: str | None = None  # the tribunal named in the case, if any
