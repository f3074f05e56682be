"""Dates in order: a child is born before a measure starts, a measure ends after it starts."""

from datetime import date

from ..errorcodes import Code
from .dates import format_date_ro
from .errors import DomainError


def check_not_before(
    later: date | None,
    earlier: date | None,
    *,
    field: str,
    later_label: str,
    earlier_label: str,
) -> None:
    """Raise unless ``later`` is on or after ``earlier`` (either may be unknown)."""
    if later is None or earlier is None or later >= earlier:
        return
    raise DomainError(
        f"{later_label} ({format_date_ro(later)}) nu poate fi înainte de "
        f"{earlier_label} ({format_date_ro(earlier)}).",
        field=field,
        code=Code.DATE_ORDER,
    )
