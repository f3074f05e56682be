"""Qualified PAdES signatures on filings, and validation of signed PDFs that come back.

``profiles`` (plain Python) reads a directorate's signature profile; ``keys`` opens a
PKCS#12 file or a PKCS#11 token; ``pades`` signs with pyhanko; ``validation`` reports on
each signature of a PDF; ``service`` ties them to documents; ``api`` and ``cli`` are the
doors.
"""
import logging

from flask import Flask

from ..api.problems import problem
from .keys import SigningKeyError
from .pades import SigningFailed
from .validation import ValidationInputError

# A key that cannot be opened because the service lacks its secret or its token is a
# configuration problem (503); a wrong PIN or passphrase is the caller's (422).
_KEY_STATUS = {"secret-gresit": 422, "pin-blocat": 423}


def init_app(app: Flask) -> None:
    """The ``sign`` commands and the mapping of signing errors to problem+json (the
    settings, ``SIGNATURE_TRUST_DIRS`` and ``SIGNING_SECRETS_FILE``, are
    ``config.py``'s)."""
    from .cli import sign_command, signing_demo_command

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
