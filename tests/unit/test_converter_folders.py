"""A pool that starts removes the folders that pools of dead processes left in TMPDIR (they
hold the DOCX of a child's document), and nothing else."""

import os
import subprocess
import sys

import pytest

from filing_service.documents.converter import (
    OWNER_FILE,
    WORK_PREFIX,
    ConversionFailed,
    ConverterPool,
    PoolSettings,
    _owner_mark,
    remove_stale_work_roots,
)


def _dead_pid() -> int:
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(finished.stdout)


def _folder(tmp_path, name: str, owner: str | None):
    folder = tmp_path / (WORK_PREFIX + name)
    (folder / "jobs" / "j1").mkdir(parents=True)
    (folder / "jobs" / "j1" / "document.docx").write_bytes(b"PK fictional child data")
    if owner is not None:
        (folder / OWNER_FILE).write_text(owner)
    return folder


def test_only_folders_of_dead_owners_are_removed(tmp_path):
    dead = _folder(tmp_path, "dead", f"{_dead_pid()} 12345")
    alive = _folder(tmp_path, "alive", _owner_mark(os.getpid()))
    reused = _folder(tmp_path, "reused", f"{os.getpid()} 1")  # same pid, another process
    starting = _folder(tmp_path, "starting", None)  # no mark yet: a pool making it now
    unrelated = tmp_path / "someone-else"
    unrelated.mkdir()

    removed = remove_stale_work_roots(str(tmp_path))

    assert sorted(removed) == sorted([dead, reused])
    assert not dead.exists() and not reused.exists()
    assert alive.exists() and starting.exists() and unrelated.exists()


def test_a_starting_pool_clears_stale_folders_and_marks_its_own(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    stale = _folder(tmp_path, "stale", f"{_dead_pid()} 99")
    pool = ConverterPool(
        PoolSettings(size=1, soffice=str(tmp_path / "no-soffice"), timeout=5, retries=0)
    )
    try:
        with pytest.raises(ConversionFailed):
            pool.convert(b"not a docx")
        assert not stale.exists()
        assert (pool.work_root / OWNER_FILE).read_text() == _owner_mark(os.getpid())
    finally:
        pool.close()
    assert not pool.work_root.exists()
