"""Builders of case data for tests: one valid, realistic fictional case, changed per test
with keyword overrides instead of copy-pasted dictionaries. Dates count from the tests'
clock (``tests.clock.TODAY``), which is also the app's, never from the wall clock."""

import copy
from datetime import UTC, date, datetime, timedelta

from filing_service.law.cnp import build_cnp
from tests.clock import FIXED_NOW, TODAY


def years_ago(years: int, today: date | None = None, days: int = 0) -> date:
    """A birth date ``years`` full years before ``today`` (minus ``days`` more)."""
    today = today or TODAY
    try:
        born = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        born = today.replace(year=today.year - years, day=28)
    return born - timedelta(days=days)


def child(age: int = 9, *, county: str = "12", serial: int = 11, **overrides) -> dict:
    born = years_ago(age, days=40)
    data = {
        "first_name": "Andrei-Ștefan",
        "last_name": "Popescu",
        "cnp": build_cnp(born, sex="M", county_code=county, serial=serial),
        "birth_date": born.isoformat(),
        "domicile_address": "Str. Fictivă nr. 7, Cluj-Napoca",
        "domicile_area": "CJ",
        "personality": "Copil comunicativ, atașat de frați.",
        "health": "Sănătos; vaccinări la zi.",
        "history": "Fără antecedente medicale.",
        "education": "Elev în clasa a III-a.",
        "living_conditions": "Locuință improprie, fără încălzire.",
    }
    data.update(overrides)
    return data


def parent(role: str = "mama", **overrides) -> dict:
    born = years_ago(34, days=100)
    data = {
        "role": role,
        "first_name": "Maria",
        "last_name": "Popescu",
        "cnp": build_cnp(
            born, sex="F" if role == "mama" else "M", county_code="12", serial=201
        ),
        "birth_date": born.isoformat(),
        "address": "Str. Fictivă nr. 7, Cluj-Napoca",
        "agrees_to_measure": False,
    }
    data.update(overrides)
    return data


def maternal_assistant(**overrides) -> dict:
    data = {
        "kind": "asistent_maternal",
        "name": "Elena Vlad",
        "attestation": "Atestat AMP nr. 77/2025",
        "address": "Str. Confidențială nr. 3, Florești",
        "income": "3.800 lei lunar",
        "property": "Apartament cu 3 camere",
        "medical_info": "Apt medical",
        "psychological_info": "Evaluare psihologică favorabilă",
    }
    data.update(overrides)
    return data


def residential(**overrides) -> dict:
    data = {
        "kind": "serviciu_rezidential",
        "name": "Casa de tip familial „Speranța”",
        "residential_kind": "casa_tip_familial",
        "residential_justification": None,
    }
    data.pop("residential_justification")
    data.update(overrides)
    return data


def emergency_measure(start: date | None = None, **overrides) -> dict:
    start = start or TODAY - timedelta(days=1)
    data = {
        "kind": "plasament_regim_urgenta",
        "authority": "director",
        "status": "in_vigoare",
        "act_number": "1045",
        "decided_on": start.isoformat(),
        "starts_on": start.isoformat(),
    }
    data.update(overrides)
    return data


def case(**overrides) -> dict:
    """A valid case of DGASPC Cluj: a child of 9 in emergency placement with a maternal
    assistant, the mother opposing. Override any top-level key."""
    data = {
        "external_id": None,
        "situation": "c",
        "court": "Tribunalul Cluj",
        "facts_summary": "Copilul a fost găsit singur în locuință, fără hrană.",
        "child": child(),
        "parents": [parent()],
        "placement_target": maternal_assistant(),
        "measure": emergency_measure(),
        "events": [
            {
                "kind": "dispozitie_plasament_urgenta",
                "occurred_on": (TODAY - timedelta(days=1)).isoformat(),
            }
        ],
    }
    data.pop("external_id")
    data.update(copy.deepcopy(overrides))
    return data


def girl(age: int = 9, *, serial: int = 12, **overrides) -> dict:
    """A child (``child``) who is a girl: her CNP says so (sex digit 6) and so does ``sex``."""
    born = years_ago(age, days=40)
    data = child(
        age,
        serial=serial,
        sex="F",
        cnp=build_cnp(born, sex="F", county_code="12", serial=serial),
    )
    data.update(overrides)
    return data


def reported_child(age: int = 8, *, county: str = "12", serial: int = 31, **overrides) -> dict:
    """A child named in a 119 report, fully identified (override parts to leave them out)."""
    born = years_ago(age, days=15)
    data = {
        "first_name": "Ioana",
        "last_name": "Mureșan",
        "cnp": build_cnp(born, sex="F", county_code=county, serial=serial),
        "birth_date": born.isoformat(),
        "sex": "F",
    }
    data.update(overrides)
    return data


_CALLS = iter(range(1, 10**9))


def report_119(now: datetime = FIXED_NOW, **overrides) -> dict:
    """A 119 report about one child in Cluj-Napoca, received an hour before ``now``; every
    call gets a fresh call id unless one is given. Override any top-level key."""
    received = now.astimezone(UTC) - timedelta(hours=1)
    data = {
        "call_id": f"STS-119-{next(_CALLS):06d}",
        "received_at": received.isoformat(),
        "channel": "telefon",
        "caller": {
            "anonymous": False,
            "name": "Vecină (fictivă)",
            "phone": "0700000000",
            "relationship": "vecin",
        },
        "children": [reported_child()],
        "place": {
            "county": "Cluj",
            "locality": "Cluj-Napoca",
            "address": "Str. Fictivă nr. 9",
        },
        "forms": ["neglijare_alimentara", "abuz_fizic"],
        "description": "Copilul plânge des și pare flămând; se aud țipete din apartament.",
        "urgent": False,
        "emergency_112": {"alerted": False},
    }
    data.update(copy.deepcopy(overrides))
    return data
