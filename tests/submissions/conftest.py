"""Fixtures of the XML submissions tests: a fixed day for the rules, XML builders, a
loopback listener that must never be called, and a count of what is stored."""

import socket
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from filing_service.cases.schemas import CaseIn
from filing_service.db import unit_of_work
from filing_service.models import (
    AuditEvent,
    Case,
    Child,
    Deadline,
    Event,
    Measure,
    Parent,
    PlacementTarget,
)
from filing_service.submissions import codec
from tests import builders
from tests.conftest import make_app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "schemas" / "examples"
ATTACKS = Path(__file__).parent / "attacks"
# The examples carry fixed dates: the rules (ages, terms) are read on this day.
FIXED_NOW = datetime(2026, 11, 22, 10, 0, tzinfo=ZoneInfo("Europe/Bucharest"))
XML = {"Content-Type": "application/xml"}


@pytest.fixture
def app(database_url, tmp_path):
    """The app on each database, its day fixed to FIXED_NOW."""
    yield from make_app(database_url, tmp_path, FIXED_NOW=FIXED_NOW)


def case_xml(**overrides) -> bytes:
    """The builders' valid case (dates relative to the real today), as XML."""
    return codec.encode(CaseIn.model_validate(builders.case(**overrides)))


@pytest.fixture
def post_xml(client, auth):
    """POST bytes as application/xml with Cluj's token; returns the response."""

    def post(path: str, data: bytes, headers: dict | None = None):
        return client.post(path, data=data, headers={**auth, **XML, **(headers or {})})

    return post


STORED = (Case, Child, Parent, PlacementTarget, Measure, Event, Deadline, AuditEvent)


@pytest.fixture
def stored(app):
    """Count the rows of every case table and of the audit trail."""

    def count() -> dict:
        with app.app_context(), unit_of_work() as uow:
            return {
                m.__tablename__: uow.session.scalar(select(func.count()).select_from(m))
                for m in STORED
            }

    return count


class Listener:
    """A TCP port on loopback that records whether anyone connected to it."""

    def __init__(self):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(8)
        self.socket.setblocking(False)
        self.port = self.socket.getsockname()[1]

    def connections(self) -> int:
        """How many connections are waiting (nobody accepts them but this)."""
        count = 0
        while True:
            try:
                conn, _ = self.socket.accept()
            except BlockingIOError:
                return count
            conn.close()
            count += 1


@pytest.fixture
def listener():
    """A loopback port chosen at run time, closed after the test."""
    opened = Listener()
    yield opened
    opened.socket.close()
