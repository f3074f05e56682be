"""Each court's own rules for what its registry receives, as data: what they mean, their
defaults, where each comes from, and the name an attachment takes under them.

Romanian courts publish their rules for filings sent by e-mail (on portal.just.ro and on
their own pages), and they differ: some take only PDF, some PDF and DOC/DOCX; scans at
most 200 or 300 dpi, in black and white; at most 10 MB of attachments per message; one
message per case file; attachments named by their order and type; in a case that has a
hearing, the filing at least 24 hours before it. A registry refuses, or silently fails
to print, what breaks them.

The defaults are the strictest of the common rules, so that a court nobody has described
yet is filed with as the most demanding court would want. A directorate's administrator
sets a court's own values (``courts.update_court``, audited), each with its source.

Pure Python: no database, no Flask.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from ..errorcodes import Code
from ..law.dates import format_date_ro
from .domain import DocumentRole, Problem, Severity


class Channel(StrEnum):
    EMAIL = "email"  # the registry's mailbox, by SMTP (``delivery``)
    REJUST = "rejust"  # registratura.rejust.ro, uploaded by a person (``rejust``)


CHANNEL_LABELS = {
    Channel.EMAIL: "e-mail către registratură",
    Channel.REJUST: "registratura electronică (registratura.rejust.ro)",
}

ACCEPTED_TYPES = ("pdf", "doc", "docx")

DEFAULT_SOURCE = (
    "Implicit: cea mai strictă dintre regulile comune publicate de instanțe pentru "
    "depunerea prin e-mail (portal.just.ro)"
)

# The rules every court publishes alike, kept in no column of the directory.
PLAIN_TEXT_SOURCE = (
    "Regulă comună a instanțelor pentru depunerea prin e-mail (portal.just.ro): corpul "
    "mesajului este text simplu, fără linkuri; documentele se atașează"
)

# A rule's name (the court's column), what a person reads for it, and its default.
RULES: dict[str, tuple[str, object]] = {
    "accepted_types": ("Tipuri de fișiere acceptate", ["pdf"]),
    "max_message_bytes": ("Dimensiunea maximă a atașamentelor unui mesaj", 10_000_000),
    "max_scan_dpi": ("Rezoluția maximă a scanărilor (dpi)", 200),
    "scans_monochrome": ("Scanări doar alb-negru", True),
    "one_message_per_case": ("Un singur mesaj pentru un dosar", True),
    "file_name_pattern": ("Denumirea atașamentelor", "{nr}. {tip}"),
    "min_hours_before_hearing": ("Ore înainte de termenul de judecată", 24),
    "attach_manifest": ("Se poate atașa manifestul XML", False),
    "attach_validation_sheet": ("Se atașează fișa de validare a semnăturilor (PDF)", False),
    "filing_channel": ("Calea de depunere", str(Channel.EMAIL)),
}

# The type of a document as the attachment's name gives it ("1. Cerere", "2. Raport").
ROLE_TYPES = {
    DocumentRole.PETITION: "Cerere",
    DocumentRole.CHILD_REPORT: "Raport",
    DocumentRole.DIRECTOR_ORDER: "Dispoziție",
    DocumentRole.PROTECTION_PLAN: "Plan",
    DocumentRole.COMMISSION_DECISION: "Hotărâre",
    DocumentRole.EVIDENCE: "Înscrisuri",
}

PATTERN_FIELDS = ("nr", "tip", "titlu")
_FIELD = re.compile(r"\{([a-z]+)\}")
# What a file name may not hold on the registry's side (Windows, mail gateways).
_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
NAME_MAX = 120  # filing_documents.file_name


def source_of(sources: dict | None, rule: str) -> str:
    """Where ``rule`` of a court comes from: what the administrator recorded, or the
    defaults' source."""
    return (sources or {}).get(rule) or DEFAULT_SOURCE


def check_pattern(pattern: str) -> str | None:
    """What is wrong with a file-name pattern, in Romanian, or None. A pattern must
    number the attachments (``{nr}``) and may use only ``{nr}``, ``{tip}`` and
    ``{titlu}``."""
    fields = _FIELD.findall(pattern)
    unknown = sorted(set(fields) - set(PATTERN_FIELDS))
    if unknown:
        return (
            "Câmpuri necunoscute în denumire: "
            + ", ".join("{" + f + "}" for f in unknown)
            + "; se pot folosi {nr}, {tip} și {titlu}."
        )
    if "nr" not in fields:
        return "Denumirea trebuie să conțină numărul de ordine {nr}."
    if _FORBIDDEN.search(_FIELD.sub("", pattern)):
        return 'Denumirea nu poate conține caracterele \\ / : * ? " < > |.'
    return None


def attachment_name(
    pattern: str, number: int, role: str, title: str, *, kind: str | None = None
) -> str:
    """The name of the ``number``-th attachment under the court's ``pattern``, e.g.
    ``{nr}. {tip}`` gives ``1. Cerere.pdf``, ``3. Înscrisuri.pdf``; ``{titlu}`` adds the
    document's own title. ``kind`` gives the type of an attachment that is no document
    of the package (the validation sheet: ``4. Fișă de validare.pdf``). Characters a
    registry's systems refuse are dropped; the name keeps its diacritics (the message
    carries it encoded, RFC 2231)."""
    if kind is None:
        kind = ROLE_TYPES.get(DocumentRole(role), "Înscrisuri") if role else "Înscrisuri"
    clean_title = " ".join(_FORBIDDEN.sub(" ", unicodedata.normalize("NFC", title)).split())
    values = {"nr": str(number), "tip": kind, "titlu": clean_title}
    stem = _FIELD.sub(lambda m: values.get(m.group(1), ""), pattern)
    stem = " ".join(_FORBIDDEN.sub(" ", stem).split()).strip(" .-") or f"{number}. {kind}"
    return stem[: NAME_MAX - 4].rstrip(" .-") + ".pdf"


@dataclass(frozen=True)
class RuleValue:
    """One rule of a court as a person reads it: its name, value and source."""

    rule: str
    label: str
    value: object
    source: str


def describe(court) -> list[RuleValue]:
    """Every rule of ``court`` (any object with the rules' attributes), with its source."""
    return [
        RuleValue(rule, label, getattr(court, rule), source_of(court.rule_sources, rule))
        for rule, (label, _default) in RULES.items()
    ]


# ---- a value the administrator sets ----------------------------------------------------

DPI_RANGE = (72, 1200)  # what a court may ask of a scan; None: no limit
HOURS_RANGE = (0, 240)  # hours before a hearing; None: the court sets no minimum
MESSAGE_BYTES_RANGE = (64 * 1024, 100 * 1024 * 1024)
SOURCE_MAX = 300
NULLABLE = frozenset({"max_scan_dpi", "min_hours_before_hearing"})
_BOOLEANS = (
    "scans_monochrome",
    "one_message_per_case",
    "attach_manifest",
    "attach_validation_sheet",
)


def rule_error(rule: str, value: object) -> str | None:
    """What is wrong with ``value`` for ``rule``, in Romanian, or None."""
    label = RULES[rule][0]
    if value is None:
        if rule in NULLABLE:
            return None
        return f"„{label}” nu poate fi ștearsă: dați o valoare."
    if rule == "accepted_types":
        if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
            return 'Tipurile acceptate se dau ca listă, de exemplu ["pdf", "docx"].'
        unknown = sorted({t.lower() for t in value} - set(ACCEPTED_TYPES))
        if unknown:
            return (
                "Tipuri necunoscute: "
                + ", ".join(unknown)
                + "; se pot alege pdf, doc și docx."
            )
        if "pdf" not in {t.lower() for t in value}:
            return (
                "Lista trebuie să conțină pdf: documentele depunerii sunt PDF semnate "
                "electronic."
            )
        return None
    if rule in _BOOLEANS:
        return None if isinstance(value, bool) else "Valoarea trebuie să fie da sau nu."
    if rule == "max_message_bytes":
        return _range_error(value, MESSAGE_BYTES_RANGE, "octeți")
    if rule == "max_scan_dpi":
        return _range_error(value, DPI_RANGE, "dpi")
    if rule == "min_hours_before_hearing":
        return _range_error(value, HOURS_RANGE, "ore")
    if rule == "file_name_pattern":
        if not isinstance(value, str) or not value.strip():
            return "Denumirea atașamentelor nu poate fi goală."
        if len(value) > NAME_MAX:
            return f"Denumirea are cel mult {NAME_MAX} de caractere."
        return check_pattern(value)
    if rule == "filing_channel":
        if value not in set(Channel):
            return "Calea de depunere este email sau rejust."
        return None
    raise KeyError(rule)


def _range_error(value: object, bounds: tuple[int, int], unit: str) -> str | None:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return f"Valoarea trebuie să fie un număr întreg între {low} și {high} {unit}."
    return None


def clean(rule: str, value: object) -> object:
    """The value as it is stored: the accepted types in lower case, once each, in the
    order of ``ACCEPTED_TYPES``; a pattern without surrounding spaces."""
    if rule == "accepted_types" and isinstance(value, list):
        chosen = {t.lower() for t in value}
        return [t for t in ACCEPTED_TYPES if t in chosen]
    if rule == "file_name_pattern" and isinstance(value, str):
        return value.strip()
    return value


def sources_error(sources: object) -> str | None:
    """What is wrong with the sources an administrator gives, or None."""
    if not isinstance(sources, dict):
        return "Sursele se dau ca obiect: regulă → sursă."
    for rule, source in sources.items():
        if rule not in RULES:
            return f"Regula „{rule}” nu există; regulile sunt: " + ", ".join(RULES) + "."
        if source is not None and (not isinstance(source, str) or len(source) > SOURCE_MAX):
            return (
                f"Sursa regulii „{rule}” este un text de cel mult {SOURCE_MAX} de caractere."
            )
    return None


def administrator_source(on: date) -> str:
    """The source of a rule the administrator changed without naming one."""
    return f"Stabilită de administratorul direcției la {format_date_ro(on)}"


def megabytes(size: int) -> str:
    """``10_000_000`` -> ``10,0 MB`` (the courts write their limits in MB); under a
    megabyte, in kilobytes: ``65_536`` -> ``66 KB``."""
    if size < 1_000_000:
        return f"{round(size / 1000)} KB"
    return f"{size / 1_000_000:.1f}".replace(".", ",") + " MB"


def moment_ro(moment: datetime) -> str:
    """``12 martie 2027, ora 09:00``, in the zone ``moment`` carries."""
    return f"{format_date_ro(moment.date())}, ora {moment:%H:%M}"


# ---- the hearing ---------------------------------------------------------------------


def hearing_problem(
    scheduled_at: datetime, now: datetime, min_hours: int | None, source: str
) -> Problem | None:
    """What filing at ``now`` for a hearing at ``scheduled_at`` breaks: a hearing passed
    (error), fewer hours left than the court's minimum (error, with the rule's source),
    or, where the court sets no minimum, under 24 hours left (a warning)."""
    when = moment_ro(scheduled_at.astimezone(now.tzinfo))
    left = (scheduled_at - now).total_seconds() / 3600
    if left <= 0:
        return Problem(
            Code.HEARING_PASSED,
            f"Termenul de judecată din {when} a trecut.",
            "hearing_id",
            source=source,
            hint="Dacă instanța a fixat un termen nou, adăugați-l în cauză și deschideți "
            "cererea pentru acel termen; altfel depuneți actele la următorul termen.",
        )
    hours = int(left)
    if min_hours is not None and left < min_hours:
        return Problem(
            Code.HEARING_TOO_CLOSE,
            f"Termenul de judecată din {when} este peste {_hours(hours)}; instanța "
            f"primește actele cu cel puțin {_hours(min_hours)} înainte de termen.",
            "hearing_id",
            source=source,
            hint="Depuneți actele direct în ședință, la termen, sau cereți instanței "
            "un nou termen; dacă termenul s-a mutat, actualizați-l în cauză.",
        )
    if min_hours is None and left < 24:
        return Problem(
            Code.HEARING_SOON,
            f"Termenul de judecată din {when} este peste {_hours(hours)}: actele pot "
            "ajunge la dosar după termen.",
            "hearing_id",
            severity=Severity.WARNING,
            source=source,
            hint="Sunați la registratură pentru a vă asigura că actele ajung la complet "
            "înainte de ședință.",
        )
    return None


def _hours(n: int) -> str:
    """Romanian plural: 1 oră, 2 ore, 23 de ore."""
    if n == 0:
        return "mai puțin de o oră"
    if n == 1:
        return "o oră"
    if n % 100 == 0 or n % 100 >= 20:
        return f"{n} de ore"
    return f"{n} ore"
