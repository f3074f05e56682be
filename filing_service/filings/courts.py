"""The directory of courts a directorate files with (art. 133: the tribunal of the
child's domicile), seeded with the tribunals and kept by the directorate's administrator.

No real registry address is invented: each tribunal is seeded with a placeholder on the
reserved ``.invalid`` domain, marked unverified, and nothing is sent to an unverified
address unless the configuration allows it (tests, demonstrations).
"""

import unicodedata
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import audit
from ..auth.actor import Actor
from ..clock import now as clock_now
from ..db import UnitOfWork
from ..errorcodes import Code
from ..errors import DomainError, NotFound, PermissionDenied
from ..law.directorates import DIRECTORATES, competent_tribunal
from ..models import Case, Court
from . import court_rules
from .court_rules import RULES

_BRASOV_SPECIALISED = "Tribunalul pentru Minori și Familie Brașov"


def _ascii(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )


def portal_institution(tribunal: str) -> str:
    """The court's code in the portal's ``Institutie`` enumeration (Query.asmx), e.g.
    ``Tribunalul Bistrița-Năsăud`` -> ``TribunalulBISTRITANASAUD``."""
    if tribunal == _BRASOV_SPECIALISED:
        return "TribunalulpentruminoriSifamilieBRASOV"
    county = tribunal.removeprefix("Tribunalul ")
    return "Tribunalul" + "".join(c for c in _ascii(county).upper() if c.isalpha())


def placeholder_email(tribunal: str) -> str:
    """A registry address on the reserved ``.invalid`` domain: never a real mailbox."""
    if tribunal == _BRASOV_SPECIALISED:
        slug = "tribunalul-minori-familie-brasov"
    else:
        slug = "-".join(_ascii(tribunal).lower().replace("-", " ").split())
    return f"registratura@{slug}.invalid"


def tribunals() -> list[str]:
    """Every tribunal competent under art. 133 for some county or sector, once each."""
    return sorted({d.tribunal for d in DIRECTORATES})


def ensure_directory(session: Session, directorate_id: int) -> None:
    """Seed the directorate's directory with the tribunals it does not list yet.

    Runs in a savepoint: two first requests at once must not fail on the unique name.
    """
    have = set(
        session.scalars(select(Court.name).where(Court.directorate_id == directorate_id))
    )
    missing = [name for name in tribunals() if name not in have]
    if not missing:
        return
    try:
        with session.begin_nested():
            for name in missing:
                session.add(
                    Court(
                        directorate_id=directorate_id,
                        name=name,
                        registry_email=placeholder_email(name),
                        email_verified=False,
                        **{rule: default for rule, (_label, default) in RULES.items()},
                        portal_institution=portal_institution(name),
                        notes="Adresă provizorie: de confirmat cu registratura.",
                    )
                )
    except IntegrityError:
        pass  # another request seeded it first


def list_courts(session: Session, actor: Actor) -> list[Court]:
    ensure_directory(session, actor.directorate_id)
    return list(
        session.scalars(
            select(Court)
            .where(Court.directorate_id == actor.directorate_id)
            .order_by(Court.name)
        )
    )


def get_court(session: Session, actor: Actor, court_id: int) -> Court:
    court = session.scalar(
        select(Court).where(Court.id == court_id, Court.directorate_id == actor.directorate_id)
    )
    if court is None:
        raise NotFound("Instanța")
    return court


def update_court(
    uow: UnitOfWork,
    actor: Actor,
    court_id: int,
    values: dict,
    *,
    now: datetime | None = None,
) -> Court:
    """An administrator's change to the directory: the registry's address (unverified
    again until the administrator says it was confirmed with the registry), the portal
    code, notes, and the court's own rules (``court_rules.RULES``), each checked with a
    Romanian message naming its field.

    ``rule_sources`` records where a rule comes from (a rule's name -> its source; null
    forgets a recorded source); a rule changed without a source is recorded as set by
    the administrator on the day of the app's clock (``now``). Every change, the sources
    included, goes to the audit trail."""
    court = get_court(uow.session, actor, court_id)
    if not actor.can("administer"):
        raise PermissionDenied("Doar administratorul direcției modifică lista instanțelor.")
    values = dict(values)
    if "registry_email" in values and values["registry_email"] is None:
        raise DomainError(
            "Adresa registraturii nu poate fi ștearsă.",
            field="registry_email",
            code=Code.REQUIRED,
        )
    if values.get("registry_email") not in (None, court.registry_email):
        values.setdefault("email_verified", False)
    if "email_verified" in values and values["email_verified"] is None:
        raise DomainError(
            "Câmpul nu poate fi șters.", field="email_verified", code=Code.REQUIRED
        )
    for rule in RULES:
        if rule in values:
            error = court_rules.rule_error(rule, values[rule])
            if error is not None:
                raise DomainError(error, field=rule, code=Code.COURT_RULE_INVALID)
            values[rule] = court_rules.clean(rule, values[rule])
    given = values.pop("rule_sources", None)
    if given is not None:
        error = court_rules.sources_error(given)
        if error is not None:
            raise DomainError(error, field="rule_sources", code=Code.COURT_RULE_INVALID)
    changes = audit.apply_changes(court, values)
    sources = dict(court.rule_sources or {})
    day = (now or clock_now()).date()
    for rule in RULES:
        if rule in changes and not (given or {}).get(rule):
            sources[rule] = court_rules.administrator_source(day)
    for rule, source in (given or {}).items():
        if source:
            sources[rule] = source.strip()
        else:
            sources.pop(rule, None)
    changes.update(audit.apply_changes(court, {"rule_sources": sources or None}))
    audit.record(uow.session, actor, "update", "court", court.id, changes=changes)
    uow.flush()
    return court


def court_by_name(session: Session, actor: Actor, name: str) -> Court:
    ensure_directory(session, actor.directorate_id)
    court = session.scalar(
        select(Court).where(Court.directorate_id == actor.directorate_id, Court.name == name)
    )
    if court is None:
        raise DomainError(
            f"Instanța „{name}” nu se află în lista instanțelor direcției.",
            field="court",
            code=Code.UNKNOWN_COURT,
        )
    return court


def competent_court_name(case: Case) -> str | None:
    """The tribunal competent under art. 133: of the child's domicile (alin. 1), else of
    where the child was found (alin. 2); None when neither is known."""
    child = case.child
    area = child.domicile_area or child.found_area if child else None
    return competent_tribunal(area) if area else None
