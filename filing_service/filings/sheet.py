"""The validation sheet of a signed filing: one page (A4, PDF/A-2b) a registry prints,
listing each file of the package with its SHA-256 and every signature on it (signer,
role, time, PAdES level, qualification, result), each file with a QR code that leads
to the service's verification page for its hash (``{VERIFICATION_BASE_URL}/{sha256}``).

Decisions:

- The sheet is a report on the frozen package's files, made when it is asked for (the
  download, ``GET /filings/{id}/validation-sheet``) or sent (``delivery``, with the first
  message, when the court's ``attach_validation_sheet`` is on), from the stored files
  and ``signing.validation.validate_pdf`` with the directorate's trust roots. It is not
  stored: the files it reports on are content-addressed and frozen, so the same package
  always gives the same text (only the moment of the verification, printed on it,
  moves); storing it would need a column (a migration) and would print a verification
  older than the moment it is read. A retry of an unaccepted first message carries a
  sheet made afresh; an accepted message is never sent again.
- Its size is not known before it is made, so the check and the split of the package
  into messages count ``SHEET_RESERVE_BYTES`` for it (a bound, held by a test, of a
  sheet of the largest package ``FILING_MAX_FILES`` allows).
- One page for a usual package (up to ``COMPACT_FROM - 1`` files); from ``COMPACT_FROM``
  files on, smaller type and smaller QR codes; a package that still does not fit
  continues on further pages, each numbered "pagina X din Y" with the heading repeated
  in the page header, so that a printed page is never read without its context.
- The sheet names the case by the directorate's reference only, each file by its
  attachment name and its role, never by its free title: no child's name, no CNP, no
  address (art. 67^1). The signers are the directorate's staff or whoever signed a
  document the directorate filed.
- The PDF/A comes from the documents' converter (LibreOffice), from a DOCX built here
  (python-docx), as ``rejust``'s cover note: fonts embedded, ș and ț with comma below.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import qrcode
from docx import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from qrcode.constants import ERROR_CORRECT_M
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..auth.roles import ROLE_LABELS as STAFF_ROLE_LABELS
from ..documents.service import Converter
from ..errorcodes import Code
from ..errors import DomainError
from ..law.dates import format_date_ro
from ..models import Case, Court, Filing, FilingDocument, Signature
from ..signing.trust import load_trust_roots
from ..signing.trusted_lists import TrustedLists
from ..signing.validation import SignatureReport, ValidationInputError, validate_pdf
from ..storage import ContentStore
from .court_rules import attachment_name
from .domain import ROLE_LABELS, DocumentRole, Status, is_frozen

SHEET_KIND = "Fișă de validare"  # the attachment's {tip}
SHEET_TITLE = "Fișa de validare a semnăturilor"  # the attachment's {titlu}
SHEET_RESERVE_BYTES = 400 * 1024  # counted for the sheet before it is made
COMPACT_FROM = 9  # files from which the type and the QR codes get smaller
NO_ROLE = "—"
VALID_SUMMARY = "Semnătură validă și de încredere."  # signing.validation's all-clear
FROZEN = tuple(s for s in Status if is_frozen(s))


@dataclass(frozen=True)
class SignatureLine:
    """One signature of a file as the sheet (and the verification page) prints it."""

    signer: str
    role: str
    time: str
    level: str
    qualification: str
    result: str


@dataclass(frozen=True)
class FileEntry:
    number: int
    file_name: str
    kind: str  # the document's role, in Romanian
    sha256: str
    url: str
    signatures: list[SignatureLine]
    problem: str | None = None  # the file could not be validated at all


@dataclass(frozen=True)
class Sheet:
    directorate: str
    court: str
    reference: str
    court_case_number: str | None
    manifest_sha256: str
    verified_at: str
    files: list[FileEntry]


# ---- what each signature says -------------------------------------------------------


def _qualification(report: SignatureReport) -> str:
    """The qualification of a signature as eIDAS means it (``signing.validation``), and
    where its trust comes from when that is not a trusted list."""
    label = report.qualification_label[:1].lower() + report.qualification_label[1:]
    if report.trust_source == "nu_din_lista_de_incredere" and report.trusted:
        return f"{label} (rădăcină a direcției, nu dintr-o listă de încredere)"
    return label


def result_label(report: SignatureReport) -> str:
    """The result of a signature in a few words."""
    if not (report.intact and report.valid):
        return "invalidă: documentul a fost modificat sau semnătura este deteriorată"
    if report.revoked:
        return "certificatul semnatarului este revocat"
    if not report.trusted:
        return "corectă, dar certificatul nu provine de la o autoritate de încredere"
    if report.summary != VALID_SUMMARY:
        return "validă pentru versiunea semnată, dar documentul a fost modificat ulterior"
    return "validă"


def moment_ro(value: datetime | None, zone: ZoneInfo) -> str:
    """``12 martie 2027, ora 09:00`` in ``zone``."""
    if value is None:
        return "necunoscută"
    local = value.astimezone(zone)
    return f"{format_date_ro(local.date())}, ora {local:%H:%M}"


def _level(report: SignatureReport) -> str:
    return f"PAdES {report.level}" if report.level else "semnătură PDF (nu PAdES)"


def _roles(session: Session, sha256: str, directorate_id: int) -> list[tuple[str, str]]:
    """(certificate name, role label) of every signature the service made on the way
    to the file ``sha256``, in order; empty when the service did not sign it."""
    last = session.scalar(
        select(Signature)
        .where(Signature.output_sha256 == sha256, Signature.directorate_id == directorate_id)
        .order_by(Signature.id)
        .limit(1)
    )
    if last is None:
        return []
    chain = session.scalars(
        select(Signature)
        .where(Signature.document_id == last.document_id, Signature.id <= last.id)
        .order_by(Signature.id)
    )
    return [(s.signer_name, STAFF_ROLE_LABELS.get(s.role, s.role)) for s in chain]


def signature_lines(
    reports: list[SignatureReport], roles: list[tuple[str, str]], zone: ZoneInfo
) -> list[SignatureLine]:
    """The sheet's lines for the ``reports`` of one file. A signature's role is the
    service's record of it (the same place in the order, the same certificate name);
    a signature the service did not make has none."""
    lines = []
    for index, report in enumerate(reports):
        role = NO_ROLE
        if len(roles) == len(reports) and roles[index][0] == report.signer:
            role = roles[index][1]
        lines.append(
            SignatureLine(
                signer=report.signer or "necunoscut",
                role=role,
                time=moment_ro(report.timestamp or report.signing_time, zone),
                level=_level(report),
                qualification=_qualification(report),
                result=result_label(report),
            )
        )
    return lines


def file_signatures(
    session: Session,
    data: bytes,
    sha256: str,
    directorate_id: int,
    *,
    trust_roots: list,
    zone: ZoneInfo,
    parse_seconds: float,
    trusted_lists: TrustedLists | None = None,
) -> tuple[list[SignatureLine], str | None]:
    """The signature lines of one stored file, or none and why; with the EU trusted
    lists, each signature's qualification is theirs."""
    try:
        reports = validate_pdf(
            data, trust_roots, parse_seconds=parse_seconds, trusted_lists=trusted_lists
        )
    except ValidationInputError as exc:
        return [], exc.message
    return signature_lines(reports, _roles(session, sha256, directorate_id), zone), None


def verification_url(base: str, sha256: str) -> str:
    return f"{base.rstrip('/')}/{sha256}"


def kind_label(role: str) -> str:
    """The Romanian label of a document's role in a package."""
    try:
        return ROLE_LABELS[DocumentRole(role)]
    except ValueError:
        return ROLE_LABELS[DocumentRole.EVIDENCE]


# ---- the sheet ----------------------------------------------------------------------


def sheet_name(filing: Filing, court: Court | None) -> str:
    """The sheet's attachment name under the court's pattern: the number after the
    package's last document (``2. Fișă de validare.pdf`` after one document)."""
    pattern = court.file_name_pattern if court is not None else "{nr}. {tip}"
    return attachment_name(
        pattern, len(filing.documents) + 1, "", SHEET_TITLE, kind=SHEET_KIND
    )


def require_frozen(filing: Filing) -> None:
    if not is_frozen(Status(filing.status)) or not filing.manifest_sha256:
        raise DomainError(
            "Fișa de validare se întocmește pentru un pachet semnat: rulați verificarea "
            "după ce toate documentele sunt semnate.",
            field="status",
            code=Code.SHEET_NOT_FROZEN,
        )


def build_sheet(
    session: Session,
    filing: Filing,
    *,
    store: ContentStore,
    trust_roots: list,
    base_url: str,
    now: datetime,
    zone: ZoneInfo,
    parse_seconds: float,
    trusted_lists: TrustedLists | None = None,
) -> Sheet:
    """What the sheet of the frozen ``filing`` says (``DomainError`` if it is not
    frozen). A file that cannot be read is listed with the reason."""
    require_frozen(filing)
    case: Case = filing.case
    files = []
    for number, doc in enumerate(sorted(filing.documents, key=lambda d: d.position), 1):
        lines: list[SignatureLine]
        problem: str | None
        try:
            data = store.get(doc.sha256)
        except OSError:
            lines, problem = [], "Fișierul lipsește sau nu mai corespunde amprentei sale."
        else:
            lines, problem = file_signatures(
                session,
                data,
                doc.sha256,
                case.directorate_id,
                trust_roots=trust_roots,
                zone=zone,
                parse_seconds=parse_seconds,
                trusted_lists=trusted_lists,
            )
        files.append(
            FileEntry(
                number=number,
                file_name=doc.file_name,
                kind=kind_label(doc.role),
                sha256=doc.sha256,
                url=verification_url(base_url, doc.sha256),
                signatures=lines,
                problem=problem,
            )
        )
    return Sheet(
        directorate=case.directorate.name,
        court=filing.court,
        reference=case.reference,
        court_case_number=case.court_case_number,
        manifest_sha256=filing.manifest_sha256 or "",
        verified_at=moment_ro(now, zone),
        files=files,
    )


def qr_png(text: str) -> bytes:
    """A QR code of ``text`` (error correction M, the standard quiet zone) as PNG."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=8, border=4)
    code.add_data(text)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image().save(out)
    return out.getvalue()


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) LibreOffice fills in."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def sheet_docx(sheet: Sheet) -> bytes:
    """The sheet as a DOCX for the converter: A4, Liberation Sans, each file a row with
    its QR code on the right, each hash in monospace on a line of its own."""
    compact = len(sheet.files) >= COMPACT_FROM
    size = Pt(7) if compact else Pt(8.5)
    qr_width = Mm(17) if compact else Mm(24)
    document = WordDocument()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(12))
    section.header_distance = section.footer_distance = Mm(6)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Sans", size
    normal.paragraph_format.space_after = Pt(1)
    normal.paragraph_format.space_before = Pt(0)

    header = section.header.paragraphs[0]
    header.add_run(f"Fișă de validare a semnăturilor – {sheet.directorate}").font.size = Pt(7)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Pagina ").font.size = Pt(7)
    _field(footer, "PAGE")
    footer.add_run(" din ").font.size = Pt(7)
    _field(footer, "NUMPAGES")

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("FIȘĂ DE VALIDARE A SEMNĂTURILOR ELECTRONICE")
    run.bold, run.font.size = True, Pt(12)
    for line in (
        f"Emitent: {sheet.directorate}",
        f"Către: {sheet.court} – Registratura",
        f"Referința direcției: {sheet.reference}"
        + (
            f"; dosarul instanței: {sheet.court_case_number}"
            if sheet.court_case_number
            else ""
        ),
        f"Verificare efectuată la: {sheet.verified_at}",
    ):
        document.add_paragraph(line)
    _mono(document.add_paragraph(), "Amprenta manifestului (SHA-256): ", sheet.manifest_sha256)

    table = document.add_table(rows=0, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    text_width, code_width = Mm(186) - qr_width - Mm(4), qr_width + Mm(4)
    # LibreOffice takes the widths from the table's grid, Word from the cells: both.
    table.columns[0].width, table.columns[1].width = text_width, code_width
    for entry in sheet.files:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = text_width, code_width
        head = cells[0].paragraphs[0]
        head.paragraph_format.space_before = Pt(4)
        head.add_run(f"Nr. {entry.number}: {entry.file_name}").bold = True
        head.add_run(f" ({entry.kind})")
        _mono(cells[0].add_paragraph(), "SHA-256: ", entry.sha256)
        if entry.problem:
            cells[0].add_paragraph(f"Semnăturile nu au putut fi verificate: {entry.problem}")
        elif not entry.signatures:
            cells[0].add_paragraph("Fișierul nu are nicio semnătură.")
        for index, signature in enumerate(entry.signatures, 1):
            paragraph = cells[0].add_paragraph()
            paragraph.paragraph_format.left_indent = Mm(3)
            paragraph.add_run(f"Semnătura {index}: {signature.signer}").bold = True
            paragraph.add_run(
                f"; calitatea: {signature.role}; data și ora: {signature.time}; "
                f"nivel: {signature.level}; calificare: {signature.qualification}; "
                f"rezultat: {signature.result}."
            )
        picture = cells[1].paragraphs[0]
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.add_run().add_picture(io.BytesIO(qr_png(entry.url)), width=qr_width)
    document.add_paragraph()
    document.add_paragraph(
        "Codul QR al fiecărui fișier duce la pagina de verificare a serviciului pentru "
        "amprenta sa (adresa de mai jos, urmată de amprentă); pagina arată doar dacă "
        "direcția deține fișierul semnat, tipul documentului și semnăturile lui."
    )
    if sheet.files:
        _mono(
            document.add_paragraph(),
            "Adresa de verificare: ",
            sheet.files[0].url.rsplit("/", 1)[0] + "/",
        )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _mono(paragraph, label: str, value: str) -> None:
    """``label`` then ``value`` in monospace, small enough that a hash never wraps."""
    paragraph.add_run(label)
    run = paragraph.add_run(value)
    run.font.name, run.font.size = "Liberation Mono", Pt(7.5)


def sheet_pdf(sheet: Sheet, converter: Converter) -> bytes:
    """The sheet as PDF/A-2b (``ConversionFailed`` if LibreOffice cannot make it)."""
    return converter.convert(sheet_docx(sheet))


@dataclass(frozen=True)
class SheetTools:
    """What making a sheet needs besides the filing, as the view or command hands it."""

    store: ContentStore
    converter: Converter
    trust_roots: list
    base_url: str
    now: Callable[[], datetime]
    zone: ZoneInfo
    parse_seconds: float
    trusted_lists: TrustedLists | None = None


def make(session: Session, filing: Filing, tools: SheetTools) -> bytes:
    """The PDF of the sheet of ``filing``."""
    sheet = build_sheet(
        session,
        filing,
        store=tools.store,
        trust_roots=tools.trust_roots,
        base_url=tools.base_url,
        now=tools.now(),
        zone=tools.zone,
        parse_seconds=tools.parse_seconds,
        trusted_lists=tools.trusted_lists,
    )
    return sheet_pdf(sheet, tools.converter)


def held_file(session: Session, sha256: str) -> FilingDocument | None:
    """The file ``sha256`` of a frozen package of any directorate (the first one filed),
    or None: all the public verification page may know."""
    return session.scalar(
        select(FilingDocument)
        .join(Filing, FilingDocument.filing_id == Filing.id)
        .where(FilingDocument.sha256 == sha256, Filing.status.in_([str(s) for s in FROZEN]))
        .order_by(FilingDocument.id)
        .limit(1)
    )


def app_tools() -> SheetTools:
    """The current app's tools for a sheet, for a view or command to hand to the
    services (the services themselves take them as a parameter)."""
    from flask import current_app

    from .. import adapters
    from ..storage import store

    config = current_app.config
    tools = adapters.current()
    dirs = config.get("SIGNATURE_TRUST_DIRS")
    return SheetTools(
        store=store(),
        converter=tools.converter,
        trust_roots=load_trust_roots(dirs) if dirs is not None else [],
        base_url=config["VERIFICATION_BASE_URL"],
        now=tools.clock.now,
        zone=tools.clock.zone(),
        parse_seconds=float(config["PDF_PARSE_SECONDS"]),
        trusted_lists=tools.signer.trusted_lists(),
    )
