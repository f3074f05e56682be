"""The fourteen documents of Law 272/2004 the service writes (DOMAIN.md, "The documents").

Each entry names its DOCX template under ``documents/templates/`` (package data), the
template's version (bumped whenever the template's text changes, so every generated
document can be traced to the exact text it was made from), the legal basis, and who it
is addressed to.

``court_document``: the rules engine's errors block it (a petition the court would reject
must not be filed). ``parents_variant``: the biological parents receive it, so it also
exists in a variant ``parinti`` without the placement person's or family's address,
income, property, medical and psychological data (art. 67^1 alin. (1)).
"""

from dataclasses import dataclass
from enum import StrEnum


class Variant(StrEnum):
    """For whom a version of a document is made: the court (whole), or the parents
    (without what art. 67^1 alin. (1) keeps from them)."""

    COURT = "instanta"
    PARENTS = "parinti"


COURT = Variant.COURT
PARENTS = Variant.PARENTS
VARIANTS = tuple(Variant)


@dataclass(frozen=True)
class DocType:
    """One kind of document: its template and what the law says about it."""

    id: str
    title: str
    template: str
    version: str
    legal_basis: str
    court_document: bool
    parents_variant: bool
    addressed_to: str

    def variants(self) -> tuple[str, ...]:
        """The variants this document exists in: always the full one, and the parents'."""
        return VARIANTS if self.parents_variant else (COURT,)


def _doc(
    id: str,
    title: str,
    legal_basis: str,
    addressed_to: str,
    *,
    court: bool,
    parents: bool,
    version: str = "1",
) -> DocType:
    return DocType(
        id=id,
        title=title,
        template=f"{id}.docx",
        version=version,
        legal_basis=legal_basis,
        court_document=court,
        parents_variant=parents,
        addressed_to=addressed_to,
    )


_ALL = [
    _doc(
        "cerere_art70",
        "Cerere de înlocuire a plasamentului în regim de urgență cu măsura plasamentului",
        "art. 70 alin. (1) și (3), art. 65 alin. (2), art. 66, art. 67 din Legea nr. 272/2004",
        "tribunal",
        court=True,
        parents=True,
    ),
    _doc(
        "cerere_ordonanta",
        "Cerere de ordonanță președințială de plasare a copilului în regim de urgență",
        "art. 100 alin. (3), art. 134 alin. (5) din Legea nr. 272/2004",
        "tribunal",
        court=True,
        parents=True,
    ),
    _doc(
        "cerere_art100_4",
        "Cerere în temeiul art. 100 alin. (4) din Legea nr. 272/2004 (plasament, "
        "drepturi părintești, consiliere)",
        "art. 100 alin. (4) din Legea nr. 272/2004",
        "tribunal",
        court=True,
        parents=True,
    ),
    _doc(
        "cerere_plasament",
        "Cerere de instituire a măsurii plasamentului",
        "art. 65 alin. (2) din Legea nr. 272/2004",
        "tribunal",
        court=True,
        parents=True,
    ),
    _doc(
        "cerere_supraveghere",
        "Cerere de instituire a măsurii supravegherii specializate",
        "art. 71 alin. (2) din Legea nr. 272/2004",
        "tribunal",
        court=True,
        parents=True,
    ),
    _doc(
        "cerere_decadere",
        "Cerere de decădere din exercițiul drepturilor părintești",
        "art. 41 alin. (3) din Legea nr. 272/2004",
        "tribunal",
        court=True,
        parents=True,
    ),
    _doc(
        "cerere_modificare",
        "Cerere de modificare / încetare a măsurii de protecție specială",
        "art. 72 alin. (2), art. 73 alin. (3)-(4) din Legea nr. 272/2004",
        "tribunal sau comisia pentru protecția copilului",
        court=True,
        parents=True,
    ),
    _doc(
        "raport_art139",
        "Raport referitor la copil (art. 139 din Legea nr. 272/2004)",
        "art. 139 lit. a)-e) din Legea nr. 272/2004",
        "tribunal (anexă la cerere)",
        court=True,
        parents=True,
    ),
    _doc(
        "dispozitie_urgenta",
        "Dispoziție de plasament în regim de urgență",
        "art. 69, art. 100 alin. (2), art. 68 alin. (5) din Legea nr. 272/2004",
        "—",
        court=False,
        parents=True,
    ),
    _doc(
        "hotarare_cpc",
        "Hotărâre a comisiei pentru protecția copilului privind plasamentul",
        "art. 65 alin. (1), art. 115 din Legea nr. 272/2004",
        "—",
        court=False,
        parents=True,
    ),
    _doc(
        "raport_monitorizare",
        "Raport de monitorizare a plasamentului (anexa nr. 1)",
        "art. 73 din Legea nr. 272/2004, art. 7 din procedura din 19 august 2015 (anexa "
        "nr. 1)",
        "dosarul copilului, AJPIS",
        court=False,
        parents=False,
    ),
    _doc(
        "cerere_alocatie",
        "Cerere pentru acordarea alocației lunare de plasament și a indemnizației lunare "
        "de sprijin (anexa nr. 2)",
        "art. 128 din Legea nr. 272/2004, art. 11 din procedură (anexa nr. 2)",
        "AJPIS",
        court=False,
        parents=False,
    ),
    _doc(
        "cerere_indemnizatie_tineri",
        "Cerere pentru acordarea indemnizației lunare pentru tineri (anexa nr. 3)",
        "art. 129 alin. (4²) din Legea nr. 272/2004, art. 17² din procedură (anexa nr. 3)",
        "AJPIS",
        court=False,
        parents=False,
    ),
    _doc(
        "raport_consiliere_tanar",
        "Raport privind consilierea și informarea tânărului care părăsește sistemul de "
        "protecție (anexa nr. 4)",
        "art. 17¹ din procedură (anexa nr. 4)",
        "dosarul tânărului",
        court=False,
        parents=False,
    ),
]

DOC_TYPES: dict[str, DocType] = {d.id: d for d in _ALL}
