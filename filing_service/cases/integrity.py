"""Checks that hold for every stored case: identifiers that agree with birth dates, dates
in order, placement targets of the same case. They raise DomainError naming the field."""

from datetime import date

from ..errorcodes import Code
from ..law.chronology import check_not_before
from ..law.cnp import parse_cnp
from ..law.errors import DomainError
from ..models import Case
from .schemas import EVENTS_MAX, PARENTS_MAX


def _person(prefix: str, cnp: str | None, birth_date: date | None, today: date):
    """Fill nothing in, but require a CNP and a birth date to agree, and no future births."""
    if birth_date is not None and birth_date > today:
        raise DomainError(
            "Data nașterii nu poate fi în viitor.",
            field=f"{prefix}.birth_date",
            code=Code.DATE_IN_FUTURE,
        )
    if cnp:
        info = parse_cnp(cnp, field=f"{prefix}.cnp")
        if birth_date is not None and info.birth_date != birth_date:
            raise DomainError(
                f"CNP-ul indică data nașterii {info.birth_date.isoformat()}, dar data "
                f"nașterii declarată este {birth_date.isoformat()}.",
                field=f"{prefix}.cnp",
                code=Code.CNP_BIRTH_DATE_MISMATCH,
            )


def complete_from_cnp(person) -> None:
    """A CNP carries the birth date (and the sex, for a child): fill them when missing."""
    if not getattr(person, "cnp", None):
        return
    info = parse_cnp(person.cnp)
    if person.birth_date is None:
        person.birth_date = info.birth_date
    if hasattr(person, "sex") and person.sex is None:
        person.sex = info.sex


def check_case(case: Case, today: date) -> None:
    """Raise :class:`DomainError` for the first inconsistency of ``case``."""
    for name, most, what in (
        ("parents", PARENTS_MAX, f"{PARENTS_MAX} părinți sau reprezentanți legali"),
        ("events", EVENTS_MAX, f"{EVENTS_MAX} de evenimente"),
    ):
        if len(getattr(case, name)) > most:  # what the XML export could not carry
            raise DomainError(
                f"O cauză poate avea cel mult {what}.", field=name, code=Code.TOO_LONG
            )
    child = case.child
    _person("child", child.cnp, child.birth_date, today)
    for i, parent in enumerate(case.parents):
        _person(f"parents[{i}]", parent.cnp, parent.birth_date, today)
        if parent.birth_date and child.birth_date and parent.birth_date >= child.birth_date:
            raise DomainError(
                "Părintele nu poate fi născut după copil.",
                field=f"parents[{i}].birth_date",
                code=Code.DATE_ORDER,
            )
    for i, listed in enumerate(case.placement_targets):
        _person(f"placement_targets[{i}]", listed.cnp, listed.birth_date, today)
    for i, measure in enumerate(case.measures):
        where = f"measures[{i}]"
        for name, value in (
            ("decided_on", measure.decided_on),
            ("starts_on", measure.starts_on),
        ):
            check_not_before(
                value,
                child.birth_date,
                field=f"{where}.{name}",
                later_label="Data măsurii",
                earlier_label="data nașterii copilului",
            )
        check_not_before(
            measure.ends_on,
            measure.starts_on,
            field=f"{where}.ends_on",
            later_label="Data încetării măsurii",
            earlier_label="data începerii ei",
        )
        target = measure.placement_target
        if target is not None and target.case_id not in (None, case.id):
            raise DomainError(
                "Ținta plasamentului aparține altei cauze.",
                field=f"{where}.placement_target_id",
                code=Code.FOREIGN_TARGET,
            )
    check_not_before(
        case.opened_on,
        child.birth_date,
        field="opened_on",
        later_label="Data deschiderii cauzei",
        earlier_label="data nașterii copilului",
    )
    for i, hearing in enumerate(case.hearings):
        check_not_before(
            hearing.pronounced_on,
            hearing.debates_ended_on,
            field=f"hearings[{i}].pronounced_on",
            later_label="Data pronunțării",
            earlier_label="data închiderii dezbaterilor",
        )
