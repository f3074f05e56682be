"""The 47 directorates (DGASPC) and the tribunal competent for each (Law 272/2004 art. 133).

One DGASPC per county (41) and per Bucharest sector (6). Art. 133 gives the tribunal of
the child's domicile; the sectors share Tribunalul București, and Brașov has a
specialised court, Tribunalul pentru Minori și Familie Brașov.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DirectorateSeed:
    """One directorate as seeded: ``code`` is the county's car-plate code or B1-B6."""

    code: str
    county: str  # county name, or "București" for the sectors
    cnp_county_code: str  # the JJ part of a CNP issued there
    name: str
    tribunal: str
    seat: str


# (plate code, county, CNP county code, seat locality)
_COUNTIES = [
    ("AB", "Alba", "01", "Alba Iulia"),
    ("AR", "Arad", "02", "Arad"),
    ("AG", "Argeș", "03", "Pitești"),
    ("BC", "Bacău", "04", "Bacău"),
    ("BH", "Bihor", "05", "Oradea"),
    ("BN", "Bistrița-Năsăud", "06", "Bistrița"),
    ("BT", "Botoșani", "07", "Botoșani"),
    ("BV", "Brașov", "08", "Brașov"),
    ("BR", "Brăila", "09", "Brăila"),
    ("BZ", "Buzău", "10", "Buzău"),
    ("CS", "Caraș-Severin", "11", "Reșița"),
    ("CJ", "Cluj", "12", "Cluj-Napoca"),
    ("CT", "Constanța", "13", "Constanța"),
    ("CV", "Covasna", "14", "Sfântu Gheorghe"),
    ("DB", "Dâmbovița", "15", "Târgoviște"),
    ("DJ", "Dolj", "16", "Craiova"),
    ("GL", "Galați", "17", "Galați"),
    ("GJ", "Gorj", "18", "Târgu Jiu"),
    ("HR", "Harghita", "19", "Miercurea Ciuc"),
    ("HD", "Hunedoara", "20", "Deva"),
    ("IL", "Ialomița", "21", "Slobozia"),
    ("IS", "Iași", "22", "Iași"),
    ("IF", "Ilfov", "23", "Voluntari"),
    ("MM", "Maramureș", "24", "Baia Mare"),
    ("MH", "Mehedinți", "25", "Drobeta-Turnu Severin"),
    ("MS", "Mureș", "26", "Târgu Mureș"),
    ("NT", "Neamț", "27", "Piatra Neamț"),
    ("OT", "Olt", "28", "Slatina"),
    ("PH", "Prahova", "29", "Ploiești"),
    ("SM", "Satu Mare", "30", "Satu Mare"),
    ("SJ", "Sălaj", "31", "Zalău"),
    ("SB", "Sibiu", "32", "Sibiu"),
    ("SV", "Suceava", "33", "Suceava"),
    ("TR", "Teleorman", "34", "Alexandria"),
    ("TM", "Timiș", "35", "Timișoara"),
    ("TL", "Tulcea", "36", "Tulcea"),
    ("VS", "Vaslui", "37", "Vaslui"),
    ("VL", "Vâlcea", "38", "Râmnicu Vâlcea"),
    ("VN", "Vrancea", "39", "Focșani"),
    ("CL", "Călărași", "51", "Călărași"),
    ("GR", "Giurgiu", "52", "Giurgiu"),
]


def _tribunal_for_county(county: str) -> str:
    if county == "Brașov":
        return "Tribunalul pentru Minori și Familie Brașov"
    return f"Tribunalul {county}"


def _build() -> tuple[DirectorateSeed, ...]:
    seeds = [
        DirectorateSeed(
            code=code,
            county=county,
            cnp_county_code=cnp_code,
            name=f"Direcția Generală de Asistență Socială și Protecția Copilului {county}",
            tribunal=_tribunal_for_county(county),
            seat=seat,
        )
        for code, county, cnp_code, seat in _COUNTIES
    ]
    for sector in range(1, 7):
        seeds.append(
            DirectorateSeed(
                code=f"B{sector}",
                county="București",
                cnp_county_code=f"{40 + sector}",
                name=(
                    "Direcția Generală de Asistență Socială și Protecția Copilului "
                    f"Sector {sector}"
                ),
                tribunal="Tribunalul București",
                seat=f"București, Sector {sector}",
            )
        )
    return tuple(seeds)


DIRECTORATES: tuple[DirectorateSeed, ...] = _build()
BY_CODE: dict[str, DirectorateSeed] = {d.code: d for d in DIRECTORATES}


def competent_tribunal(area_code: str) -> str:
    """The tribunal competent under art. 133 for a child whose domicile is in ``area_code``.

    ``area_code`` is a directorate code: a county plate code or B1-B6 for a sector.
    """
    try:
        return BY_CODE[area_code].tribunal
    except KeyError:
        raise KeyError(f"unknown county or sector code {area_code!r}") from None
