"""Filing through registratura.rejust.ro, the Superior Council of Magistracy's portal:
the package a person uploads there, and the proof of filing the portal gives back.

The portal takes a party's claim or documents in an existing case file, e-mails them to
the court's registry (which prints and registers them in ECRIS) and e-mails the party a
proof of filing. The service does not talk to the portal: it exports the frozen package
as files named by the court's own pattern, with a cover note (opis) listing them with
their hashes, and records the proof a person uploads back. From then on the filing is
an e-mail filing's twin: registration and the court's later steps are ``court_side``'s.

Decisions:

- Only a filing on the ``rejust`` channel is exported, and only once frozen (signed,
  with its manifest). A rejust package of an e-mail filing is refused: the same claim
  would reach the registry twice (by the service's e-mail and through the portal) and be
  registered as two case files. The channel is chosen when the filing is opened (the
  directorate's choice, else the court's ``filing_channel``).
- The cover note is a PDF/A-2b made by the documents' converter (LibreOffice) from a
  DOCX built here: the same PDF as every generated document, its fonts (with ș and ț)
  embedded, which the portal and the registry's printer take as they take the rest. Its
  text goes into the package too, as plain UTF-8 (``Opis.txt``): byte-stable for the
  same package (the PDF carries its creation date), readable and comparable without a
  PDF reader, for the directorate's archive; it is not meant to be uploaded.
- The cover note names the case by the directorate's reference, never the child: it
  goes to a system outside the directorate, and art. 67^1 keeps the child's data to
  the documents themselves.
"""

import hashlib
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from sqlalchemy.orm import Session

from .. import audit, pdfread
from ..auth.actor import Actor
from ..db import UnitOfWork
from ..documents.service import Converter
from ..errorcodes import Code
from ..errors import DomainError
from ..models import Court, Filing, FilingDocument
from ..storage import ContentStore
from . import manifest, timeline
from .court_rules import CHANNEL_LABELS, Channel, attachment_name
from .domain import ROLE_LABELS, STATUS_LABELS, DocumentRole, Status, is_frozen
from .service import load_filing, require

COVER_PDF = "Opis.pdf"
COVER_TEXT = "Opis.txt"
SENT_NOTE = "trimis prin registratura electronică"
PORTAL = "registratura.rejust.ro"
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)  # fixed: the same package gives the same entries
DEFAULT_PATTERN = "{nr}. {tip}"


@dataclass(frozen=True)
class ExportedFile:
    """One file of the package as the portal receives it."""

    number: int
    name: str
    role: str
    sha256: str
    size: int
    data: bytes


@dataclass(frozen=True)
class RejustPackage:
    filing_id: int
    files: list[ExportedFile]
    cover_text: str
    cover_pdf: bytes

    def entries(self) -> list[tuple[str, bytes]]:
        """Every file of the export in order: the documents, then the cover note."""
        return [(f.name, f.data) for f in self.files] + [
            (COVER_PDF, self.cover_pdf),
            (COVER_TEXT, self.cover_text.encode("utf-8")),
        ]

    def zip_bytes(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.entries():
                info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o640 << 16
                archive.writestr(info, data)
        return out.getvalue()

    @property
    def download_name(self) -> str:
        """An ASCII name for the ZIP (Content-Disposition)."""
        return f"depunere-rejust-cererea-{self.filing_id}.zip"


# ---- the refusals -----------------------------------------------------------------------


def _require_rejust(filing: Filing) -> None:
    if filing.channel == Channel.REJUST:
        return
    if filing.sent_at is not None:
        raise DomainError(
            "Cererea a fost deja trimisă prin e-mail registraturii instanței "
            f"({filing.sent_at:%d.%m.%Y}); nu se mai depune și prin registratura "
            "electronică.",
            field="channel",
            code=Code.REJUST_SENT_BY_EMAIL,
        )
    raise DomainError(
        "Cererea se depune prin "
        + CHANNEL_LABELS[Channel(filing.channel)]
        + ", nu prin registratura electronică: un pachet depus pe ambele căi ar fi "
        "înregistrat de două ori. Deschideți o cerere nouă cu calea „rejust” dacă "
        "instanța o cere.",
        field="channel",
        code=Code.REJUST_WRONG_CHANNEL,
    )


def _require_frozen(filing: Filing) -> None:
    if not is_frozen(Status(filing.status)) or not filing.manifest_sha256:
        raise DomainError(
            "Pachetul nu este încă semnat și închis (starea actuală: "
            f"{STATUS_LABELS[Status(filing.status)]}): rulați verificarea după ce toate "
            "documentele sunt semnate.",
            field="status",
            code=Code.REJUST_NOT_FROZEN,
        )


# ---- the export --------------------------------------------------------------------------


def export_names(documents: list[FilingDocument], pattern: str) -> list[str]:
    """The name each document takes on the portal: numbered 1, 2, ... in the package's
    order under the court's pattern (``court_rules.attachment_name``)."""
    return [
        attachment_name(pattern, number, doc.role, doc.title)
        for number, doc in enumerate(documents, start=1)
    ]


def _files(filing: Filing, court: Court | None, store: ContentStore) -> list[ExportedFile]:
    """The package's files, each read back and held to its hash and to the manifest."""
    try:
        _, listed = manifest.read(store.get(filing.manifest_sha256 or ""))
    except (OSError, ValueError):
        raise DomainError(
            "Manifestul pachetului nu mai corespunde amprentei sale.",
            field="manifest",
            code=Code.MANIFEST_ALTERED,
        ) from None
    expected = {d.position: d.sha256 for d in listed}
    documents = list(filing.documents)
    if sorted(expected) != [d.position for d in documents]:
        raise DomainError(
            "Documentele pachetului nu mai corespund manifestului.",
            field="documents",
            code=Code.HASH_MISMATCH,
        )
    names = export_names(documents, court.file_name_pattern if court else DEFAULT_PATTERN)
    files = []
    for number, (doc, name) in enumerate(zip(documents, names, strict=True), start=1):
        where = f"documents[{doc.position}]"
        if expected[doc.position] != doc.sha256:
            raise DomainError(
                f"Amprenta documentului nr. {number} nu corespunde celei din manifest.",
                field=where,
                code=Code.HASH_MISMATCH,
            )
        try:
            data = store.get(doc.sha256)
        except OSError:
            raise DomainError(
                f"Fișierul documentului nr. {number} lipsește sau a fost modificat.",
                field=where,
                code=Code.FILE_ALTERED,
            ) from None
        files.append(ExportedFile(number, name, doc.role, doc.sha256, len(data), data))
    return files


def _role_label(role: str) -> str:
    try:
        return ROLE_LABELS[DocumentRole(role)]
    except ValueError:
        return ROLE_LABELS[DocumentRole.EVIDENCE]


def cover_lines(filing: Filing, files: list[ExportedFile]) -> list[str]:
    """The cover note, line by line (Romanian). The case is named by the directorate's
    reference only (art. 67^1); each document by its role, not its free title."""
    case = filing.case
    directorate = case.directorate
    lines = [
        "OPIS – NOTĂ DE ÎNSOȚIRE",
        f"Depunere prin registratura electronică ({PORTAL})",
        "",
        f"Către: {filing.court} – Registratura",
        f"De la: {directorate.name}, {directorate.seat}",
    ]
    if directorate.legal_representative:
        lines.append(f"Reprezentant legal: {directorate.legal_representative}")
    lines.append(f"Referința direcției: {case.reference}")
    if case.court_case_number:
        lines.append(f"Dosarul instanței: {case.court_case_number}")
    lines += [
        f"Obiectul cererii: {filing.object}",
        f"Temei de drept: {filing.legal_basis}",
        "Cauza este scutită de taxa judiciară de timbru (art. 140 din Legea nr. 272/2004).",
        "",
        f"Documente depuse (PDF semnate electronic), în ordine: {len(files)}",
    ]
    for f in files:
        lines.append(f"Nr. {f.number}: {f.name}")
        lines.append(f"{_role_label(f.role)}; {f.size} octeți")
        lines.append(f"SHA-256: {f.sha256}")
    lines += [
        "",
        f"Amprenta manifestului pachetului (SHA-256): {filing.manifest_sha256}",
        f"Cheia pachetului: {filing.idempotency_key}",
        "",
        manifest.CONFIDENTIALITY_NOTICE,
    ]
    return lines


def cover_docx(lines: list[str]) -> bytes:
    """The cover note as a DOCX for the converter: A4, Liberation Sans (which carries ș
    and ț), each hash on a line of its own in a monospace font so that it never wraps."""
    document = WordDocument()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Sans", Pt(10)
    normal.paragraph_format.space_after = Pt(2)
    for index, line in enumerate(lines):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(line)
        if index == 0:
            run.bold, run.font.size = True, Pt(13)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif index == 1:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif line.startswith("Nr. "):
            run.bold = True
            paragraph.paragraph_format.space_before = Pt(4)
        elif line.startswith("SHA-256: "):
            run.font.name, run.font.size = "Liberation Mono", Pt(8)
            paragraph.paragraph_format.left_indent = Mm(6)
        elif index > 0 and lines[index - 1].startswith("Nr. "):
            paragraph.paragraph_format.left_indent = Mm(6)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def build_package(
    session: Session,
    actor: Actor,
    filing_id: int,
    *,
    store: ContentStore,
    converter: Converter,
) -> RejustPackage:
    """The package of a frozen rejust filing, audited (it hands out a child's file).
    Raises ``DomainError`` for a filing that is not frozen or not on the rejust channel,
    and ``ConversionFailed`` when the cover note cannot be made."""
    filing = load_filing(session, actor, filing_id)
    require(actor, "file")
    _require_rejust(filing)
    _require_frozen(filing)
    court = session.get(Court, filing.court_id) if filing.court_id else None
    files = _files(filing, court, store)
    lines = cover_lines(filing, files)
    text = "\n".join(lines) + "\n"
    cover_pdf = converter.convert(cover_docx(lines))
    audit.record(
        session,
        actor,
        "export_rejust",
        "filing",
        filing.id,
        case_id=filing.case_id,
        changes={
            "files": [[f.name, f.sha256] for f in files],
            "cover_text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        },
    )
    return RejustPackage(filing.id, files, text, cover_pdf)


# ---- the proof of filing ---------------------------------------------------------------


def proof_file_name(filing: Filing) -> str:
    return f"dovada-depunerii-rejust-cererea-{filing.id}.pdf"


def record_sent(
    uow: UnitOfWork,
    actor: Actor,
    filing_id: int,
    *,
    proof: bytes,
    on: date | None,
    now: datetime,
    store: ContentStore,
    parse_seconds: float,
) -> Filing:
    """Record that a person filed the package on registratura.rejust.ro: keep the proof
    of filing the portal gave, and move the filing to "trimis" on the day of the proof.
    The same proof again changes nothing; another proof for a filing that has one is
    refused."""
    session = uow.session
    filing = load_filing(session, actor, filing_id)
    require(actor, "file")
    _require_rejust(filing)
    if on is not None and on > now.date():
        raise DomainError(
            "Data depunerii nu poate fi în viitor.", field="on", code=Code.DATE_IN_FUTURE
        )
    if not proof:
        raise DomainError(
            "Dovada depunerii lipsește: trimiteți PDF-ul primit de la portal.",
            field="file",
            code=Code.EMPTY_FILE,
        )
    try:
        pdfread.read_pdf(proof, seconds=parse_seconds)
    except pdfread.PdfRefused as exc:
        raise DomainError(exc.message, field="file", code=exc.code) from None
    sha = hashlib.sha256(proof).hexdigest()
    if filing.proof_sha256 == sha:
        return filing  # the same proof again: already recorded
    if filing.proof_sha256 is not None:
        raise DomainError(
            "Cererea are deja o dovadă a depunerii prin registratura electronică "
            f"(SHA-256 {filing.proof_sha256}); o altă dovadă nu o poate înlocui.",
            field="file",
            code=Code.REJUST_OTHER_PROOF,
        )
    _require_frozen(filing)
    if filing.status != Status.SIGNED:  # frozen, unsent, yet further on: never expected
        raise DomainError(
            "Depunerea se poate consemna doar pentru un pachet semnat și netrimis "
            f"(starea actuală: {STATUS_LABELS[Status(filing.status)]}).",
            field="status",
            code=Code.STATUS_NOT_ALLOWED,
        )
    filing.proof_sha256 = store.put(proof)
    filing.proof_file_name = proof_file_name(filing)
    day = on or now.date()
    filing.sent_at = now if day == now.date() else datetime.combine(day, time(), now.tzinfo)
    filing.next_send_at, filing.last_error = None, None
    timeline.move(session, actor, filing, Status.SENT, day, now, SENT_NOTE)
    audit.record(
        session,
        actor,
        "rejust_sent",
        "filing",
        filing.id,
        case_id=filing.case_id,
        changes={"proof_sha256": sha, "on": day.isoformat()},
    )
    timeline.case_changed(session, filing.case)
    uow.flush()
    return filing


def proof_of(session: Session, actor: Actor, filing_id: int, store: ContentStore):
    """(file name, bytes) of the proof of filing; audited as a download."""
    filing = load_filing(session, actor, filing_id)
    if not filing.proof_sha256:
        raise DomainError(
            "Cererea nu are o dovadă a depunerii prin registratura electronică.",
            field="proof",
            code=Code.REJUST_NO_PROOF,
        )
    data = store.get(filing.proof_sha256)
    audit.record(
        session,
        actor,
        "download_proof",
        "filing",
        filing.id,
        case_id=filing.case_id,
        changes={"proof_sha256": filing.proof_sha256},
    )
    return filing.proof_file_name or proof_file_name(filing), data
