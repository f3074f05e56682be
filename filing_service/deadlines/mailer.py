"""The SMTP adapter: send e-mail messages through the configured server (smtplib).

Settings, read by ``init_app`` from the environment: ``SMTP_HOST`` (127.0.0.1),
``SMTP_PORT`` (25), ``SMTP_STARTTLS`` (0/1), ``SMTP_USER`` and ``SMTP_PASSWORD`` (or
``SMTP_PASSWORD_FILE``), ``MAIL_FROM``. The password is never logged.
"""
import smtplib
from collections.abc import Iterable
from email.message import EmailMessage


def send(messages: Iterable[EmailMessage], config: dict) -> int:
    """Send every message over one SMTP session; returns how many were accepted."""
    messages = list(messages)
    if not messages:
        return 0
    sent = 0
    with smtplib.SMTP(config["SMTP_HOST"], int(config["SMTP_PORT"]), timeout=30) as smtp:
        if config.get("SMTP_STARTTLS"):
            smtp.starttls()
        if config.get("SMTP_USER"):
            smtp.login(config["SMTP_USER"], config.get("SMTP_PASSWORD") or "")
        for mail in messages:
            smtp.send_message(mail)
            sent += 1
    return sent
