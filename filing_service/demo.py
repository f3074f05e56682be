"""Fictional demonstration data: users of three directorates and a few cases.

Every name, CNP and address here is invented. The demo password is for a local
demonstration only and is printed by the README; a real deployment creates its users
with ``filing-service create-user``.
"""

from datetime import date, timedelta

from flask import Flask
from sqlalchemy import select

from .auth.actor import Actor
from .auth.passwords import hash_password
from .auth.roles import Role
from .cases import schemas, service
from .clock import today
from .db import unit_of_work
from .law.cnp import build_cnp
from .models import Case, Directorate, User

DEMO_PASSWORD = "demo-Parola-2026"

USERS = [
    ("CJ", "ana.popescu", "Ana Popescu", Role.LEGAL_COUNSEL),
    ("CJ", "mihai.ionescu", "Mihai Ionescu", Role.DIRECTOR),
    ("CJ", "ioana.muresan", "Ioana Mureșan", Role.CASE_MANAGER),
    ("CJ", "dan.stoica", "Dan Stoica", Role.AUDITOR),
    ("CJ", "admin.cj", "Administrator Cluj", Role.ADMINISTRATOR),
    ("B3", "elena.dumitrescu", "Elena Dumitrescu", Role.LEGAL_COUNSEL),
    ("B3", "radu.georgescu", "Radu Georgescu", Role.DIRECTOR),
    ("BV", "maria.florea", "Maria Florea", Role.LEGAL_COUNSEL),
]

DIRECTORS = {"CJ": "Mihai Ionescu", "B3": "Radu Georgescu", "BV": "Cristian Neagu"}


def load_demo(app: Flask) -> int:
    """Create the demo users and cases that do not exist yet; return how many were made."""
    created = 0
    with app.app_context(), unit_of_work() as uow:
        session = uow.session
        directorates = {
            d.code: d
            for d in session.scalars(
                select(Directorate).where(Directorate.code.in_(DIRECTORS))
            )
        }
        for code, name in DIRECTORS.items():
            directorates[code].legal_representative = name
        for code, username, full_name, role in USERS:
            if session.scalar(select(User.id).where(User.username == username)):
                continue
            session.add(
                User(
                    directorate_id=directorates[code].id,
                    username=username,
                    full_name=full_name,
                    role=role,
                    email=f"{username}@dgaspc-demo.invalid",
                    password_hash=hash_password(DEMO_PASSWORD),
                )
            )
            created += 1
        uow.commit()
        for code, data in _cases(today()):
            directorate = directorates[code]
            exists = session.scalar(
                select(Case.id).where(
                    Case.directorate_id == directorate.id, Case.external_id == data.external_id
                )
            )
            if exists:
                continue
            actor = Actor("user", 0, "date demonstrative", directorate.id, Role.CASE_MANAGER)
            service.create_case(uow, actor, data, today(), source="demo")
            created += 1
        uow.commit()
    return created


def _cases(day: date):
    """Three fictional cases: an emergency placement in Cluj, a placement with a maternal
    assistant in Sector 3, and a specialised supervision in Brașov."""
    birth = date(day.year - 9, 3, 12)
    yield (
        "CJ",
        schemas.CaseIn.model_validate(
            {
                "external_id": "demo-cj-1",
                "situation": "c",
                "court": "Tribunalul Cluj",
                "facts_summary": "Copilul a fost găsit singur în locuință, fără hrană, "
                "timp de trei zile; părinții nu au putut fi contactați.",
                "child": {
                    "first_name": "Andrei",
                    "last_name": "Pop",
                    "cnp": build_cnp(birth, sex="M", county_code="12", serial=34),
                    "domicile_address": "Str. Fictivă nr. 1, Cluj-Napoca",
                    "domicile_area": "CJ",
                    "personality": "Copil liniștit, comunicativ după o perioadă de acomodare.",
                    "health": "Stare de sănătate bună; subnutriție ușoară la preluare.",
                    "history": "Fără antecedente medicale semnificative.",
                    "education": "Elev în clasa a III-a; frecvență școlară neregulată.",
                    "living_conditions": "Locuință insalubră, fără utilități.",
                },
                "parents": [
                    {
                        "role": "mama",
                        "first_name": "Maria",
                        "last_name": "Pop",
                        "cnp": build_cnp(
                            date(day.year - 35, 7, 1), sex="F", county_code="12", serial=101
                        ),
                        "address": "Str. Fictivă nr. 1, Cluj-Napoca",
                        "agrees_to_measure": False,
                    }
                ],
                "placement_target": {
                    "kind": "asistent_maternal",
                    "name": "Elena Vlad",
                    "attestation": "Atestat AMP nr. 123/2024",
                    "address": "Str. Confidențială nr. 9, Florești",
                    "income": "3.500 lei/lună",
                },
                "measure": {
                    "kind": "plasament_regim_urgenta",
                    "authority": "director",
                    "status": "in_vigoare",
                    "act_number": "1045",
                    "decided_on": (day - timedelta(days=2)).isoformat(),
                    "starts_on": (day - timedelta(days=2)).isoformat(),
                },
                "events": [
                    {
                        "kind": "dispozitie_plasament_urgenta",
                        "occurred_on": (day - timedelta(days=2)).isoformat(),
                        "description": "Dispoziția directorului nr. 1045",
                    }
                ],
            }
        ),
    )
    baby = date(day.year - 2, 11, 5)
    yield (
        "B3",
        schemas.CaseIn.model_validate(
            {
                "external_id": "demo-b3-1",
                "situation": "b",
                "court": "Tribunalul București",
                "child": {
                    "first_name": "Ioana",
                    "last_name": "Stan",
                    "cnp": build_cnp(baby, sex="F", county_code="43", serial=7),
                    "domicile_area": "B3",
                    "domicile_address": "Bd. Fictiv nr. 10, Sector 3",
                },
                "parents": [
                    {
                        "role": "tata",
                        "first_name": "Vasile",
                        "last_name": "Stan",
                        "agrees_to_measure": False,
                    }
                ],
                "placement_target": {
                    "kind": "persoana_familie",
                    "name": "Familia Stan Gheorghe",
                    "relationship_to_child": "familie_extinsa",
                    "full_legal_capacity": True,
                    "domicile_in_romania": True,
                },
                "measure": {"kind": "plasament", "authority": "instanta", "status": "propusa"},
            }
        ),
    )
    teen = date(day.year - 15, 1, 20)
    yield (
        "BV",
        schemas.CaseIn.model_validate(
            {
                "external_id": "demo-bv-1",
                "situation": "e",
                "court": "Tribunalul pentru Minori și Familie Brașov",
                "child": {
                    "first_name": "Ștefan",
                    "last_name": "Țurcanu",
                    "cnp": build_cnp(teen, sex="M", county_code="08", serial=55),
                    "domicile_area": "BV",
                    "consent": True,
                },
                "measure": {"kind": "supraveghere_specializata", "authority": "instanta"},
            }
        ),
    )
