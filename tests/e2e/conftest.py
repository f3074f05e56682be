"""End-to-end fixtures: the app served by a real WSGI server in its own process on a free
loopback port, with a fresh migrated database, the test PKI (OCSP, TSA) on loopback, a
SoftHSM2 token for the signers, and Debian's Chromium driven by Playwright.

The browser is /usr/bin/chromium (the Debian package); nothing is downloaded. A missing
browser, token tool or LibreOffice fails the tests with the reason (never a skip).
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from sqlalchemy import select

from filing_service import create_app, migrate
from filing_service.auth.passwords import hash_password
from filing_service.db import unit_of_work
from filing_service.models import Directorate, User
from tests.signing.pki import SOFTHSM_MODULE, TRUST_DIR, TestPki, make_softhsm_token

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
PASSWORD = "Parola-E2E-2026"


class LiveServer:
    """The served app's address, and the database behind it for arranging data."""

    def __init__(self, url: str, app):
        self.url, self.app = url, app

    def add_user(
        self, username: str, role: str, code: str = "CJ", full_name: str | None = None
    ) -> str:
        with self.app.app_context(), unit_of_work() as uow:
            directorate = uow.session.scalar(
                select(Directorate).where(Directorate.code == code)
            )
            uow.session.add(
                User(
                    directorate_id=directorate.id,
                    username=username,
                    full_name=full_name or username.replace(".", " ").title(),
                    role=role,
                    password_hash=hash_password(PASSWORD),
                )
            )
            uow.commit()
        return username

    def configure_directorate(self, code: str, **values) -> None:
        with self.app.app_context(), unit_of_work() as uow:
            directorate = uow.session.scalar(
                select(Directorate).where(Directorate.code == code)
            )
            for name, value in values.items():
                setattr(directorate, name, value)
            uow.commit()


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    """The test PKI answering OCSP, CRL and time-stamp requests on loopback."""
    started = TestPki(tmp_path_factory.mktemp("pki")).start()
    yield started
    started.stop()


@pytest.fixture(scope="module")
def token(pki, tmp_path_factory):
    """A SoftHSM2 token with the signers' keys, for the server process only.

    make_softhsm_token points this process's SOFTHSM2_CONF at the new token; the server
    gets it through its environment, and this process's value is put back."""
    for tool in ("softhsm2-util", "pkcs11-tool"):
        assert shutil.which(tool), f"{tool} is required (apt-get install softhsm2 opensc)"
    before = os.environ.get("SOFTHSM2_CONF")
    made = make_softhsm_token(pki, tmp_path_factory.mktemp("softhsm"), label="DGASPC-CJ-E2E")
    if before is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = before
    return made


@pytest.fixture(scope="module")
def live_server(tmp_path_factory, pki, token):
    """A fresh migrated SQLite database, served by werkzeug in a child process."""
    folder = tmp_path_factory.mktemp("e2e")
    url = f"sqlite:///{folder / 'e2e.sqlite3'}"
    migrate.upgrade(url)
    config = {
        "DATABASE_URL": url,
        "SECRET_KEY": "e2e-secret",
        "WTF_CSRF_ENABLED": True,
        "STORAGE_DIR": str(folder / "storage"),
        "SIGNATURE_TRUST_DIRS": [str(TRUST_DIR)],
    }
    env = {
        **os.environ,
        "FS_E2E_CONFIG": json.dumps(config),
        "SOFTHSM2_CONF": str(token.conf),
        "INSTANCE_PATH": str(folder / "instance"),
    }
    SCREENSHOTS.parent.mkdir(parents=True, exist_ok=True)
    log = open(SCREENSHOTS.parent / "e2e-server.log", "w+b")  # an artefact when it fails
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("server.py"))],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=log,
    )
    port = process.stdout.readline().decode().strip()
    if not port.isdigit():
        process.kill()
        log.seek(0)
        pytest.fail("the e2e server did not start: " + log.read().decode()[-3000:])
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "e2e-secret"})
    server = LiveServer(f"http://127.0.0.1:{port}", app)
    server.configure_directorate(
        "CJ",
        legal_representative="Mihai Ionescu",
        settings={
            "signature_profile": {
                "level": "B-LT",
                "tsa_url": pki.tsa_url,
                "keys": {
                    "token-consilier": {
                        "type": "pkcs11",
                        "module": SOFTHSM_MODULE,
                        "token_label": token.label,
                        "key_label": "consilier",
                        "secret": "FS_E2E_PIN_UNSET",
                        "users": ["ana.popescu"],
                    }
                },
            }
        },
    )
    yield server
    process.terminate()
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.stdout.close()
    app.extensions["db_engine"].dispose()
    log.close()


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium, launched once per module.

    Not per session: Playwright's sync API keeps an asyncio loop running in this thread
    while it is started, and later tests that call asyncio.run() (pyhanko signs that
    way) would fail; closing it with the module ends that loop."""
    if not shutil.which(CHROMIUM):
        pytest.fail(
            f"Chromium is required for the end-to-end tests and is missing at "
            f"{CHROMIUM} (scripts/install-system.sh test installs it)."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh browser context (its own cookies) in Romanian, 1366x900."""
    context = chromium.new_context(
        locale="ro-RO", timezone_id="Europe/Bucharest", viewport={"width": 1366, "height": 900}
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name: str, full_page: bool = True) -> Path:
    """Save a screenshot as a test artefact (long forms: the window, as a person sees it
    with the sticky save bar, rather than the whole page)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def log_in(page, server: LiveServer, username: str) -> None:
    """Log in through the form, as a person would."""
    page.goto(server.url + "/login")
    page.get_by_label("Utilizator").fill(username)
    page.get_by_label("Parola").fill(PASSWORD)
    page.get_by_role("button", name="Intră în cont").click()
    page.wait_for_url(server.url + "/")
