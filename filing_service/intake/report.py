"""Rules of a 119 report that need neither Flask nor a database: what is missing from a
partial report, how a child nobody could name is written on a case, and the text the
report leaves on the case timeline.

A partial report is accepted as long as it can be routed (art. 98 lit. a): every report
is verified, so a report is never refused for what the caller did not know; the missing
parts are listed instead, for the verification to complete.
"""

from dataclasses import dataclass
from datetime import datetime

from ..law.text import normalize_text
from .forms import describe

PLACEHOLDER = "Necunoscut"  # a name the caller did not know, on the case's Child


@dataclass(frozen=True)
class Missing:
    field: str
    message: str

    def as_dict(self) -> dict:
        return {"field": self.field, "message": self.message}


def child_missing(child, prefix: str) -> list[Missing]:
    """What a reported child lacks: names, CNP, any indication of age."""
    out = []
    if not child.first_name:
        out.append(Missing(f"{prefix}.first_name", "Prenumele copilului nu este cunoscut."))
    if not child.last_name:
        out.append(
            Missing(f"{prefix}.last_name", "Numele de familie al copilului nu este cunoscut.")
        )
    if not child.cnp:
        out.append(Missing(f"{prefix}.cnp", "CNP-ul copilului nu este cunoscut."))
    if not (child.cnp or child.birth_date or child.approximate_age is not None):
        out.append(Missing(f"{prefix}.approximate_age", "Vârsta copilului nu este cunoscută."))
    return out


def missing_parts(report) -> list[Missing]:
    """Everything a verification will have to find out, field by field."""
    out = []
    if not report.children:
        out.append(
            Missing(
                "children",
                "Niciun copil nu a fost identificat; a fost înregistrat un copil necunoscut.",
            )
        )
    for i, child in enumerate(report.children):
        out.extend(child_missing(child, f"children[{i}]"))
    if not report.place.locality:
        out.append(Missing("place.locality", "Localitatea nu a fost indicată."))
    if not report.place.address:
        out.append(Missing("place.address", "Adresa nu a fost indicată."))
    if not report.forms:
        out.append(
            Missing(
                "forms", "Forma de abuz, neglijare sau violență nu a fost precizată (art. 94)."
            )
        )
    if not report.description:
        out.append(Missing("description", "Situația semnalată nu a fost descrisă."))
    if not report.caller.anonymous and not (report.caller.name or report.caller.phone):
        out.append(Missing("caller", "Apelantul nu este anonim, dar nu are nume sau telefon."))
    if report.emergency_112.alerted and report.emergency_112.alerted_at is None:
        out.append(
            Missing("emergency_112.alerted_at", "Ora alertării 112 nu a fost indicată.")
        )
    return out


def same_person(first_a: str, last_a: str, first_b: str, last_b: str) -> bool:
    """Names that match once case, spacing and cedilla forms are set aside."""

    def key(first: str, last: str) -> tuple[str, str]:
        return (
            " ".join(normalize_text(first).lower().split()),
            " ".join(normalize_text(last).lower().split()),
        )

    return key(first_a, last_a) == key(first_b, last_b)


def timeline_text(
    number: str,
    channel: str,
    forms: list[str],
    place: str,
    description: str | None,
    urgent: bool,
    alerted: bool,
    alerted_at: datetime | None,
) -> str:
    """What the case timeline says of the report (the caller's identity stays out of it:
    the case may reach the family, the report's author must not)."""
    lines = [f"Sesizare nr. {number} primită prin linia 119 ({channel})."]
    if urgent:
        lines.append("URGENTĂ.")
    if alerted:
        when = f" la {alerted_at:%d.%m.%Y %H:%M}" if alerted_at else ""
        lines.append(f"Serviciul de urgență 112 a fost alertat{when}.")
    if forms:
        lines.append(f"Forme semnalate: {describe(forms)}.")
    if place:
        lines.append(f"Locul: {place}.")
    if description:
        lines.append(f"Descriere: {description}")
    return "\n".join(lines)
