"""Court case numbers of the ECRIS system: ``number/court-code/year``, e.g. ``1234/85/2024``,
with an optional suffix for incidental files (``/a1``, ``/a1.2``)."""

import re

from ..errorcodes import Code
from .errors import DomainError

_PATTERN = re.compile(
    r"^(?P<number>[1-9]\d{0,6})/(?P<court>[1-9]\d{0,4})/(?P<year>(19|20)\d{2})"
    r"(?P<suffix>/a\d{1,3}(\.\d{1,3})?)?$"
)


def check_case_number(value: str, *, field: str = "court_case_number") -> str:
    """Return the number if it has the ECRIS form, else raise :class:`DomainError`."""
    cleaned = (value or "").strip()
    if not _PATTERN.match(cleaned):
        raise DomainError(
            "Numărul dosarului trebuie să aibă forma număr/cod instanță/an, de exemplu "
            "1234/85/2024 (opțional cu sufixul /a1 pentru un dosar asociat).",
            field=field,
            code=Code.ECRIS_FORMAT,
        )
    return cleaned
