"""The Law 272/2004 rules engine.

``evaluate(facts)`` returns findings: each names its article, a severity (an error blocks
a court filing and refuses a change; a warning informs) and a message in Romanian. The
API, the web forms and the XML import all call this one function.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from ..errorcodes import Code
from .dates import age_on, format_date_ro
from .directorates import BY_CODE, competent_tribunal
from .facts import (
    FAMILY_TYPE,
    Authority,
    CaseFacts,
    MeasureFacts,
    MeasureKind,
    Relationship,
    ResidentialKind,
    Situation,
    TargetKind,
)
from .terms import add_months


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One finding of the rules engine."""

    code: str
    article: str
    severity: Severity
    message: str
    field: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "code": self.code,
            "article": self.article,
            "severity": str(self.severity),
            "message": self.message,
            "field": self.field,
        }


Rule = Callable[[CaseFacts], Iterator[Finding]]
_RULES: list[Rule] = []


def rule(func: Rule) -> Rule:
    """Register a rule; rules run in the order they are declared."""
    _RULES.append(func)
    return func


def evaluate(facts: CaseFacts) -> list[Finding]:
    """Apply every rule to ``facts`` and return all findings, errors first."""
    findings = [finding for check in _RULES for finding in check(facts)]
    return sorted(findings, key=lambda f: f.severity != Severity.ERROR)


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == Severity.ERROR]


def _child_age(facts: CaseFacts) -> int | None:
    """The child's age on the day the measure starts, or on ``as_of`` without one."""
    birth = facts.child.birth_date
    if birth is None:
        return None
    on = facts.measure.starts_on if facts.measure and facts.measure.starts_on else facts.as_of
    return age_on(birth, on)


def _placement(facts: CaseFacts) -> MeasureFacts | None:
    measure = facts.measure
    if measure is None or measure.kind == MeasureKind.SPECIALISED_SUPERVISION:
        return None
    return measure


@rule
def residential_under_seven(facts: CaseFacts) -> Iterator[Finding]:
    """Art. 64 alin. 1-2: no residential placement under 7, save 3-7 with complete
    impairment."""
    measure = _placement(facts)
    age = _child_age(facts)
    if measure is None or measure.target is None or age is None:
        return
    if measure.target.kind != TargetKind.RESIDENTIAL or age >= 7:
        return
    if age >= 3 and facts.child.complete_impairment_confirmed:
        yield Finding(
            Code.ART64_EXCEPTION,
            "art. 64 alin. (2)",
            Severity.WARNING,
            f"Copilul are {age} ani: plasamentul într-un serviciu de tip rezidențial este "
            "admis doar prin excepție, pentru deficiența/afectarea funcțională completă "
            "confirmată de serviciul de evaluare complexă; cererea trebuie să o arate.",
            "placement_target.kind",
        )
        return
    yield Finding(
        Code.ART64_RESIDENTIAL_UNDER_7,
        "art. 64 alin. (1)",
        Severity.ERROR,
        f"Copilul are {age} ani: plasamentul copilului care nu a împlinit 7 ani poate fi "
        "dispus numai la familia extinsă, substitutivă sau la asistent maternal; "
        "plasamentul într-un serviciu de tip rezidențial este interzis.",
        "placement_target.kind",
    )


@rule
def consent_at_fourteen(facts: CaseFacts) -> Iterator[Finding]:
    """Art. 57 alin. 3: a child of 14 consents; without consent only the court decides."""
    measure = facts.measure
    age = _child_age(facts)
    if measure is None or age is None or age < 14 or facts.child.consent is True:
        return
    if measure.authority != Authority.COURT:
        yield Finding(
            Code.ART57_CONSENT,
            "art. 57 alin. (3)",
            Severity.ERROR,
            f"Copilul are {age} ani: măsura se stabilește numai cu consimțământul său; "
            "fără acesta, numai instanța judecătorească o poate stabili.",
            "child.consent",
        )
    elif facts.child.consent is False:
        yield Finding(
            Code.ART57_REFUSAL,
            "art. 57 alin. (3)",
            Severity.WARNING,
            f"Copilul are {age} ani și refuză măsura: cererea trebuie să arate motivele "
            "temeinice pentru care instanța poate trece peste refuzul său.",
            "child.consent",
        )
    else:
        yield Finding(
            Code.ART57_CONSENT_UNRECORDED,
            "art. 57 alin. (3)",
            Severity.WARNING,
            f"Copilul are {age} ani: consemnați dacă își dă consimțământul la măsura propusă.",
            "child.consent",
        )


@rule
def hearing_at_ten(facts: CaseFacts) -> Iterator[Finding]:
    """Art. 134 alin. 2 and art. 29 alin. 2: the court must hear a child who has turned 10."""
    measure = facts.measure
    age = _child_age(facts)
    if measure is None or age is None or age < 10:
        return
    if measure.authority == Authority.COMMISSION:
        return
    abuse = facts.child.situation == Situation.C
    how = (
        "cu respectarea art. 101 alin. (3), cauza privind un copil abuzat sau neglijat"
        if abuse
        else "cu respectarea art. 29"
    )
    yield Finding(
        Code.ART134_HEARING,
        "art. 134 alin. (2), art. 29 alin. (2)",
        Severity.WARNING,
        f"Copilul are {age} ani: audierea sa de către instanță este obligatorie ({how}); "
        "cererea o va solicita.",
        "child.birth_date",
    )


@rule
def order_of_preference(facts: CaseFacts) -> Iterator[Finding]:
    """Art. 62 alin. 1 and art. 64 alin. 3 lit. a): family first, residential last."""
    measure = _placement(facts)
    if measure is None or measure.target is None:
        return
    target = measure.target
    if target.kind == TargetKind.RESIDENTIAL and not measure.residential_justification:
        yield Finding(
            Code.ART62_ORDER,
            "art. 62 alin. (1), art. 58 alin. (6)",
            Severity.WARNING,
            "Plasamentul într-un serviciu de tip rezidențial se dispune numai dacă nu a "
            "putut fi dispus la familia extinsă, la un asistent maternal sau la o altă "
            "persoană sau familie: motivați de ce.",
            "measure.residential_justification",
        )
    if (
        target.kind == TargetKind.PERSON_OR_FAMILY
        and target.relationship == Relationship.OTHER
    ):
        yield Finding(
            Code.ART64_EXTENDED_FAMILY,
            "art. 64 alin. (3) lit. a)",
            Severity.WARNING,
            "Plasamentul se face cu prioritate la familia extinsă sau substitutivă: arătați "
            "demersurile făcute pentru identificarea acesteia.",
            "placement_target.relationship",
        )


@rule
def siblings_together(facts: CaseFacts) -> Iterator[Finding]:
    """Art. 64 alin. 3 lit. b): siblings are kept together."""
    measure = _placement(facts)
    if measure is None or measure.target is None or measure.target.key is None:
        return
    apart = [
        s.name
        for s in facts.siblings
        if s.target_key is not None and s.target_key != measure.target.key
    ]
    if apart:
        yield Finding(
            Code.ART64_SIBLINGS,
            "art. 64 alin. (3) lit. b)",
            Severity.WARNING,
            "Frații trebuie menținuți împreună; sunt plasați în altă parte: "
            + ", ".join(apart)
            + ".",
            "placement_target",
        )


@rule
def who_may_receive(facts: CaseFacts) -> Iterator[Finding]:
    """Art. 122 alin. 1 and art. 62 alin. 2: who may receive a child."""
    measure = _placement(facts)
    if measure is None or measure.target is None:
        return
    target = measure.target
    if target.kind != TargetKind.PERSON_OR_FAMILY:
        return
    on = measure.starts_on or facts.as_of
    if target.birth_date is not None and age_on(target.birth_date, on) < 18:
        yield Finding(
            Code.ART122_AGE,
            "art. 122 alin. (1)",
            Severity.ERROR,
            "Persoana care primește copilul în plasament trebuie să aibă cel puțin 18 ani.",
            "placement_target.birth_date",
        )
    if target.full_legal_capacity is False:
        yield Finding(
            Code.ART122_CAPACITY,
            "art. 122 alin. (1)",
            Severity.ERROR,
            "Persoana care primește copilul în plasament trebuie să aibă "
            "capacitate deplină de exercițiu.",
            "placement_target.full_legal_capacity",
        )
    if target.domicile_in_romania is False:
        yield Finding(
            Code.ART122_DOMICILE,
            "art. 122 alin. (1), art. 62 alin. (2)",
            Severity.ERROR,
            "Persoana sau familia care primește copilul în plasament trebuie să "
            "aibă domiciliul în România.",
            "placement_target.domicile_in_romania",
        )


@rule
def family_to_residential(facts: CaseFacts) -> Iterator[Finding]:
    """Art. 73 alin. 3^1: no move from family-type to residential care without danger."""
    measure, previous = _placement(facts), facts.previous_measure
    if (
        measure is None
        or previous is None
        or measure.target is None
        or previous.target is None
    ):
        return
    if (
        previous.target.kind in FAMILY_TYPE
        and measure.target.kind == TargetKind.RESIDENTIAL
        and not measure.danger_motivation
    ):
        yield Finding(
            Code.ART73_FAMILY_RESIDENTIAL,
            "art. 73 alin. (3^1)",
            Severity.ERROR,
            "Mutarea copilului dintr-un serviciu de tip familial într-un serviciu de tip "
            "rezidențial este interzisă, cu excepția situațiilor temeinic motivate de "
            "managerul de caz care pun în primejdie viața și securitatea copilului.",
            "measure.danger_motivation",
        )


@rule
def emergency_centre_six_months(facts: CaseFacts) -> Iterator[Finding]:
    """Art. 123 alin. 6: an emergency reception centre hosts a child at most 6 months."""
    measure = _placement(facts)
    if measure is None or measure.target is None or measure.starts_on is None:
        return
    if measure.target.residential_kind != ResidentialKind.EMERGENCY_RECEPTION_CENTRE:
        return
    limit = add_months(measure.starts_on, 6)
    until = measure.ends_on or facts.as_of
    if until > limit:
        yield Finding(
            Code.ART123_6_MONTHS,
            "art. 123 alin. (6)",
            Severity.ERROR,
            "Centrul de primire în regim de urgență asigură găzduire provizorie de cel mult "
            f"6 luni, fără prelungire: termenul s-a împlinit la {format_date_ro(limit)}.",
            "measure.ends_on",
        )


@rule
def competent_court(facts: CaseFacts) -> Iterator[Finding]:
    """Art. 133: the tribunal of the child's domicile, else of where the child was found."""
    if not facts.court:
        return
    area = facts.child.domicile_area or facts.child.found_area
    if area is None or area not in BY_CODE:
        yield Finding(
            Code.ART133_UNKNOWN,
            "art. 133",
            Severity.WARNING,
            "Nu se poate verifica instanța competentă: domiciliul copilului și "
            "locul în care a fost găsit nu sunt cunoscute.",
            "child.domicile_area",
        )
        return
    expected = competent_tribunal(area)
    if facts.court != expected:
        basis = "alin. (1)" if facts.child.domicile_area else "alin. (2)"
        yield Finding(
            Code.ART133_COMPETENCE,
            f"art. 133 {basis}",
            Severity.ERROR,
            f"Instanța competentă este {expected}, nu {facts.court}.",
            "court",
        )
