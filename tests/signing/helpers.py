"""Signing a PDF in tests through the same adapters the service uses."""

from filing_service.signing import pades
from filing_service.signing.keys import open_signer
from filing_service.signing.profiles import Level, parse_key
from filing_service.signing.trust import load_trust_roots
from tests.clock import FIXED_NOW

from .conftest import P12_PASSPHRASE
from .pki import SOFTHSM_MODULE, TRUST_DIR

NAMES = {
    "consilier": ("Ana Popescu", "Consilier juridic"),
    "director": ("Mihai Ionescu", "Director executiv"),
}


def key_spec(kind: str, signer: str, *, p12_files=None, token=None):
    """The key of ``signer`` ("consilier" or "director") as a PKCS#12 file or on the token."""
    if kind == "pkcs12":
        return parse_key(
            signer, {"type": "pkcs12", "path": str(p12_files[signer]), "secret": "P12"}
        )
    return parse_key(
        signer,
        {
            "type": "pkcs11",
            "module": SOFTHSM_MODULE,
            "token_label": token.label,
            "key_label": signer,
            "secret": "PIN",
        },
    )


def sign(
    data: bytes, spec, level: Level, tsa_url: str, *, secret: str, signer: str = "consilier"
) -> bytes:
    """Sign ``data`` with ``spec`` at ``level``, trusting the test root."""
    name, role = NAMES[signer]
    with open_signer(spec, lambda _spec: secret) as key:
        return pades.sign_pdf(
            data,
            key,
            level=level,
            tsa_url=tsa_url,
            trust_roots=load_trust_roots([TRUST_DIR]),
            appearance=pades.Appearance(name, role, FIXED_NOW, "Cluj-Napoca"),
        )


def secret_for(kind: str, token) -> str:
    return P12_PASSPHRASE if kind == "pkcs12" else token.pin
