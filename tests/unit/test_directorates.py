"""The 47 directorates and their competent tribunals (art. 133)."""

from filing_service.law.directorates import BY_CODE, DIRECTORATES, competent_tribunal


def test_there_are_41_counties_and_6_sectors():
    assert len(DIRECTORATES) == 47
    assert sum(1 for d in DIRECTORATES if d.code.startswith("B") and d.code[1:].isdigit()) == 6


def test_tribunals_follow_the_child_domicile():
    assert competent_tribunal("CJ") == "Tribunalul Cluj"
    assert competent_tribunal("B4") == "Tribunalul București"
    assert competent_tribunal("BV") == "Tribunalul pentru Minori și Familie Brașov"


def test_sector_cnp_county_codes_are_41_to_46():
    assert [BY_CODE[f"B{n}"].cnp_county_code for n in range(1, 7)] == [
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
    ]


def test_names_carry_comma_below_diacritics():
    text = " ".join(d.name + d.tribunal for d in DIRECTORATES)
    assert "ş" not in text and "ţ" not in text
    assert "Argeș" in text and "Timiș" in text
