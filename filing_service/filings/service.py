"""Service functions of a filing before it leaves: create the package, add documents,
run the pre-submission check, and freeze the package with its manifest.

Sending is in ``delivery``; what the court does afterwards is in ``court_side``.
"""

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date, datetime

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import audit, pdfread
from ..auth.actor import Actor
from ..cases.service import findings, load_case
from ..clock import now as clock_now
from ..db import UnitOfWork
from ..errorcodes import Code
from ..errors import Conflict, DomainError, NotFound, PermissionDenied
from ..law import rules
from ..law.text import normalize_text
from ..models import Case, Court, Document, Filing, FilingDocument, Signature
from ..signing.trust import load_trust_roots
from ..storage import ContentStore
from . import courts, manifest, pdfcheck, timeline
from .court_rules import Channel
from .domain import (
    ROLE_LABELS,
    DocumentRole,
    Problem,
    Quotas,
    Status,
    check_quota,
    is_frozen,
    package_problems,
)


def require(actor: Actor, permission: str) -> None:
    if not actor.can(permission):
        raise PermissionDenied()


def load_filing(session: Session, actor: Actor, filing_id: int) -> Filing:
    """The filing, if its case belongs to the actor's directorate; else NotFound."""
    filing = session.scalar(
        select(Filing)
        .join(Case, Filing.case_id == Case.id)
        .where(Filing.id == filing_id, Case.directorate_id == actor.directorate_id)
    )
    if filing is None:
        raise NotFound("Cererea către instanță")
    return filing


def list_filings(
    session: Session,
    actor: Actor,
    *,
    case_id: int | None = None,
    status: str | None = None,
    page: int = 1,
    per_page: int = 50,
):
    stmt = (
        select(Filing)
        .join(Case, Filing.case_id == Case.id)
        .where(Case.directorate_id == actor.directorate_id)
    )
    if case_id is not None:
        stmt = stmt.where(Filing.case_id == case_id)
    if status is not None:
        stmt = stmt.where(Filing.status == status)
    total = session.scalar(select(func.count()).select_from(stmt.subquery()))
    items = session.scalars(
        stmt.order_by(Filing.id.desc()).limit(per_page).offset((page - 1) * per_page)
    ).all()
    return items, total


# ---- the package --------------------------------------------------------------------


def create_filing(
    uow: UnitOfWork,
    actor: Actor,
    case_id: int,
    *,
    object: str,
    legal_basis: str,
    court: str | None,
    now: datetime,
    channel: Channel | None = None,
) -> Filing:
    """Open a draft package for a case; the court defaults to the one art. 133 names, the
    channel (e-mail or registratura.rejust.ro) to the one chosen for that court."""
    session = uow.session
    case = load_case(session, actor, case_id)
    require(actor, "file")
    name = court or courts.competent_court_name(case)
    if name is None:
        raise DomainError(
            "Instanța competentă nu poate fi stabilită: completați domiciliul "
            "copilului sau locul în care a fost găsit, ori indicați instanța.",
            field="court",
            code=Code.COURT_UNDETERMINED,
            article="art. 133",
        )
    directory_entry = courts.court_by_name(session, actor, name)
    chosen = Channel(channel or directory_entry.filing_channel or Channel.EMAIL)
    filing = Filing(
        case_id=case.id,
        court=directory_entry.name,
        court_id=directory_entry.id,
        object=object,
        legal_basis=legal_basis,
        status=Status.DRAFT,
        status_changed_at=now,
        message_ids=[],
        channel=str(chosen),
    )
    session.add(filing)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "filing",
        filing.id,
        case_id=case.id,
        changes={"court": filing.court, "object": object, "channel": filing.channel},
    )
    uow.flush()
    return filing


def _file_name(position: int, role: str, title: str) -> str:
    """An ASCII attachment name a registry's mail system will not mangle."""
    ascii_title = normalize_text(title).translate(str.maketrans("ăâîșțĂÂÎȘȚ", "aaistAAIST"))
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_title).strip("-").lower()[:60] or role
    return f"{position:02d}-{slug}.pdf"


def _editable(filing: Filing) -> None:
    if is_frozen(Status(filing.status)):
        raise Conflict(
            "Pachetul este semnat și închis: documentele nu se mai pot schimba. "
            "Deschideți o cerere nouă pentru alte documente.",
            field="status",
        )


def add_document(
    uow: UnitOfWork,
    actor: Actor,
    filing_id: int,
    *,
    role: DocumentRole,
    title: str | None,
    store: ContentStore,
    data: bytes | None = None,
    document_id: int | None = None,
    max_bytes: int,
    quotas: Quotas,
    parse_seconds: float,
) -> FilingDocument:
    """Add a PDF to a draft package: uploaded bytes, or a generated document of the case
    (its latest signed version if it was signed, else its PDF).

    Before anything is stored the file must fit the package's and the directorate's
    ``quotas`` and be read as a PDF within ``parse_seconds`` (``pdfread.read_pdf``:
    junk behind a ``%PDF-`` header is refused from its first and last KiB)."""
    session = uow.session
    filing = load_filing(session, actor, filing_id)
    require(actor, "file")
    _editable(filing)
    if (data is None) == (document_id is None):
        raise DomainError(
            "Dați fie fișierul PDF, fie identificatorul documentului.",
            field="document_id",
            code=Code.DOCUMENT_SOURCE,
        )
    if document_id is not None:
        sha = _document_file(session, filing, document_id)
        data = store.get(sha)
    if not data:
        raise DomainError("Fișierul este gol.", field="file", code=Code.EMPTY_FILE)
    if len(data) > max_bytes:
        raise DomainError(
            f"Fișierul depășește {max_bytes} octeți.", field="file", code=Code.FILE_TOO_LARGE
        )
    if not data.startswith(b"%PDF-"):
        raise DomainError(
            "Instanțele primesc doar documente PDF.", field="file", code=Code.NOT_A_PDF
        )
    check_quota(quotas, size=len(data), **_held(session, filing, actor.directorate_id))
    try:
        pdfread.read_pdf(data, seconds=parse_seconds)
    except pdfread.PdfRefused as exc:
        raise DomainError(exc.message, field="file", code=exc.code) from None
    sha = store.put(data)
    position = max((d.position for d in filing.documents), default=0) + 1
    title = normalize_text(title or "") or ROLE_LABELS[role]
    doc = FilingDocument(
        position=position,
        role=str(role),
        title=title[:200],
        file_name=_file_name(position, str(role), title),
        sha256=sha,
        size=len(data),
        document_id=document_id,
        added_by=actor.label,
    )
    filing.documents.append(doc)
    _back_to_draft(session, actor, filing)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "filing_document",
        doc.id,
        case_id=filing.case_id,
        changes={"filing_id": filing.id, "role": doc.role, "sha256": sha},
    )
    uow.flush()
    return doc


def _held(session: Session, filing: Filing, directorate_id: int) -> dict[str, int]:
    """What the package and the directorate's packages hold already (files, bytes)."""
    directorate_bytes = session.scalar(
        select(func.coalesce(func.sum(FilingDocument.size), 0))
        .join(Filing, FilingDocument.filing_id == Filing.id)
        .join(Case, Filing.case_id == Case.id)
        .where(Case.directorate_id == directorate_id)
    )
    return {
        "files": len(filing.documents),
        "filing_bytes": sum(d.size for d in filing.documents),
        "directorate_bytes": int(directorate_bytes or 0),
    }


def _document_file(session: Session, filing: Filing, document_id: int) -> str:
    document = session.scalar(
        select(Document).where(Document.id == document_id, Document.case_id == filing.case_id)
    )
    if document is None:
        raise DomainError(
            "Documentul nu aparține acestei cauze.",
            field="document_id",
            code=Code.FOREIGN_DOCUMENT,
        )
    signed = session.scalar(
        select(Signature.output_sha256)
        .where(Signature.document_id == document.id)
        .order_by(Signature.id.desc())
        .limit(1)
    )
    sha = signed or document.pdf_sha256
    if sha is None:
        raise DomainError(
            "Documentul nu are încă o versiune PDF.", field="document_id", code=Code.NO_PDF
        )
    return sha


def _back_to_draft(session, actor, filing: Filing) -> None:
    """A changed package must be checked again."""
    if filing.status == Status.CHECKED:
        moment = clock_now()
        timeline.move(
            session, actor, filing, Status.DRAFT, moment.date(), moment, "pachet modificat"
        )


# ---- the pre-submission check ---------------------------------------------------------


@dataclass
class CheckReport:
    filing: Filing
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def problems_of(
    session: Session, filing: Filing, store: ContentStore, today: date
) -> list[Problem]:
    """Everything missing or wrong in the package, before anything is sent."""
    case = filing.case
    problems = package_problems([d.role for d in filing.documents])
    if not (filing.object or "").strip():
        problems.append(Problem(Code.OBJECT_MISSING, "Cererea nu are obiect.", "object"))
    if not (filing.legal_basis or "").strip():
        problems.append(
            Problem(Code.LEGAL_BASIS_MISSING, "Cererea nu are temei de drept.", "legal_basis")
        )
    expected = courts.competent_court_name(case)
    if expected is None:
        problems.append(
            Problem(
                Code.COURT_UNVERIFIABLE,
                "Competența instanței nu se poate verifica: "
                "domiciliul copilului și locul în care a fost găsit nu sunt cunoscute.",
                "court",
                "art. 133",
            )
        )
    elif expected != filing.court:
        basis = "alin. (1)" if case.child.domicile_area else "alin. (2)"
        problems.append(
            Problem(
                Code.COURT_NOT_COMPETENT,
                f"Instanța competentă este {expected}, nu {filing.court}.",
                "court",
                f"art. 133 {basis}",
            )
        )
    for finding in rules.errors(findings(session, case, today)):
        problems.append(Problem(finding.code, finding.message, finding.field, finding.article))
    court = filing.court_id and session.get(Court, filing.court_id)
    expected_files = _manifest_files(filing, store, problems)
    roots = _trust_roots()
    for doc in filing.documents:
        problems.extend(_document_problems(doc, store, court, expected_files, roots))
    return problems


def _trust_roots() -> list | None:
    """The directorate's trusted roots, as the signing capability reads them (None when
    no trust is configured: the check then verifies integrity only)."""
    dirs = current_app.config.get("SIGNATURE_TRUST_DIRS")
    return load_trust_roots(dirs) if dirs is not None else None


def _parse_seconds() -> float:
    """The parse budget of a PDF (``PDF_PARSE_SECONDS``), read as ``_trust_roots`` reads
    its setting."""
    return float(current_app.config["PDF_PARSE_SECONDS"])


def _manifest_files(filing: Filing, store: ContentStore, problems: list) -> dict | None:
    """For a frozen package, the hash of each document as its manifest recorded it."""
    if not filing.manifest_sha256:
        return None
    try:
        _, documents = manifest.read(store.get(filing.manifest_sha256))
    except (OSError, ValueError):
        problems.append(
            Problem(
                Code.MANIFEST_ALTERED,
                "Manifestul pachetului nu mai corespunde amprentei sale.",
                "manifest",
            )
        )
        return {}
    return {d.position: d.sha256 for d in documents}


def _document_problems(
    doc: FilingDocument,
    store: ContentStore,
    court,
    expected_files: dict | None,
    roots: list | None,
) -> list[Problem]:
    where = f"documents[{doc.position}]"
    name = f"„{doc.title}”"
    if expected_files is not None and expected_files.get(doc.position) != doc.sha256:
        return [
            Problem(
                Code.HASH_MISMATCH,
                f"Amprenta documentului {name} nu corespunde celei din manifest.",
                where,
            )
        ]
    try:
        data = store.get(doc.sha256)
    except OSError:
        return [
            Problem(
                Code.FILE_ALTERED,
                f"Fișierul documentului {name} lipsește sau nu "
                "mai corespunde amprentei din manifest (a fost modificat).",
                where,
            )
        ]
    report = pdfcheck.inspect(data, roots, parse_seconds=_parse_seconds())
    problems = []
    if not report.is_pdf:
        return [Problem(Code.NOT_A_PDF, f"Documentul {name}: {report.error}.", where)]
    if report.pdfa_part is None:
        problems.append(Problem(Code.NOT_PDFA, f"Documentul {name} nu este PDF/A.", where))
    if court is not None and doc.size > court.max_message_bytes:
        problems.append(
            Problem(
                Code.FILE_TOO_LARGE,
                f"Documentul {name} are {doc.size} octeți, "
                f"peste limita de {court.max_message_bytes} a instanței "
                "pentru un mesaj.",
                where,
            )
        )
    if report.signatures == 0:
        problems.append(
            Problem(Code.UNSIGNED, f"Documentul {name} nu este semnat.", where, signature=True)
        )
    elif not report.intact:
        problems.append(
            Problem(
                Code.INVALID_SIGNATURE,
                f"Semnătura documentului {name} nu "
                "mai corespunde conținutului (document modificat după "
                "semnare).",
                where,
                signature=True,
            )
        )
    elif not report.covers_file:
        problems.append(
            Problem(
                Code.MODIFIED_AFTER_SIGNING,
                f"Documentul {name} are conținut adăugat după ultima semnătură.",
                where,
                signature=True,
            )
        )
    elif report.trusted is False:
        problems.append(
            Problem(
                Code.UNTRUSTED_SIGNATURE,
                f"Semnătura documentului {name} "
                "nu provine de la un certificat de încredere (lanțul nu "
                "ajunge la o autoritate acceptată de direcție) sau "
                "certificatul a fost revocat.",
                where,
                signature=True,
            )
        )
    return problems


def check(
    uow: UnitOfWork, actor: Actor, filing_id: int, store: ContentStore, now: datetime
) -> CheckReport:
    """Run the pre-submission check and move the package as far as it allows: checked
    when its content is complete and lawful, signed (and frozen, with its manifest) when
    every document also carries an intact signature."""
    session = uow.session
    filing = load_filing(session, actor, filing_id)
    require(actor, "file")
    problems = problems_of(session, filing, store, now.date())
    status = Status(filing.status)
    if not is_frozen(status):
        content_ok = not [p for p in problems if not p.signature]
        if content_ok and status == Status.DRAFT:
            timeline.move(session, actor, filing, Status.CHECKED, now.date(), now)
        elif not content_ok and status == Status.CHECKED:
            timeline.move(
                session,
                actor,
                filing,
                Status.DRAFT,
                now.date(),
                now,
                "verificarea a găsit probleme",
            )
        if not problems:
            _freeze(session, actor, filing, store, now)
            timeline.move(session, actor, filing, Status.SIGNED, now.date(), now)
        timeline.case_changed(session, filing.case)
    audit.record(
        session,
        actor,
        "check",
        "filing",
        filing.id,
        case_id=filing.case_id,
        changes={"problems": [p.code for p in problems]},
    )
    uow.flush()
    return CheckReport(filing, problems)


def package_key(filing: Filing) -> str:
    """The idempotency key of a package: the same documents for the same court and case
    always give the same key, and no other package has it."""
    content = {
        "filing": filing.id,
        "case": filing.case_id,
        "court": filing.court,
        "documents": [[d.position, d.role, d.sha256] for d in filing.documents],
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def _freeze(session, actor, filing: Filing, store: ContentStore, now: datetime) -> None:
    """Write the manifest, store it, and fix the package's key: from here on the package
    is immutable and what is sent is exactly this."""
    key = package_key(filing)
    court = session.get(Court, filing.court_id) if filing.court_id else None
    data = manifest.build(
        filing, filing.case, key, now, court.portal_institution if court else None
    )
    filing.manifest_sha256 = store.put(data)
    filing.idempotency_key = key
    audit.record(
        session,
        actor,
        "freeze",
        "filing",
        filing.id,
        case_id=filing.case_id,
        changes={"manifest_sha256": filing.manifest_sha256, "key": key},
    )
