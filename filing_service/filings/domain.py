"""The rules of a court filing, in plain Python: the statuses and how they follow one
another, the roles of the documents of a package, what a package must hold, and how its
attachments are split across e-mails under a court's size limit."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ..errorcodes import Code
from ..law.errors import DomainError


class Status(StrEnum):
    DRAFT = "ciorna"
    CHECKED = "verificat"  # content complete, court competent, no rules-engine error
    SIGNED = "semnat"  # every document signed; the package and its manifest are frozen
    SENT = "trimis"  # every message accepted by the registry's mail server
    REGISTERED = "inregistrat"  # the court's ECRIS case number is known
    HEARING_SET = "termen_fixat"
    DECIDED = "solutionat"  # pronounced (art. 135)
    COMMUNICATED = "comunicat"  # communicated to the DGASPC (art. 136 alin. 2, art. 137)
    FINAL = "definitiv"


STATUS_LABELS = {
    Status.DRAFT: "Ciornă",
    Status.CHECKED: "Verificat",
    Status.SIGNED: "Semnat",
    Status.SENT: "Trimis",
    Status.REGISTERED: "Înregistrat",
    Status.HEARING_SET: "Termen fixat",
    Status.DECIDED: "Soluționat",
    Status.COMMUNICATED: "Comunicat",
    Status.FINAL: "Definitiv",
}

ORDER = list(Status)

# Before the package is sent it may fall back to draft (a document changed); after, the
# court's side only moves forward, though it may skip a step the portal did not show.
_COURT_SIDE = ORDER[ORDER.index(Status.SENT) :]


def can_move(current: Status, target: Status) -> bool:
    """Whether a filing in ``current`` may move to ``target``."""
    if target == Status.DRAFT:
        return current in (Status.DRAFT, Status.CHECKED, Status.SIGNED)
    if target in (Status.CHECKED, Status.SIGNED):
        return current in (Status.DRAFT, Status.CHECKED, Status.SIGNED)
    if target == Status.SENT:
        return current == Status.SIGNED
    return current in _COURT_SIDE and ORDER.index(target) > ORDER.index(current)


def is_frozen(status: Status) -> bool:
    """A signed package no longer takes or loses documents: what is sent is what was
    checked."""
    return ORDER.index(status) >= ORDER.index(Status.SIGNED)


class DocumentRole(StrEnum):
    PETITION = "cerere"  # the lead document
    CHILD_REPORT = "raport_art139"  # art. 139
    DIRECTOR_ORDER = "dispozitie_director"  # art. 69-70
    PROTECTION_PLAN = "plan_individualizat"  # art. 58
    COMMISSION_DECISION = "hotarare_comisie"
    EVIDENCE = "inscris"  # scans the user uploads


ROLE_LABELS = {
    DocumentRole.PETITION: "Cerere de chemare în judecată",
    DocumentRole.CHILD_REPORT: "Raport referitor la copil (art. 139)",
    DocumentRole.DIRECTOR_ORDER: "Dispoziția directorului",
    DocumentRole.PROTECTION_PLAN: "Planul individualizat de protecție",
    DocumentRole.COMMISSION_DECISION: "Hotărârea comisiei pentru protecția copilului",
    DocumentRole.EVIDENCE: "Înscris",
}


class Severity(StrEnum):
    """How much a problem of the check weighs: an error stops the package (checked,
    signed, sent); a warning is shown and stops nothing."""

    ERROR = "eroare"
    WARNING = "avertisment"


SEVERITY_LABELS = {Severity.ERROR: "Eroare", Severity.WARNING: "Avertisment"}


@dataclass(frozen=True)
class Problem:
    """One thing the pre-submission check found wrong or missing."""

    code: str
    message: str  # Romanian, for the legal counsel
    field: str | None = None
    article: str | None = None
    signature: bool = False  # a signature problem stops "semnat" only, not "verificat"
    severity: Severity = Severity.ERROR
    source: str | None = None  # where the court's rule it applies comes from
    hint: str | None = None  # what to do about it, in Romanian

    @property
    def blocking(self) -> bool:
        return self.severity == Severity.ERROR

    def as_dict(self) -> dict[str, str | None]:
        return {
            "code": self.code,
            "message": self.message,
            "field": self.field,
            "article": self.article,
            "severity": str(self.severity),
            "source": self.source,
            "hint": self.hint,
        }


def package_problems(roles: Sequence[str]) -> list[Problem]:
    """What the composition of a package lacks: one lead petition, and in every case the
    report on the child (art. 139: "în toate cauzele ... întocmește și prezintă
    instanței raportul referitor la copil")."""
    problems = []
    petitions = [r for r in roles if r == DocumentRole.PETITION]
    if not petitions:
        problems.append(
            Problem(
                Code.PETITION_MISSING,
                "Pachetul nu conține cererea (documentul principal).",
                "documents",
            )
        )
    elif len(petitions) > 1:
        problems.append(
            Problem(
                Code.SEVERAL_PETITIONS,
                "Pachetul poate conține o singură cerere principală.",
                "documents",
            )
        )
    if DocumentRole.CHILD_REPORT not in roles:
        problems.append(
            Problem(
                Code.CHILD_REPORT_MISSING,
                "Pachetul nu conține raportul referitor la copil.",
                "documents",
                "art. 139",
            )
        )
    return problems


@dataclass(frozen=True)
class Attachment:
    """A file to attach: its position in the package, name and size."""

    position: int
    file_name: str
    size: int


class TooLarge(ValueError):
    """One attachment alone is over the court's limit for a message."""

    def __init__(self, attachment: Attachment, limit: int):
        super().__init__(attachment.file_name)
        self.attachment, self.limit = attachment, limit


def split_into_messages(
    attachments: Iterable[Attachment], limit: int
) -> list[list[Attachment]]:
    """Group attachments, in order, into as few messages as the size limit allows.

    Order is kept (the petition first, then the annexes as numbered) so that the
    registry reads the parts as one filing; a file larger than the limit alone cannot be
    sent by e-mail at all and raises :class:`TooLarge`.
    """
    messages: list[list[Attachment]] = []
    current: list[Attachment] = []
    used = 0
    for item in attachments:
        if item.size > limit:
            raise TooLarge(item, limit)
        if current and used + item.size > limit:
            messages.append(current)
            current, used = [], 0
        current.append(item)
        used += item.size
    if current:
        messages.append(current)
    return messages


SHEET_POSITION = 0  # the validation sheet's place among the attachments: first message


def message_groups(
    attachments: list[Attachment],
    limit: int,
    *,
    one_message: bool,
    sheet: Attachment | None = None,
) -> list[list[Attachment]]:
    """The messages of a package: all in one where the court takes one message per case
    file (the check refuses a package over the limit), else split in order. The
    validation ``sheet`` (position ``SHEET_POSITION``, its reserved size) counts towards
    the first message, where it goes."""
    items = ([sheet] if sheet is not None else []) + list(attachments)
    if one_message:
        return [items] if items else []
    return split_into_messages(items, limit)


def backoff_seconds(failures: int, base: float, cap: float = 3600.0) -> float:
    """Wait before the next attempt after ``failures`` failed ones: doubling, capped."""
    return min(cap, base * 2.0 ** max(0, failures - 1))


@dataclass(frozen=True)
class Quotas:
    """How much a package and a directorate may hold (``FILING_MAX_FILES``,
    ``FILING_MAX_BYTES``, ``DIRECTORATE_MAX_FILING_BYTES``): uploads are stored forever
    (a package, once sent, is evidence), so each one is counted before it is kept."""

    files_per_filing: int
    bytes_per_filing: int
    bytes_per_directorate: int


class QuotaExceeded(DomainError):
    """A file would take its package or its directorate past a quota."""


def check_quota(
    quotas: Quotas, *, files: int, filing_bytes: int, directorate_bytes: int, size: int
) -> None:
    """Raise ``QuotaExceeded`` if one more file of ``size`` bytes does not fit next to
    what the package (``files``, ``filing_bytes``) and the directorate already hold."""
    if files + 1 > quotas.files_per_filing:
        raise QuotaExceeded(
            f"Pachetul are deja {files} fișiere; limita este de "
            f"{quotas.files_per_filing} fișiere pe pachet.",
            field="file",
            code=Code.FILING_FILES_QUOTA,
        )
    if filing_bytes + size > quotas.bytes_per_filing:
        raise QuotaExceeded(
            f"Cu acest fișier pachetul ar avea {filing_bytes + size} octeți; limita este "
            f"de {quotas.bytes_per_filing} octeți pe pachet.",
            field="file",
            code=Code.FILING_BYTES_QUOTA,
        )
    if directorate_bytes + size > quotas.bytes_per_directorate:
        raise QuotaExceeded(
            "Spațiul direcției pentru fișierele depunerilor este epuizat (limita este de "
            f"{quotas.bytes_per_directorate} octeți); cereți administratorului mărirea "
            "cotei.",
            field="file",
            code=Code.DIRECTORATE_BYTES_QUOTA,
        )
