"""The signing adapter: pyhanko behind one call, so the signing service can be handed a
fake in a unit test.

:class:`PadesSigner` is built once per app (``bootstrap``) from ``SIGNATURE_TRUST_DIRS``
and ``SIGNING_SECRETS_FILE``. It opens the key (``keys.open_signer``), signs (``pades``,
with the time-stamp authority and OCSP on the network) and answers the signing
certificate; it touches no database.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from asn1crypto import x509

from . import pades
from .keys import SecretProvider, environment_secrets, open_signer
from .profiles import KeySpec, Level
from .trust import load_trust_roots
from .trusted_lists import SnapshotCache, TrustedLists


@dataclass(frozen=True)
class Signed:
    """A signed PDF and the certificate that signed it."""

    pdf: bytes
    certificate: x509.Certificate


@dataclass(frozen=True)
class PadesSigner:
    """PAdES signatures with the keys of the signature profiles."""

    trust_dirs: Sequence[str]
    secrets_file: str | None = None
    snapshot: SnapshotCache | None = None  # the EU trusted lists (``TRUSTED_LISTS_DIR``)

    def trust_roots(self) -> list[x509.Certificate]:
        """The trust roots of ``trust_dirs`` (read at each call: a folder may change)."""
        return load_trust_roots(self.trust_dirs)

    def trusted_lists(self) -> TrustedLists | None:
        """The verified trusted-lists snapshot in use, if there is one (read from disk
        once per process and snapshot, never fetched)."""
        return self.snapshot.get() if self.snapshot is not None else None

    def secrets(self) -> SecretProvider:
        """The server's own secrets: the environment, then ``secrets_file``."""
        return environment_secrets(self.secrets_file)

    def sign(
        self,
        data: bytes,
        key: KeySpec,
        secrets: SecretProvider,
        *,
        level: Level,
        tsa_url: str | None,
        appearance: pades.Appearance,
    ) -> Signed:
        """``data`` with one more signature by ``key``; raises ``keys.SigningKeyError``,
        ``pades.SigningFailed``."""
        with open_signer(key, secrets) as signer:
            signed = pades.sign_pdf(
                data,
                signer,
                level=level,
                tsa_url=tsa_url,
                trust_roots=self.trust_roots(),
                appearance=appearance,
            )
            return Signed(signed, signer.signing_cert)
