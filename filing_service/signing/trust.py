"""Trust roots: the certificates a directorate trusts for signatures and time-stamps.

They live as PEM or DER files in folders under ``signatures/trust/`` (``test/`` holds the
test PKI's root; ``qualified/`` the qualified CAs of the EU trusted lists that production
trusts). ``SIGNATURE_TRUST_DIRS`` (folders separated by ``:``) says which folders count.
"""
from pathlib import Path

from asn1crypto import pem, x509

SUFFIXES = {".pem", ".crt", ".cer", ".der"}
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DIRS = (REPO_ROOT / "signatures" / "trust" / "qualified",)


def load_trust_roots(dirs) -> list[x509.Certificate]:
    """Every certificate in the given folders (missing folders count as empty)."""
    roots = []
    for folder in dirs:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in SUFFIXES:
                roots.extend(read_certificates(path.read_bytes()))
    return roots


def read_certificates(data: bytes) -> list[x509.Certificate]:
    """All certificates of a PEM bundle, or the one certificate of a DER file."""
    if pem.detect(data):
        return [x509.Certificate.load(der) for kind, _, der in pem.unarmor(data, multiple=True)
                if kind == "CERTIFICATE"]
    return [x509.Certificate.load(data)]
