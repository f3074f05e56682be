"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for reading
back in tests. It can refuse the Nth message, to test a delivery that breaks half-way."""

import socket
import threading
from collections.abc import Callable
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Handler:
    def __init__(self, sink: "SmtpSink"):
        self.sink = sink

    async def handle_DATA(self, server, session, envelope):
        if self.sink.on_data is not None:
            self.sink.on_data()
        with self.sink.lock:
            self.sink.attempts += 1
            if self.sink.attempts in self.sink.refuse:
                return "451 4.3.0 Eroare temporară (refuzat de test)"
            self.sink.messages.append(
                message_from_bytes(envelope.content, policy=policy.default)
            )
            self.sink.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 OK"


class SmtpSink:
    """``messages``: every message accepted; ``refuse``: 1-based numbers of the DATA
    commands to answer with a temporary failure; ``on_data``: called as each message
    arrives, before it is answered (a test's probe)."""

    def __init__(self, **kwargs):
        self.messages = []
        self.envelopes = []
        self.refuse: set[int] = set()
        self.attempts = 0
        self.lock = threading.Lock()
        self.on_data: Callable[[], None] | None = None
        self.port = free_port()
        self._controller = Controller(
            _Handler(self), hostname="127.0.0.1", port=self.port, **kwargs
        )

    def start(self) -> "SmtpSink":
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    def attachments(self) -> list[tuple[str, bytes]]:
        """Every attachment of every accepted message, in order."""
        return [
            (part.get_filename(), part.get_content())
            for message in self.messages
            for part in message.iter_attachments()
        ]
