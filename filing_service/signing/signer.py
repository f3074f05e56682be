"""The signing adapter: pyhanko behind one call, so the signing service can be handed a
fake in a unit test.

:class:`PadesSigner` is built once per app (``bootstrap``) from ``SIGNATURE_TRUST_DIRS``
and ``SIGNING_SECRETS_FILE``. It opens the key (``keys.open_signer``), signs (``pades``,
with the time-stamp authority and OCSP on the network) and answers the signing
certificate; it touches no database. A remote key (``csc``) is opened by ``csc``
with what the person typed (``authorization``), within ``CSC_TIMEOUT`` per call.
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from asn1crypto import x509
from pyhanko.sign import signers

from ..errorcodes import Code
from . import csc, pades
from .keys import SecretProvider, SigningKeyError, environment_secrets, open_signer
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
    csc_timeout: float = csc.DEFAULT_TIMEOUT

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
        authorization: csc.RemoteAuthorization | None = None,
    ) -> Signed:
        """``data`` with one more signature by ``key``; raises ``keys.SigningKeyError``
        (``csc.RemoteSigningError`` for a remote key), ``pades.SigningFailed``.

        ``authorization`` (the PIN and OTP typed) is for a remote key, and only for it.
        """
        with self._open(key, secrets, authorization) as signer:
            try:
                signed = pades.sign_pdf(
                    data,
                    signer,
                    level=level,
                    tsa_url=tsa_url,
                    trust_roots=self.trust_roots(),
                    appearance=appearance,
                )
            except pades.SigningFailed:
                # pades says "signing failed"; the remote service's own refusal says why.
                failure = getattr(signer, "failure", None)
                if failure is not None:
                    raise failure from None
                raise
            return Signed(signed, signer.signing_cert)

    @contextmanager
    def _open(
        self,
        key: KeySpec,
        secrets: SecretProvider,
        authorization: csc.RemoteAuthorization | None,
    ) -> Iterator[signers.Signer]:
        if not key.remote:
            with open_signer(key, secrets) as signer:
                yield signer
            return
        if authorization is None:
            raise SigningKeyError(
                f"Cheia la distanță «{key.name}» cere PIN-ul și codul unic (OTP) al "
                f"persoanei care semnează.",
                code=Code.CSC_LOCAL_ONLY,
            )
        with csc.open_csc_signer(key, authorization, timeout=self.csc_timeout) as signer:
            yield signer
