"""The data a document template reads: plain JSON-able values built from one case.

``build_context`` is the only way templates see a case. Dates are already written the
Romanian way ("12 martie 2025", with the ISO form beside it), names are joined, and the
articles that apply to *this* case are computed (``context_law``). For the parents'
variant the placement person's or family's address, income, property and medical and
psychological data are left out of the context altogether (art. 67^1 alin. (1)), so no
template, however written, can print them.
"""

from datetime import date

from sqlalchemy.orm import Session

from ..cases.facts import current_and_previous
from ..law import rules
from ..law.dates import format_date_ro
from ..law.directorates import BY_CODE, competent_tribunal
from ..law.events import EventKind
from ..law.facts import (
    Authority,
    MeasureKind,
    MeasureStatus,
    ParentRole,
    Relationship,
    TargetKind,
)
from ..models import Case, Directorate, Measure, Parent, PlacementTarget
from . import context_law as law
from .catalog import COURT, PARENTS, DocType

# Art. 67^1 alin. (1): what the biological parents must not learn of the placement
# person or family.
CONFIDENTIAL_TARGET_FIELDS = (
    "address",
    "income",
    "property",
    "medical_info",
    "psychological_info",
)
# Not named by art. 67^1, but it carries the birth date and county: left out of the
# parents' variant as well (data minimisation, art. 67^1 alin. (2) and the GDPR).
PRIVATE_TARGET_FIELDS = CONFIDENTIAL_TARGET_FIELDS + ("cnp",)

PARENT_ROLES: dict[str, tuple[str, str]] = {
    ParentRole.MOTHER: ("mama", "intimată"),
    ParentRole.FATHER: ("tatăl", "intimat"),
    ParentRole.GUARDIAN: ("tutorele", "intimat"),
    ParentRole.LEGAL_REPRESENTATIVE: ("reprezentantul legal", "intimat"),
}
MEASURE_KINDS: dict[str, str] = {
    MeasureKind.PLACEMENT: "plasament",
    MeasureKind.EMERGENCY_PLACEMENT: "plasament în regim de urgență",
    MeasureKind.SPECIALISED_SUPERVISION: "supraveghere specializată",
}
TARGET_KINDS: dict[str, str] = {
    TargetKind.PERSON_OR_FAMILY: "persoana/familia",
    TargetKind.MATERNAL_ASSISTANT: "asistentul maternal profesionist",
    TargetKind.RESIDENTIAL: "serviciul de tip rezidențial",
}
_DGASPC_LONG = "Direcția Generală de Asistență Socială și Protecția Copilului"
RELATIONSHIPS: dict[str, str] = {
    Relationship.EXTENDED_FAMILY: "familie extinsă",
    Relationship.SUBSTITUTE_FAMILY: "familie substitutivă",
    Relationship.OTHER: "altă persoană sau familie",
}


def build_context(
    session: Session,
    case: Case,
    doc_type: DocType,
    variant: str,
    today: date,
    directorate: Directorate,
    findings: list[rules.Finding],
) -> dict:
    """Everything the template of ``doc_type`` may print about ``case``, as plain data;
    ``findings`` are the rules engine's on the case as of ``today`` (evaluated once, by
    the caller that decided whether the document may be made)."""
    child = case.child
    age = law.child_age(child.birth_date if child else None, today)
    current, previous = current_and_previous(case)
    emergency = _latest(case, MeasureKind.EMERGENCY_PLACEMENT)
    target = _target(case, current)
    change = _change(current, previous, target)
    parents_variant = variant == PARENTS
    exception_64 = law.residential_exception(
        target.kind if target else None,
        age,
        bool(child and child.complete_impairment_confirmed),
    )
    context = {
        "doc": {
            "id": doc_type.id,
            "title": doc_type.title,
            "variant": variant,
            "parents_variant": parents_variant,
            "version": doc_type.version,
            "legal_basis": doc_type.legal_basis,
        },
        "today": _date(today),
        "law_name": law.LAW,
        "court": _court(case, child),
        "directorate": _directorate(directorate),
        "case": {
            "reference": case.reference,
            "opened_on": _date(case.opened_on),
            "situation": case.situation or "",
            "situation_text": law.SITUATIONS.get(case.situation or "", ""),
            "situation_ref": law.situation_ref(case.situation),
        },
        "child": _child(child, age, hide_address=_hidden_addresses(target, parents_variant)),
        "parents": [_parent(p) for p in case.parents if not p.deceased],
        "deceased_parents": [_name(p) for p in case.parents if p.deceased],
        "measure": _measure(current),
        "previous_measure": _measure(previous),
        "emergency": dict(
            _emergency(case, emergency), ground=law.emergency_ground(case.situation)
        ),
        "target": _target_public(target),
        "facts": _paragraphs(case.facts_summary),
        "hearing": law.hearing(age, case.situation),
        "consent": law.consent(age, child.consent if child else None),
        "parental_rights": law.parental_rights(case.situation),
        "exception_64": exception_64,
        "change": change,
        "art65_letter": "b" if case.situation in ("b", "e") else "a",
        "ordinance": _ordinance(case),
        "commission": {
            "name": _commission(directorate),
            "name_upper": _commission(directorate).upper(),
        },
        "grounds": law.court_grounds(
            doc_type.id,
            case.situation,
            age,
            exception_64,
            reintegration=change["ends"],
            to_court=not (doc_type.id == "cerere_modificare" and change["to_commission"]),
            family_to_residential=change["family_to_residential"],
        ),
        "hearings": [_hearing(h) for h in case.hearings],
        "warnings": [f.message for f in findings if f.severity == rules.Severity.WARNING],
        "errors": [f.message for f in findings if f.severity == rules.Severity.ERROR],
        "signatures": _signatures(directorate),
    }
    if variant == COURT and target is not None:
        # Only the full variant carries what art. 67^1 keeps from the parents; any other
        # variant name, even a mistaken one, gets the parents' protection.
        context["placement_private"] = {
            f: getattr(target, f) or "" for f in PRIVATE_TARGET_FIELDS
        }
    return context


# ---- sections ------------------------------------------------------------------------


def _date(value: date | None) -> dict:
    """A date as the documents write it, with the ISO form for machines."""
    return {"ro": format_date_ro(value), "iso": value.isoformat() if value else ""}


def _court(case: Case, child) -> dict:
    """Art. 133: the tribunal of the child's domicile, else where the child was found;
    the court named in the case wins when the case already has one."""
    name = case.court
    if not name and child is not None:
        area = child.domicile_area or child.found_area
        name = competent_tribunal(area) if area in BY_CODE else ""
    return {
        "name": name or "",
        "name_upper": (name or "").upper(),
        "case_number": case.court_case_number or "",
    }


def _directorate(directorate: Directorate) -> dict:
    """The DGASPC as a party: its name, seat and legal representative (the director)."""
    # "propunerea Direcției Generale ...", "se comunică Direcției Generale ...".
    name_of = directorate.name.replace("Direcția Generală", "Direcției Generale", 1)
    return {
        "name": directorate.name,
        "name_upper": directorate.name.upper(),
        "name_of": name_of,
        "name_to": name_of,
        "short": directorate.name.replace(_DGASPC_LONG, "DGASPC"),
        "county": directorate.county,
        "code": directorate.code,
        "seat": directorate.seat,
        "tribunal": directorate.tribunal,
        "director": directorate.legal_representative or "",
    }


def _signatures(directorate: Directorate) -> dict:
    """Who signs: in practice the director and the legal counsel both sign a petition."""
    settings = directorate.settings or {}
    return {
        "director": directorate.legal_representative or "",
        "director_title": settings.get("director_title", "Director executiv"),
        "case_manager": settings.get("case_manager", ""),
        "commission_president": settings.get("commission_president", ""),
        "commission_secretary": settings.get("commission_secretary", ""),
        "legal_counsel": settings.get("legal_counsel", ""),
        "legal_counsel_title": "Consilier juridic",
    }


def _name(person) -> str:
    return f"{person.first_name} {person.last_name}"


def _hidden_addresses(target: PlacementTarget | None, parents_variant: bool) -> set[str]:
    """In the parents' variant, an address equal to the placement address is hidden too:
    during placement the child's domicile is at the placement person (art. 63)."""
    if not parents_variant or target is None or not target.address:
        return set()
    return {target.address.strip().lower()}


def _child(child, age: int | None, hide_address: set[str]) -> dict:
    if child is None:
        return {}
    domicile = child.domicile_address or ""
    if domicile.strip().lower() in hide_address:
        domicile = ""
    female = child.sex == "F"
    return {
        "full_name": _name(child),
        "first_name": child.first_name,
        "last_name": child.last_name,
        "cnp": child.cnp or "",
        "birth_date": _date(child.birth_date),
        "age": age,
        "sex": child.sex or "",
        "female": female,
        "minor": "minora" if female else "minorul",
        "of_minor": "minorei" if female else "minorului",
        "born": "născută" if female else "născut",
        "citizenship": child.citizenship or "română",
        "domicile": domicile,
        "consent": child.consent,
        # Art. 139 lit. a)-c), e).
        "personality": _paragraphs(child.personality),
        "health": _paragraphs(child.health),
        "history": _paragraphs(child.history),
        "education": _paragraphs(child.education),
        "living_conditions": _paragraphs(child.living_conditions),
        "other_data": _paragraphs(child.other_data),
    }


def _parent(parent: Parent) -> dict:
    relation, party = PARENT_ROLES.get(parent.role, (parent.role, "intimat"))
    female = parent.role == ParentRole.MOTHER or (parent.cnp or "x")[0] in "2468"
    return {
        "full_name": _name(parent),
        "role": parent.role,
        "relation": relation,
        "born": "născută" if female else "născut",
        "party": party,
        "cnp": parent.cnp or "",
        "birth_date": _date(parent.birth_date),
        "address": parent.address or "",
        "agrees": parent.agrees_to_measure,
        "parental_rights": parent.parental_rights,
    }


def _latest(case: Case, kind: str) -> Measure | None:
    found = [m for m in case.measures if m.kind == kind]
    return found[-1] if found else None


def _measure(measure: Measure | None) -> dict | None:
    if measure is None:
        return None
    return {
        "kind": measure.kind,
        "kind_label": MEASURE_KINDS.get(measure.kind, measure.kind),
        "authority": measure.authority,
        "status": measure.status,
        "act_number": measure.act_number or "",
        "decided_on": _date(measure.decided_on),
        "starts_on": _date(measure.starts_on),
        "ends_on": _date(measure.ends_on),
        "legal_basis": measure.legal_basis or "",
        "danger_motivation": _paragraphs(measure.danger_motivation),
        "residential_justification": _paragraphs(measure.residential_justification),
    }


def _emergency(case: Case, measure: Measure | None) -> dict:
    """The emergency placement (art. 69, art. 100 alin. 2): the director's order, or the
    date of the event that recorded it."""
    if measure is not None:
        return {
            "exists": True,
            "act_number": measure.act_number or "",
            "decided_on": _date(measure.decided_on or measure.starts_on),
        }
    events = [e for e in case.events if e.kind == EventKind.EMERGENCY_ORDER]
    if events:
        return {"exists": True, "act_number": "", "decided_on": _date(events[-1].occurred_on)}
    return {"exists": False, "act_number": "", "decided_on": _date(None)}


def _change(
    current: Measure | None, previous: Measure | None, target: PlacementTarget | None
) -> dict:
    """What a petition to change or end a measure asks (art. 72 alin. 2, art. 73 alin. 3):
    a proposed measure replacing the one before it is a change; a measure in force with an
    end date and nothing after it is ended, by reintegration in the family, which needs
    proof of the parents' counselling (art. 73 alin. 4). It goes to whoever ordered the
    measure: the commission or the court."""
    if current is None:
        return {
            "ends": False,
            "replaces": False,
            "to_commission": False,
            "family_to_residential": False,
            "old": None,
        }
    replaces = current.status == MeasureStatus.PROPOSED and previous is not None
    ends = not replaces and current.ends_on is not None
    old = previous if replaces else current
    old_target = old.placement_target if old is not None else None
    family_to_residential = bool(
        replaces
        and old_target is not None
        and target is not None
        and old_target.kind in (TargetKind.PERSON_OR_FAMILY, TargetKind.MATERNAL_ASSISTANT)
        and target.kind == TargetKind.RESIDENTIAL
    )
    return {
        "ends": ends,
        "replaces": replaces,
        "to_commission": old is not None and old.authority == Authority.COMMISSION,
        "family_to_residential": family_to_residential,
        "old": _measure(old),
    }


def _ordinance(case: Case) -> dict:
    """The presidential ordinance (art. 100 alin. 3-4): when it was asked for and when it
    was executed; the 5 days of art. 100 alin. (4) run from its execution."""

    def last(kind: str):
        found = [e for e in case.events if e.kind == kind]
        return found[-1] if found else None

    requested = last(EventKind.ORDINANCE_REQUESTED)
    executed = last(EventKind.ORDINANCE_EXECUTED)
    return {
        "requested_on": _date(requested.occurred_on if requested else None),
        "executed_on": _date(executed.occurred_on if executed else None),
        "number": str((executed.data or {}).get("number", "")) if executed else "",
    }


def _commission(directorate: Directorate) -> str:
    """The child-protection commission of the county or sector (art. 115)."""
    where = directorate.name.replace(_DGASPC_LONG, "").strip()
    return f"Comisia pentru Protecția Copilului {where}"


def _target(case: Case, current: Measure | None) -> PlacementTarget | None:
    if current is not None and current.placement_target is not None:
        return current.placement_target
    return case.placement_targets[-1] if case.placement_targets else None


def _target_public(target: PlacementTarget | None) -> dict | None:
    """What every reader may know of the placement target: who, not where or how well off."""
    if target is None:
        return None
    return {
        "kind": target.kind,
        "kind_label": TARGET_KINDS.get(target.kind, target.kind),
        "name": target.name,
        "attestation": target.attestation or "",
        # Forms ask for the surname and the given names apart (annex no. 2).
        "first_name": target.name.rsplit(" ", 1)[0] if " " in target.name else "",
        "last_name": target.name.rsplit(" ", 1)[-1],
        "relationship": RELATIONSHIPS.get(target.relationship_to_child or "", ""),
        "residential": target.kind == TargetKind.RESIDENTIAL,
        "maternal_assistant": target.kind == TargetKind.MATERNAL_ASSISTANT,
        "person_or_family": target.kind == TargetKind.PERSON_OR_FAMILY,
    }


def _hearing(hearing) -> dict:
    return {
        "date": _date(hearing.scheduled_at.date()),
        "court": hearing.court or "",
        "case_number": hearing.court_case_number or "",
        "solution": hearing.solution or "",
    }


def _paragraphs(text: str | None) -> list[str]:
    """User text as paragraphs: templates loop over them, so a newline starts a paragraph
    instead of vanishing inside a Word run."""
    if not text:
        return []
    return [line.strip() for line in text.splitlines() if line.strip()]
