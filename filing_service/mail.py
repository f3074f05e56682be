"""The service's SMTP adapter, around smtplib: filings to a court registry and the
deadlines' digest go out through it.

Settings are the app's (``config.py``: ``SMTP_HOST``, ``SMTP_PORT``, ``SMTP_SECURITY`` =
``none`` / ``starttls`` / ``tls``, ``SMTP_USERNAME``, ``SMTP_PASSWORD`` or
``SMTP_PASSWORD_FILE``, ``FILING_FROM_ADDRESS``); the password is read when a connection
is opened and is never logged, stored or put in an error message.
"""

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from .config import environment_secret

# Errors worth another try soon: the server or the network, not the message.
TRANSIENT = (
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    ConnectionError,
    TimeoutError,
    OSError,
)


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str  # none / starttls / tls
    username: str | None
    password_env: str  # names of where the secret is, not the secret
    password_file: str | None
    sender: str
    timeout: float
    ca_file: str | None


def settings(config) -> SmtpSettings:
    """The SMTP settings of an app's configuration, checked."""
    security = config["SMTP_SECURITY"]
    if security not in ("none", "starttls", "tls"):
        raise ValueError("SMTP_SECURITY must be none, starttls or tls")
    return SmtpSettings(
        config["SMTP_HOST"],
        int(config["SMTP_PORT"]),
        security,
        config.get("SMTP_USERNAME"),
        "SMTP_PASSWORD",
        config.get("SMTP_PASSWORD_FILE"),
        config["FILING_FROM_ADDRESS"],
        float(config.get("SMTP_TIMEOUT", 30)),
        config.get("SMTP_CA_FILE"),
    )


def _password(cfg: SmtpSettings) -> str | None:
    if cfg.password_file:
        return Path(cfg.password_file).read_text(encoding="utf-8").strip()
    return environment_secret(cfg.password_env)


class Mailbox:
    """One SMTP session: ``with Mailbox(cfg) as box: box.send(message)``."""

    def __init__(self, cfg: SmtpSettings):
        self.cfg = cfg
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> "Mailbox":
        cfg = self.cfg
        context = ssl.create_default_context(cafile=cfg.ca_file)
        smtp: smtplib.SMTP
        if cfg.security == "tls":
            smtp = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout, context=context)
        else:
            smtp = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
        try:
            smtp.ehlo()
            if cfg.security == "starttls":
                smtp.starttls(context=context)
                smtp.ehlo()
            if cfg.username:
                smtp.login(cfg.username, _password(cfg) or "")
        except BaseException:
            smtp.close()
            raise
        self._smtp = smtp
        return self

    def send(self, message: EmailMessage) -> None:
        """Send one message; raises if the server refuses it or the recipient."""
        refused = self._open().send_message(message)
        if refused:
            raise smtplib.SMTPRecipientsRefused(refused)

    def _open(self) -> smtplib.SMTP:
        if self._smtp is None:
            raise RuntimeError("the mailbox is used outside its with block")
        return self._smtp

    def __exit__(self, *exc: object) -> None:
        smtp = self._open()
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()


@dataclass(frozen=True)
class Mailer:
    """The mailer adapter: the service's SMTP server, built once per app (``bootstrap``)."""

    settings: SmtpSettings

    def session(self) -> Mailbox:
        """A new SMTP session: ``with mailer.session() as box: box.send(message)``."""
        return Mailbox(self.settings)


def compose(
    *,
    sender: str,
    recipient: str,
    subject: str,
    body: str,
    message_id: str,
    attachments: list[tuple[str, bytes, str]],
) -> EmailMessage:
    """A message with the text ``body`` and the files attached whole (never as links):
    ``attachments`` are ``(file name, bytes, media type)``."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = message_id
    message.set_content(body)
    for name, data, media_type in attachments:
        maintype, subtype = media_type.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message


def describe(exc: BaseException, cfg: SmtpSettings) -> str:
    """A Romanian account of a delivery error, with any secret taken out."""
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        text = "serverul de e-mail a refuzat autentificarea (verificați contul SMTP)"
    elif isinstance(exc, smtplib.SMTPRecipientsRefused):
        text = "serverul de e-mail a refuzat adresa registraturii"
    elif isinstance(exc, smtplib.SMTPResponseException):
        text = f"serverul de e-mail a răspuns {exc.smtp_code}"
    elif isinstance(exc, (TimeoutError, smtplib.SMTPServerDisconnected)):
        text = "serverul de e-mail nu a răspuns sau a închis conexiunea"
    elif isinstance(exc, (ConnectionError, OSError)):
        text = f"serverul de e-mail {cfg.host}:{cfg.port} nu poate fi contactat"
    else:
        text = f"eroare la trimitere ({type(exc).__name__})"
    return text


def is_transient(exc: BaseException) -> bool:
    """A 4xx answer or a network failure: worth retrying; a 5xx is not."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return False
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    return isinstance(exc, TRANSIENT)
