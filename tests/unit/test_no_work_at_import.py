"""Importing the service does no slow work: the web session's placeholder password hash
is made on the first log-in of a process, once."""

import subprocess
import sys

from filing_service.auth.passwords import verify_password
from filing_service.web import session

_IMPORT_COUNTING_HASHES = """
import argon2
made = []
real = argon2.PasswordHasher.hash
argon2.PasswordHasher.hash = lambda self, password: made.append(1) or real(self, password)
import filing_service, filing_service.web.session
print(len(made))
"""


def test_importing_the_web_session_module_hashes_no_password():
    run = subprocess.run(
        [sys.executable, "-c", _IMPORT_COUNTING_HASHES],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.stdout.strip() == "0"


def test_the_placeholder_hash_is_made_once_and_verifies_nothing_typed():
    first = session.dummy_hash()
    assert session.dummy_hash() is first
    assert first.startswith("$argon2id$")
    assert not verify_password(first, "")
