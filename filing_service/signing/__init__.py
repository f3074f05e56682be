"""Qualified PAdES signatures on filings, and validation of signed PDFs that come back.

``profiles`` (plain Python) reads a directorate's signature profile; ``keys`` opens a
PKCS#12 file or a PKCS#11 token; ``pades`` signs with pyhanko; ``validation`` reports on
each signature of a PDF; ``service`` ties them to documents; ``api`` and ``cli`` are the
doors.
"""
import logging
import os

from flask import Flask

from .trust import DEFAULT_DIRS


def init_app(app: Flask) -> None:
    """Settings and the ``sign`` command (``error_handlers`` answers signing errors).

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
