"""Validating the signatures of a PDF (a court decision received, a filing returned).

For each signature: is the signed byte range intact, is the cryptographic signature
valid, does the chain end at a root we trust, who signed and when, is there a
time-stamp, which PAdES level, and what changed in the file after it was signed
(pyhanko's incremental-update analysis, with its metadata rules narrowed and the bytes
after the last revision counted in ``changes``). The summary names every change after
signing (unsigned bytes appended, metadata beyond book-keeping, annotations, content)
whatever the trust result; only a file with none reads "Semnătură validă și de
încredere.". Revocation data is taken from the document (DSS); fetching from the
network is off unless asked for.
"""

from dataclasses import asdict, dataclass
from datetime import UTC, datetime

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
from pyhanko_certvalidator.fetchers import OwnedFetcherBackend

from .. import pdfread
from ..errorcodes import Code
from . import changes
from .eventloop import outside_event_loop
from .revocation import CachingFetcherBackend, RevocationCache, process_cache

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
METADATA_CHANGED = (
    "După semnare s-au modificat metadatele documentului (de exemplu titlul sau autorul), "
    "nu doar date de validare și mărci temporale."
)
NOT_ANALYSED = "Modificările ulterioare semnării nu au putut fi analizate."


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


def open_pdf(data: bytes, *, seconds: float = pdfread.DEFAULT_SECONDS) -> PdfFileReader:
    """Read ``data`` as an unencrypted PDF within the parse budget (``pdfread``), or raise
    ``ValidationInputError``."""
    try:
        return pdfread.read_pdf(data, seconds=seconds)
    except pdfread.PdfRefused as exc:
        status = 415 if exc.code == Code.NOT_A_PDF else 422
        raise ValidationInputError(exc.message, code=exc.code, status=status) from None


def validate_pdf(
    data: bytes,
    trust_roots: list,
    *,
    allow_fetching: bool = False,
    parse_seconds: float = pdfread.DEFAULT_SECONDS,
    moment: datetime | None = None,
    revocation_cache: RevocationCache | None = None,
) -> list[SignatureReport]:
    """Report on every signature of ``data`` (document time-stamps count towards B-LTA);
    the file is parsed within ``parse_seconds`` (``pdfread.read_pdf``).

    With ``allow_fetching``, OCSP responses and CRLs come from ``revocation_cache`` (the
    process cache by default) while valid at ``moment`` (default: now), else from the
    network; ``moment`` given, the signatures are judged as at that moment.
    """
    cache = None
    if allow_fetching:
        cache = process_cache() if revocation_cache is None else revocation_cache
    how = _Revocation(cache, moment)
    return outside_event_loop(_validate_pdf, data, trust_roots, how, parse_seconds)


@dataclass(frozen=True)
class _Revocation:
    """Where revocation data may come from besides the file: ``cache`` and then the
    network (None: nowhere else); and the moment of the validation (None: now)."""

    cache: RevocationCache | None
    moment: datetime | None


def _validate_pdf(
    data: bytes, trust_roots: list, allow_fetching: "_Revocation", parse_seconds: float
) -> list[SignatureReport]:
    reader = open_pdf(data, seconds=parse_seconds)
    try:
        signatures = reader.embedded_signatures
        regular = [s for s in signatures if s.sig_object_type != "/DocTimeStamp"]
        dss = _read_dss(reader)
        tail = changes.unsigned_tail(data, reader)
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
        _report(sig, reader, dss, trust_roots, allow_fetching, doc_ts_revisions, tail)
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


def _context(dss, trust_roots, allow_fetching: "_Revocation") -> ValidationContext:
    # With revocation data in the file (B-LT, B-LTA) it must be complete: hard-fail.
    # Without it, and without fetching, revocation cannot be checked: soft-fail.
    mode = "hard-fail" if dss is not None else "soft-fail"
    kwargs: dict = {
        "trust_roots": trust_roots,
        "allow_fetching": allow_fetching.cache is not None,
        "revocation_mode": mode,
    }
    moment = allow_fetching.moment
    if moment is not None:
        kwargs["moment"] = moment
    if allow_fetching.cache is not None:
        backend = CachingFetcherBackend(allow_fetching.cache, moment or datetime.now(UTC))
        kwargs["fetcher_backend"] = OwnedFetcherBackend(backend)
    if dss is not None:
        return dss.as_validation_context(kwargs)
    return ValidationContext(**kwargs)


def _report(
    sig, reader, dss, trust_roots, allow_fetching, doc_ts_revisions, tail: int
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
    changed = [] if whole else _changes(sig, reader, modification_level, tail)
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
        modification=_modification_text(status, whole, modification_level, changed),
        summary="",
    )
    report.summary = _summary(report, changed)
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


def _changes(sig, reader, level, tail: int) -> list[str]:
    """What changed after ``sig`` that a reader must be told, in Romanian: unsigned bytes
    after the last revision, content changed, annotations, metadata beyond book-keeping
    (see ``changes``). New signatures, form filling, DSS and time-stamps are not named
    here: they are allowed."""
    found = []
    if tail:
        found.append(
            f"După ultima revizie a documentului s-au adăugat {_bytes(tail)} nesemnați, "
            "pe care nicio semnătură nu îi acoperă."
        )
    if level is None:
        return [*found, NOT_ANALYSED]
    if level in (ModificationLevel.ANNOTATIONS, ModificationLevel.OTHER):
        found.append(MODIFICATIONS[level])
    if level in (
        ModificationLevel.LTA_UPDATES,
        ModificationLevel.FORM_FILLING,
        ModificationLevel.ANNOTATIONS,
    ):
        try:
            if changes.metadata_changed(sig, reader):
                found.append(METADATA_CHANGED)
        except Exception:  # an update the narrower analysis trips over is not cleared
            found.append(NOT_ANALYSED)
    return found


def _bytes(count: int) -> str:
    """``count`` bytes in Romanian: "1 octet", "5 octeți", "20 de octeți"."""
    if count == 1:
        return "1 octet"
    needs_de = count % 100 >= 20 or (count >= 100 and count % 100 == 0)
    return f"{count} de octeți" if needs_de else f"{count} octeți"


def _modification_text(status, whole: bool, level, changed: list[str]) -> str:
    if not status.intact:
        return "Octeții semnați au fost modificați: semnătura nu mai corespunde documentului."
    if whole:
        return MODIFICATIONS[ModificationLevel.NONE]
    # A level that says "nothing" or "only validation data" is not repeated next to a
    # change it did not see; "signatures added" still is.
    permitted = (
        [MODIFICATIONS[level]]
        if level == ModificationLevel.FORM_FILLING
        or (level in (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES) and not changed)
        else []
    )
    return " ".join(permitted + changed)


def _summary(report: SignatureReport, changed: list[str]) -> str:
    """The one sentence (or few) a person reads first. Every change in ``changed`` is
    named whatever the trust result, and the reassuring summary is given only when
    there is none."""
    if not report.intact or not report.valid:
        return (
            "Semnătură invalidă: documentul a fost modificat sau semnătura este deteriorată."
        )
    if report.revoked:
        head = "Certificatul semnatarului este revocat."
    elif not report.trusted:
        head = (
            "Semnătură corectă, dar certificatul nu provine de la o autoritate de încredere."
        )
    elif changed:
        head = (
            "Semnătură validă pentru versiunea semnată, dar documentul a fost "
            "modificat ulterior."
        )
    else:
        return "Semnătură validă și de încredere."
    return " ".join([head, *changed])
