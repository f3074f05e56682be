"""What the pre-submission check asks of each PDF: is it a PDF, does it declare PDF/A,
and is every signature on it intact, with the last one covering the whole file.

Signatures are checked with pyhanko for integrity (the signed bytes are unchanged and
the signature value matches); whether the signer's certificate is qualified and trusted
is the signing capability's validation, which the filing does not repeat.
"""
import asyncio
import io
import logging
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

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


def inspect(data: bytes) -> PdfReport:
    """Inspect ``data``; never raises for a bad file, reports it instead."""
    if not data.startswith(b"%PDF-"):
        return PdfReport(False, None, 0, False, False, "nu este un fișier PDF")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        pdfa = _pdfa_part(reader)
        signatures = list(reader.embedded_signatures)
    except Exception as exc:  # a damaged PDF is reported, not a 500
        log.info("unreadable PDF: %s", type(exc).__name__)
        return PdfReport(False, None, 0, False, False, "fișierul PDF este deteriorat")
    if not signatures:
        return PdfReport(True, pdfa, 0, False, False)
    intact = True
    for signature in signatures:
        try:
            # The signer's own certificate is taken as the anchor: this check is about
            # integrity, and an untrusted path would only add noise to the logs.
            context = ValidationContext(trust_roots=[signature.signer_cert],
                                        allow_fetching=False)
            status = run_coroutine(async_validate_pdf_signature(signature, context))
            intact = intact and status.intact and status.valid
        except (SignatureValidationError, ValueError, KeyError) as exc:
            log.info("signature unreadable: %s", type(exc).__name__)
            intact = False
    covers = signatures[-1].coverage == SignatureCoverageLevel.ENTIRE_FILE
    return PdfReport(True, pdfa, len(signatures), intact, covers)


def run_coroutine(coroutine):
    """Run one of pyhanko's coroutines to completion from synchronous code.

    pyhanko's synchronous functions call ``asyncio.run``, which fails in a thread whose
    event loop is running (an async server, or a test session that keeps one open);
    there the coroutine runs in a worker thread with a loop of its own.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, coroutine).result()


def _pdfa_part(reader: PdfFileReader) -> str | None:
    """The PDF/A part the document declares in its XMP metadata (``pdfaid:part``)."""
    metadata = reader.root.get("/Metadata")
    if metadata is None:
        return None
    data = metadata.get_object().data
    found = _PDFA_PART.search(data or b"")
    return found.group(1).decode() if found else None
