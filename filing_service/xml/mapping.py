"""Between an XML document and an input model: element names (``camel``), and where in
the document a model's error is (``locate``, ``model_problems``). The case submissions
and the 119 reports both map their XML onto pydantic models this way."""

from lxml import etree
from pydantic import ValidationError

from ..api.problems import validation_errors
from ..law.errors import DomainError
from .parsing import element_column, element_xpath
from .problems import Problem

# Each element of a document, by the model location (field path) it was read into.
Locations = dict[tuple, etree._Element]


def camel(name: str) -> str:
    """``first_name`` -> ``firstName``."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def locate(
    locations: Locations, loc: tuple, lines: list[str] | None = None
) -> tuple[int | None, int | None, str | None]:
    """Line, column and XPath of the element nearest to ``loc`` (a pydantic location or
    a parsed field path): the element itself, or its closest ancestor present (a missing
    element is reported at its parent)."""
    for end in range(len(loc), -1, -1):
        element = locations.get(loc[:end])
        if element is not None:
            return (element.sourceline, element_column(lines, element), element_xpath(element))
    return None, None, None


def model_problems(exc: ValidationError, locations: dict, data: bytes) -> list[Problem]:
    """The case model's (or any input model's) errors, each placed on the element it
    came from: line, column and XPath, with the Romanian message of the JSON API."""
    lines = data.decode("utf-8", errors="replace").splitlines()
    out = []
    for raw, translated in zip(
        exc.errors(include_url=False, include_input=False), validation_errors(exc), strict=True
    ):
        line, column, xpath = locate(locations, tuple(raw["loc"]), lines)
        out.append(
            Problem(
                translated["code"],
                translated["message"],
                line=line,
                column=column,
                xpath=xpath,
                field=translated["field"],
            )
        )
    return out


def domain_problem(exc: DomainError, loc: tuple, locations: dict, lines: list[str]) -> Problem:
    """A refusal of the service's own checks (a CNP, a date in the future), placed at the
    element nearest to ``loc``, the refused field's place in the model."""
    line, column, xpath = locate(locations, loc, lines)
    return Problem(
        exc.code,
        exc.message,
        line=line,
        column=column,
        xpath=xpath,
        field=exc.field,
        article=exc.article,
    )
