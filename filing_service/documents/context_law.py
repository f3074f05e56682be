"""The articles of Law 272/2004 that apply to one case, computed for the documents.

Plain Python on plain values (no ORM): each function reads what it needs and cites its
article, so the "În drept" of a petition says what applies to *this* child, not a
boilerplate list. The articles are quoted from the consolidated law text
(../shared/reference/legea-272-2004-consolidata-2024.txt).
"""

from datetime import date

from ..law.dates import age_on
from ..law.facts import TargetKind

LAW = (
    "Legea nr. 272/2004 privind protecția și promovarea drepturilor copilului, "
    "republicată, cu modificările și completările ulterioare"
)

# Art. 60: the situations that open a special protection measure.
SITUATIONS = {
    "a": "copilul ai cărui părinți sunt decedați, necunoscuți, decăzuți din exercițiul "
    "drepturilor părintești sau cărora li s-a aplicat pedeapsa interzicerii "
    "drepturilor părintești, când nu a putut fi instituită tutela",
    "b": "copilul care, în vederea protejării intereselor sale, nu poate fi lăsat în grija "
    "părinților din motive neimputabile acestora",
    "c": "copilul abuzat sau neglijat",
    "d": "copilul găsit sau copilul părăsit în unități sanitare",
    "e": "copilul care a săvârșit o faptă prevăzută de legea penală și care nu răspunde penal",
    "f": "copilul neînsoțit, cetățean străin sau apatrid",
}


def situation_ref(letter: str | None) -> str:
    """The child's situation as a document cites it: "art. 60 lit. c) din Legea
    nr. 272/2004 (copilul abuzat sau neglijat)"; a case not yet classified says so
    visibly, so the legal counsel completes it before filing."""
    if letter not in SITUATIONS:
        return "art. 60 din Legea nr. 272/2004 (litera nu este stabilită în dosar)"
    return f"art. 60 lit. {letter}) din Legea nr. 272/2004 ({SITUATIONS[letter]})"


def child_age(birth_date: date | None, on: date) -> int | None:
    """Full years on the day of the document (art. 29 and art. 57 count from it)."""
    return age_on(birth_date, on) if birth_date else None


def hearing(age: int | None, situation: str | None) -> dict:
    """Art. 134 alin. (2), art. 29 alin. (2): hearing a child who has turned 10 is
    mandatory; for an abused or neglected child it follows art. 101 alin. (3) (council
    chamber, with a psychologist)."""
    required = age is not None and age >= 10
    abuse = situation == "c"
    article = (
        "art. 134 alin. (2) și art. 101 alin. (3)"
        if abuse
        else "art. 134 alin. (2) și art. 29 alin. (2)"
    )
    return {"required": required, "age": age, "abuse": abuse, "article": article}


def consent(age: int | None, given: bool | None) -> dict:
    """Art. 57 alin. (3): a measure for a child of 14 needs the child's consent; without
    it only the court sets the measure, and may overrule a refusal for well-founded
    reasons, which the petition must give."""
    applies = age is not None and age >= 14
    return {
        "applies": applies,
        "given": applies and given is True,
        "refused": applies and given is False,
        "unknown": applies and given is None,
        "court_must_decide": applies and given is not True,
        "article": "art. 57 alin. (3)",
    }


def parental_rights(situation: str | None) -> dict:
    """Art. 66: who exercises parental rights during a placement ordered by the court.

    Alin. (3): for art. 60 lit. a), c), d), f) the director of the DGASPC; alin. (2): for
    lit. b) and e) the parents keep them, unless the court orders otherwise.
    """
    by_director = situation in ("a", "c", "d", "f")
    return {
        "by_director": by_director,
        "article": "art. 66 alin. (3)" if by_director else "art. 66 alin. (2)",
    }


def residential_exception(
    target_kind: str | None, age: int | None, impairment_confirmed: bool
) -> bool:
    """Art. 64 alin. (2): a child of 3 to 7 with complete impairment may, by exception,
    be placed in a residential service."""
    return (
        target_kind == TargetKind.RESIDENTIAL
        and age is not None
        and 3 <= age < 7
        and impairment_confirmed
    )


def court_grounds(
    doc_id: str,
    situation: str | None,
    age: int | None,
    exception_64: bool,
    reintegration: bool,
    to_court: bool = True,
    family_to_residential: bool = False,
) -> list[str]:
    """The articles of "În drept" for a document of type ``doc_id`` in this case; the
    procedure of chapter X (art. 133-140) only when it goes to the court."""
    grounds = list(_BASE.get(doc_id, []))
    letter = situation or ""
    if letter and doc_id not in ("cerere_supraveghere", "cerere_modificare"):
        grounds.insert(0, f"art. 60 lit. {letter})")
    if doc_id in ("cerere_art70", "cerere_plasament", "cerere_art100_4"):
        grounds.append(parental_rights(situation)["article"])
        grounds.append("art. 62 alin. (1), art. 64 alin. (1) și (3)")
        grounds.append("art. 67 alin. (1) și (2)")
    if exception_64:
        grounds.append("art. 64 alin. (2)")
    if doc_id == "cerere_modificare" and reintegration:
        grounds.append("art. 73 alin. (4)")
    if doc_id == "cerere_modificare" and family_to_residential:
        grounds.append("art. 73 alin. (3¹)")
    if age is not None and age >= 14:
        grounds.append("art. 57 alin. (3)")
    if not to_court:
        return grounds
    if age is not None and age >= 10 and doc_id != "cerere_ordonanta":
        grounds.append(hearing(age, situation)["article"])
    grounds += ["art. 133 alin. (1)", "art. 134", "art. 138", "art. 139", "art. 140"]
    return grounds


_BASE = {
    "cerere_art70": [
        "art. 65 alin. (2) lit. a)",
        "art. 68 alin. (5)",
        "art. 70 alin. (1) și (3)",
    ],
    "cerere_ordonanta": [
        "art. 100 alin. (3)",
        "art. 68 alin. (5)",
        "art. 62-64",
        "art. 101 alin. (1)",
        "art. 134 alin. (5)",
    ],
    "cerere_art100_4": [
        "art. 100 alin. (4)",
        "art. 70 alin. (4)",
        "art. 65 alin. (2)",
        "art. 101 alin. (1)",
    ],
    "cerere_plasament": ["art. 65 alin. (2)"],
    "cerere_supraveghere": [
        "art. 60 lit. e)",
        "art. 71 alin. (1) și (2)",
        "art. 84 alin. (1)-(3)",
    ],
    "cerere_decadere": ["art. 41 alin. (3)"],
    "cerere_modificare": ["art. 72 alin. (1) și (2)", "art. 73 alin. (2) și (3)"],
    "raport_art139": ["art. 139 lit. a)-e)"],
}


def emergency_ground(situation: str | None) -> str:
    """Art. 68: the emergency placement of an abused or neglected child (alin. (1)
    lit. a), of a found or abandoned child (lit. b), or of a child whose legal protectors
    cannot exercise their rights (alin. (2))."""
    if situation == "c":
        return "art. 68 alin. (1) lit. a)"
    if situation == "d":
        return "art. 68 alin. (1) lit. b)"
    return "art. 68 alin. (2)"
