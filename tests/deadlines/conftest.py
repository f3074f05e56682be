"""Fixtures of the deadlines tests: a real SMTP server on loopback, and the app on a fixed
day that sends its digests there."""

import socket
import threading
from datetime import datetime
from email import message_from_bytes, policy
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller

from tests.conftest import make_app

TODAY = datetime(2026, 3, 4, 9, 0, tzinfo=ZoneInfo("Europe/Bucharest"))  # a Wednesday


class Mailbox:
    """What a real SMTP server (aiosmtpd, on a free loopback port) received."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def to(self, address: str) -> list:
        return [m for m in self.messages if m["To"] == address]


@pytest.fixture
def mailbox():
    box = Mailbox()
    box.controller.start()
    yield box
    box.controller.stop()


@pytest.fixture
def app(database_url, tmp_path, mailbox):
    """The app on Wednesday 4 March 2026, mailing to the loopback SMTP server."""
    yield from make_app(
        database_url,
        tmp_path,
        FIXED_NOW=TODAY,
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=mailbox.port,
        SMTP_SECURITY="none",
        SMTP_TIMEOUT=5,
        DEADLINES_FROM_ADDRESS="termene@dgaspc-cluj.invalid",
    )
