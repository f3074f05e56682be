"""A signed file changed by one byte is broken for pyhanko and for pdfsig alike; a B-LT
file validates offline, from the data it carries, with the PKI's servers stopped."""

import socket
from io import BytesIO

from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from filing_service.signing.eventloop import outside_event_loop
from filing_service.signing.profiles import Level
from filing_service.signing.trust import load_trust_roots
from filing_service.signing.validation import validate_pdf

from .conftest import P12_PASSPHRASE, pdfsig
from .helpers import key_spec, sign
from .pki import TRUST_DIR, TestPki


def one_byte_changed(data: bytes) -> bytes:
    """Change one byte inside the signed range: a digit of the page's MediaBox."""
    at = data.index(b"/MediaBox") + len(b"/MediaBox [0 0 ")
    assert data[at : at + 1].isdigit()
    changed = bytearray(data)
    changed[at] = ord("5") if data[at : at + 1] != b"5" else ord("6")
    return bytes(changed)


def test_one_changed_byte_breaks_the_signature_for_pyhanko(pdfa, pki, p12_files):
    signed = sign(
        pdfa,
        key_spec("pkcs12", "consilier", p12_files=p12_files),
        Level.B_B,
        pki.tsa_url,
        secret=P12_PASSPHRASE,
    )
    [report] = validate_pdf(one_byte_changed(signed), load_trust_roots([TRUST_DIR]))
    assert report.intact is False
    assert report.valid is False
    assert "modificat" in report.summary


def test_one_changed_byte_breaks_the_signature_for_pdfsig(
    pdfa, pki, p12_files, nssdir, tmp_path
):
    signed = sign(
        pdfa,
        key_spec("pkcs12", "consilier", p12_files=p12_files),
        Level.B_B,
        pki.tsa_url,
        secret=P12_PASSPHRASE,
    )
    good, bad = tmp_path / "semnat.pdf", tmp_path / "modificat.pdf"
    good.write_bytes(signed)
    bad.write_bytes(one_byte_changed(signed))
    assert "Signature Validation: Signature is Valid." in pdfsig(good, nssdir)
    report = pdfsig(bad, nssdir)
    assert "Signature Validation: Digest Mismatch." in report
    assert "Signature is Valid" not in report


def test_a_b_lt_file_validates_with_fetching_disabled_and_the_servers_stopped(pdfa, tmp_path):
    own_pki = TestPki(tmp_path).start()  # its own port, so stopping it harms no other test
    spec = key_spec(
        "pkcs12",
        "director",
        p12_files={"director": own_pki.pkcs12("director", P12_PASSPHRASE)},
    )
    signed = sign(
        pdfa, spec, Level.B_LT, own_pki.tsa_url, secret=P12_PASSPHRASE, signer="director"
    )
    port = int(own_pki.base_url.rsplit(":", 1)[1])
    own_pki.stop()
    with socket.socket() as probe:  # nothing answers OCSP, CRL or TSA requests any more
        assert probe.connect_ex(("127.0.0.1", port)) != 0

    [report] = validate_pdf(signed, load_trust_roots([TRUST_DIR]), allow_fetching=False)
    assert (report.intact, report.valid, report.trusted) == (True, True, True)
    assert report.level == "B-LT"
    assert report.signer == "Mihai Ionescu"


def test_without_the_dss_the_same_signature_cannot_be_trusted_offline(pdfa, tmp_path):
    """The counter-check of the test above: B-T carries no revocation data, so with
    revocation required and nothing to fetch, the chain is not accepted."""
    own_pki = TestPki(tmp_path).start()
    spec = key_spec(
        "pkcs12",
        "director",
        p12_files={"director": own_pki.pkcs12("director", P12_PASSPHRASE)},
    )
    signed = sign(
        pdfa, spec, Level.B_T, own_pki.tsa_url, secret=P12_PASSPHRASE, signer="director"
    )
    own_pki.stop()
    sig = PdfFileReader(BytesIO(signed)).embedded_signatures[0]
    context = ValidationContext(
        trust_roots=load_trust_roots([TRUST_DIR]),
        allow_fetching=False,
        revocation_mode="hard-fail",
        crls=[],
        ocsps=[],
    )
    status = outside_event_loop(validate_pdf_signature, sig, context)
    assert status.trusted is False
