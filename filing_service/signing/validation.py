"""Validating the signatures of a PDF (a court decision received, a filing returned).

For each signature: is the signed byte range intact, is the cryptographic signature
valid, does the chain end at a root we trust, who signed and when, is there a
time-stamp, which PAdES level, and what changed in the file after it was signed
(pyhanko's incremental-update analysis). Revocation data is taken from the document
(DSS); fetching from the network is off unless asked for.
"""

from dataclasses import asdict, dataclass
from datetime import datetime
from io import BytesIO

from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import (
    DocumentSecurityStore,
    validate_pdf_signature,
    validate_pdf_timestamp,
)
from pyhanko.sign.validation.errors import NoDSSFoundError
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from ..errorcodes import Code
from .eventloop import outside_event_loop

PADES_SUBFILTER = "/ETSI.CAdES.detached"

MODIFICATIONS = {
    ModificationLevel.NONE: "Documentul nu a fost modificat după semnare.",
    ModificationLevel.LTA_UPDATES: "După semnare s-au adăugat doar date de validare și "
    "mărci temporale (permis).",
    ModificationLevel.FORM_FILLING: "După semnare s-au adăugat semnături sau s-au completat "
    "câmpuri de formular (permis).",
    ModificationLevel.ANNOTATIONS: "După semnare s-au adăugat adnotări.",
    ModificationLevel.OTHER: "Conținutul a fost modificat după semnare: documentul nu mai "
    "este cel semnat.",
}


class ValidationInputError(Exception):
    """The upload cannot be validated at all; ``status`` is the HTTP answer to give."""

    def __init__(self, message: str, *, code: str, status: int = 422):
        super().__init__(message)
        self.message, self.code, self.status = message, code, status


@dataclass
class SignatureReport:
    """What the validation service answers for one signature."""

    field: str
    signer: str | None
    signing_time: datetime | None
    timestamp: datetime | None
    intact: bool
    valid: bool
    trusted: bool
    revoked: bool
    pades: bool
    level: str | None
    covers_whole_file: bool
    modified_after_signing: bool
    modification_level: str | None
    modification: str
    summary: str

    def as_dict(self) -> dict:
        out = asdict(self)
        for key in ("signing_time", "timestamp"):
            out[key] = out[key].isoformat() if out[key] else None
        return out


def open_pdf(data: bytes) -> PdfFileReader:
    """Read ``data`` as an unencrypted PDF, or raise ``ValidationInputError``."""
    if not data.lstrip()[:5] == b"%PDF-":
        raise ValidationInputError(
            "Fișierul trimis nu este un document PDF.", code=Code.NOT_A_PDF, status=415
        )
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        encrypted = reader.encrypted
        if not encrypted:
            reader.root  # noqa: B018  (forces the trailer and catalogue to be read)
    except Exception as exc:  # whatever the parser trips over, the file is damaged
        raise ValidationInputError(
            f"Fișierul PDF este deteriorat sau incomplet ({type(exc).__name__}).",
            code=Code.DAMAGED_PDF,
        ) from None
    if encrypted:
        raise ValidationInputError(
            "Documentul PDF este criptat; trimiteți versiunea necriptată pentru validare.",
            code=Code.ENCRYPTED_PDF,
        )
    return reader


def validate_pdf(
    data: bytes, trust_roots: list, *, allow_fetching: bool = False
) -> list[SignatureReport]:
    """Report on every signature of ``data`` (document time-stamps count towards B-LTA)."""
    return outside_event_loop(_validate_pdf, data, trust_roots, allow_fetching)


def _validate_pdf(
    data: bytes, trust_roots: list, allow_fetching: bool
) -> list[SignatureReport]:
    reader = open_pdf(data)
    try:
        signatures = reader.embedded_signatures
        regular = [s for s in signatures if s.sig_object_type != "/DocTimeStamp"]
        dss = _read_dss(reader)
    except Exception as exc:  # any damage pyhanko or asn1crypto trips over while reading
        raise ValidationInputError(
            f"Semnăturile documentului nu pot fi citite: fișier deteriorat "
            f"({type(exc).__name__}).",
            code=Code.DAMAGED_PDF,
        ) from None
    if not regular:
        raise ValidationInputError(
            "Documentul PDF nu conține nicio semnătură electronică.", code=Code.NO_SIGNATURE
        )
    doc_ts_revisions = [
        s.signed_revision
        for s in signatures
        if s.sig_object_type == "/DocTimeStamp"
        and _timestamp_holds(s, dss, trust_roots, allow_fetching)
    ]
    return [
        _report(sig, reader, dss, trust_roots, allow_fetching, doc_ts_revisions)
        for sig in regular
    ]


def _timestamp_holds(sig, dss, trust_roots, allow_fetching) -> bool:
    """A document time-stamp counts (for B-LTA) only if intact, valid and trusted."""
    try:
        status = validate_pdf_timestamp(
            sig, validation_context=_context(dss, trust_roots, allow_fetching)
        )
    except Exception:  # a damaged time-stamp token simply does not count
        return False
    return status.intact and status.valid and status.trusted


def _read_dss(reader):
    try:
        return DocumentSecurityStore.read_dss(reader)
    except NoDSSFoundError:
        return None


def _context(dss, trust_roots, allow_fetching: bool) -> ValidationContext:
    # With revocation data in the file (B-LT, B-LTA) it must be complete: hard-fail.
    # Without it, and without fetching, revocation cannot be checked: soft-fail.
    mode = "hard-fail" if dss is not None else "soft-fail"
    kwargs = {
        "trust_roots": trust_roots,
        "allow_fetching": allow_fetching,
        "revocation_mode": mode,
    }
    if dss is not None:
        return dss.as_validation_context(kwargs)
    return ValidationContext(**kwargs)


def _report(
    sig, reader, dss, trust_roots, allow_fetching, doc_ts_revisions
) -> SignatureReport:
    field = str(sig.field_name)
    try:
        status = validate_pdf_signature(
            sig,
            signer_validation_context=_context(dss, trust_roots, allow_fetching),
            ts_validation_context=_context(dss, trust_roots, allow_fetching),
        )
    except Exception as exc:  # a damaged CMS blob, an unsupported algorithm
        return SignatureReport(
            field=field,
            signer=None,
            signing_time=None,
            timestamp=None,
            intact=False,
            valid=False,
            trusted=False,
            revoked=False,
            pades=False,
            level=None,
            covers_whole_file=False,
            modified_after_signing=True,
            modification_level=None,
            modification="Semnătura nu poate fi verificată.",
            summary=f"Semnătură ilizibilă ({type(exc).__name__}).",
        )
    pades = str(sig.sig_object.get("/SubFilter")) == PADES_SUBFILTER
    ts = status.timestamp_validity.timestamp if status.timestamp_validity else None
    level = _level(pades, ts is not None, dss, sig.signed_revision, doc_ts_revisions)
    modification_level = status.modification_level
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    report = SignatureReport(
        field=field,
        signer=_signer_name(status.signing_cert),
        signing_time=status.signer_reported_dt,
        timestamp=ts,
        intact=status.intact,
        # pyhanko's "valid" is about the signed attributes alone; a signature is valid
        # for the caller only if the bytes it covers are intact too.
        valid=status.intact and status.valid,
        trusted=status.trusted,
        revoked=status.revoked,
        pades=pades,
        level=level,
        covers_whole_file=whole,
        modified_after_signing=not whole,
        modification_level=modification_level.name if modification_level else None,
        modification=_modification_text(status, whole, modification_level),
        summary="",
    )
    report.summary = _summary(report)
    return report


def _level(pades: bool, timestamped: bool, dss, revision: int, doc_ts_revisions) -> str | None:
    if not pades:
        return None
    if not timestamped:
        return "B-B"
    has_revinfo = dss is not None and (len(dss.ocsps) or len(dss.crls))
    if not has_revinfo:
        return "B-T"
    if any(r > revision for r in doc_ts_revisions):
        return "B-LTA"
    return "B-LT"


def _signer_name(cert) -> str:
    subject = cert.subject.native
    return subject.get("common_name") or cert.subject.human_friendly


def _modification_text(status, whole: bool, level) -> str:
    if not status.intact:
        return "Octeții semnați au fost modificați: semnătura nu mai corespunde documentului."
    if whole:
        return MODIFICATIONS[ModificationLevel.NONE]
    if level is None:
        return "Modificările ulterioare semnării nu au putut fi analizate."
    return MODIFICATIONS[level]


def _summary(report: SignatureReport) -> str:
    if not report.intact or not report.valid:
        return (
            "Semnătură invalidă: documentul a fost modificat sau semnătura este deteriorată."
        )
    if report.revoked:
        return "Certificatul semnatarului este revocat."
    if not report.trusted:
        return (
            "Semnătură corectă, dar certificatul nu provine de la o autoritate de încredere."
        )
    if report.modification_level == ModificationLevel.OTHER.name:
        return (
            "Semnătură validă pentru versiunea semnată, dar documentul a fost "
            "modificat ulterior."
        )
    return "Semnătură validă și de încredere."
