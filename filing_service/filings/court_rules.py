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
from enum import StrEnum

from .domain import DocumentRole


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


def attachment_name(pattern: str, number: int, role: str, title: str) -> str:
    """The name of the ``number``-th attachment under the court's ``pattern``, e.g.
    ``{nr}. {tip}`` gives ``1. Cerere.pdf``, ``3. Înscrisuri.pdf``; ``{titlu}`` adds the
    document's own title. Characters a registry's systems refuse are dropped; the name
    keeps its diacritics (the message carries it encoded, RFC 2231)."""
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
