"""A remote signing service on loopback speaking the Cloud Signature Consortium API v1:
a small WSGI app in a thread on a free port of 127.0.0.1, signing with the test PKI's keys.

- ``credentials/list``: the credential ids;
- ``credentials/info``: the key's algorithms, the signer's certificate and its chain
  (signer first), SCAL 2 (the SAD must be bound to the hashes);
- ``credentials/authorize``: checks the PIN and a one-time code, which the test asks of
  :meth:`CscServer.new_otp` and which is consumed at its first use, right or wrong; the
  SAD answered is good for ``numSignatures`` signatures of exactly the hashes given;
- ``signatures/signHash``: checks the SAD and that each hash is an authorised one, then
  signs the hash (RSA PKCS#1 v1.5, or ECDSA for an EC key).

Every request is kept in :attr:`CscServer.requests` (path and JSON body), so a test can
assert what was sent: only a hash, never the PDF.
"""

import base64
import json
import secrets
import threading
from dataclasses import dataclass, field

from asn1crypto import algos
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils
from werkzeug.serving import make_server

from .pki import TestPki

PREFIX = "/csc/v1/"
HASHES = {
    algos.DigestAlgorithmId("sha256").dotted: hashes.SHA256(),
    algos.DigestAlgorithmId("sha384").dotted: hashes.SHA384(),
    algos.DigestAlgorithmId("sha512").dotted: hashes.SHA512(),
}


@dataclass
class Credential:
    """One signer's key at the service, with its PIN."""

    label: str  # the test PKI's name of the key and certificate
    pin: str
    enabled: bool = True


@dataclass
class _Sad:
    credential_id: str
    hashes: set[str]
    remaining: int


@dataclass
class CscServer:
    """The service; ``start()`` serves it, ``url`` is what a profile's ``service_url``
    names (the part before ``/csc/v1/``)."""

    pki: TestPki
    credentials: dict[str, Credential] = field(default_factory=dict)
    requests: list[tuple[str, dict]] = field(default_factory=list)
    # A status to answer every request with (a service that fails), or None.
    fail_with: int | None = None

    def __post_init__(self):
        self._otps: set[str] = set()
        self._sads: dict[str, _Sad] = {}
        self._lock = threading.Lock()
        self._server = make_server("127.0.0.1", 0, self._app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread: threading.Thread | None = None

    def start(self) -> "CscServer":
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._thread = None

    def new_otp(self) -> str:
        """A one-time code, as the provider would send it by SMS (good for one use)."""
        code = f"{secrets.randbelow(10**6):06d}"
        with self._lock:
            self._otps.add(code)
        return code

    def calls(self, endpoint: str) -> list[dict]:
        return [body for path, body in self.requests if path == PREFIX + endpoint]

    # The WSGI app.

    def _app(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        length = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = {"_raw_length": len(raw)}
        self.requests.append((path, body))
        if self.fail_with is not None:
            status, answer = self.fail_with, {"error": "server_error"}
        else:
            handler = (
                {
                    "credentials/list": self._list,
                    "credentials/info": self._info,
                    "credentials/authorize": self._authorize,
                    "signatures/signHash": self._sign_hash,
                }.get(path.removeprefix(PREFIX))
                if path.startswith(PREFIX)
                else None
            )
            if handler is None or environ["REQUEST_METHOD"] != "POST":
                status, answer = 404, {"error": "invalid_request"}
            else:
                status, answer = handler(body)
        data = json.dumps(answer).encode()
        start_response(
            f"{status} {'OK' if status == 200 else 'Error'}",
            [("Content-Type", "application/json"), ("Content-Length", str(len(data)))],
        )
        return [data]

    def _credential(self, body) -> tuple[str, Credential] | None:
        credential_id = body.get("credentialID")
        found = self.credentials.get(credential_id) if isinstance(credential_id, str) else None
        return (credential_id, found) if found else None

    def _list(self, body):
        return 200, {"credentialIDs": sorted(self.credentials)}

    def _info(self, body):
        found = self._credential(body)
        if found is None:
            return 400, _error("invalid_request", "Invalid parameter credentialID")
        _, credential = found
        key = self._key(credential)
        algo = (
            algos.SignedDigestAlgorithmId("sha256_rsa").dotted
            if isinstance(key, rsa.RSAPrivateKey)
            else algos.SignedDigestAlgorithmId("sha256_ecdsa").dotted
        )
        chain = [self.pki.cert(credential.label), self.pki.cert("interm"), self.pki.root()]
        return 200, {
            "key": {
                "status": "enabled" if credential.enabled else "disabled",
                "algo": [algo],
                "len": key.key_size,
            },
            "cert": {
                "status": "valid",
                "certificates": [base64.b64encode(c.dump()).decode() for c in chain],
            },
            "authMode": "explicit",
            "SCAL": "2",
            "PIN": {"presence": "true", "format": "A", "label": "PIN"},
            "OTP": {"presence": "true", "type": "offline", "format": "N"},
            "multisign": 1,
        }

    def _authorize(self, body):
        found = self._credential(body)
        if found is None:
            return 400, _error("invalid_request", "Invalid parameter credentialID")
        credential_id, credential = found
        hashes_given = body.get("hash")
        count = body.get("numSignatures")
        if (
            not isinstance(hashes_given, list)
            or not hashes_given
            or not isinstance(count, int)
            or count != len(hashes_given)
        ):  # SCAL 2: the hashes are part of the authorisation
            return 400, _error("invalid_request", "Missing parameter hash")
        otp = body.get("OTP")
        with self._lock:
            fresh = isinstance(otp, str) and otp in self._otps
            self._otps.discard(otp)  # consumed at its first use, right or wrong
        if body.get("PIN") != credential.pin:
            return 400, _error("invalid_pin", "The PIN is invalid")
        if not fresh:
            return 400, _error("invalid_otp", "The OTP is invalid")
        sad = secrets.token_urlsafe(24)
        with self._lock:
            self._sads[sad] = _Sad(credential_id, set(hashes_given), count)
        return 200, {"SAD": sad, "expiresIn": 300}

    def _sign_hash(self, body):
        found = self._credential(body)
        if found is None:
            return 400, _error("invalid_request", "Invalid parameter credentialID")
        credential_id, credential = found
        given = body.get("hash")
        with self._lock:
            sad = self._sads.get(body.get("SAD"))
            if (
                sad is None
                or sad.credential_id != credential_id
                or not isinstance(given, list)
                or not given
                or len(given) > sad.remaining
                or not set(given) <= sad.hashes
            ):
                return 400, _error("invalid_request", "Invalid parameter SAD")
            sad.remaining -= len(given)
            sad.hashes -= set(given)
            if sad.remaining == 0:
                del self._sads[body["SAD"]]
        digest = HASHES.get(body.get("hashAlgo"))
        if digest is None:
            return 400, _error("invalid_request", "Invalid parameter hashAlgo")
        key = self._key(credential)
        signatures = []
        for value in given:
            raw = base64.b64decode(value)
            if len(raw) != digest.digest_size:
                return 400, _error("invalid_request", "Invalid digest value length")
            if isinstance(key, rsa.RSAPrivateKey):
                signature = key.sign(raw, padding.PKCS1v15(), utils.Prehashed(digest))
            else:
                signature = key.sign(raw, ec.ECDSA(utils.Prehashed(digest)))
            signatures.append(base64.b64encode(signature).decode())
        return 200, {"signatures": signatures}

    def _key(self, credential: Credential):
        return serialization.load_pem_private_key(
            self.pki.key_pem(credential.label).read_bytes(), password=None
        )


def _error(error: str, description: str) -> dict:
    return {"error": error, "error_description": description}
