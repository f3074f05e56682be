"""Each PAdES level, with a PKCS#12 file and with a PKCS#11 token (SoftHSM2), is accepted
by pyhanko's validator and, independently, by poppler's pdfsig."""

import pytest

from filing_service.signing.profiles import Level
from filing_service.signing.trust import load_trust_roots
from filing_service.signing.validation import validate_pdf

from .conftest import pdfsig
from .helpers import key_spec, secret_for, sign
from .pki import TRUST_DIR

KEYS = ["pkcs12", "pkcs11"]


@pytest.fixture(scope="module")
def signed_files(pdfa, pki, p12_files, token, tmp_path_factory):
    """The PDF/A signed once per (key type, level), shared by the checks below."""
    folder = tmp_path_factory.mktemp("levels")
    files = {}
    for kind in KEYS:
        spec = key_spec(kind, "consilier", p12_files=p12_files, token=token)
        for level in Level:
            path = folder / f"{kind}-{level}.pdf"
            path.write_bytes(
                sign(pdfa, spec, level, pki.tsa_url, secret=secret_for(kind, token))
            )
            files[kind, level] = path
    return files


@pytest.mark.parametrize("kind", KEYS)
@pytest.mark.parametrize("level", list(Level))
def test_pyhanko_finds_the_signature_valid_trusted_and_at_its_level(signed_files, kind, level):
    data = signed_files[kind, level].read_bytes()
    [report] = validate_pdf(data, load_trust_roots([TRUST_DIR]))
    assert (report.intact, report.valid, report.trusted) == (True, True, True)
    assert report.pades
    assert report.level == level.value
    assert report.signer == "Ana Popescu"
    assert (report.timestamp is not None) == level.needs_tsa
    assert report.modification_level in ("NONE", "LTA_UPDATES")


@pytest.mark.parametrize("kind", KEYS)
@pytest.mark.parametrize("level", list(Level))
def test_pdfsig_finds_the_digest_valid_and_the_chain_trusted(
    signed_files, nssdir, kind, level
):
    report = pdfsig(signed_files[kind, level], nssdir)
    signer_section = report.split("Signature #2")[0]
    assert "Signer Certificate Common Name: Ana Popescu" in signer_section
    assert "Signature Type: ETSI.CAdES.detached" in signer_section
    assert "Signature Validation: Signature is Valid." in signer_section
    assert "Certificate Validation: Certificate is Trusted." in signer_section
    if level is Level.B_LTA:
        # The document time-stamp is listed second; poppler 22 cannot verify RFC 3161
        # document time-stamps ("Unimplemented Feature"), pyhanko does (test above).
        assert "Signer Certificate Common Name: Marcare temporală de test" in report
        assert "Digest Mismatch" not in report


def test_the_signature_uses_the_pades_subfilter_not_pyhankos_default(signed_files):
    data = signed_files["pkcs12", Level.B_B].read_bytes()
    assert b"/SubFilter /ETSI.CAdES.detached" in data
    assert b"adbe.pkcs7.detached" not in data


def test_a_b_lt_signature_carries_ocsp_and_crls_in_the_dss(signed_files):
    data = signed_files["pkcs11", Level.B_LT].read_bytes()
    assert b"/DSS" in data and b"/OCSPs" in data and b"/CRLs" in data
