"""Content-addressed storage of files (generated documents, signed versions, packages).

A file is stored under its SHA-256: ``<root>/ab/cd/abcd...``. Writes are atomic (a
temporary file in the same folder, fsync, rename), so a crash leaves either the whole
file or nothing; stored files are made read-only, because a stored version is never
rewritten: a changed document is a new hash.
"""

import hashlib
import os
import tempfile
from pathlib import Path

from flask import current_app


class ContentStore:
    """Files by their SHA-256 under one root folder."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError("not a sha256 hex digest")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes) -> str:
        """Store ``data`` (once) and return its SHA-256."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o440)  # read-only, for the service's user and group alone
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)  # make the rename itself durable
        finally:
            os.close(dir_fd)
        return digest

    def get(self, sha256: str) -> bytes:
        """The stored bytes, checked against their hash (a damaged file is an error)."""
        data = self.path(sha256).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise OSError(f"stored file {sha256[:12]}… does not match its hash")
        return data

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).exists()


def store() -> ContentStore:
    """The content store of the current app (``STORAGE_DIR``)."""
    return ContentStore(current_app.config["STORAGE_DIR"])
