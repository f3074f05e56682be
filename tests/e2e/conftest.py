"""End-to-end fixtures: the app served on a free loopback port by a real WSGI server,
with a fresh migrated database, and Debian's Chromium driven by Playwright.

The browser is /usr/bin/chromium (the Debian package); nothing is downloaded. If it is
missing the tests fail with the reason (never skip).
"""
import os
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from filing_service import create_app, migrate
from filing_service.auth.passwords import hash_password
from filing_service.db import unit_of_work
from filing_service.models import Directorate, User

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).parents[2] / "test-artifacts" / "screenshots"
PASSWORD = "Parola-E2E-2026"


class LiveServer:
    """The app behind werkzeug's threaded server, and a way to add users to it."""

    def __init__(self, app, server):
        self.app, self.server = app, server
        self.url = f"http://127.0.0.1:{server.server_port}"

    def add_user(self, username: str, role: str, code: str = "CJ",
                 full_name: str | None = None) -> str:
        with self.app.app_context(), unit_of_work() as uow:
            directorate = uow.session.query(Directorate).filter_by(code=code).one()
            directorate.legal_representative = directorate.legal_representative or \
                "Mihai Ionescu"
            uow.session.add(User(directorate_id=directorate.id, username=username,
                                 full_name=full_name or username.replace(".", " ").title(),
                                 role=role, password_hash=hash_password(PASSWORD)))
            uow.commit()
        return username


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """A fresh migrated SQLite database served on 127.0.0.1 (a free port) for a module."""
    folder = tmp_path_factory.mktemp("e2e")
    url = f"sqlite:///{folder / 'e2e.sqlite3'}"
    migrate.upgrade(url)
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "e2e-secret",
                      "STORAGE_DIR": str(folder / "storage"), "WTF_CSRF_ENABLED": True})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield LiveServer(app, server)
    server.shutdown()
    thread.join(timeout=10)
    app.extensions["db_engine"].dispose()


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, launched once for the session."""
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium is required for the end-to-end tests and is missing at "
                    f"{CHROMIUM} (scripts/install-system.sh test installs it).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh browser context (its own cookies) in Romanian, 1366x900."""
    context = chromium.new_context(locale="ro-RO", timezone_id="Europe/Bucharest",
                                   viewport={"width": 1366, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot as a test artefact."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def log_in(page, server: LiveServer, username: str) -> None:
    """Log in through the form, as a person would."""
    page.goto(server.url + "/login")
    page.get_by_label("Utilizator").fill(username)
    page.get_by_label("Parola").fill(PASSWORD)
    page.get_by_role("button", name="Intră în cont").click()
    page.wait_for_url(server.url + "/")
