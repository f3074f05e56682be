"""Qualified PAdES signatures on filings, and validation of signed PDFs that come back.

``profiles`` (plain Python) reads a directorate's signature profile; ``keys`` opens a
PKCS#12 file or a PKCS#11 token; ``pades`` signs with pyhanko; ``validation`` reports on
each signature of a PDF; ``service`` ties them to documents; ``api`` and ``cli`` are the
doors.
"""
import logging
import os

from flask import Flask

from ..api.problems import problem
from .keys import SigningKeyError
from .pades import SigningFailed
from .trust import DEFAULT_DIRS
from .validation import ValidationInputError

# A key that cannot be opened because the service lacks its secret or its token is a
# configuration problem (503); a wrong PIN or passphrase is the caller's (422).
_KEY_STATUS = {"secret-gresit": 422, "pin-blocat": 423}


def init_app(app: Flask) -> None:
    """Settings, the ``sign`` command and the mapping of signing errors to problem+json.

    ``SIGNATURE_TRUST_DIRS``: folders of trusted root certificates, ``:``-separated
    (default ``signatures/trust/qualified``); ``SIGNING_SECRETS_FILE``: a JSON file of
    PINs and passphrases by name, for keys whose secret is not in the environment
    (default ``instance/signing-secrets.json``, used only if it exists).
    """
    from .cli import sign_command, signing_demo_command

    env_dirs = os.environ.get("SIGNATURE_TRUST_DIRS")
    app.config.setdefault("SIGNATURE_TRUST_DIRS",
                          env_dirs.split(":") if env_dirs else [str(d) for d in DEFAULT_DIRS])
    app.config.setdefault("SIGNING_SECRETS_FILE", os.environ.get(
        "SIGNING_SECRETS_FILE", os.path.join(app.instance_path, "signing-secrets.json")))
    app.cli.add_command(sign_command)
    app.cli.add_command(signing_demo_command)
    # fontTools reports every table it does not subset (at WARNING); nothing to act on.
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

    @app.errorhandler(SigningKeyError)
    def _key_error(exc: SigningKeyError):
        return problem(_KEY_STATUS.get(exc.code, 503), "Cheia de semnare nu poate fi "
                       "folosită", exc.message, code=exc.code,
                       errors=[{"field": "key", "code": exc.code, "message": exc.message}])

    @app.errorhandler(SigningFailed)
    def _signing_failed(exc: SigningFailed):
        return problem(502 if exc.code != "pdf-invalid" else 422, "Semnarea a eșuat",
                       exc.message, code=exc.code)

    @app.errorhandler(ValidationInputError)
    def _bad_upload(exc: ValidationInputError):
        return problem(exc.status, "Document nevalidabil", exc.message, code=exc.code,
                       errors=[{"field": "file", "code": exc.code, "message": exc.message}])
