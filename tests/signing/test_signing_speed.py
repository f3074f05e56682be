"""What a signature no longer redoes each time: parsing the PKCS#12 key, subsetting the
stamp's font, building the profile's trust manager and time-stamp client."""

from datetime import timedelta
from io import BytesIO

from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.reader import PdfFileReader

from filing_service.signing import pades
from filing_service.signing.keys import open_signer
from filing_service.signing.profiles import Level
from filing_service.signing.trust import load_trust_roots
from filing_service.signing.validation import validate_pdf
from tests.clock import FIXED_NOW

from .conftest import P12_PASSPHRASE
from .helpers import key_spec
from .pki import TRUST_DIR


def _b_b(pdfa, signer, at):
    return pades.sign_pdf(
        pdfa,
        signer,
        level=Level.B_B,
        tsa_url=None,
        trust_roots=load_trust_roots([TRUST_DIR]),
        appearance=pades.Appearance("Ana Popescu", "Consilier juridic", at, "Cluj-Napoca"),
    )


def test_a_pkcs12_key_is_parsed_once_not_at_every_signature(pdfa, p12_files, monkeypatch):
    spec = key_spec("pkcs12", "consilier", p12_files=p12_files)
    with open_signer(spec, lambda _spec: P12_PASSPHRASE) as signer:
        loads = []
        original = serialization.load_der_private_key

        def counting(*args, **kwargs):
            loads.append(1)
            return original(*args, **kwargs)

        monkeypatch.setattr(serialization, "load_der_private_key", counting)
        signed = [_b_b(pdfa, signer, FIXED_NOW + timedelta(minutes=m)) for m in (0, 1)]
    assert loads == []  # pyhanko's SimpleSigner parses it at every signature
    for data in signed:
        [report] = validate_pdf(data, load_trust_roots([TRUST_DIR]))
        assert (report.intact, report.valid, report.trusted) == (True, True, True)


def test_the_stamp_font_is_subset_once_per_signer_whatever_the_time(pdfa, p12_files):
    pades._subsets.clear()
    spec = key_spec("pkcs12", "consilier", p12_files=p12_files)
    with open_signer(spec, lambda _spec: P12_PASSPHRASE) as signer:
        first = _b_b(pdfa, signer, FIXED_NOW)
        second = _b_b(pdfa, signer, FIXED_NOW + timedelta(hours=3, minutes=47, seconds=9))
    assert len(pades._subsets) == 1  # the digits are always in the set
    assert _font_program(first) == _font_program(second)


def _font_program(data: bytes) -> bytes:
    reader = PdfFileReader(BytesIO(data), strict=False)
    page = reader.root["/Pages"]["/Kids"][-1]
    annotations = [a.get_object() for a in page["/Annots"]]
    widget = next(a for a in annotations if a.get("/FT") == "/Sig")
    fonts = widget["/AP"]["/N"]["/Resources"]["/Font"]
    font = next(iter(fonts.values())).get_object()
    descriptor = font["/DescendantFonts"][0]["/FontDescriptor"]
    return descriptor["/FontFile2"].data


def test_signatures_of_one_profile_share_its_context(pki):
    pades.clear_profile_contexts()
    roots = load_trust_roots([TRUST_DIR])
    first = pades._profile_context(pki.tsa_url, roots)
    assert pades._profile_context(pki.tsa_url, load_trust_roots([TRUST_DIR])) is first
    other = pades._profile_context(pki.tsa_url + "?alt", roots)
    assert other is not first and other.timestamper is not first.timestamper
    assert pades._profile_context(pki.tsa_url, []) is not first  # other trust roots
