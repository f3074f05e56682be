"""Opening a signer's key: a PKCS#12 file (demo, development) or a PKCS#11 token.

PINs and passphrases come from a ``SecretProvider`` (the environment, a secrets file, or
what the web form asked the person for) and go straight to the key; they are never
logged, stored or repeated in an error message.
"""

import functools
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pyhanko.sign import signers

from ..config import environment_secret
from ..errorcodes import Code
from .cms_parts import ReusingCmsParts
from .profiles import KeySpec

# Given the key about to be opened, answer its PIN or passphrase (or None if unknown).
SecretProvider = Callable[[KeySpec], str | None]


class SigningKeyError(Exception):
    """The key cannot be opened. The message says why in Romanian, without the secret."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


def environment_secrets(secrets_file: str | None = None) -> SecretProvider:
    """Secrets by name: from the environment first, else from a JSON secrets file
    (``{"FS_PIN_DIRECTOR": "..."}``, readable only by the service's user)."""

    def provide(spec: KeySpec) -> str | None:
        value = environment_secret(spec.secret)
        if value is None and secrets_file and Path(secrets_file).is_file():
            value = json.loads(Path(secrets_file).read_text(encoding="utf-8")).get(spec.secret)
        return value

    return provide


def _secret(spec: KeySpec, provider: SecretProvider) -> str:
    value = provider(spec)
    if value is None:
        raise SigningKeyError(
            f"Lipsește PIN-ul sau parola cheii «{spec.name}»: setați variabila de mediu "
            f"{spec.secret} sau intrarea cu acest nume din fișierul de secrete.",
            code=Code.SECRET_MISSING,
        )
    return value


@contextmanager
def open_signer(spec: KeySpec, provider: SecretProvider) -> Iterator[signers.Signer]:
    """The pyhanko signer of ``spec``, open for the duration of the block.

    A PKCS#11 session is logged out and closed when the block ends, even on error. A
    remote key (``csc``) is not opened here: its signer needs what the person typed
    (``signer.PadesSigner`` opens it with ``csc.open_csc_signer``).
    """
    if spec.type == "csc":
        raise SigningKeyError(
            f"Cheia «{spec.name}» este o cheie la distanță (csc): se folosește din pagina "
            f"documentului sau prin API, cu PIN-ul și codul unic ale persoanei.",
            code=Code.CSC_LOCAL_ONLY,
        )
    secret = _secret(spec, provider)
    if spec.type == "pkcs12":
        yield _pkcs12_signer(spec, secret)
    else:
        with _pkcs11_signer(spec, secret) as signer:
            yield signer


def _pkcs12_signer(spec: KeySpec, passphrase: str) -> signers.Signer:
    path = Path(spec.path or "")  # a profile without a path names no file
    if not path.is_file():
        raise SigningKeyError(
            f"Fișierul PKCS#12 al cheii «{spec.name}» nu există.", code=Code.KEY_FILE_MISSING
        )
    try:
        return LoadedKeySigner.from_pkcs12(path.read_bytes(), passphrase.encode("utf-8"))
    except ValueError:
        # cryptography does not distinguish a wrong passphrase from a damaged file.
        raise SigningKeyError(
            f"Fișierul PKCS#12 al cheii «{spec.name}» nu poate fi deschis: parola este "
            f"greșită sau fișierul este deteriorat.",
            code=Code.WRONG_SECRET,
        ) from None


class LoadedKeySigner(ReusingCmsParts, signers.SimpleSigner):
    """pyhanko's ``SimpleSigner`` with the private key loaded once.

    pyhanko's own re-reads the key from DER at every signature, and cryptography checks
    an RSA key when it loads it: ~50 ms each time, more than the rest of a B-B
    signature. This one keeps the key object read from the PKCS#12 (checked then, once)
    for the time the key is open, and signs with it; the key stays in this object
    only, as in pyhanko's. The constant parts of its CMS are serialised once
    (``ReusingCmsParts``).
    """

    def __init__(self, private_key, **kwargs):
        super().__init__(**kwargs)
        self._private_key = private_key

    @classmethod
    def from_pkcs12(cls, data: bytes, passphrase: bytes) -> "LoadedKeySigner":
        """Raises ``ValueError`` for a wrong passphrase or a damaged file."""
        from cryptography.hazmat.primitives.serialization import pkcs12
        from pyhanko.keys.internal import (
            translate_pyca_cryptography_cert_to_asn1,
            translate_pyca_cryptography_key_to_asn1,
        )
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        try:
            key, cert, others = pkcs12.load_key_and_certificates(data, passphrase)
        except Exception as exc:
            raise ValueError("PKCS#12 data cannot be read") from exc
        if key is None or cert is None:
            raise ValueError("PKCS#12 data without a key and its certificate")
        store = SimpleCertificateStore()
        store.register_multiple([translate_pyca_cryptography_cert_to_asn1(c) for c in others])
        return cls(
            key,
            signing_cert=translate_pyca_cryptography_cert_to_asn1(cert),
            signing_key=translate_pyca_cryptography_key_to_asn1(key),
            cert_registry=store,
        )

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        from cryptography.hazmat.primitives.asymmetric.ec import ECDSA, EllipticCurvePrivateKey
        from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
        from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
        from pyhanko_certvalidator.util import get_pyca_cryptography_hash, process_pss_params

        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
        try:
            name = mechanism.signature_algo
        except ValueError:
            name = mechanism["algorithm"].native
        key = self._private_key
        if isinstance(key, RSAPrivateKey) and name == "rsassa_pkcs1v15":
            return key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))
        if isinstance(key, RSAPrivateKey) and name == "rsassa_pss":
            padding, hash_algo = process_pss_params(mechanism["parameters"])
            return key.sign(data, padding, hash_algo)
        if isinstance(key, EllipticCurvePrivateKey) and name == "ecdsa":
            return key.sign(data, ECDSA(get_pyca_cryptography_hash(digest_algorithm)))
        return super().sign_raw(data, digest_algorithm)  # other mechanisms: pyhanko's way


@functools.cache
def _token_signer_class() -> type:
    from pyhanko.sign import pkcs11 as ph11

    class TokenSigner(ReusingCmsParts, ph11.PKCS11Signer):
        """pyhanko's PKCS#11 signer; the constant parts of its CMS serialised once."""

    return TokenSigner


@contextmanager
def _pkcs11_signer(spec: KeySpec, pin: str) -> Iterator[signers.Signer]:
    # Imported here: python-pkcs11 loads native code, and only this path needs it.
    from pkcs11 import exceptions as p11
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign import pkcs11 as ph11

    try:
        session = ph11.open_pkcs11_session(
            spec.module or "",
            token_criteria=TokenCriteria(label=spec.token_label),
            user_pin=pin,
        )
    except (p11.PinIncorrect, p11.PinInvalid, p11.PinLenRange):
        raise SigningKeyError(
            f"PIN greșit pentru tokenul cheii «{spec.name}».", code=Code.WRONG_SECRET
        ) from None
    except p11.PinLocked:
        raise SigningKeyError(
            f"PIN-ul tokenului cheii «{spec.name}» este blocat.", code=Code.PIN_LOCKED
        ) from None
    except (OSError, RuntimeError, p11.PKCS11Error) as exc:
        raise SigningKeyError(
            f"Tokenul PKCS#11 al cheii «{spec.name}» nu poate fi deschis "
            f"({type(exc).__name__}).",
            code=Code.TOKEN_UNAVAILABLE,
        ) from None
    except Exception as exc:  # pyhanko's own "no token with that label"
        raise SigningKeyError(
            f"Tokenul PKCS#11 «{spec.token_label}» nu a fost găsit ({type(exc).__name__}).",
            code=Code.TOKEN_UNAVAILABLE,
        ) from None
    try:
        token_signer = _token_signer_class()
        yield token_signer(session, key_label=spec.key_label, other_certs_to_pull=None)
    finally:
        session.close()
