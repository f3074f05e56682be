"""The SMTP adapter of the digest. It uses the service's one SMTP configuration and
session (``filing_service.mail``: ``SMTP_HOST``, ``SMTP_PORT``, ``SMTP_SECURITY``,
``SMTP_USERNAME``, ``SMTP_PASSWORD``/``SMTP_PASSWORD_FILE``), so that a directorate sets
its mail server once; the digest's sender is ``DEADLINES_FROM_ADDRESS``."""

from collections.abc import Iterable
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from ..mail import Mailer


def send(messages: Iterable[EmailMessage], mailer: Mailer) -> int:
    """Send every message over one session of ``mailer``; returns how many were accepted."""
    messages = list(messages)
    if not messages:
        return 0
    with mailer.session() as box:
        for message in messages:
            message["Date"] = formatdate(localtime=False)
            message["Message-ID"] = make_msgid(domain="filing-service.invalid")
            box.send(message)
    return len(messages)
