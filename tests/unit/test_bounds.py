"""The bounds of api.bounds, without an app: JSON depth counted without parsing, and
the values every input model is held to."""

from datetime import UTC, date, datetime

import pytest
from pydantic_core import PydanticCustomError

from filing_service.api.bounds import ID_MAX, JSON_MAX_DEPTH, check_value, too_deep


def test_json_as_deep_as_the_limit_passes_and_one_level_more_does_not():
    assert not too_deep("[" * JSON_MAX_DEPTH + "]" * JSON_MAX_DEPTH)
    assert too_deep("[" * (JSON_MAX_DEPTH + 1) + "]" * (JSON_MAX_DEPTH + 1))
    assert too_deep('{"a": ' * (JSON_MAX_DEPTH + 1))  # unclosed still counts


def test_brackets_inside_strings_and_escaped_quotes_are_not_nesting():
    text = '{"a": "[[[[\\"{{{{", "b": ["]]]]"]}'
    assert not too_deep(text, limit=2)
    assert too_deep(text, limit=1)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (ID_MAX + 1, "less_than_equal"),
        (-ID_MAX - 1, "greater_than_equal"),
        ([1, ID_MAX + 1], "less_than_equal"),
        (date(1899, 12, 31), "date_out_of_range"),
        (date(2201, 1, 1), "date_out_of_range"),
        (datetime(2026, 12, 3, 9, 0), "timezone_aware"),
        (datetime(9999, 1, 1, tzinfo=UTC), "date_out_of_range"),
    ],
)
def test_a_value_outside_the_bounds_is_refused_with_its_code(value, code):
    with pytest.raises(PydanticCustomError) as caught:
        check_value(value)
    assert caught.value.type == code


@pytest.mark.parametrize(
    "value",
    [
        ID_MAX,
        -ID_MAX,
        True,
        date(1900, 1, 1),
        date(2200, 12, 31),
        datetime(2026, 1, 1, tzinfo=UTC),
    ],
)
def test_a_value_within_the_bounds_passes_unchanged(value):
    assert check_value(value) == value
