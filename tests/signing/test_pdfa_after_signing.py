"""PDF/A survives signing: after every signature, at every level, the file still
declares PDF/A-2b, with its XMP packet, its /Info and its PDF version as LibreOffice
wrote them (pyhanko re-serialises the XMP at every incremental update and raises the
catalog's /Version to 1.7 for PAdES: pyHanko issue 755; see ``pades.preserving_pdfa``).

The petition is signed as the service signs it: the legal counsel (a PKCS#12 file),
then the director (the PKCS#11 token) on top, each at the level under test.
"""

import re
from io import BytesIO

import pytest
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers

from filing_service.signing.keys import LoadedKeySigner
from filing_service.signing.profiles import Level
from filing_service.signing.trust import load_trust_roots
from filing_service.signing.validation import validate_pdf

from .conftest import P12_PASSPHRASE
from .helpers import key_spec, secret_for, sign
from .pki import TRUST_DIR


def _state(data: bytes) -> dict:
    """What PDF/A-2b conformance hangs on, as the newest revision declares it."""
    reader = PdfFileReader(BytesIO(data), strict=False)
    root = reader.root
    info = reader.trailer["/Info"]
    return {
        "header": data[: data.index(b"\n")],
        "catalog_version": str(root["/Version"]) if "/Version" in root else None,
        "xmp": root["/Metadata"].data,
        "info": {str(k): str(v) for k, v in info.items()},
    }


def _declares_pdfa_2b(xmp: bytes) -> bool:
    text = xmp.decode("utf-8")
    part = re.search(r"<pdfaid:part>2</pdfaid:part>|pdfaid:part=\"2\"", text)
    conformance = re.search(
        r"<pdfaid:conformance>B</pdfaid:conformance>|pdfaid:conformance=\"B\"", text
    )
    return bool(part and conformance)


@pytest.fixture(scope="module")
def signed_in_turn(pdfa, pki, p12_files, token):
    """Per level: the PDF/A, then signed by the counsel, then by the director too."""
    counsel = key_spec("pkcs12", "consilier", p12_files=p12_files)
    director = key_spec("pkcs11", "director", token=token)
    files = {}
    for level in Level:
        first = sign(pdfa, counsel, level, pki.tsa_url, secret=secret_for("pkcs12", token))
        second = sign(
            first,
            director,
            level,
            pki.tsa_url,
            secret=secret_for("pkcs11", token),
            signer="director",
        )
        files[level] = (first, second)
    return files


def test_the_generated_pdfa_declares_pdfa_2b(pdfa):
    state = _state(pdfa)
    assert state["header"] == b"%PDF-1.6"
    assert _declares_pdfa_2b(state["xmp"])


@pytest.mark.parametrize("level", list(Level))
@pytest.mark.parametrize("signature", ["counsel", "director"])
def test_after_each_signature_xmp_info_and_version_are_unchanged(
    pdfa, signed_in_turn, level, signature
):
    data = signed_in_turn[level][0 if signature == "counsel" else 1]
    before, after = _state(pdfa), _state(data)
    assert after["xmp"] == before["xmp"]  # byte for byte
    assert _declares_pdfa_2b(after["xmp"])
    assert after["header"] == before["header"]
    assert after["catalog_version"] == before["catalog_version"]
    assert after["info"] == before["info"]


@pytest.mark.parametrize("level", list(Level))
def test_both_signatures_stay_valid_and_at_their_level(signed_in_turn, level):
    reports = validate_pdf(signed_in_turn[level][1], load_trust_roots([TRUST_DIR]))
    assert [r.signer for r in reports] == ["Ana Popescu", "Mihai Ionescu"]
    for report in reports:
        assert (report.intact, report.valid, report.trusted) == (True, True, True)
        assert report.level == level.value
    # the counsel's signature sees a signature added after it, nothing else
    assert "metadatele" not in reports[0].modification


def test_pyhanko_alone_rewrites_the_xmp_and_raises_the_version(pdfa, p12_files):
    """The evidence for the fix, and that it stays inside our signing: pyhanko's own
    signing of the same file (outside ``pades.sign_pdf``) changes both."""
    signer = LoadedKeySigner.from_pkcs12(
        p12_files["consilier"].read_bytes(), P12_PASSPHRASE.encode()
    )
    out = BytesIO()
    signers.PdfSigner(
        signers.PdfSignatureMetadata(
            field_name="Semnatura1", subfilter=fields.SigSeedSubFilter.PADES
        ),
        signer,
    ).sign_pdf(IncrementalPdfFileWriter(BytesIO(pdfa), strict=False), output=out)
    before, after = _state(pdfa), _state(out.getvalue())
    assert after["xmp"] != before["xmp"]
    assert b"pyHanko" in after["xmp"]  # pdf:Producer, now at odds with /Info's
    assert after["catalog_version"] == "/1.7" != before["catalog_version"]
