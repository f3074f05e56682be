"""The bounds every input is held to before it reaches the database or the date
arithmetic, the same for the API, the web pages and the XML import.

- Ids, pages and counts fit PostgreSQL's ``integer`` (SQLite overflows only at 2^63):
  a path id above :data:`ID_MAX` matches no route (404), an integer field or query value
  above it is refused naming the field (422/400), so no number reaches an overflow.
- Dates fall in the years :data:`YEAR_MIN`..:data:`YEAR_MAX`: a child's case names no
  earlier birth and no later hearing, and the deadlines' arithmetic (months, days, the
  last day of a term) stays far from ``date.max``.
- Date-times carry their time zone (an ISO 8601 offset or ``Z``), as the 119 line's
  already must; the web forms give a browser's local time the service's ``TIMEZONE``.
- JSON is no deeper than :data:`JSON_MAX_DEPTH` objects and lists, counted before it is
  parsed, so no body reaches Python's recursion limit.
"""

import re
from datetime import date, datetime

from pydantic_core import PydanticCustomError
from werkzeug.exceptions import NotFound
from werkzeug.routing import IntegerConverter

ID_MAX = 2**31 - 1
YEAR_MIN, YEAR_MAX = 1900, 2200
JSON_MAX_DEPTH = 64


class IdConverter(IntegerConverter):
    """``<int:...>`` in every route of the app: a number above :data:`ID_MAX` names no
    record, so the answer is 404, whatever the method, never an overflow. (A converter's
    ``ValidationError`` would let the router answer 405 for a method another rule of the
    same path has.)"""

    def to_python(self, value: str):
        number = super().to_python(value)
        if number > ID_MAX:
            raise NotFound()
        return number


def check_value(value):
    """Hold one validated value (or the items of a list of them) to the bounds above;
    pydantic names the field of the error. Booleans are not numbers here."""
    if isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            check_value(item)
    elif isinstance(value, int) and not isinstance(value, bool):
        if value > ID_MAX:
            raise PydanticCustomError(
                "less_than_equal", "Trebuie să fie cel mult {le}.", {"le": ID_MAX}
            )
        if value < -ID_MAX:
            raise PydanticCustomError(
                "greater_than_equal", "Trebuie să fie cel puțin {ge}.", {"ge": -ID_MAX}
            )
    elif isinstance(value, (date, datetime)):
        if isinstance(value, datetime) and value.utcoffset() is None:
            raise PydanticCustomError("timezone_aware", "Ora trebuie să includă fusul orar.")
        if not YEAR_MIN <= value.year <= YEAR_MAX:
            raise PydanticCustomError(
                "date_out_of_range",
                "Anul trebuie să fie între {min} și {max}.",
                {"min": YEAR_MIN, "max": YEAR_MAX},
            )
    return value


# A JSON string, escapes included (the unrolled form: no backtracking), and the brackets
# that are left once the strings are gone.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def too_deep(text: str, limit: int = JSON_MAX_DEPTH) -> bool:
    """Whether the JSON ``text`` nests more than ``limit`` objects and lists, counted
    without parsing it (a malformed text is the parser's to refuse)."""
    depth = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):  # stops at the first too deep
        if match[0] in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False
