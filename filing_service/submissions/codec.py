"""XML and the case model: ``caseSubmission`` documents to ``CaseIn`` and back.

The mapping is read off the pydantic models themselves (field order, nesting, lists), so
the XML form cannot drift from the JSON one: an element is its field's name in
lowerCamelCase, a list is a wrapper holding one element per item, an absent optional value
is an absent element. ``xml/schemas/case-submission.xsd`` states the same in XSD, and a test
checks the two agree.
"""

import functools
import json
import re
import types
import typing
from datetime import date, datetime

from lxml import etree
from pydantic import BaseModel

from ..api.bounds import too_deep
from ..cases.schemas import CaseIn
from ..xml.mapping import Locations, camel
from ..xml.parsing import NAMESPACE, element_xpath

__all__ = ["ROOT", "decode", "element_xpath", "encode"]

ROOT = "caseSubmission"
# The JSON API's placement_target_id has no XML form: a submission's measure refers to
# the submission's own placementTarget (as create_case requires).
OMITTED = {"placement_target_id"}
_ITEM = {"parents": "parent", "events": "event"}
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _shape(annotation: typing.Any) -> tuple[str, typing.Any]:
    """What a field holds: ("model", M), ("list", M), ("dict", None) or ("scalar", None)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _shape(inner[0]) if len(inner) == 1 else ("scalar", None)
    if origin is list:
        return "list", typing.get_args(annotation)[0]
    if annotation is dict or origin is dict:
        return "dict", None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model", annotation
    return "scalar", None


def _q(local: str) -> str:
    return f"{{{NAMESPACE}}}{local}"


# ---- XML -> model ---------------------------------------------------------------------


def decode(root: etree._Element) -> tuple[dict, Locations]:
    """The ``CaseIn`` input of a ``caseSubmission`` element, and for every place in it
    (a pydantic ``loc`` such as ``("parents", 1, "cnp")``) the element it came from."""
    locations: Locations = {}
    return _decode_model(CaseIn, root, (), locations), locations


@functools.cache
def _fields(model: type[BaseModel]) -> dict[str, tuple[str, str, type | None, bool]]:
    """Element name -> (field, shape, inner model, required), once per model."""
    table = {}
    for name, field in model.model_fields.items():
        if name not in OMITTED:
            kind, inner = _shape(field.annotation)
            table[camel(name)] = (name, kind, inner, field.is_required())
    return table


def _decode_model(model: type[BaseModel], element, loc: tuple, locations: Locations) -> dict:
    locations[loc] = element
    fields = _fields(model)
    out: dict = {}
    for child in element:
        local = child.tag.rpartition("}")[2]
        # Unknown names reach pydantic under their own name, and it refuses them.
        name, kind, inner, required = fields.get(local, (local, "scalar", None, False))
        here = loc + (name,)
        locations[here] = child
        if kind == "model":
            out[name] = _decode_model(inner, child, here, locations)
        elif kind == "list":
            out[name] = [
                _decode_model(inner, item, here + (i,), locations)
                for i, item in enumerate(child)
            ]
        elif kind == "dict":
            out[name] = _decode_data(child)
        else:
            text = (child.text or "").strip()
            # A blank optional element means absent (pydantic's text fields would turn it
            # into None and then fail their length check on it).
            out[name] = text if text or required else None
    return out


def _decode_data(element) -> dict:
    data = {}
    for entry in element:
        text = entry.text or ""
        if entry.get("type") == "json" and not too_deep(text):  # as deep as JSON bodies
            try:
                data[entry.get("key")] = json.loads(text, parse_constant=_no_constant)
            except (ValueError, RecursionError):
                data[entry.get("key")] = text  # kept as text; not silently dropped
        else:
            data[entry.get("key")] = text
    return data


def _no_constant(name: str):
    """NaN and Infinity are not JSON (PostgreSQL's JSON refuses them)."""
    raise ValueError(name)


# ---- model -> XML ---------------------------------------------------------------------


def encode(case: CaseIn) -> bytes:
    """``case`` as a UTF-8 ``caseSubmission`` document, valid against the schema."""
    root = etree.Element(_q(ROOT), nsmap={None: NAMESPACE})
    _encode_model(CaseIn, case.model_dump(mode="json", exclude_none=True), root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _encode_model(model: type[BaseModel], values: dict, parent) -> None:
    for name, field in model.model_fields.items():
        value = values.get(name)
        if value is None or value == [] or value == {}:
            continue
        if name in OMITTED:
            raise ValueError(f"{name} has no XML form")
        kind, inner = _shape(field.annotation)
        element = etree.SubElement(parent, _q(camel(name)))
        if kind == "model":
            _encode_model(inner, value, element)
        elif kind == "list":
            for item in value:
                _encode_model(inner, item, etree.SubElement(element, _q(_ITEM[name])))
        elif kind == "dict":
            for key, item in value.items():
                entry = etree.SubElement(element, _q("entry"), key=_text(key))
                if isinstance(item, str):
                    entry.text = _text(item)
                else:
                    entry.set("type", "json")
                    entry.text = json.dumps(item, ensure_ascii=False)
        else:
            element.text = _scalar(value)


def _scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return _text(str(value))


def _text(value: str) -> str:
    """XML 1.0 cannot carry control characters: they are replaced, never a failed export."""
    return _ILLEGAL_XML.sub("\ufffd", value)
