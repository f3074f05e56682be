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

With a trusted-lists snapshot (``trusted_lists``), a chain that passes through a CA/QC
service of an EU trusted list is trusted too, and each signature is qualified as eIDAS
means it (``qualification``: qualified electronic signature, advanced with a qualified
certificate, advanced, not valid), with the provider, its status at signing time, the list
and whether the key was on a QSCD. One validation run answers both the JSON report
(:class:`SignatureReport`) and the ETSI TS 119 102-2 validation report (``etsi_report``,
made with pyHanko's report module from the same status).
"""

import dataclasses
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from asn1crypto import x509
from lxml import etree
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate, AdESPassed
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import (
    DocumentSecurityStore,
    validate_pdf_signature,
    validate_pdf_timestamp,
)
from pyhanko.sign.validation.errors import NoDSSFoundError
from pyhanko.sign.validation.qualified.q_status import QcPrivateKeyManagementType
from pyhanko.sign.validation.qualified.tsp import QcCertType
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.fetchers import OwnedFetcherBackend
from pyhanko_certvalidator.ltv.poe import ValidationObject, ValidationObjectType

from .. import pdfread
from ..errorcodes import Code
from . import changes
from .eventloop import outside_event_loop
from .revocation import CachingFetcherBackend, RevocationCache, process_cache
from .trusted_lists import TrustedLists, status_label

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

# The qualification of a signature (eIDAS art. 3 points 11 and 12, art. 26): code, label,
# and the URI of the ETSI report's SignatureQuality (the EU DSS's vocabulary).
QES = "semnatura_calificata"
ADES_QC = "avansata_cu_certificat_calificat"
ADES = "avansata"
NOT_VALID = "nevalida"
QUALIFICATIONS = {
    QES: ("Semnătură electronică calificată", "urn:cef:dss:signatureQualification:QESig"),
    ADES_QC: (
        "Semnătură electronică avansată, cu certificat calificat",
        "urn:cef:dss:signatureQualification:AdESigQC",
    ),
    ADES: ("Semnătură electronică avansată", "urn:cef:dss:signatureQualification:AdESig"),
    NOT_VALID: ("Semnătură nevalidă", "urn:cef:dss:signatureQualification:NA"),
}
FROM_LIST = "lista_de_incredere"
NOT_FROM_LIST = "nu_din_lista_de_incredere"
TRUST_SOURCES = {
    FROM_LIST: "provine dintr-o listă de încredere a UE",
    NOT_FROM_LIST: "nu provine dintr-o listă de încredere",
}
VR = "http://uri.etsi.org/19102/v1.2.1#"


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
    # The qualification (eIDAS), from the trusted lists: see QUALIFICATIONS, TRUST_SOURCES.
    qualification: str = NOT_VALID
    qualification_label: str = QUALIFICATIONS[NOT_VALID][0]
    trust_source: str = NOT_FROM_LIST
    trust_source_label: str = TRUST_SOURCES[NOT_FROM_LIST]
    provider: str | None = None  # the trust service provider (TSP) of the list
    provider_status: str | None = None  # its service's status at signing time
    provider_status_label: str | None = None
    trusted_list: str | None = None  # "RO, nr. 63": the list and its sequence number
    qscd: bool | None = None  # the key on a QSCD (None: not known from a list)

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


@dataclass
class Validation:
    """One validation run: the JSON reports and the ETSI report, from the same statuses."""

    signatures: list[SignatureReport]
    _etsi_parts: list[bytes]

    def etsi_report(self) -> bytes:
        """The ETSI TS 119 102-2 validation report (XML) of every signature."""
        return _merge_reports(self._etsi_parts)


def validate_pdf(
    data: bytes,
    trust_roots: list,
    *,
    allow_fetching: bool = False,
    parse_seconds: float = pdfread.DEFAULT_SECONDS,
    trusted_lists: TrustedLists | None = None,
    moment: datetime | None = None,
    revocation_cache: RevocationCache | None = None,
) -> list[SignatureReport]:
    """Report on every signature of ``data`` (document time-stamps count towards B-LTA);
    the file is parsed within ``parse_seconds`` (``pdfread.read_pdf``).

    With ``allow_fetching``, OCSP responses and CRLs come from ``revocation_cache`` (the
    process cache by default) while valid at ``moment`` (default: now), else from the
    network; ``moment`` given, the signatures are judged as at that moment.
    """
    return validate(
        data,
        trust_roots,
        allow_fetching=allow_fetching,
        parse_seconds=parse_seconds,
        trusted_lists=trusted_lists,
        moment=moment,
        revocation_cache=revocation_cache,
    ).signatures


def validate(
    data: bytes,
    trust_roots: list,
    *,
    allow_fetching: bool = False,
    parse_seconds: float = pdfread.DEFAULT_SECONDS,
    trusted_lists: TrustedLists | None = None,
    moment: datetime | None = None,
    revocation_cache: RevocationCache | None = None,
) -> Validation:
    """:func:`validate_pdf`, with the ETSI report of the same run."""
    cache = None
    if allow_fetching:
        cache = process_cache() if revocation_cache is None else revocation_cache
    how = _Revocation(cache, moment)
    return outside_event_loop(
        _validate_pdf, data, trust_roots, how, parse_seconds, trusted_lists
    )


@dataclass(frozen=True)
class _Revocation:
    """Where revocation data may come from besides the file: ``cache`` and then the
    network (None: nowhere else); and the moment of the validation (None: now)."""

    cache: RevocationCache | None
    moment: datetime | None


def _validate_pdf(
    data: bytes,
    trust_roots: list,
    allow_fetching: _Revocation,
    parse_seconds: float,
    trusted_lists: TrustedLists | None,
) -> Validation:
    listed = trusted_lists.anchors() if trusted_lists is not None else []
    trust_roots = [*trust_roots, *listed]
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
    reports, parts = [], []
    for sig in regular:
        report, part = _report(
            sig,
            reader,
            dss,
            trust_roots,
            allow_fetching,
            doc_ts_revisions,
            tail,
            trusted_lists,
        )
        reports.append(report)
        parts.append(part)
    return Validation(reports, parts)


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
    sig, reader, dss, trust_roots, allow_fetching, doc_ts_revisions, tail: int, trusted_lists
) -> tuple[SignatureReport, bytes]:
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
        ), _unreadable_report()
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
    moment = ts or status.validation_time or datetime.now(UTC)
    _qualify(report, status, trusted_lists, moment)
    return report, _etsi_part(sig, status, report, ts, moment)


def _qualify(report: SignatureReport, status, trusted_lists, moment: datetime) -> None:
    """The qualification of ``report``'s signature at ``moment`` (its time-stamp, else the
    validation time), from the services of the trusted lists on its chain."""
    path = status.validation_path if report.trusted else None
    services = trusted_lists.services_on(path) if trusted_lists and path else []
    if services:
        report.trust_source = FROM_LIST
        service = next((s for s in services if s.status_at(moment) == "granted"), services[0])
        report.provider = service.provider
        report.provider_status = service.status_at(moment)
        report.provider_status_label = status_label(report.provider_status)
        report.trusted_list = service.trusted_list.label
        q = trusted_lists.assess(path, moment).status
        report.qscd = q.qualified and q.qc_key_security != QcPrivateKeyManagementType.UNKNOWN
        qualified = q.qualified
        esign = q.qc_type == QcCertType.QC_ESIGN
    else:
        report.trust_source = NOT_FROM_LIST
        qualified = esign = False
    report.trust_source_label = TRUST_SOURCES[report.trust_source]
    if not (report.intact and report.valid and report.trusted) or report.revoked:
        report.qualification = NOT_VALID
    elif qualified and esign and report.qscd:
        report.qualification = QES
    elif qualified:
        report.qualification = ADES_QC
    else:
        report.qualification = ADES
    report.qualification_label = QUALIFICATIONS[report.qualification][0]


def _etsi_part(sig, status, report: SignatureReport, ts, moment: datetime) -> bytes:
    """pyHanko's ETSI TS 119 102-2 report of ``status`` (the status the JSON report was
    read from), with the signature's quality added."""
    from pyhanko.sign.validation.ades import (
        AdESBasicValidationResult,
        AdESWithTimeValidationResult,
    )
    from pyhanko.sign.validation.report.tools import generate_report

    if status.validation_time is None:
        status = dataclasses.replace(status, validation_time=moment)
    certs = [status.signing_cert]
    if status.validation_path is not None:
        certs += [c for c in status.validation_path.iter_certs(include_root=True)]
    objects, seen = [], set()
    for cert in certs:
        if isinstance(cert, x509.Certificate) and cert.sha256 not in seen:
            seen.add(cert.sha256)
            objects.append(ValidationObject(ValidationObjectType.CERTIFICATE, cert))
    common = dict(
        ades_subindic=_subindication(report, status),
        api_status=status,
        failure_msg=None,
        validation_objects=objects,
    )
    result = (
        AdESWithTimeValidationResult(
            **common, best_signature_time=ts, signature_not_before_time=None
        )
        if ts is not None
        else AdESBasicValidationResult(**common)
    )
    document = etree.fromstring(generate_report(sig, result).encode("utf-8"))
    single = document.find(f"{{{VR}}}SignatureValidationReport")
    process = single.find(f"{{{VR}}}SignatureValidationProcess")
    quality = etree.Element(f"{{{VR}}}SignatureQuality")
    etree.SubElement(quality, f"{{{VR}}}SignatureQualityInformation").text = QUALIFICATIONS[
        report.qualification
    ][1]
    if process is not None:
        process.addprevious(quality)
    return etree.tostring(document)


def _subindication(report: SignatureReport, status):
    if not report.intact:
        return AdESFailure.HASH_FAILURE
    if not report.valid:
        return AdESFailure.SIG_CRYPTO_FAILURE
    if report.revoked:
        return AdESIndeterminate.REVOKED_NO_POE
    if not report.trusted:
        return status.trust_problem_indic or AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND
    return AdESPassed.OK


def _unreadable_report() -> bytes:
    """The ETSI report of a signature that could not be read at all."""
    return (
        f'<vr:ValidationReport xmlns:vr="{VR}"><vr:SignatureValidationReport>'
        "<vr:SignatureValidationStatus>"
        "<vr:MainIndication>urn:etsi:019102:mainindication:total-failed</vr:MainIndication>"
        "<vr:SubIndication>urn:etsi:019102:subindication:FORMAT_FAILURE</vr:SubIndication>"
        "</vr:SignatureValidationStatus></vr:SignatureValidationReport></vr:ValidationReport>"
    ).encode()


def _merge_reports(parts: list[bytes]) -> bytes:
    """One ValidationReport of every signature: their SignatureValidationReport elements,
    then each validation object once (objects are named by their digest)."""
    merged = etree.Element(
        f"{{{VR}}}ValidationReport",
        nsmap={
            "vr": VR,
            "XAdES": "http://uri.etsi.org/01903/v1.3.2#",
            "ds": "http://www.w3.org/2000/09/xmldsig#",
        },
    )
    objects = etree.Element(f"{{{VR}}}SignatureValidationObjects")
    seen: set[str] = set()
    for part in parts:
        document = etree.fromstring(part)
        for single in document.findall(f"{{{VR}}}SignatureValidationReport"):
            merged.append(single)
        for vo in document.iterfind(
            f"{{{VR}}}SignatureValidationObjects/{{{VR}}}ValidationObject"
        ):
            if vo.get("id") not in seen:
                seen.add(vo.get("id"))
                objects.append(vo)
    if len(objects):
        merged.append(objects)
    return etree.tostring(merged, xml_declaration=True, encoding="UTF-8", pretty_print=True)


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
