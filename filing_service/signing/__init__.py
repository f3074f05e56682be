"""Qualified PAdES signatures on filings, and validation of signed PDFs that come back.

``profiles`` (plain Python) reads a directorate's signature profile; ``keys`` opens a
PKCS#12 file or a PKCS#11 token; ``pades`` signs with pyhanko; ``validation`` reports on
each signature of a PDF; ``service`` ties them to documents; ``api`` and ``cli`` are the
doors.
"""

import logging

from flask import Flask


def init_app(app: Flask) -> None:
    """The ``sign`` commands (``error_handlers`` answers signing errors; the settings,
    ``SIGNATURE_TRUST_DIRS`` and ``SIGNING_SECRETS_FILE``, are ``config.py``'s)."""
    from .cli import sign_command, signatures_cli, signing_demo_command

    app.cli.add_command(sign_command)
    app.cli.add_command(signing_demo_command)
    app.cli.add_command(signatures_cli)
    # fontTools reports every table it does not subset (at WARNING); nothing to act on.
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
