"""Trust roots: the certificates a directorate trusts for signatures and time-stamps.

They live as PEM or DER files in folders: ``SIGNATURE_TRUST_DIRS`` (folders separated by
``:``) says which count; by default the package's ``signing/qualified_roots/``, where an
installation puts the qualified CAs of the EU trusted lists it trusts. The test PKI's root
is in the repository's ``signatures/trust/test/``, for the tests only.
"""

from importlib import resources
from pathlib import Path

from asn1crypto import pem, x509

SUFFIXES = {".pem", ".crt", ".cer", ".der"}
QUALIFIED_ROOTS = resources.files(__package__) / "qualified_roots"  # package data


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
        return [
            x509.Certificate.load(der)
            for kind, _, der in pem.unarmor(data, multiple=True)
            if kind == "CERTIFICATE"
        ]
    return [x509.Certificate.load(data)]
