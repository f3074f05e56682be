"""Benchmark of PAdES signing on the art. 70 petition (a script, not a test).

The petition is generated once through the documents pipeline (case data -> DOCX ->
PDF/A-2b on LibreOffice); then it is signed ``--count`` times at B-B and at B-LT, with
a PKCS#12 file and with a key on a SoftHSM2 token, against the test PKI served on
loopback (B-LT: an RFC 3161 time-stamp from the local TSA, OCSP and CRLs fetched from
the local responders and embedded in the DSS). One signature at a time, one run.

Each case is measured twice, side by side: "before" signs as the service did before
the signing-speed work (pyhanko's PKCS#12 signer, which re-reads its key at every
signature; ``pades.sign_pdf(shared=False)``: a new validation context, time-stamp
client and TLS context per signature, every OCSP response and CRL fetched anew), and
"after" as it does now (the key loaded once, the profile's shared context, a fresh
revocation cache, so the first signature of a run still fetches everything).

Usage: ``.venv/bin/python bench/bench_signing.py [--count 20]``
"""

import argparse
import logging
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pyhanko.sign import signers  # noqa: E402

from filing_service import adapters, create_app  # noqa: E402
from filing_service.cases.findings import findings  # noqa: E402
from filing_service.cases.schemas import CaseIn  # noqa: E402
from filing_service.clock import today  # noqa: E402
from filing_service.documents.catalog import DOC_TYPES  # noqa: E402
from filing_service.documents.context import build_context  # noqa: E402
from filing_service.documents.converter import ConverterPool, PoolSettings  # noqa: E402
from filing_service.documents.render import render_docx, template_bytes  # noqa: E402
from filing_service.documents.sample import sample_case  # noqa: E402
from filing_service.documents.scratch import scratch_case  # noqa: E402
from filing_service.signing import pades  # noqa: E402
from filing_service.signing.keys import open_signer  # noqa: E402
from filing_service.signing.profiles import Level, parse_key  # noqa: E402
from filing_service.signing.revocation import RevocationCache  # noqa: E402
from filing_service.signing.trust import load_trust_roots  # noqa: E402
from filing_service.signing.validation import validate_pdf  # noqa: E402
from tests.signing.pki import SOFTHSM_MODULE, TRUST_DIR, TestPki, make_softhsm_token  # noqa: E402

DOC = DOC_TYPES["cerere_art70"]
PASSPHRASE = "fraza-de-bench"


def petition_pdf() -> bytes:
    """The art. 70 petition of the documents pipeline's sample case, as PDF/A-2b."""
    app = create_app({"DATABASE_URL": "sqlite://", "TESTING": True})
    with app.app_context():
        on = today()
        template = template_bytes(adapters.current().templates / DOC.template)
        with scratch_case(
            CaseIn.model_validate(sample_case(on)), on, director="Ion Exemplu"
        ) as (session, case):
            found = findings(session, case, on)
            where = case.directorate
            context = build_context(session, case, DOC, "instanta", on, where, found)
            docx = render_docx(template, context)
        pool = ConverterPool(PoolSettings(size=1))
        try:
            pool.start()
            return pool.convert(docx)
        finally:
            pool.close()


@contextmanager
def key_as_before(spec, secret: str):
    """The key as ``keys.open_signer`` opened it before: pyhanko's own PKCS#12 or
    PKCS#11 signer (no CMS parts reused)."""
    if spec.type != "pkcs12":
        from pyhanko.sign.pkcs11 import PKCS11Signer

        with open_signer(spec, lambda _spec: secret) as signer:
            yield PKCS11Signer(
                signer.pkcs11_session, key_label=spec.key_label, other_certs_to_pull=None
            )
        return
    yield signers.SimpleSigner.load_pkcs12_data(
        Path(spec.path).read_bytes(), other_certs=(), passphrase=secret.encode()
    )


def measure(
    pdf: bytes,
    spec,
    secret: str,
    level: Level,
    tsa_url: str,
    count: int,
    roots,
    *,
    after: bool,
) -> tuple[list[float], bytes]:
    """Open the key once (as a signing session would), then sign ``count`` times."""
    times, signed = [], b""
    appearance = pades.Appearance(
        "Mihai Ionescu", "Director executiv", datetime.now(UTC), "Cluj-Napoca"
    )
    cache = RevocationCache()
    pades.clear_profile_contexts()
    opened = open_signer(spec, lambda _spec: secret) if after else key_as_before(spec, secret)
    with opened as signer:
        for _ in range(count):
            started = time.perf_counter()
            signed = pades.sign_pdf(
                pdf,
                signer,
                level=level,
                tsa_url=tsa_url,
                trust_roots=roots,
                appearance=appearance,
                shared=after,
                revocation_cache=cache,
            )
            times.append(time.perf_counter() - started)
    return times, signed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20)
    args = parser.parse_args()

    pdf = petition_pdf()
    # create_app set up INFO logging; keep the figures readable.
    for noisy in ("werkzeug", "fontTools.subset", "pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    roots = load_trust_roots([TRUST_DIR])
    with tempfile.TemporaryDirectory(prefix="bench-signing-") as folder:
        work = Path(folder)
        pki = TestPki(work).start()
        try:
            token = make_softhsm_token(pki, work / "softhsm")
            keys = {
                "PKCS#12": (
                    parse_key(
                        "p12",
                        {
                            "type": "pkcs12",
                            "secret": "S",
                            "path": str(pki.pkcs12("director", PASSPHRASE)),
                        },
                    ),
                    PASSPHRASE,
                ),
                "PKCS#11 (SoftHSM2)": (
                    parse_key(
                        "p11",
                        {
                            "type": "pkcs11",
                            "secret": "S",
                            "module": SOFTHSM_MODULE,
                            "token_label": token.label,
                            "key_label": "director",
                        },
                    ),
                    token.pin,
                ),
            }
            cores = Path("/proc/cpuinfo").read_text().count("processor")
            print(
                f"art. 70 petition ({DOC.template} v{DOC.version}, PDF/A-2b, "
                f"{len(pdf) // 1024} KiB); {args.count} signatures each, one at a time; "
                f"{cores} CPU cores"
            )
            print(f"load average before: {_load()}")
            print(
                f"{'':20} {'':5}  {'before: median':>14} {'sig/s':>6}"
                f"   {'after: median':>13} {'sig/s':>6}  size"
            )
            for key_name, (spec, secret) in keys.items():
                for level in (Level.B_B, Level.B_LT):
                    figures = []
                    for after in (False, True):
                        times, signed = measure(
                            pdf,
                            spec,
                            secret,
                            level,
                            pki.tsa_url,
                            args.count,
                            roots,
                            after=after,
                        )
                        [report] = validate_pdf(signed, roots)
                        assert report.trusted and report.level == level.value
                        figures.append(
                            f"{statistics.median(times) * 1000:11.0f} ms"
                            f" {len(times) / sum(times):6.1f}"
                        )
                    print(
                        f"{key_name:20} {level.value:5}  {figures[0]}   {figures[1]}"
                        f"  +{(len(signed) - len(pdf)) // 1024} KiB"
                    )
            print(f"load average after: {_load()}")
        finally:
            pki.stop()


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


if __name__ == "__main__":
    main()
