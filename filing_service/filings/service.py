"""Service functions of a filing before it leaves: create the package, add documents,
run the pre-submission check, and freeze the package with its manifest.

Sending is in ``delivery``; what the court does afterwards is in ``court_side``.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import adapters, audit, pdfread
from ..auth.actor import Actor
from ..cases.service import findings, load_case
from ..clock import now as clock_now
from ..db import UnitOfWork
from ..errorcodes import Code
from ..errors import Conflict, DomainError, NotFound, PermissionDenied
from ..law import rules
from ..law.text import normalize_text
from ..models import Case, Court, Document, Filing, FilingDocument, Hearing, Signature
from ..signing.trust import load_trust_roots
from ..storage import ContentStore
from . import court_rules, courts, manifest, message, pdfcheck, scans, timeline
from .court_rules import Channel, attachment_name, megabytes, source_of
from .domain import (
    ROLE_LABELS,
    SHEET_POSITION,
    Attachment,
    DocumentRole,
    Problem,
    Quotas,
    Severity,
    Status,
    check_quota,
    is_frozen,
    message_groups,
    package_problems,
)
from .sheet import SHEET_RESERVE_BYTES, SHEET_TITLE


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
    hearing_id: int | None = None,
) -> Filing:
    """Open a draft package for a case; the court defaults to the one art. 133 names, the
    channel (e-mail or registratura.rejust.ro) to the one chosen for that court.
    ``hearing_id`` names the hearing of the case the filing is for (without it, the
    check takes the case's next hearing, if it has one)."""
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
    if (
        hearing_id is not None
        and session.scalar(
            select(Hearing.id).where(Hearing.id == hearing_id, Hearing.case_id == case.id)
        )
        is None
    ):
        raise DomainError(
            "Termenul de judecată nu aparține acestei cauze.",
            field="hearing_id",
            code=Code.FOREIGN_HEARING,
        )
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
        hearing_id=hearing_id,
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


def _court_of(session: Session, filing: Filing) -> Court | None:
    return session.get(Court, filing.court_id) if filing.court_id else None


def expected_names(filing: Filing, court: Court | None) -> dict[int, str]:
    """The attachment name of each document (by position) under the court's pattern,
    numbered 1..n in the package's order, whatever gaps a removal left."""
    pattern = court.file_name_pattern if court is not None else "{nr}. {tip}"
    ordered = sorted(filing.documents, key=lambda d: d.position)
    return {
        d.position: attachment_name(pattern, number, d.role, d.title)
        for number, d in enumerate(ordered, start=1)
    }


def rename_documents(filing: Filing, court: Court | None) -> None:
    """Name the documents of an unfrozen package as the court's rule wants; a frozen
    package keeps the names its manifest records."""
    if is_frozen(Status(filing.status)):
        return
    names = expected_names(filing, court)
    for doc in filing.documents:
        if doc.file_name != names[doc.position]:
            doc.file_name = names[doc.position]


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
    court = _court_of(session, filing)
    doc = FilingDocument(
        position=position,
        role=str(role),
        title=title[:200],
        file_name=attachment_name(
            court.file_name_pattern if court else "{nr}. {tip}",
            len(filing.documents) + 1,
            str(role),
            title[:200],
        ),
        sha256=sha,
        size=len(data),
        document_id=document_id,
        added_by=actor.label,
    )
    filing.documents.append(doc)
    rename_documents(filing, court)
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


def remove_document(uow: UnitOfWork, actor: Actor, filing_id: int, document_id: int) -> Filing:
    """Take a document out of a draft package (a scan to be replaced, a file added by
    mistake); the others are renumbered in their order. Its bytes stay in the content
    store, which keeps what it once held."""
    session = uow.session
    filing = load_filing(session, actor, filing_id)
    require(actor, "file")
    _editable(filing)
    doc = next((d for d in filing.documents if d.id == document_id), None)
    if doc is None:
        raise NotFound("Documentul pachetului")
    filing.documents.remove(doc)
    session.flush()  # the row goes before the others move down into its place
    for number, other in enumerate(sorted(filing.documents, key=lambda d: d.position), 1):
        other.position = number
    rename_documents(filing, _court_of(session, filing))
    _back_to_draft(session, actor, filing)
    audit.record(
        session,
        actor,
        "delete",
        "filing_document",
        document_id,
        case_id=filing.case_id,
        changes={"filing_id": filing.id, "role": doc.role, "sha256": doc.sha256},
    )
    uow.flush()
    return filing


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
        """No error: warnings are shown but stop nothing."""
        return not any(p.blocking for p in self.problems)


def problems_of(
    session: Session, filing: Filing, store: ContentStore, now: datetime
) -> list[Problem]:
    """Everything missing or wrong in the package, before anything is sent, errors and
    warnings (``Problem.severity``), with the source of the court's rule each applies."""
    today = now.date()
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
    court = _court_of(session, filing)
    expected_files = _manifest_files(filing, store, problems)
    roots = _trust_roots()
    for doc in filing.documents:
        problems.extend(_document_problems(doc, store, court, expected_files, roots))
    if court is not None:
        problems.extend(_court_problems(session, filing, court, now))
    return problems


def _court_problems(
    session: Session, filing: Filing, court: Court, now: datetime
) -> list[Problem]:
    """What the court's own rules (``court_rules``) find in the package as a whole."""
    problems = []
    sources = court.rule_sources
    if court.filing_channel == Channel.EMAIL and "pdf" not in (court.accepted_types or []):
        problems.append(
            Problem(
                Code.PDF_NOT_ACCEPTED,
                f"{court.name} nu primește documente PDF prin e-mail, după lista instanțelor.",
                "court",
                source=source_of(sources, "accepted_types"),
                hint="Administratorul direcției verifică regula instanței și corectează "
                "tipurile acceptate, ori depuneți pe altă cale.",
            )
        )
    problems.extend(_name_problems(filing, court))
    problems.extend(_size_problems(filing, court))
    problems.extend(_link_problems(filing))
    hearing = _hearing_of(session, filing, now)
    if hearing is not None:
        found = court_rules.hearing_problem(
            hearing.scheduled_at,
            now,
            court.min_hours_before_hearing,
            source_of(sources, "min_hours_before_hearing"),
        )
        if found is not None:
            problems.append(found)
    return problems


def _name_problems(filing: Filing, court: Court) -> list[Problem]:
    problems = []
    source = source_of(court.rule_sources, "file_name_pattern")
    seen: dict[str, int] = {}
    for doc in filing.documents:
        key = doc.file_name.casefold()
        if key in seen:
            problems.append(
                Problem(
                    Code.DUPLICATE_FILE_NAME,
                    f"Documentele nr. {seen[key]} și nr. {doc.position} ar fi atașate cu "
                    f"același nume („{doc.file_name}”).",
                    f"documents[{doc.position}]",
                    source=source,
                    hint="Dați documentelor titluri diferite sau cereți administratorului "
                    "o denumire care le numerotează ({nr}).",
                )
            )
        seen.setdefault(key, doc.position)
    names = expected_names(filing, court)
    wrong = [d for d in filing.documents if d.file_name != names[d.position]]
    if wrong:
        frozen = is_frozen(Status(filing.status))
        problems.append(
            Problem(
                Code.FILE_NAME_PATTERN,
                "Denumirile atașamentelor nu respectă regula instanței "
                f"(„{court.file_name_pattern}”): "
                + ", ".join(f"„{d.file_name}” în loc de „{names[d.position]}”" for d in wrong)
                + ".",
                "documents",
                severity=Severity.WARNING if frozen else Severity.ERROR,
                source=source,
                hint="Pachetul semnat își păstrează denumirile din manifest; pentru "
                "denumirile noi deschideți o cerere nouă."
                if frozen
                else "Rulați din nou verificarea: denumirile se refac după regulă.",
            )
        )
    return problems


def _size_problems(filing: Filing, court: Court) -> list[Problem]:
    """The attachments together against the court's limit for a message: over it with
    one message per case file is an error; where the court takes several messages, a
    word on how many. Where the court takes the validation sheet, its reserved size
    (``sheet.SHEET_RESERVE_BYTES``: it is made at sending) counts with the first
    message, as ``delivery`` plans it."""
    sizes = [d.size for d in filing.documents]
    reserved = (
        Attachment(SHEET_POSITION, SHEET_TITLE, SHEET_RESERVE_BYTES)
        if court.attach_validation_sheet
        else None
    )
    total = sum(sizes) + (reserved.size if reserved else 0)
    limit = court.max_message_bytes
    sources = court.rule_sources
    if total <= limit or not sizes or max(sizes) > limit:
        return []  # a single file over the limit is reported on its own document
    if court.one_message_per_case:
        biggest = sorted(filing.documents, key=lambda d: d.size, reverse=True)[:3]
        dpi = court.max_scan_dpi
        return [
            Problem(
                Code.TOTAL_TOO_LARGE,
                f"Atașamentele au împreună {megabytes(total)}"
                + (" (cu fișa de validare a semnăturilor)" if reserved else "")
                + f", peste limita de {megabytes(limit)} a instanței pentru un mesaj; "
                "instanța primește un dosar într-un singur mesaj.",
                "documents",
                source=source_of(sources, "max_message_bytes")
                + "; "
                + source_of(sources, "one_message_per_case"),
                hint="Recomprimați scanările"
                + (f" la cel mult {dpi} dpi" if dpi else "")
                + (", alb-negru" if court.scans_monochrome else "")
                + ", începând cu cele mai mari: "
                + ", ".join(f"„{d.file_name}” ({megabytes(d.size)})" for d in biggest)
                + "; apoi înlocuiți-le în pachet și semnați-le din nou.",
            )
        ]
    count = len(
        message_groups(
            [Attachment(d.position, d.file_name, d.size) for d in filing.documents],
            limit,
            one_message=False,
            sheet=reserved,
        )
    )
    return [
        Problem(
            Code.SEVERAL_MESSAGES,
            f"Atașamentele au împreună {megabytes(total)}, peste limita de "
            f"{megabytes(limit)} a unui mesaj: pachetul se va trimite în {count} mesaje, "
            "în ordine.",
            "documents",
            severity=Severity.WARNING,
            source=source_of(sources, "max_message_bytes"),
            hint="Instanța primește un dosar în mai multe mesaje; nu este nimic de făcut.",
        )
    ]


def _link_problems(filing: Filing) -> list[Problem]:
    """The message goes as plain text with no link: whatever a person typed that the
    message quotes is searched, then the whole text."""
    hint = (
        "Scrieți textul fără adrese web (http://, www., domenii): instanța primește "
        "documentele doar atașate, iar mesajul ca text simplu."
    )
    problems = [
        Problem(
            Code.LINK_IN_MESSAGE,
            f"{name} conține o adresă web; mesajul către registratură nu poate conține "
            "linkuri.",
            field,
            source=court_rules.PLAIN_TEXT_SOURCE,
            hint=hint,
        )
        for field, name, text in message.typed_fields(filing)
        if message.has_link(text)
    ]
    if not problems:
        docs = sorted(filing.documents, key=lambda d: d.position)
        text = message.subject(filing, 1, 1) + "\n" + message.body(filing, docs, 1, 1)
        if message.has_link(text):
            problems.append(
                Problem(
                    Code.LINK_IN_MESSAGE,
                    "Textul mesajului către registratură conține o adresă web.",
                    "body",
                    source=court_rules.PLAIN_TEXT_SOURCE,
                    hint=hint,
                )
            )
    return problems


def _hearing_of(session: Session, filing: Filing, now: datetime) -> Hearing | None:
    """The hearing the filing is for: the one it names, else the case's next one."""
    if filing.hearing_id is not None:
        return session.get(Hearing, filing.hearing_id)
    return session.scalar(
        select(Hearing)
        .where(Hearing.case_id == filing.case_id, Hearing.scheduled_at > now)
        .order_by(Hearing.scheduled_at)
        .limit(1)
    )


def _trust_roots() -> list | None:
    """The directorate's trusted roots, as the signing capability reads them (None when
    no trust is configured: the check then verifies integrity only)."""
    dirs = current_app.config.get("SIGNATURE_TRUST_DIRS")
    return load_trust_roots(dirs) if dirs is not None else None


def _trusted_lists():
    """The EU trusted lists' verified snapshot, if the service has one (read from disk,
    never fetched during a request)."""
    return adapters.current().signer.trusted_lists()


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
    report = pdfcheck.inspect(
        data, roots, parse_seconds=_parse_seconds(), trusted_lists=_trusted_lists()
    )
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
                source=source_of(court.rule_sources, "max_message_bytes"),
                hint="Recomprimați scanările documentului"
                + (f" la cel mult {court.max_scan_dpi} dpi" if court.max_scan_dpi else "")
                + " sau împărțiți-l în mai multe documente.",
            )
        )
    if court is not None:
        problems.extend(_scan_problems(doc, data, court, name, where))
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


def _scan_problems(doc: FilingDocument, data: bytes, court: Court, name: str, where: str):
    """The resolution and colour of every scanned page against the court's rules."""
    limit, monochrome = court.max_scan_dpi, court.scans_monochrome
    if limit is None and not monochrome:
        return []
    try:
        found = [i for i in scans.images(data, seconds=_scan_seconds()) if i.is_scan]
    except scans.ScansUnreadable:
        return [
            Problem(
                Code.SCANS_UNCHECKED,
                f"Rezoluția și culorile scanărilor din documentul {name} nu au putut fi "
                "citite.",
                where,
                severity=Severity.WARNING,
                hint="Verificați documentul deschizându-l; dacă este o scanare, salvați-l "
                "din nou din aplicația scanerului.",
            )
        ]
    pages: dict[int, list[scans.Image]] = {}
    for image in found:
        pages.setdefault(image.page, []).append(image)
    problems = []
    sources = court.rule_sources
    if limit is not None:
        over = [
            f"pagina {page}: {max(i.dpi for i in items)} dpi"
            for page, items in sorted(pages.items())
            if max(i.dpi for i in items) > limit
        ]
        if over:
            problems.append(
                Problem(
                    Code.SCAN_RESOLUTION,
                    f"Documentul {name}: "
                    + "; ".join(over)
                    + f", peste limita de {limit} dpi a instanței.",
                    where,
                    source=source_of(sources, "max_scan_dpi"),
                    hint=f"Scanați din nou sau recomprimați la cel mult {limit} dpi"
                    + (", alb-negru" if monochrome else "")
                    + ", apoi înlocuiți documentul în pachet.",
                )
            )
    if monochrome:
        coloured = [
            f"pagina {page}: color ({next(i.colour for i in items if not i.monochrome)})"
            for page, items in sorted(pages.items())
            if any(not i.monochrome for i in items)
        ]
        if coloured:
            problems.append(
                Problem(
                    Code.SCAN_COLOUR,
                    f"Documentul {name}: "
                    + "; ".join(coloured)
                    + "; instanța primește scanări doar alb-negru.",
                    where,
                    source=source_of(sources, "scans_monochrome"),
                    hint="Scanați din nou alb-negru (sau în tonuri de gri)"
                    + (f", la cel mult {limit} dpi" if limit else "")
                    + ", apoi înlocuiți documentul în pachet.",
                )
            )
    return problems


def _scan_seconds() -> float:
    """The deadline of listing a PDF's images: ten parse budgets (``PDF_PARSE_SECONDS``)."""
    return 10 * _parse_seconds()


def check(
    uow: UnitOfWork, actor: Actor, filing_id: int, store: ContentStore, now: datetime
) -> CheckReport:
    """Run the pre-submission check and move the package as far as it allows: checked
    when its content is complete and lawful, signed (and frozen, with its manifest) when
    every document also carries an intact signature."""
    session = uow.session
    filing = load_filing(session, actor, filing_id)
    require(actor, "file")
    rename_documents(filing, _court_of(session, filing))
    problems = problems_of(session, filing, store, now)
    errors = [p for p in problems if p.blocking]
    warnings = [p for p in problems if not p.blocking]
    status = Status(filing.status)
    if not is_frozen(status):
        content_ok = not [p for p in errors if not p.signature]
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
        if not errors:
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
        changes={"problems": [p.code for p in errors], "warnings": [p.code for p in warnings]},
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
