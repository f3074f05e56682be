"""Signing and validating work from a thread that already runs an event loop (an async
server worker; Playwright's sync API in this very test session): pyhanko's synchronous
API would otherwise refuse to start its own loop there."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from filing_service.signing.profiles import Level
from filing_service.signing.trust import load_trust_roots
from filing_service.signing.validation import validate_pdf

from .helpers import key_spec, secret_for, sign
from .pki import TRUST_DIR


def test_signing_and_validating_inside_a_running_event_loop(pdfa, pki, token):
    spec = key_spec("pkcs11", "director", token=token)

    async def inside_a_loop():
        signed = sign(
            pdfa,
            spec,
            Level.B_LT,
            pki.tsa_url,
            secret=secret_for("pkcs11", token),
            signer="director",
        )
        return validate_pdf(signed, load_trust_roots([TRUST_DIR]))

    # A thread of its own: this session's main thread may already run Playwright's loop.
    with ThreadPoolExecutor(max_workers=1) as thread:
        [report] = thread.submit(asyncio.run, inside_a_loop()).result()
    assert (report.valid, report.trusted, report.level) == (True, True, "B-LT")
