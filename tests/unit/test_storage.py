"""Content-addressed storage: atomic, immutable, checked on read."""

import hashlib
import os

import pytest

from filing_service.storage import ContentStore


def test_a_file_is_stored_under_its_hash_and_read_back(tmp_path):
    store = ContentStore(tmp_path)
    digest = store.put(b"%PDF-1.7 test")
    assert digest == hashlib.sha256(b"%PDF-1.7 test").hexdigest()
    assert store.get(digest) == b"%PDF-1.7 test"
    assert store.put(b"%PDF-1.7 test") == digest  # stored once


def test_stored_files_are_read_only_and_no_temporary_file_remains(tmp_path):
    store = ContentStore(tmp_path)
    path = store.path(store.put(b"data"))
    assert not os.access(path, os.W_OK) or os.geteuid() == 0
    assert oct(path.stat().st_mode & 0o777) == "0o440"  # nobody else may read a child's file
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_a_damaged_file_is_reported(tmp_path):
    store = ContentStore(tmp_path)
    digest = store.put(b"original")
    path = store.path(digest)
    path.chmod(0o644)
    path.write_bytes(b"tampered")
    with pytest.raises(IOError, match="does not match"):
        store.get(digest)


def test_a_path_that_is_not_a_hash_is_refused(tmp_path):
    with pytest.raises(ValueError):
        ContentStore(tmp_path).path("../../etc/passwd")
