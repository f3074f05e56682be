"""Benchmark: building, checking and sending court filings, and reading the portal.

1. Check and freeze: a package of a petition, the art. 139 report and eight signed
   annexes (each about 1 MiB) goes through the pre-submission check (every signature
   validated by the signing capability, chain of trust included) and is frozen with its
   manifest.
2. Send: the frozen package is delivered to a loopback SMTP server (aiosmtpd), split
   under a 4 MiB per-message limit.
3. Portal: ``CautareDosare2`` answered by a loopback SOAP server from a recording,
   parsed by zeep and checked, 200 times.

Usage: ``.venv/bin/python bench/bench_filings.py``; prints its figures.
"""

import logging
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from filing_service import create_app, migrate
from filing_service.auth.actor import Actor
from filing_service.auth.tokens import issue_token
from filing_service.db import unit_of_work
from filing_service.filings import courts
from filing_service.filings.portal import PortalClient
from filing_service.models import Directorate
from tests.filings.conftest import FILED_ON, fictional_case
from tests.filings.pdfs import certificate_pem, signed_pdf
from tests.filings.portal_server import PortalServer
from tests.filings.smtp_sink import SmtpSink

ANNEXES = 8
PADDING = 1024 * 1024


def timed(label: str, work, count: int = 1):
    """Run ``work`` and print wall-clock and CPU seconds (the machine may be shared)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = work()
    wall, used = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"{label}: {wall:.2f} s wall, {used:.2f} s CPU"
        + (f", {count / wall:.1f}/s" if count > 1 else "")
    )
    return result


def main() -> None:
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's per-command log
    folder = Path(tempfile.mkdtemp(prefix="bench-filings-"))
    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    migrate.upgrade(url)
    trust = folder / "trust"
    trust.mkdir()
    (trust / "semnatar-test.pem").write_bytes(certificate_pem())
    smtp, portal = SmtpSink().start(), PortalServer().start()
    app = create_app(
        {
            "DATABASE_URL": url,
            "SECRET_KEY": "bench",
            "TESTING": True,
            "STORAGE_DIR": str(folder / "storage"),
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": smtp.port,
            "SMTP_SECURITY": "none",
            "FILING_ALLOW_UNVERIFIED_EMAIL": True,
            "FIXED_NOW": FILED_ON,
            "MAX_CONTENT_LENGTH": 64 * 1024 * 1024,
            "SIGNATURE_TRUST_DIRS": [str(trust)],
        }
    )
    try:
        with app.app_context(), unit_of_work() as uow:
            cluj = uow.session.scalar(select(Directorate).where(Directorate.code == "CJ"))
            token = issue_token(uow.session, cluj.id, "bench").token
            uow.commit()
            admin = Actor("user", 1, "admin", cluj.id, "administrator")
            court = courts.court_by_name(uow.session, admin, "Tribunalul Cluj")
            courts.update_court(
                uow,
                admin,
                court.id,
                {"max_message_bytes": 4 * 1024 * 1024, "one_message_per_case": False},
            )
        auth = {"Authorization": f"Bearer {token}"}
        client = app.test_client()
        case = client.post("/api/v1/cases", json=fictional_case(), headers=auth).get_json()
        filing = client.post(
            f"/api/v1/cases/{case['id']}/filings",
            headers=auth,
            json={"object": "Înlocuirea plasamentului", "legal_basis": "art. 70"},
        ).get_json()
        files = [("cerere", signed_pdf("Cerere")), ("raport_art139", signed_pdf("Raport"))]
        files += [
            ("inscris", signed_pdf(f"Anexa {i}", padding=PADDING)) for i in range(ANNEXES)
        ]
        total = sum(len(data) for _, data in files)
        for role, data in files:
            client.post(
                f"/api/v1/filings/{filing['id']}/documents/{role}",
                data=data,
                content_type="application/pdf",
                headers=auth,
            )
        print(f"package: {len(files)} signed PDFs, {total / 1024 / 1024:.1f} MiB")
        report = timed(
            "check + freeze (signatures verified, manifest written)",
            lambda: client.post(
                f"/api/v1/filings/{filing['id']}/check", headers=auth
            ).get_json(),
        )
        assert report["status"] == "semnat", report["problems"]
        sent = timed(
            "send to loopback SMTP",
            lambda: client.post(
                f"/api/v1/filings/{filing['id']}/send", headers=auth
            ).get_json(),
        )
        assert sent["status"] == "trimis", sent
        print(
            f"  {len(smtp.messages)} messages, "
            f"{sum(len(a) for _, a in smtp.attachments()) / 1024 / 1024:.1f} MiB attached"
        )
        portal.recording = "dosar-recurs.xml"
        client_ = PortalClient(portal.url, timeout=5, zone="Europe/Bucharest")
        timed(
            "portal CautareDosare2 (loopback, parsed and checked)",
            lambda: [client_.find_case("2345/117/2026", "TribunalulCLUJ") for _ in range(200)],
            count=200,
        )
    finally:
        smtp.stop()
        portal.stop()


if __name__ == "__main__":
    main()
