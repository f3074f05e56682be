"""A realistic, fictional case with every field filled: what ``templates lint`` checks the
templates against, what the benchmark renders, and an example of the JSON file that
``filing-service documents render --data`` reads (``filing-service documents sample``).

Every name, CNP and address is invented; the CNPs are valid (check digit computed).
"""

from datetime import date, timedelta

from ..law.cnp import build_cnp


def _years_before(today: date, years: int, days: int) -> date:
    try:
        born = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        born = today.replace(year=today.year - years, day=28)
    return born - timedelta(days=days)


def sample_case(today: date) -> dict:
    """A case of DGASPC Cluj, shaped like ``cases.schemas.CaseIn``, valid on ``today``:
    a boy of 11 placed in emergency with a maternal assistant the day before, after
    neglect; the mother opposes, the father agrees."""
    child_born = _years_before(today, 11, 52)
    mother_born = _years_before(today, 36, 120)
    father_born = _years_before(today, 41, 15)
    assistant_born = _years_before(today, 48, 200)
    yesterday = (today - timedelta(days=1)).isoformat()
    return {
        "reference": "CJ-DEMO-0001",
        "situation": "c",
        "court": "Tribunalul Cluj",
        "opened_on": yesterday,
        "facts_summary": (
            "La data de " + yesterday + ", în urma sesizării școlii, echipa mobilă a "
            "constatat că minorul era singur în locuință, fără hrană și fără încălzire.\n"
            "Mama lipsea de trei zile; tatăl locuiește în altă localitate."
        ),
        "child": {
            "first_name": "Andrei-Ștefan",
            "last_name": "Mureșan",
            "cnp": build_cnp(child_born, sex="M", county_code="12", serial=11),
            "birth_date": child_born.isoformat(),
            "sex": "M",
            "citizenship": "română",
            "domicile_address": "Str. Fictivă nr. 7, ap. 3, Cluj-Napoca, jud. Cluj",
            "domicile_area": "CJ",
            "consent": None,
            "personality": "Copil comunicativ, atașat de sora sa mai mare.",
            "health": "Sănătos clinic; vaccinările sunt la zi.",
            "history": "Fără antecedente medicale; a mai fost semnalat la școală în 2024.",
            "education": "Elev în clasa a V-a, rezultate bune, absențe frecvente.",
            "living_conditions": "Locuință cu o cameră, fără încălzire și fără hrană.",
            "other_data": "Bunica maternă s-a oferit să îl viziteze.",
        },
        "parents": [
            {
                "role": "mama",
                "first_name": "Ioana",
                "last_name": "Mureșan",
                "cnp": build_cnp(mother_born, sex="F", county_code="12", serial=201),
                "birth_date": mother_born.isoformat(),
                "address": "Str. Fictivă nr. 7, ap. 3, Cluj-Napoca, jud. Cluj",
                "phone": "0700 000 001",
                "agrees_to_measure": False,
            },
            {
                "role": "tata",
                "first_name": "Vasile",
                "last_name": "Mureșan",
                "cnp": build_cnp(father_born, sex="M", county_code="12", serial=202),
                "birth_date": father_born.isoformat(),
                "address": "Str. Imaginară nr. 12, Dej, jud. Cluj",
                "phone": "0700 000 002",
                "agrees_to_measure": True,
            },
        ],
        "placement_target": {
            "kind": "asistent_maternal",
            "name": "Elena Vlad",
            "cnp": build_cnp(assistant_born, sex="F", county_code="12", serial=303),
            "birth_date": assistant_born.isoformat(),
            "full_legal_capacity": True,
            "domicile_in_romania": True,
            "attestation": "Atestat AMP nr. 77/2025",
            "address": "Str. Confidențială nr. 3, Florești, jud. Cluj",
            "income": "3.800 lei lunar",
            "property": "Apartament cu 3 camere",
            "medical_info": "Apt medical, fără afecțiuni cronice",
            "psychological_info": "Evaluare psihologică favorabilă",
        },
        "measure": {
            "kind": "plasament_regim_urgenta",
            "authority": "director",
            "status": "in_vigoare",
            "act_number": "1045",
            "decided_on": yesterday,
            "starts_on": yesterday,
            "legal_basis": "art. 100 alin. (2) din Legea nr. 272/2004",
        },
        "events": [
            {
                "kind": "dispozitie_plasament_urgenta",
                "occurred_on": yesterday,
                "description": "Dispoziția directorului nr. 1045.",
            }
        ],
    }
