"""Routing by place and the forms of art. 94, without a database."""

import pytest

from filing_service.intake.forms import FORM_ARTICLES, Form
from filing_service.intake.routing import check_area, route_place
from filing_service.law.directorates import DIRECTORATES
from filing_service.law.errors import DomainError


@pytest.mark.parametrize(
    "county, sector, locality, code",
    [
        ("Cluj", None, None, "CJ"),
        ("CLUJ", None, None, "CJ"),
        ("cj", None, None, "CJ"),
        ("Județul Cluj", None, None, "CJ"),
        ("jud. Bistrița-Năsăud", None, None, "BN"),
        ("Bistrita Nasaud", None, None, "BN"),
        ("Caraş-Severin", None, None, "CS"),  # cedilla, as old keyboards type it
        ("Satu-Mare", None, None, "SM"),
        ("Dâmbovița", None, None, "DB"),
        ("Dambovita", None, None, "DB"),
        ("București", 3, None, "B3"),
        ("Bucuresti", None, "Sectorul 6", "B6"),
        ("Municipiul București, sector 2", None, None, "B2"),
        (None, 5, None, "B5"),
        ("B4", None, None, "B4"),
        (None, None, "Cluj-Napoca", "CJ"),
        (None, None, "Piatra Neamț", "NT"),
        ("Ilfov", None, "Voluntari", "IF"),
    ],
)
def test_a_place_routes_to_its_county_or_sector(county, sector, locality, code):
    assert route_place(county, sector, locality).code == code


def test_every_county_name_routes_with_and_without_diacritics():
    import unicodedata

    for seed in DIRECTORATES:
        if seed.county == "București":
            continue
        plain = "".join(
            c
            for c in unicodedata.normalize("NFKD", seed.county)
            if not unicodedata.combining(c)
        )
        assert route_place(seed.county, None, None).code == seed.code
        assert route_place(plain.upper(), None, None).code == seed.code


@pytest.mark.parametrize(
    "county, sector, locality, reason",
    [
        (None, None, None, "nu a fost indicat"),
        ("Transilvania", None, None, "nu este recunoscut"),
        ("București", None, None, "sectorul"),
        (None, None, "București", "sectorul"),
        (None, None, "Florești", "indicați județul"),
    ],
)
def test_a_place_that_cannot_be_routed_says_why(county, sector, locality, reason):
    routed = route_place(county, sector, locality)
    assert routed.code is None
    assert reason in routed.reason


def test_a_sector_outside_bucharest_is_a_contradiction():
    with pytest.raises(DomainError) as error:
        route_place("Cluj", 3, None)
    assert error.value.field == "place.sector"


def test_a_person_routes_by_code_or_county_name():
    assert check_area("b3") == "B3"
    assert check_area("Brașov") == "BV"
    with pytest.raises(DomainError):
        check_area("XX")


def test_the_forms_follow_art_94():
    abuse = [f for f in Form if FORM_ARTICLES[f] == "art. 94 alin. (1)"]
    neglect = [f for f in Form if FORM_ARTICLES[f] == "art. 94 alin. (2)"]
    assert [f.value for f in abuse] == [
        "abuz_fizic",
        "abuz_emotional",
        "abuz_psihologic",
        "abuz_sexual",
        "abuz_economic",
    ]
    assert len(neglect) == 7  # alimentară ... abandonul de familie
    assert Form.PARENTAL_ALIENATION in FORM_ARTICLES
