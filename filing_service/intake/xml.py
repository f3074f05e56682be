"""The 119 report as XML (``xml/schemas/report-119.xsd``) onto the same ``ReportIn`` as JSON.

The order is the submissions capability's: the hardened parser, then the schema, then the
model, every problem located by line, column and XPath (``xml.parsing``). The
mapping is the convention of ``schemas/README.md``: an element is its field's name in
lowerCamelCase, a list a wrapper with one element per item (children/child, forms/form).
"""

import re
from dataclasses import replace

from lxml import etree
from pydantic import ValidationError

from ..api.problems import field_path
from ..law.errors import DomainError
from ..xml.mapping import camel, model_problems
from ..xml.mapping import domain_problem as located
from ..xml.parsing import Limits, element_xpath, parse_xml, validate_against
from ..xml.problems import XmlRejected
from .schemas import CallerIn, EmergencyIn, PlaceIn, ReportedChildIn, ReportIn

SCHEMA = "report-119"
_NESTED = {"caller": CallerIn, "place": PlaceIn, "emergency_112": EmergencyIn}
_LISTS = {"children": ReportedChildIn, "forms": None}  # None: a list of plain values


def read_report(data: bytes, limits: Limits) -> tuple[ReportIn, dict]:
    """Parse, validate and map a ``report119`` document; raise :class:`XmlRejected` with
    every problem (schema problems first, then what the model refuses elsewhere).
    Returns the report and where each of its fields came from (for ``domain_problem``)."""
    tree = parse_xml(data, limits=limits)
    problems = validate_against(tree, SCHEMA, source=data)
    locations: dict[tuple, etree._Element] = {}
    values = _fields(ReportIn, tree.getroot(), (), locations)
    if problems:  # name the JSON field of each faulted element too
        loc_of = {element_xpath(e): loc for loc, e in locations.items() if loc}
        problems = [
            replace(p, field=field_path(loc_of[p.xpath])) if p.xpath in loc_of else p
            for p in problems
        ]
    try:
        report = ReportIn.model_validate(values)
    except ValidationError as exc:
        faulted = {p.xpath for p in problems}
        problems += [p for p in model_problems(exc, locations, data) if p.xpath not in faulted]
        raise XmlRejected(problems, status=422) from None
    if problems:
        raise XmlRejected(problems, status=422)
    return report, locations


def domain_problem(exc: DomainError, locations: dict, data: bytes) -> XmlRejected:
    """A refusal of the service (a time in the future, a sector outside Bucharest) placed
    at the element it is about."""
    loc = tuple(
        int(part[1:-1]) if part.startswith("[") else part
        for part in re.findall(r"\[\d+\]|[A-Za-z0-9_]+", exc.field or "")
    )
    lines = data.decode("utf-8", errors="replace").splitlines()
    return XmlRejected([located(exc, loc, locations, lines)], status=422)


def _fields(model, element, loc: tuple, locations: dict) -> dict:
    """The input of ``model`` from the children of ``element`` (unknown names are kept,
    so that the model refuses them by name)."""
    locations[loc] = element
    by_element = {camel(name): name for name in model.model_fields}
    out: dict = {}
    for child in element:
        name = by_element.get(etree.QName(child).localname, etree.QName(child).localname)
        here = loc + (name,)
        locations[here] = child
        if model is ReportIn and name in _NESTED:
            out[name] = _fields(_NESTED[name], child, here, locations)
        elif model is ReportIn and name in _LISTS:
            item_model = _LISTS[name]
            out[name] = []
            for i, item in enumerate(child):
                locations[here + (i,)] = item
                out[name].append(
                    _fields(item_model, item, here + (i,), locations)
                    if item_model
                    else (item.text or "").strip()
                )
        else:
            out[name] = (child.text or "").strip()
    return out
