"""The CNP: check digit, century, county, agreement with the birth date."""

from datetime import date

import pytest

from filing_service.law.cnp import build_cnp, check_cnp_matches, check_digit, parse_cnp
from filing_service.law.errors import DomainError


def test_a_known_valid_cnp_is_read():
    # 1800101221144: the example of the check-digit algorithm (born 1 January 1980, Iași).
    info = parse_cnp("1800101221144")
    assert info.birth_date == date(1980, 1, 1)
    assert info.sex == "M"
    assert info.county_code == "22"


def test_check_digit_ten_is_written_as_one():
    # Find twelve digits whose weighted sum is 10 modulo 11 and check the rule.
    for serial in range(1, 999):
        first = f"5150312120{serial:03d}"[:12]
        total = sum(
            int(d) * w
            for d, w in zip(first, (2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9), strict=True)
        )
        if total % 11 == 10:
            assert check_digit(first) == 1
            return
    pytest.fail("no twelve digits with remainder 10 found")


@pytest.mark.parametrize(
    "value, code",
    [
        ("123", "cnp_format"),
        ("51503121200a5", "cnp_format"),
        ("0150312120015", "cnp_sex_digit"),
        ("5151312120016", "cnp_birth_date"),  # month 13
        ("5150231120014", "cnp_birth_date"),  # 31 February
        ("5150312990011", "cnp_county"),
    ],
)
def test_malformed_cnps_are_refused_with_a_specific_code(value, code):
    with pytest.raises(DomainError) as caught:
        parse_cnp(value)
    assert caught.value.code == code
    assert caught.value.field == "cnp"


def test_a_wrong_check_digit_is_refused():
    good = build_cnp(date(2015, 3, 12), sex="M", county_code="12", serial=1)
    bad = good[:12] + str((int(good[12]) + 1) % 10)
    with pytest.raises(DomainError) as caught:
        parse_cnp(bad)
    assert caught.value.code == "cnp_check_digit"
    assert "cifra de control" in caught.value.message.lower()


@pytest.mark.parametrize(
    "born, sex, first",
    [
        (date(1999, 12, 31), "F", "2"),
        (date(2001, 1, 1), "M", "5"),
        (date(2020, 2, 29), "F", "6"),
        (date(1899, 6, 1), "M", "3"),
    ],
)
def test_the_first_digit_encodes_sex_and_century(born, sex, first):
    cnp = build_cnp(born, sex=sex, county_code="41", serial=3)
    assert cnp[0] == first
    info = parse_cnp(cnp)
    assert (info.birth_date, info.sex) == (born, sex)


def test_a_cnp_must_agree_with_the_stated_birth_date():
    cnp = build_cnp(date(2015, 3, 12), sex="M", county_code="12")
    assert check_cnp_matches(cnp, date(2015, 3, 12)).birth_date == date(2015, 3, 12)
    with pytest.raises(DomainError) as caught:
        check_cnp_matches(cnp, date(2015, 3, 13))
    assert caught.value.code == "cnp_birth_date_mismatch"
