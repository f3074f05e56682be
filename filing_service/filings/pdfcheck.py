"""What the pre-submission check asks of each PDF: is it a PDF, does it declare PDF/A,
and is every signature on it intact and trusted, with the last one covering the whole
file.

With the directorate's trust roots or the EU trusted lists (``signing.trusted_lists``),
the signing capability's validation (``signing.validation.validate_pdf``) answers, chain
of trust included; without either (no trust configured) pyhanko checks integrity alone,
taking the signer's own certificate as the anchor.
"""

import asyncio
import logging
import re
from dataclasses import dataclass

from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from .. import pdfread
from ..errorcodes import Code
from ..signing import validation
from ..signing.eventloop import outside_event_loop
from ..signing.trusted_lists import TrustedLists

log = logging.getLogger(__name__)

_PDFA_PART = re.compile(rb"pdfaid:part(?:>|\s*=\s*[\"'])\s*([1-4])")


@dataclass(frozen=True)
class PdfReport:
    """What was found in one PDF."""

    is_pdf: bool
    pdfa_part: str | None
    signatures: int
    intact: bool  # every signature intact and cryptographically valid
    covers_file: bool  # the last signature covers the whole file (nothing appended)
    error: str | None = None
    trusted: bool | None = None  # every chain ends at a trust root (None: not asked)


def inspect(
    data: bytes,
    trust_roots: list | None = None,
    *,
    parse_seconds: float = pdfread.DEFAULT_SECONDS,
    trusted_lists: TrustedLists | None = None,
) -> PdfReport:
    """Inspect ``data``; never raises for a bad file, reports it instead. With
    ``trust_roots`` the signatures are validated by the signing capability. The file is
    sniffed and parsed within ``parse_seconds`` first (``pdfread``), so checking a
    package that holds junk stays cheap."""
    if not data.startswith(b"%PDF-"):
        return PdfReport(False, None, 0, False, False, "nu este un fișier PDF")
    try:
        reader = pdfread.read_pdf(data, seconds=parse_seconds)
    except pdfread.PdfRefused as exc:
        log.info("unreadable PDF: %s", exc.code)
        error = "fișierul PDF este criptat" if exc.code == Code.ENCRYPTED_PDF else None
        return PdfReport(False, None, 0, False, False, error or "fișierul PDF este deteriorat")
    try:
        pdfa = _pdfa_part(reader)
        signatures = list(reader.embedded_signatures)
    except Exception as exc:  # a damaged PDF is reported, not a 500
        log.info("unreadable PDF: %s", type(exc).__name__)
        return PdfReport(False, None, 0, False, False, "fișierul PDF este deteriorat")
    if not signatures:
        return PdfReport(True, pdfa, 0, False, False)
    if trust_roots is not None or trusted_lists is not None:
        return _validated(data, pdfa, trust_roots or [], parse_seconds, trusted_lists)
    intact = True
    for signature in signatures:
        try:
            # The signer's own certificate is taken as the anchor: this check is about
            # integrity, and an untrusted path would only add noise to the logs.
            context = ValidationContext(
                trust_roots=[signature.signer_cert], allow_fetching=False
            )
            status = outside_event_loop(
                asyncio.run, async_validate_pdf_signature(signature, context)
            )
            intact = intact and status.intact and status.valid
        except (SignatureValidationError, ValueError, KeyError) as exc:
            log.info("signature unreadable: %s", type(exc).__name__)
            intact = False
    covers = signatures[-1].coverage == SignatureCoverageLevel.ENTIRE_FILE
    return PdfReport(True, pdfa, len(signatures), intact, covers)


def _validated(
    data: bytes,
    pdfa: str | None,
    trust_roots: list,
    parse_seconds: float,
    trusted_lists: TrustedLists | None,
) -> PdfReport:
    try:
        reports = outside_event_loop(
            validation.validate_pdf,
            data,
            trust_roots,
            parse_seconds=parse_seconds,
            trusted_lists=trusted_lists,
        )
    except validation.ValidationInputError as exc:
        return PdfReport(True, pdfa, 0, False, False, exc.message)
    regular = len(reports)
    return PdfReport(
        True,
        pdfa,
        regular,
        all(r.intact and r.valid for r in reports),
        reports[-1].covers_whole_file,
        trusted=all(r.trusted and not r.revoked for r in reports),
    )


def _pdfa_part(reader: PdfFileReader) -> str | None:
    """The PDF/A part the document declares in its XMP metadata (``pdfaid:part``)."""
    metadata = reader.root.get("/Metadata")
    if metadata is None:
        return None
    data = metadata.get_object().data
    found = _PDFA_PART.search(data or b"")
    return found.group(1).decode() if found else None
