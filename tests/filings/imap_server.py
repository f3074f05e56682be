"""A real IMAP server on loopback for the tests: Debian's dovecot (``dovecot-imapd``),
started with a configuration of its own in a temporary folder, and stopped at the end.

Nothing of the system's dovecot is used: the configuration, the passwords file, the
mail (maildir), the sockets (``base_dir``) and the state are in the folder; it listens
on 127.0.0.1 on a free port, without TLS. Each test gets an account of its own
(:meth:`Dovecot.account`), so each starts with an empty INBOX. Run as root, dovecot's
own unprivileged users (``dovenull``, ``dovecot``) run the logins and own the mail; run
as another user, that user does.
"""

import imaplib
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .smtp_sink import free_port

DOVECOT = "/usr/sbin/dovecot"


class DovecotMissing(RuntimeError):
    """Debian's dovecot-imapd is not installed: the tests that need it fail, saying so."""


@dataclass
class Account:
    """A mailbox on the test server, and a client of its own to fill and inspect it (as
    the registry's mail server would deliver to it)."""

    host: str
    port: int
    user: str
    password: str

    def settings(self) -> dict:
        """The account as an entry of ``REGISTRY_MAILBOXES``."""
        return {
            "host": self.host,
            "port": self.port,
            "user": self.user,
            "password": self.password,
            "security": "none",
            "folder": "INBOX",
        }

    def _client(self) -> imaplib.IMAP4:
        client = imaplib.IMAP4(self.host, self.port, timeout=10)
        client.login(self.user, self.password)
        return client

    def append(self, message: bytes, received: datetime, folder: str = "INBOX") -> None:
        """Deliver ``message`` with APPEND, dated (INTERNALDATE) ``received``."""
        client = self._client()
        try:
            status, answer = client.append(
                folder, None, imaplib.Time2Internaldate(received), message
            )
            assert status == "OK", answer
        finally:
            client.logout()

    def flags(self, folder: str = "INBOX") -> dict[int, str]:
        """Every message's flags, by sequence number (read with EXAMINE)."""
        client = self._client()
        try:
            status, _ = client.select(folder, readonly=True)
            assert status == "OK"
            status, data = client.fetch("1:*", "(FLAGS)")
            assert status == "OK", data
            found = {}
            for line in data:
                text = line.decode() if isinstance(line, bytes) else line[0].decode()
                number, _, rest = text.partition(" ")
                found[int(number)] = rest
            return found
        finally:
            client.logout()


def _real_clock(environment) -> dict[str, str]:
    """The environment without libfaketime (``make test-ahead``): dovecot stands for the
    registry's mail server, whose clock is not the service's, and under libfaketime it
    breaks twice: it clears its processes' environment, so the master's clock jumps back
    400 days when libfaketime reads its settings again (and it stops launching logins),
    and the faked ``stat`` moves every message's INTERNALDATE (kept as the file's
    modification time) 400 days ahead. The tests give each message its date (APPEND) and
    the service gives SEARCH SINCE its day, so nothing depends on dovecot's clock."""
    return {
        k: v
        for k, v in environment.items()
        if k != "LD_PRELOAD" and not k.startswith("FAKETIME")
    }


class Dovecot:
    """``Dovecot().start()`` ... ``stop()``: the server, its folder and its port."""

    def __init__(self) -> None:
        if not os.access(DOVECOT, os.X_OK):
            raise DovecotMissing(
                f"dovecot is not installed ({DOVECOT} missing): the registry-reply tests "
                "need a real IMAP server. Install it with scripts/install-system.sh test "
                "(Debian package dovecot-imapd)."
            )
        self.host = "127.0.0.1"
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="fs-dovecot-"))
        self.users = self.folder / "users"
        self.log = self.folder / "dovecot.log"
        self._process: subprocess.Popen | None = None
        self._count = 0

    def _identities(self) -> tuple[str, str, int, int]:
        """(login user, internal user, mail uid, mail gid)."""
        if os.geteuid() != 0:
            me = pwd.getpwuid(os.geteuid())
            return me.pw_name, me.pw_name, me.pw_uid, me.pw_gid
        try:
            pwd.getpwnam("dovenull")
            owner = pwd.getpwnam("dovecot")
        except KeyError:
            raise DovecotMissing(
                "dovecot's system users (dovenull, dovecot) are missing: reinstall "
                "dovecot-core"
            ) from None
        return "dovenull", "dovecot", owner.pw_uid, owner.pw_gid

    def _config(self) -> Path:
        login, internal, uid, gid = self._identities()
        mail = self.folder / "mail"
        for sub in ("base", "state", "mail"):
            (self.folder / sub).mkdir()
        os.chmod(self.folder, 0o755)  # the login and mail processes pass through it
        os.chown(mail, uid, gid)
        self.users.write_text("")
        os.chmod(self.users, 0o644)
        config = self.folder / "dovecot.conf"
        config.write_text(
            f"""# The tests' own dovecot (tests/filings/imap_server.py); nothing of /etc.
protocols = imap
listen = {self.host}
base_dir = {self.folder / "base"}
state_dir = {self.folder / "state"}
instance_name = fs-test-{self.port}
log_path = {self.log}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
default_login_user = {login}
default_internal_user = {internal}
first_valid_uid = {min(uid, 500)}
first_valid_gid = {min(gid, 500)}
mail_location = maildir:{mail}/%u
service imap-login {{
  inet_listener imap {{
    address = {self.host}
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
  chroot =
}}
service anvil {{
  chroot =
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self.users}
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={mail}/%u
}}
""",
            encoding="utf-8",
        )
        return config

    def start(self, wait: float = 30.0) -> "Dovecot":
        config = self._config()
        self._process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(config)],
            env=_real_clock(os.environ),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"dovecot stopped at start: {self._tail()}")
            try:
                with socket.create_connection((self.host, self.port), timeout=1) as probe:
                    if probe.recv(64).startswith(b"* OK"):
                        return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"dovecot did not answer on port {self.port}: {self._tail()}")

    def _tail(self) -> str:
        text = ""
        process = self._process
        if process is not None and process.stderr is not None and process.poll() is not None:
            text = process.stderr.read().decode(errors="replace")
        if self.log.exists():
            text += self.log.read_text(errors="replace")[-2000:]
        return text.strip()

    def account(self) -> Account:
        """A new, empty mailbox (dovecot reads the passwords file again when its size or
        modification time changes)."""
        self._count += 1
        user = f"registratura{self._count}"
        password = secrets.token_urlsafe(12)
        with self.users.open("a", encoding="utf-8") as out:
            out.write(f"{user}:{{PLAIN}}{password}::::::\n")
        return Account(self.host, self.port, user, password)

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=5)
            if self._process.stderr is not None:
                self._process.stderr.close()
            self._process = None
        shutil.rmtree(self.folder, ignore_errors=True)
