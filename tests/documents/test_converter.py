"""The LibreOffice pool survives its converters: a killed or hung instance is replaced
and the document still produced; a failed conversion leaves nothing behind; closing the
pool leaves no soffice running."""

import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from filing_service.documents.converter import ConversionFailed, ConverterPool, PoolSettings
from tests.documents.conftest import make_template_bytes, pdf_text

DOCX = make_template_bytes(["Document de probă: ș ț"])


@pytest.fixture(scope="module")
def small_pool():
    """One instance and a short timeout, so that a hang is noticed quickly."""
    pool = ConverterPool(PoolSettings(size=1, timeout=5))
    pool.convert(DOCX)
    yield pool
    pool.close()


def test_a_killed_converter_is_restarted_and_the_document_produced(small_pool):
    [pid] = small_pool.pids()
    os.kill(pid, signal.SIGKILL)
    pdf = small_pool.convert(DOCX)
    assert "Document de probă: ș ț" in pdf_text(pdf)
    assert small_pool.pids() and small_pool.pids() != [pid]


def test_a_hung_converter_is_killed_after_the_timeout_and_the_document_produced(small_pool):
    [pid] = small_pool.pids()
    os.kill(pid, signal.SIGSTOP)  # alive but answering nothing: a hung LibreOffice
    started = time.monotonic()
    pdf = small_pool.convert(DOCX)
    assert "Document de probă" in pdf_text(pdf)
    assert 5 <= time.monotonic() - started < 60
    assert pid not in small_pool.pids()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_failed_conversion_is_reported_in_romanian_and_leaves_no_file(converter_pool):
    jobs = converter_pool.work_root / "jobs"
    # An instance may still be converting its warm-up page: only this job's folder counts.
    before = set(jobs.iterdir())
    with pytest.raises(ConversionFailed) as failure:
        converter_pool.convert(b"PK\x03\x04 acesta nu este un document")
    assert "Conversia documentului în PDF/A a eșuat" in failure.value.message
    assert set(jobs.iterdir()) - before == set()


def test_a_converter_that_cannot_start_fails_the_conversion_cleanly(tmp_path):
    pool = ConverterPool(PoolSettings(size=1, soffice=str(tmp_path / "nu-exista")))
    try:
        with pytest.raises(ConversionFailed, match="LibreOffice nu poate porni"):
            pool.convert(DOCX)
        root = pool.work_root
        assert sorted(p.name for p in root.iterdir()) == ["jobs", "owner", "tmp"]
        assert list((root / "jobs").iterdir()) == list((root / "tmp").iterdir()) == []
    finally:
        pool.close()
    assert not root.exists()


def test_conversions_run_in_parallel_on_the_instances_of_the_pool(converter_pool):
    with ThreadPoolExecutor(max_workers=4) as workers:
        pdfs = list(workers.map(converter_pool.convert, [DOCX] * 4))
    assert all(pdf.startswith(b"%PDF-") for pdf in pdfs)
    assert len(converter_pool.pids()) == 2


def test_closing_the_pool_leaves_no_libreoffice_running():
    pool = ConverterPool(PoolSettings(size=2, timeout=30))
    with ThreadPoolExecutor(max_workers=2) as workers:
        list(workers.map(pool.convert, [DOCX] * 2))
    pids = pool.pids()
    pool.close()
    assert pids
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_a_libreoffice_that_fails_to_start_is_replaced_by_a_fresh_one(tmp_path):
    """An instance that dies while it starts (as soffice now and then does) costs one
    attempt, not the document: the next attempt starts a fresh instance."""
    marker = tmp_path / "first-start-failed"
    flaky = tmp_path / "soffice"
    flaky.write_text(
        "#!/bin/sh\n"
        f'if [ ! -e "{marker}" ]; then touch "{marker}"; exit 1; fi\n'
        f'exec {PoolSettings().soffice} "$@"\n'
    )
    flaky.chmod(0o755)
    pool = ConverterPool(PoolSettings(size=1, timeout=30, soffice=str(flaky), retries=1))
    try:
        assert b"%PDF" in pool.convert(DOCX)[:8]
    finally:
        pool.close()
    assert marker.exists()  # the first start did fail
