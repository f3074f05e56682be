"""The test PKI of ``signatures/test-pki/`` served on loopback, and a SoftHSM2 token.

Used by the signing tests and by ``bench/bench_signing.py``. Certomancer's Animator (OCSP,
CRLs, time-stamps) runs under werkzeug's threaded server on a free port of 127.0.0.1; the
certificates are issued with that address in their OCSP and CRL URLs. Nothing leaves
this machine.
"""

import dataclasses
import os
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyhanko.sign.ades.qualified_asn1  # noqa: F401 (registers the qc_statements extension)
from asn1crypto import crl
from certomancer import crypto_utils
from certomancer.integrations.animator import Animator, AnimatorArchStore
from certomancer.registry import CertomancerConfig
from certomancer.registry.issued.general import RevocationStatus
from werkzeug.serving import make_server

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "signatures" / "test-pki" / "certomancer.yml"
TRUST_DIR = REPO / "signatures" / "trust" / "test"
ARCH = "fs-test"
SOFTHSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so"
SIGNERS = {"consilier": "ana.popescu", "director": "mihai.ionescu"}


class _KeysKeptLoaded(crypto_utils.PycaCryptographyBackend):
    """certomancer's signing backend, with each private key parsed once.

    certomancer re-reads the responder's, the CA's or the TSA's key from DER for every
    response it signs, and cryptography checks an RSA key when it loads it (~50 ms
    here): the loopback TSA and OCSP responder then answered slower than a real one
    (which keeps its key in an HSM), and that cost ran in this process, competing with
    the signing being measured. The signatures are the same (PKCS#1 v1.5, as the test
    PKI's keys use); other schemes go to certomancer's own code.
    """

    def __init__(self):
        self._loaded: dict[bytes, object] = {}
        self._lock = threading.Lock()

    def generic_sign(self, private_key, tbs_bytes, sd_algo):
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import padding, rsa

        if sd_algo.signature_algo != "rsassa_pkcs1v15":
            return super().generic_sign(private_key, tbs_bytes, sd_algo)
        der = private_key.dump()
        with self._lock:
            key = self._loaded.get(der)
            if key is None:
                key = self._loaded[der] = serialization.load_der_private_key(der, None)
        assert isinstance(key, rsa.RSAPrivateKey)
        digest = getattr(hashes, sd_algo.hash_algo.upper())()
        return key.sign(tbs_bytes, padding.PKCS1v15(), digest)


class TestPki:
    """The PKI, its services on a free loopback port, and files made from it."""

    __test__ = False  # not a test class, despite the name

    def __init__(self, workdir: Path):
        if not isinstance(crypto_utils.CRYPTO_BACKEND, _KeysKeptLoaded):
            crypto_utils.CRYPTO_BACKEND = _KeysKeptLoaded()
        self.workdir = Path(workdir)
        self._server = make_server("127.0.0.1", 0, lambda e, s: self._app(e, s), threaded=True)
        self.base_url = f"http://127.0.0.1:{self._server.server_port}"
        config = CertomancerConfig.from_file(str(CONFIG), external_url_prefix=self.base_url)
        self.arch = config.get_pki_arch(ARCH)
        self._animator = Animator(AnimatorArchStore({ARCH: self.arch}), with_web_ui=False)
        self._thread: threading.Thread | None = None
        # Called with the path of every request before it is answered (a test's probe).
        self.on_request: Callable[[str], None] | None = None

    def _app(self, environ, start_response):
        if self.on_request is not None:
            self.on_request(environ.get("PATH_INFO", ""))
        return self._animator(environ, start_response)

    @property
    def tsa_url(self) -> str:
        return f"{self.base_url}/{ARCH}/tsa/tsa"

    def start(self) -> "TestPki":
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop answering OCSP, CRL and TSA requests (the port closes)."""
        if self._thread is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._thread = None

    def set_time(self, moment: datetime | None) -> None:
        """Answer OCSP, CRL and TSA requests as at ``moment`` (None: the wall clock)."""
        self._animator.fixed_time = moment

    def revoke(self, label: str, since: datetime) -> None:
        """From ``since`` on, the responder and the CRLs report ``label`` revoked."""
        specs = self.arch._cert_specs  # certomancer has no public setter
        specs[label] = dataclasses.replace(
            specs[label],
            revocation=RevocationStatus(
                revoked_since=since, reason=crl.CRLReason("key_compromise")
            ),
        )

    def cert(self, label: str):
        return self.arch.get_cert(label)

    def root(self):
        return self.cert("root")

    def pkcs12(self, label: str, passphrase: str) -> Path:
        """A PKCS#12 file with the signer's key, certificate and chain."""
        path = self.workdir / f"{label}.p12"
        path.write_bytes(self.arch.package_pkcs12(label, password=passphrase.encode()))
        return path

    def key_pem(self, label: str) -> Path:
        return REPO / "signatures" / "test-pki" / "keys" / f"TEST-ONLY-{label}.key.pem"


@dataclass
class SoftHsmToken:
    """A SoftHSM2 token of this test session, with both signers' keys and certificates."""

    conf: Path
    label: str
    pin: str

    @property
    def env(self) -> dict:
        return {"SOFTHSM2_CONF": str(self.conf)}


def make_softhsm_token(
    pki: TestPki,
    workdir: Path,
    label: str = "DGASPC-CJ-TEST",
    pin: str = "482916",
    so_pin: str = "739182",
) -> SoftHsmToken:
    """Initialise a token in ``workdir`` and import the signers' keys and certificates.

    ``SOFTHSM2_CONF`` must be set in this process before the module is first loaded,
    so it is set here (one token per test session).
    """
    tokens = workdir / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    conf = workdir / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n"
    )
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    os.environ["SOFTHSM2_CONF"] = str(conf)

    def run(*args):
        subprocess.run(
            args,
            env=env,
            check=True,
            capture_output=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )

    run(
        "softhsm2-util",
        "--init-token",
        "--free",
        "--label",
        label,
        "--pin",
        pin,
        "--so-pin",
        so_pin,
    )
    for number, name in enumerate(["consilier", "director", "interm"], start=1):
        key_id = f"{number:02x}"
        if name in SIGNERS:
            run(
                "softhsm2-util",
                "--import",
                str(pki.key_pem(name)),
                "--token",
                label,
                "--label",
                name,
                "--id",
                key_id,
                "--pin",
                pin,
            )
        der = workdir / f"{name}.der"
        der.write_bytes(pki.cert(name).dump())
        run(
            "pkcs11-tool",
            "--module",
            SOFTHSM_MODULE,
            "--token-label",
            label,
            "--login",
            "--pin",
            pin,
            "--write-object",
            str(der),
            "--type",
            "cert",
            "--id",
            key_id,
            "--label",
            name,
        )
    return SoftHsmToken(conf=conf, label=label, pin=pin)


def nss_database(pki: TestPki, workdir: Path) -> str:
    """An NSS database trusting the test root, for ``pdfsig -nssdir``."""
    folder = workdir / "nss"
    folder.mkdir(parents=True, exist_ok=True)
    root = workdir / "root.pem"
    root.write_bytes(_pem(pki.root().dump()))
    subprocess.run(
        ["certutil", "-N", "-d", f"sql:{folder}", "--empty-password"],
        check=True,
        capture_output=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    subprocess.run(
        [
            "certutil",
            "-A",
            "-d",
            f"sql:{folder}",
            "-n",
            "fs-test-root",
            "-t",
            "CT,C,C",
            "-i",
            str(root),
        ],
        check=True,
        capture_output=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    return f"sql:{folder}"


def _pem(der: bytes) -> bytes:
    from asn1crypto import pem

    return pem.armor("CERTIFICATE", der)
