"""The Romanian personal numeric code (CNP, cod numeric personal).

Layout ``S AA LL ZZ JJ NNN C``: S gives sex and century, AALLZZ the birth date, JJ the
county code, NNN a serial number, C a check digit (HG 1375/2006; DOMAIN.md, Identifiers).
"""

from dataclasses import dataclass
from datetime import date

from ..errorcodes import Code
from .errors import DomainError

_WEIGHTS = (2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9)

# S -> century; 7, 8 (residents) and 9 (foreigners) carry no century: read the year
# as the most recent one not in the future.
_CENTURY = {"1": 1900, "2": 1900, "3": 1800, "4": 1800, "5": 2000, "6": 2000}

# County codes JJ: 01-40 counties and Bucharest, 41-46 Bucharest sectors, 47-48 former
# sectors 7 and 8, 51 Călărași, 52 Giurgiu.
_VALID_COUNTY_CODES = {f"{n:02d}" for n in range(1, 49)} | {"51", "52"}


@dataclass(frozen=True)
class CnpInfo:
    """What a valid CNP tells: birth date, sex and county code."""

    value: str
    birth_date: date
    sex: str  # "M" or "F"
    county_code: str


def check_digit(first_twelve: str) -> int:
    """Compute the control digit from the first twelve digits (10 is written as 1)."""
    total = sum(int(d) * w for d, w in zip(first_twelve, _WEIGHTS, strict=False))
    rest = total % 11
    return 1 if rest == 10 else rest


def parse_cnp(value: str, *, field: str = "cnp", today: date | None = None) -> CnpInfo:
    """Validate a CNP and return what it encodes, or raise :class:`DomainError`."""
    cnp = (value or "").strip()
    if len(cnp) != 13 or not cnp.isdigit():
        raise DomainError(
            "CNP-ul trebuie să aibă exact 13 cifre.", field=field, code=Code.CNP_FORMAT
        )
    if cnp[0] == "0":
        raise DomainError(
            "Prima cifră a CNP-ului (sexul și secolul) nu poate fi 0.",
            field=field,
            code=Code.CNP_SEX_DIGIT,
        )
    yy, mm, dd = int(cnp[1:3]), int(cnp[3:5]), int(cnp[5:7])
    if cnp[0] in _CENTURY:
        year = _CENTURY[cnp[0]] + yy
    else:
        current = (today or date.today()).year
        year = 2000 + yy if 2000 + yy <= current else 1900 + yy
    try:
        birth = date(year, mm, dd)
    except ValueError:
        raise DomainError(
            "CNP-ul conține o dată a nașterii care nu există.",
            field=field,
            code=Code.CNP_BIRTH_DATE,
        ) from None
    if cnp[7:9] not in _VALID_COUNTY_CODES:
        raise DomainError(
            f"Codul de județ {cnp[7:9]} din CNP nu există.", field=field, code=Code.CNP_COUNTY
        )
    if int(cnp[12]) != check_digit(cnp[:12]):
        raise DomainError(
            "Cifra de control a CNP-ului nu este corectă.",
            field=field,
            code=Code.CNP_CHECK_DIGIT,
        )
    sex = "M" if cnp[0] in "13579" else "F"
    return CnpInfo(value=cnp, birth_date=birth, sex=sex, county_code=cnp[7:9])


def check_cnp_matches(value: str, birth_date: date | None, *, field: str = "cnp") -> CnpInfo:
    """Validate a CNP and require it to agree with the stated birth date."""
    info = parse_cnp(value, field=field)
    if birth_date is not None and info.birth_date != birth_date:
        raise DomainError(
            f"CNP-ul indică data nașterii {info.birth_date.isoformat()}, "
            f"dar data nașterii declarată este {birth_date.isoformat()}.",
            field=field,
            code=Code.CNP_BIRTH_DATE_MISMATCH,
        )
    return info


def build_cnp(birth_date: date, *, sex: str, county_code: str, serial: int = 1) -> str:
    """Make a valid CNP for fictional data (demo and tests): the check digit computed."""
    century = birth_date.year // 100 * 100
    digit = {
        (1900, "M"): "1",
        (1900, "F"): "2",
        (2000, "M"): "5",
        (2000, "F"): "6",
        (1800, "M"): "3",
        (1800, "F"): "4",
    }[(century, sex)]
    first = f"{digit}{birth_date:%y%m%d}{county_code}{serial:03d}"
    return first + str(check_digit(first))
