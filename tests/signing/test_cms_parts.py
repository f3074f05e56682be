"""The constant parts of a signer's CMS are serialised once per signer, never shared."""

import asyncio
from datetime import timedelta
from io import BytesIO

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import attributes, signers
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

from filing_service.signing import pades
from filing_service.signing.keys import open_signer
from filing_service.signing.profiles import Level
from filing_service.signing.trust import load_trust_roots
from filing_service.signing.validation import validate_pdf
from tests.clock import FIXED_NOW

from .helpers import NAMES, key_spec, secret_for
from .pki import TRUST_DIR


def _b_b(data, signer, who, at):
    name, role = NAMES[who]
    return pades.sign_pdf(
        data,
        signer,
        level=Level.B_B,
        tsa_url=None,
        trust_roots=load_trust_roots([TRUST_DIR]),
        appearance=pades.Appearance(name, role, at, "Cluj-Napoca"),
    )


@pytest.mark.parametrize("kind", ["pkcs12", "pkcs11"])
def test_two_signers_in_a_row_each_put_their_own_certificate_in_the_cms(
    pdfa, p12_files, token, kind
):
    data = pdfa
    for minute, who in enumerate(["consilier", "director", "consilier", "director"]):
        spec = key_spec(kind, who, p12_files=p12_files, token=token)
        with open_signer(spec, lambda _spec: secret_for(kind, token)) as signer:
            data = _b_b(data, signer, who, FIXED_NOW + timedelta(minutes=minute))
            data = _b_b(data, signer, who, FIXED_NOW + timedelta(minutes=minute, seconds=30))
            # the second signature of this signer was joined from its reused parts
            assert [v for v in signer._reused_cms_parts.values() if v] != []
            own = signer.signing_cert.sha256
    reader = PdfFileReader(BytesIO(data))
    expected = ["consilier", "consilier", "director", "director"] * 2
    certs = []
    for embedded, who in zip(reader.embedded_signatures, expected, strict=True):
        cert = embedded.signer_cert
        info = embedded.signer_info
        sid = info["sid"].chosen
        assert sid["issuer"] == cert.issuer
        assert sid["serial_number"].native == cert.serial_number
        assert NAMES[who][0] in cert.subject.human_friendly
        in_set = [c.chosen.sha256 for c in embedded.signed_data["certificates"]]
        assert cert.sha256 in in_set
        certs.append(cert.sha256)
    assert certs[-1] == own
    assert len(set(certs)) == 2
    reports = validate_pdf(data, load_trust_roots([TRUST_DIR]))
    assert [r.signer for r in reports] == [NAMES[who][0] for who in expected]
    assert all((r.intact, r.valid, r.trusted) == (True, True, True) for r in reports)


def test_the_signing_certificate_attribute_is_made_once_per_signer(
    pdfa, p12_files, token, monkeypatch
):
    made = []
    original = attributes.as_signing_certificate_v2

    def counting(cert):
        made.append(cert.sha256)
        return original(cert)

    monkeypatch.setattr(attributes, "as_signing_certificate_v2", counting)
    data = pdfa
    for who in ("consilier", "director"):
        spec = key_spec("pkcs12", who, p12_files=p12_files)
        with open_signer(spec, lambda _spec: secret_for("pkcs12", token)) as signer:
            for minute in range(3):
                data = _b_b(data, signer, who, FIXED_NOW + timedelta(minutes=minute))
    assert len(made) == 2 and made[0] != made[1]  # once per signer, each its own
    reports = validate_pdf(data, load_trust_roots([TRUST_DIR]))
    assert len(reports) == 6
    assert all((r.intact, r.valid, r.trusted) == (True, True, True) for r in reports)


def test_the_joined_cms_is_byte_for_byte_pyhankos(p12_files, token):
    asyncio.run(_compare(p12_files, token))


async def _compare(p12_files, token):
    spec = key_spec("pkcs12", "director", p12_files=p12_files)
    with open_signer(spec, lambda _spec: secret_for("pkcs12", token)) as ours:
        plain = signers.SimpleSigner(
            signing_cert=ours.signing_cert,
            signing_key=ours.signing_key,
            cert_registry=ours.cert_registry,
        )
        settings = PdfCMSSignedAttributes()
        for digest in (bytes(32), bytes(range(32)), b"\xff" * 32):
            kwargs = dict(use_pades=True, signed_attr_settings=settings)
            mine = await ours.async_sign(digest, "sha256", **kwargs)
            theirs = await plain.async_sign(digest, "sha256", **kwargs)
            assert mine.dump() == theirs.dump()  # RSA PKCS#1 v1.5: deterministic
        assert all(ours._reused_cms_parts.values())  # and they came from the parts
