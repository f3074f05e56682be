"""Remote signing over the Cloud Signature Consortium API (v1.0.4): the key stays with
the trust service provider, which signs only the hash it is sent.

One signature, three calls, each with its own timeout:

1. ``credentials/info``: the signer's certificate and its chain (pyhanko's
   ``fetch_certs_in_csc_credential``);
2. ``credentials/authorize``: the person's PIN and one-time code (OTP), for one
   signature, bound to the hash about to be signed (``numSignatures`` 1 and ``hash``,
   as a SCAL2 credential requires, and sent for a SCAL1 one as well), just in time:
   pyhanko asks for it once the signed attributes are known;
3. ``signatures/signHash``: pyhanko's ``CSCSigner`` sends the hash and the SAD.

The PIN, the OTP and the SAD go to the service and nowhere else: they are in no log,
no error message and no ``repr``. Every failure is a :class:`RemoteSigningError`
(a ``keys.SigningKeyError``) with a catalogue code and the field at fault: ``pin`` or
``otp`` when the service refuses them, ``key`` when the service cannot be reached or
answers what it should not.
"""

import asyncio
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import aiohttp
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers.csc_signer import (
    CSCAuthorizationInfo,
    CSCAuthorizationManager,
    CSCCredentialInfo,
    CSCServiceSessionInfo,
    CSCSigner,
    fetch_certs_in_csc_credential,
)

from ..errorcodes import Code
from .eventloop import outside_event_loop
from .keys import SigningKeyError
from .profiles import KeySpec

DEFAULT_TIMEOUT = 30.0  # seconds, per call (``CSC_TIMEOUT``)
PIN_MAX = 64
OTP_MAX = 32


@dataclass(frozen=True)
class RemoteAuthorization:
    """What the person typed to authorise one remote signature (never stored)."""

    pin: str = field(repr=False)
    otp: str = field(repr=False)


class RemoteSigningError(SigningKeyError):
    """The remote signing service refused or could not be reached; ``field`` names the
    input at fault (``pin``, ``otp``, else ``key``)."""

    def __init__(self, message: str, *, code: str, field: str = "key"):
        super().__init__(message, code=code)
        self.field = field


@contextmanager
def open_csc_signer(
    spec: KeySpec, authorization: RemoteAuthorization, *, timeout: float = DEFAULT_TIMEOUT
) -> Iterator[CSCSigner]:
    """A pyhanko signer for one signature with the CSC credential of ``spec``.

    Its certificates are read now (``credentials/info``); the authorisation and the
    signature happen while pyhanko signs. Raises :class:`RemoteSigningError`.
    """
    session_info = CSCServiceSessionInfo(
        service_url=spec.service_url or "", credential_id=spec.credential_id or ""
    )
    info = outside_event_loop(asyncio.run, _credential_info(spec, session_info, timeout))
    manager = _OneSignature(spec, session_info, info, authorization, timeout)
    yield _RemoteSigner(manager, timeout)


class _RemoteSigner(CSCSigner):
    """pyhanko's CSC signer, with an HTTP session of its own for the ``signHash`` call
    (made inside the event loop pyhanko runs) and our errors instead of pyhanko's."""

    def __init__(self, manager: "_OneSignature", timeout: float):
        # No session yet: aiohttp binds one to the event loop that uses it.
        super().__init__(
            session=None,  # type: ignore[arg-type]
            auth_manager=manager,
            sign_timeout=_seconds(timeout),
        )
        self.spec = manager.spec
        self.failure: RemoteSigningError | None = None

    async def _do_commit(self, batch) -> None:
        try:
            async with aiohttp.ClientSession() as http:
                self.session = http
                await super()._do_commit(batch)
        except RemoteSigningError as exc:
            self.failure = exc
            raise
        except (SigningError, aiohttp.ClientError, TimeoutError) as exc:
            self.failure = _failure(self.spec, exc)
            raise self.failure from None
        finally:
            self.session = None  # type: ignore[assignment]


class _OneSignature(CSCAuthorizationManager):
    """Authorises exactly one signature, bound to its hash, with what the person typed."""

    def __init__(
        self,
        spec: KeySpec,
        session_info: CSCServiceSessionInfo,
        info: CSCCredentialInfo,
        authorization: RemoteAuthorization,
        timeout: float,
    ):
        super().__init__(session_info, info)
        self.spec = spec
        self._authorization = authorization
        self._timeout = timeout
        self._used = False

    async def authorize_signature(self, hash_b64s: list[str]) -> CSCAuthorizationInfo:
        if self._used or len(hash_b64s) != 1:
            # A one-time code authorises one signature; a second one needs a new code.
            raise RemoteSigningError(
                "Semnătura la distanță a cerut o a doua autorizare; reîncercați cu un cod "
                "unic nou.",
                code=Code.CSC_REFUSED,
                field="otp",
            )
        self._used = True
        body = self.format_csc_auth_request(
            num_signatures=1,
            pin=self._authorization.pin,
            otp=self._authorization.otp,
            hash_b64s=hash_b64s,
            description="Semnătură PAdES – filing_service",
        )
        url = self.csc_session_info.endpoint_url("credentials/authorize")
        try:
            async with (
                aiohttp.ClientSession() as http,
                http.post(
                    url,
                    json=body,
                    headers=self.auth_headers,
                    timeout=aiohttp.ClientTimeout(total=self._timeout),
                ) as response,
            ):
                answer = await _json(response)
                if response.status >= 400:
                    raise _refusal(self.spec, response.status, answer)
        except RemoteSigningError:
            raise
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise _failure(self.spec, exc) from None
        try:
            return self.parse_csc_auth_response(answer)
        except SigningError:
            raise _failure(self.spec, ValueError()) from None


async def _credential_info(
    spec: KeySpec, session_info: CSCServiceSessionInfo, timeout: float
) -> CSCCredentialInfo:
    try:
        async with aiohttp.ClientSession() as http:
            info = await fetch_certs_in_csc_credential(
                http, session_info, timeout=_seconds(timeout)
            )
    except (SigningError, aiohttp.ClientError, TimeoutError) as exc:
        raise _failure(spec, exc) from None
    status = (info.response_data.get("key") or {}).get("status", "enabled")
    if status != "enabled":
        raise RemoteSigningError(
            f"Credențialul cheii la distanță «{spec.name}» este blocat sau dezactivat la "
            f"furnizor.",
            code=Code.CSC_LOCKED,
        )
    return info


async def _json(response: aiohttp.ClientResponse) -> dict:
    try:
        answer = await response.json(content_type=None)
    except (ValueError, aiohttp.ClientError):
        return {}
    return answer if isinstance(answer, dict) else {}


def _refusal(spec: KeySpec, status: int, answer: dict) -> RemoteSigningError:
    """A refusal of ``credentials/authorize``, by the CSC error it names."""
    error = str(answer.get("error") or "").lower()
    if error == "invalid_pin" or (status == 400 and "pin" in error):
        return RemoteSigningError(
            f"PIN-ul cheii la distanță «{spec.name}» este greșit.",
            code=Code.CSC_WRONG_PIN,
            field="pin",
        )
    if error == "invalid_otp" or (status == 400 and "otp" in error):
        return RemoteSigningError(
            "Codul unic (OTP) este greșit, a expirat sau a fost folosit deja; "
            "cereți un cod nou și reîncercați.",
            code=Code.CSC_WRONG_OTP,
            field="otp",
        )
    if error in ("credential_locked", "pin_locked", "locked") or status == 423:
        return RemoteSigningError(
            f"Credențialul cheii la distanță «{spec.name}» este blocat la furnizor.",
            code=Code.CSC_LOCKED,
        )
    if status >= 500:
        return _unavailable(spec)
    return RemoteSigningError(
        f"Serviciul de semnare la distanță al cheii «{spec.name}» a refuzat autorizarea "
        f"(HTTP {status}).",
        code=Code.CSC_REFUSED,
    )


def _failure(spec: KeySpec, exc: BaseException) -> RemoteSigningError:
    """What went wrong talking to the service, said without anything it was sent."""
    cause = exc.__cause__ if isinstance(exc, SigningError) else exc
    if isinstance(cause, aiohttp.ClientResponseError):
        if cause.status >= 500:
            return _unavailable(spec)
        return RemoteSigningError(
            f"Serviciul de semnare la distanță al cheii «{spec.name}» a refuzat cererea "
            f"(HTTP {cause.status}).",
            code=Code.CSC_REFUSED,
        )
    if isinstance(cause, (aiohttp.ClientConnectionError, TimeoutError)):
        return _unavailable(spec)
    return RemoteSigningError(
        f"Serviciul de semnare la distanță al cheii «{spec.name}» a dat un răspuns "
        f"neașteptat.",
        code=Code.CSC_REFUSED,
    )


def _unavailable(spec: KeySpec) -> RemoteSigningError:
    return RemoteSigningError(
        f"Serviciul de semnare la distanță al cheii «{spec.name}» nu răspunde; "
        f"reîncercați mai târziu. Documentul nu a fost semnat.",
        code=Code.CSC_UNAVAILABLE,
    )


def _seconds(timeout: float) -> int:
    """pyhanko takes whole seconds."""
    return max(1, math.ceil(timeout))
