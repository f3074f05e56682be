"""Fixtures of the documents pipeline: one warm LibreOffice pool for the whole test
session, the app on SQLite (the heavy tests run on one backend), small templates made in
the test, and the text of a PDF read back with pdftotext.

LibreOffice missing is a failure, never a skip: the pool raises ConversionFailed.
"""

import io
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.shared import Pt

from filing_service.documents.converter import (
    ConverterPool,
    PoolSettings,
    close_shared_pools,
    shared_pool,
)

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "filing_service" / "documents" / "templates"


@pytest.fixture(scope="session")
def converter_pool() -> ConverterPool:
    """The process's shared pool with the app's default settings: the very pool the
    service uses, started once, stopped (no soffice left) when the session ends."""
    pool = shared_pool(PoolSettings())
    pool.start()  # both instances, warm, before the first test times anything
    with ThreadPoolExecutor(max_workers=2) as workers:
        list(workers.map(pool.convert, [make_template_bytes(["Pornire"])] * 2))
    yield pool
    close_shared_pools()


@pytest.fixture
def database_url(tmp_path, sqlite_template):
    """Heavy tests (LibreOffice) run on SQLite only; the API's tenancy test covers both."""
    path = tmp_path / "test.sqlite3"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def make_template_bytes(paragraphs: list[str]) -> bytes:
    """A DOCX template with one paragraph per item, in DejaVu Serif (carries ș ț)."""
    document = WordDocument()
    style = document.styles["Normal"]
    style.font.name = "DejaVu Serif"
    style.font.size = Pt(11)
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def make_template():
    """Build a template from paragraphs of text (with Jinja tags in them)."""
    return make_template_bytes


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF as pdftotext extracts it (UTF-8, reading order)."""
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"],
        input=pdf,
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout.decode("utf-8")
