"""Web forms as plain declarations: which fields a form has, how a posted form becomes
the dict the service's pydantic models validate, and where each error is shown.

The same pydantic models validate the API and the forms, so a rule holds whichever door
the data comes through; this module only translates between HTML form strings and them.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from ..error_handlers import EXPECTED, describe
from ..errors import NotFound


@dataclass(frozen=True)
class Field:
    """One input: ``kind`` is text, textarea, date, datetime, select, bool3 (da/nu/—),
    or checkbox; ``choices`` maps stored codes to Romanian labels."""

    name: str
    label: str
    kind: str = "text"
    choices: dict = field(default_factory=dict)
    required: bool = False
    help: str = ""
    wide: bool = False  # spans the whole row of the form grid
    autocomplete: str = "off"


@dataclass
class FormState:
    """What a form shows: the values (as typed) and the errors by field name.

    ``general`` holds the errors that name no field of this form (a rule about the whole
    case, a change refused by the law)."""

    values: dict = field(default_factory=dict)
    errors: dict = field(default_factory=dict)
    general: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.errors or self.general)


_BOOL3 = {"da": True, "nu": False}


def parse(
    fields: list[Field], form, prefix: str = "", *, patch: bool = False, zone: str
) -> dict:
    """The posted ``form`` as a dict for the service's input model.

    Empty optional inputs are left out of a new record and set to None on an edit (so a
    value can be cleared); empty required text stays "" so that the model names it.
    """
    data: dict[str, Any] = {}
    for spec in fields:
        raw = form.get(prefix + spec.name, "")
        raw = raw.strip() if isinstance(raw, str) else raw
        if spec.kind == "checkbox":
            data[spec.name] = raw in ("on", "1", "da", "true")
            continue
        if raw == "":
            if spec.required and spec.kind in ("text", "textarea"):
                data[spec.name] = ""
            elif patch and not spec.required:
                data[spec.name] = None
            continue
        if spec.kind == "bool3":
            data[spec.name] = _BOOL3.get(raw, raw)
        elif spec.kind == "datetime":
            data[spec.name] = _local_datetime(raw, zone)
        else:
            data[spec.name] = raw
    return data


def _local_datetime(raw: str, zone: str):
    """A browser's datetime-local value is the user's wall clock: give it the zone."""
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        return raw  # the model refuses it, with the field named
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(zone))
    return value


def values_of(fields: list[Field], obj, prefix: str = "") -> dict:
    """The form values of a stored record, for an edit form."""
    values = {}
    for spec in fields:
        value = getattr(obj, spec.name, None)
        if value is None:
            continue
        if spec.kind == "bool3":
            value = "da" if value else "nu"
        elif spec.kind == "checkbox":
            value = "on" if value else ""
        elif spec.kind == "datetime":
            value = (
                value.astimezone().strftime("%Y-%m-%dT%H:%M")
                if hasattr(value, "astimezone")
                else value
            )
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        values[prefix + spec.name] = str(value)
    return values


def errors_of(exc: Exception, names: set[str], aliases: dict | None = None) -> FormState:
    """Place the errors of ``exc`` next to the inputs they concern.

    A path such as ``parents[0].cnp`` loses its indices, then ``aliases`` apply: a key
    ending in "." rewrites that prefix (``{"parents.": "parent."}``, ``{"child.": ""}``),
    any other key sends its whole subtree to one input (``{"placement_target":
    "placement_target_id"}``). An error that names no input of the form goes to the top.
    """
    state = FormState()
    for path, message, article in _messages(exc):
        name = _input_for(path, names, aliases or {})
        text = f"{message} ({article})" if article and article not in message else message
        if name:
            state.errors.setdefault(name, []).append(text)
        else:
            state.general.append(text)
    return state


def _messages(exc: Exception):
    """Field, message and article of each error, as ``error_handlers`` describes them; an
    error about no field in particular is its detail, shown at the top."""
    answer = describe(exc)
    if not answer.errors:
        yield "", answer.detail, None
    for error in answer.errors:
        yield error.get("field") or "", error["message"], error.get("article")


def _input_for(path: str, names: set[str], aliases: dict) -> str | None:
    normal = re.sub(r"\[\d+\]", "", path or "")
    for key, target in aliases.items():
        if key.endswith("."):
            if normal.startswith(key):
                normal = target + normal[len(key) :]
                break
        elif normal == key or normal.startswith(key + "."):
            normal = target
            break
    return normal if normal in names else None


# Every error a form answers next to its fields (or at its top), so that a view catches
# this and never lists exception classes; a record not found is a page (404), not a form.
FORM_ERRORS: tuple[type[Exception], ...] = tuple(
    kind for kind in EXPECTED if kind is not NotFound
)
