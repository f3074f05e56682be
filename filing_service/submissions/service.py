"""Importing a case sent as XML: first the parser, then the schema, then the model, then
the law through the cases service (the same path as the JSON API: one implementation of
the rules), all in one transaction.

Each step reports every problem it finds; a later step runs only on what the earlier
ones accepted, except that model errors are added to schema errors at places the schema
did not already fault.
"""

from dataclasses import dataclass, field, replace
from datetime import date

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..api.problems import field_path
from ..auth.actor import Actor
from ..cases import service as cases
from ..cases.schemas import CaseIn
from ..db import UnitOfWork
from ..errors import Conflict, RuleViolation
from ..law.errors import DomainError
from ..models import Case
from ..xml.mapping import domain_problem, locate, model_problems
from ..xml.parsing import DEFAULT_LIMITS, Limits, parse_xml, validate_against
from ..xml.problems import Problem, XmlRejected
from . import codec

SCHEMA = "case-submission"
SOURCE = "xml"


@dataclass
class Outcome:
    """What an import did (or, for a dry run, would do); ``case_id`` is ``None`` for a
    dry run that would create a case."""

    action: str  # "created" or "updated"
    case_id: int | None
    reference: str
    external_id: str | None
    warnings: list[Problem] = field(default_factory=list)


def read_case(data: bytes, limits: Limits = DEFAULT_LIMITS) -> tuple[CaseIn, dict]:
    """Parse, validate against the schema and map to ``CaseIn``; raise
    :class:`XmlRejected` with every problem found. Returns the case and the element
    locations (for placing later problems)."""
    tree = parse_xml(data, limits=limits)
    problems = validate_against(tree, SCHEMA, source=data)
    values, locations = codec.decode(tree.getroot())
    problems = _with_fields(problems, locations)
    try:
        case_in = CaseIn.model_validate(values)
    except ValidationError as exc:
        faulted = {p.xpath for p in problems}
        problems += [p for p in model_problems(exc, locations, data) if p.xpath not in faulted]
        raise XmlRejected(problems, status=422) from None
    if problems:
        raise XmlRejected(problems, status=422)
    return case_in, locations


def _with_fields(problems: list[Problem], locations: dict) -> list[Problem]:
    """Name, for each schema problem, the JSON field of its element too."""
    xpath_of = (
        {codec.element_xpath(element): loc for loc, element in locations.items() if loc}
        if problems
        else {}
    )
    return [
        replace(p, field=field_path(xpath_of[p.xpath])) if p.xpath in xpath_of else p
        for p in problems
    ]


def import_case(
    uow: UnitOfWork,
    actor: Actor,
    data: bytes,
    today: date,
    *,
    dry_run: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Outcome:
    """Create or update (same external id) the case ``data`` describes, or raise
    :class:`XmlRejected`. With ``dry_run`` everything runs, the rules included, and
    then nothing is kept; otherwise the caller commits."""
    case_in, locations = read_case(data, limits)
    lines = data.decode("utf-8").splitlines()
    session = uow.session
    existing = None
    if case_in.external_id:
        existing = session.scalar(
            select(Case.id).where(
                Case.directorate_id == actor.directorate_id,
                Case.external_id == case_in.external_id,
            )
        )
    try:
        if existing is not None:
            case = cases.replace_case(uow, actor, existing, case_in, today, source=SOURCE)
        else:
            if case_in.reference and session.scalar(
                select(Case.id).where(
                    Case.directorate_id == actor.directorate_id,
                    Case.reference == case_in.reference,
                )
            ):
                raise Conflict(
                    f"Există deja o cauză cu numărul {case_in.reference}.", field="reference"
                )
            case = cases.create_case(uow, actor, case_in, today, source=SOURCE)
        warnings = [
            _finding_problem(f, locations, lines)
            for f in cases.findings(session, case, today)
            if f.severity != "error"
        ]
        outcome = Outcome(
            "updated" if existing is not None else "created",
            None if dry_run and existing is None else case.id,
            case.reference,
            case.external_id,
            warnings,
        )
    except RuleViolation as exc:
        raise XmlRejected(
            [_finding_problem(f, locations, lines) for f in exc.findings], status=422
        ) from None
    except DomainError as exc:
        raise XmlRejected(
            [domain_problem(exc, _loc(exc.field), locations, lines)], status=422
        ) from None
    except IntegrityError:
        # Two submissions of one new case raced each other; the loser may simply resend.
        raise Conflict(
            "Cauza a fost transmisă simultan de două ori; retrimiteți.", field="external_id"
        ) from None
    finally:
        if dry_run:
            uow.rollback()
    return outcome


def _finding_problem(finding, locations: dict, lines: list[str]) -> Problem:
    line, column, xpath = locate(locations, _loc(finding.field), lines)
    return Problem(
        finding.code,
        finding.message,
        line=line,
        column=column,
        xpath=xpath,
        field=finding.field,
        article=finding.article,
        severity=str(finding.severity),
    )


def _loc(path: str | None) -> tuple:
    """``parents[0].cnp`` -> ``("parents", 0, "cnp")``; the stored case's collections
    (``measures[1]``, ``placement_targets[0]``) are the submission's single ones."""
    if not path:
        return ()
    loc: list = []
    for part in path.replace("]", "").split("."):
        name, *index = part.split("[")
        name = {"measures": "measure", "placement_targets": "placement_target"}.get(name, name)
        loc.append(name)
        if index and name in ("parents", "events"):
            loc.append(int(index[0]))
    return tuple(loc)
