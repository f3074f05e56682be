"""Dates as the law and a Romanian reader need them: ages and dates in words."""

from datetime import date

MONTHS_RO = (
    "ianuarie",
    "februarie",
    "martie",
    "aprilie",
    "mai",
    "iunie",
    "iulie",
    "august",
    "septembrie",
    "octombrie",
    "noiembrie",
    "decembrie",
)


def age_on(birth_date: date, on: date) -> int:
    """Full years of age on ``on``: a child 'has turned' N on the birthday itself."""
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def format_date_ro(value: date | None) -> str:
    """Write a date the Romanian way: ``12 martie 2025``."""
    if value is None:
        return ""
    return f"{value.day} {MONTHS_RO[value.month - 1]} {value.year}"
