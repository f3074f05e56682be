"""Which directorate is competent for a 119 report: the county or Bucharest sector where
the child was identified (Law 272/2004 art. 96 alin. (1): the DGASPC "în a cărei rază
teritorială a fost identificat cazul"; art. 89 alin. (2): the DGASPC of the county/sector).

Call centres type the place as the caller says it: "Cluj", "județul Cluj", "CLUJ", "CJ",
"Bistrita Nasaud", "Bucureşti" with sector 3, "Sectorul 3", or only a county seat
("Cluj-Napoca"). ``route_place`` reads all of these; what it cannot place with certainty
(no place, an unknown name, Bucharest without a sector) it does not guess: the report
goes to the routing queue for a person to route.
"""

import re
import unicodedata
from dataclasses import dataclass

from ..errorcodes import Code
from ..law.directorates import BY_CODE, DIRECTORATES
from ..law.errors import DomainError


@dataclass(frozen=True)
class Routing:
    """The outcome: a directorate code, or None with the reason a person must route it."""

    code: str | None
    reason: str | None = None


def fold(text: str) -> str:
    """Lower case, without diacritics (comma or cedilla), hyphens and dots as spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[-.,;/()]", " ", plain.lower())
    return " ".join(plain.split())


_COUNTY_PREFIX = re.compile(r"^(judetul|judet|jud)\s+")
_BUCHAREST = {"bucuresti", "municipiul bucuresti", "mun bucuresti", "bucharest", "b"}
_SECTOR = re.compile(
    r"^(?:municipiul |mun )?(?:bucuresti )?(?:sectorul|sector|sect|s|b)\s*([1-6])$"
)

_COUNTIES: dict[str, str] = {}
_SEATS: dict[str, str] = {}
for _d in DIRECTORATES:
    if _d.county != "București":
        _COUNTIES[fold(_d.county)] = _d.code
        _COUNTIES[_d.code.lower()] = _d.code
        _SEATS[fold(_d.seat)] = _d.code
# Ilfov's DGASPC sits in Voluntari, but people name the county; the seats of the other
# counties are their county towns, which callers often give instead of the county.


def _sector_of(text: str) -> int | None:
    match = _SECTOR.match(fold(text))
    return int(match.group(1)) if match else None


def route_place(county: str | None, sector: int | None, locality: str | None) -> Routing:
    """Route by county (name with or without diacritics, or plate code) and sector.

    Raises :class:`DomainError` only for a contradiction the caller must fix (a sector
    outside Bucharest); everything else either routes or explains why it cannot.
    """
    county_key = _COUNTY_PREFIX.sub("", fold(county)) if county else ""
    locality_key = fold(locality) if locality else ""
    if county and county_key not in _BUCHAREST and _sector_of(county) is None:
        code = _COUNTIES.get(county_key)
        if code is None:
            return Routing(None, f"Județul „{county}” nu este recunoscut.")
        if sector is not None:  # only a sector given as such contradicts the county
            raise DomainError(
                f"Sectorul {sector} nu există în județul {BY_CODE[code].county}: "
                "sectoarele sunt ale municipiului București.",
                field="place.sector",
                code=Code.SECTOR_OUTSIDE_BUCHAREST,
            )
        return Routing(code)
    sector = (
        sector
        or (_sector_of(county) if county else None)
        or (_sector_of(locality) if locality else None)
    )
    if sector is not None:
        return Routing(f"B{sector}")
    if county_key in _BUCHAREST or locality_key in _BUCHAREST:
        return Routing(None, "Pentru municipiul București trebuie indicat sectorul (1-6).")
    if locality_key in _SEATS:
        return Routing(_SEATS[locality_key])
    if locality:
        return Routing(
            None, f"Localitatea „{locality}” nu indică singură județul; indicați județul."
        )
    return Routing(None, "Locul în care se află copilul nu a fost indicat.")


def check_area(code: str) -> str:
    """A directorate code chosen by a person routing by hand: CJ, B3, ... (or a county)."""
    routed = route_place(code, None, None)
    if routed.code is None:
        raise DomainError(
            f"Cod de județ sau sector necunoscut: „{code}” (de exemplu CJ, B3).",
            field="area",
            code=Code.UNKNOWN_AREA,
        )
    return routed.code
