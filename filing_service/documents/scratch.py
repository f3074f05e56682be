"""A case that lives only in memory: a throwaway SQLite database with the schema, one
directorate, and the case created through the same service as the API's, so that the
command line and the template lint see exactly what a stored case would give them."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from ..auth.actor import Actor
from ..auth.roles import Role
from ..cases import schemas, service
from ..db import UnitOfWork
from ..errorcodes import Code
from ..law.directorates import BY_CODE
from ..law.errors import DomainError
from ..models import Base, Case, Directorate


@contextmanager
def scratch_case(
    data: schemas.CaseIn,
    today: date,
    directorate_code: str = "CJ",
    director: str | None = None,
    known: dict | None = None,
) -> Iterator[tuple[Session, Case]]:
    """Yield ``(session, case)`` for ``data`` in a database that vanishes afterwards.

    The directorate is the seeded one, with ``known`` columns (its legal representative
    and settings as the service's database has them) and ``director`` over it. The case
    goes through ``cases.service.create_case``: integrity checks and the rules engine
    refuse what they would refuse through the API."""
    seed = BY_CODE.get(directorate_code.upper())
    if seed is None:
        raise DomainError(
            f"Direcția {directorate_code} nu există.",
            field="directorate",
            code=Code.UNKNOWN_DIRECTORATE,
        )
    engine = create_engine(
        "sqlite://",
        poolclass=StaticPool,
        connect_args={"check_same_thread": False},
        hide_parameters=True,  # as db.make_engine: no case data in an error's text
    )
    try:
        Base.metadata.create_all(engine)
        with Session(engine, expire_on_commit=False) as session:
            columns: dict[str, Any] = {
                "code": seed.code,
                "name": seed.name,
                "county": seed.county,
                "cnp_county_code": seed.cnp_county_code,
                "tribunal": seed.tribunal,
                "seat": seed.seat,
                "legal_representative": None,
                "settings": {},
            }
            columns.update(known or {})
            if director:
                columns["legal_representative"] = director
            directorate = Directorate(**columns)
            session.add(directorate)
            session.commit()
            actor = Actor(
                "cli", 0, "linia de comandă", directorate.id, Role.LEGAL_COUNSEL.value
            )
            case = service.create_case(UnitOfWork(session), actor, data, today, source="cli")
            yield session, case
    finally:
        engine.dispose()
