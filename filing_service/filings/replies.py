"""The registry's answer to a sent filing, read from the directorate's own mailbox.

A registry answers the e-mail of a filing with the number it registered the case under
(``1234/117/2026``). Where a directorate gives its mailbox (``REGISTRY_MAILBOXES``),
``filing-service filings fetch-replies`` reads it and:

- matches each message to a sent filing of that directorate whose ``message_ids`` hold
  the message's ``In-Reply-To`` or one of its ``References`` (the subject is not used to
  match: ours names the case's reference, which several filings of one case share, and
  a registry may rewrite it);
- reads the ECRIS numbers in the subject and the text of a matched message, checked with
  ``law.ecris.check_case_number``, and proposes the first (saying so when there were
  several); a person confirms it (``court_side.register``) or rejects it;
- keeps one :class:`~filing_service.models.FilingReply` per message and filing: who sent
  it, when, its subject and the number. Never the body (it may hold a child's data), and
  no log line holds any of it.

The mailbox is only read: it is opened with ``EXAMINE`` (``select(readonly=True)``),
messages are fetched with ``BODY.PEEK`` so that none becomes ``\\Seen``, and nothing is
stored, copied, moved or expunged; only messages since a day are searched (the last run,
or ``REGISTRY_REPLIES_DAYS``). The network is talked to with no transaction open: the
command reads what it needs (:func:`plan`), closes its unit of work, reads the mailbox
(:func:`read_mailbox`), then records what it found in a new one (:func:`record`), which
it commits.

Sections: the mailboxes' settings, the reading of a message (plain Python), the IMAP
adapter, the service (plan, record, confirm, reject).
"""

import contextlib
import imaplib
import json
import logging
import re
import socket
import ssl
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from email import policy
from email.message import Message
from email.parser import BytesHeaderParser, BytesParser
from email.utils import parseaddr, parsedate_to_datetime
from enum import StrEnum
from hashlib import sha256
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import audit
from ..auth.actor import Actor
from ..auth.roles import Role
from ..db import UnitOfWork
from ..errorcodes import Code
from ..errors import Conflict, DomainError, NotFound
from ..law.directorates import BY_CODE
from ..law.ecris import check_case_number
from ..models import Case, Directorate, Filing, FilingReply
from . import court_side
from .service import load_filing, require

log = logging.getLogger(__name__)


class ReplyState(StrEnum):
    PROPOSED = "propus"  # read from the mailbox, waiting for a person
    CONFIRMED = "confirmat"  # the number became the filing's
    REJECTED = "respins"


STATE_LABELS = {
    ReplyState.PROPOSED: "propus",
    ReplyState.CONFIRMED: "confirmat",
    ReplyState.REJECTED: "respins",
}

SETTINGS_KEY = "registry_mailbox"  # Directorate.settings[...]: {"read_at": iso moment}


# ---- the mailboxes' settings ----------------------------------------------------------


class MailboxConfigError(ValueError):
    """``REGISTRY_MAILBOXES`` is wrong: the message names the key, never a value."""

    code = Code.MAILBOX_CONFIG_INVALID


SECURITY = ("ssl", "starttls", "none")
_DEFAULT_PORTS = {"ssl": 993, "starttls": 143, "none": 143}
_KEYS = {"host", "port", "user", "password", "password_file", "security", "folder"}
_KEYS |= {"timeout", "ca_file"}


@dataclass(frozen=True)
class MailboxSettings:
    """Where one directorate's mailbox is and how to log in (the password is never in
    a ``repr``, a log line or an error)."""

    directorate: str  # the directorate's code, e.g. "CJ"
    host: str
    port: int
    user: str
    security: str  # ssl / starttls / none
    folder: str = "INBOX"
    timeout: float = 30.0
    password: str | None = field(default=None, repr=False)
    password_file: str | None = None  # read when a connection opens
    ca_file: str | None = None

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    def secret(self) -> str:
        if self.password_file:
            return Path(self.password_file).read_text(encoding="utf-8").strip()
        return self.password or ""


def parse_mailboxes(
    value: str | Mapping, *, timeout: float = 30.0
) -> dict[str, MailboxSettings]:
    """``REGISTRY_MAILBOXES`` (JSON text, or the mapping a test passes), checked: a
    directorate code for each key, a host, a port, a user, one password (or a file
    holding it), a known ``security``. Raises :class:`MailboxConfigError` naming the key
    at fault; the values are never repeated (one of them is a password)."""
    name = "REGISTRY_MAILBOXES"
    data: object
    if isinstance(value, str):
        try:
            data = json.loads(value or "{}")
        except ValueError as exc:
            where = ""
            if isinstance(exc, json.JSONDecodeError):
                where = f" (linia {exc.lineno}, coloana {exc.colno})"
            raise MailboxConfigError(f"{name} nu este JSON valid{where}.") from None
    else:
        data = value
    if not isinstance(data, Mapping):
        raise MailboxConfigError(
            f'{name} trebuie să fie un obiect JSON: {{"CJ": {{"host": ..., ...}}}}.'
        )
    found: dict[str, MailboxSettings] = {}
    for code, entry in data.items():
        key = f'{name}["{code}"]'
        if code not in BY_CODE:
            raise MailboxConfigError(
                f"{key}: „{code}” nu este codul unei direcții (de exemplu CJ, BV, B3)."
            )
        if not isinstance(entry, Mapping):
            raise MailboxConfigError(f"{key} trebuie să fie un obiect JSON.")
        unknown = sorted(set(entry) - _KEYS)
        if unknown:
            raise MailboxConfigError(
                f"{key}: cheie necunoscută „{unknown[0]}”; cheile permise: "
                + ", ".join(sorted(_KEYS))
                + "."
            )
        found[code] = _mailbox(code, key, entry, timeout)
    return found


def _mailbox(code: str, key: str, entry: Mapping, timeout: float) -> MailboxSettings:
    def text(name: str, *, required: bool, default: str | None = None) -> str | None:
        value = entry.get(name, default)
        if value is None or value == "":
            if required:
                raise MailboxConfigError(f"{key}.{name} lipsește.")
            return None
        if not isinstance(value, str) or len(value) > 500:
            raise MailboxConfigError(f"{key}.{name} trebuie să fie un text.")
        return value

    host = text("host", required=True)
    user = text("user", required=True)
    security = text("security", required=False, default="ssl")
    if security not in SECURITY:
        raise MailboxConfigError(
            f"{key}.security trebuie să fie una dintre valorile: " + ", ".join(SECURITY) + "."
        )
    port = entry.get("port", _DEFAULT_PORTS[security])
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
        raise MailboxConfigError(
            f"{key}.port trebuie să fie un număr întreg între 1 și 65535."
        )
    password = text("password", required=False)
    password_file = text("password_file", required=False)
    if (password is None) == (password_file is None):
        raise MailboxConfigError(
            f"{key}: dați fie password, fie password_file (exact una dintre ele)."
        )
    own_timeout = entry.get("timeout", timeout)
    if (
        isinstance(own_timeout, bool)
        or not isinstance(own_timeout, int | float)
        or not 0 < own_timeout <= 600
    ):
        raise MailboxConfigError(f"{key}.timeout trebuie să fie un număr de secunde (0-600].")
    return MailboxSettings(
        directorate=code,
        host=host or "",
        port=port,
        user=user or "",
        security=security or "ssl",
        folder=text("folder", required=False, default="INBOX") or "INBOX",
        timeout=float(own_timeout),
        password=password,
        password_file=password_file,
        ca_file=text("ca_file", required=False),
    )


# ---- reading a message (plain Python) -------------------------------------------------

_MESSAGE_ID = re.compile(r"<[^<>\s]{1,246}>")
# Candidates: the ECRIS form, not glued to other digits or slashes; check_case_number
# decides which are numbers.
_CANDIDATE = re.compile(
    r"(?<![\d/])\d{1,7}/\d{1,5}/\d{4}(?:/a\d{1,3}(?:\.\d{1,3})?)?(?![\d/])"
)
TEXT_LIMIT = 64 * 1024  # characters of a body searched for numbers
FETCH_LIMIT = 256 * 1024  # bytes of a matched message fetched (its text comes first)
HEADER_FIELDS = "MESSAGE-ID IN-REPLY-TO REFERENCES FROM SUBJECT DATE"


def message_ids(value: str | None) -> list[str]:
    """The ``<id@domain>`` tokens of an ``In-Reply-To`` or ``References`` field."""
    return _MESSAGE_ID.findall(value or "")


def answered(in_reply_to: str | None, references: str | None, known: Mapping[str, int]):
    """``(filing_id, our Message-ID)`` that a message answers, or None: its
    ``In-Reply-To`` first, then its ``References`` from the nearest (the last) back."""
    for candidate in message_ids(in_reply_to) + message_ids(references)[::-1]:
        if candidate in known:
            return known[candidate], candidate
    return None


def _looks_like_a_date(number: str) -> bool:
    """``23/11/2026`` has the ECRIS form, but is more likely a date."""
    if number.count("/") != 2:
        return False
    day, month, year = number.split("/")
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def case_numbers(*texts: str) -> list[str]:
    """Every ECRIS number in ``texts``, in order of appearance, once each; those that
    could also be read as a date (``dd/mm/yyyy``) come after the others."""
    numbers: list[str] = []
    for text in texts:
        for candidate in _CANDIDATE.findall(text or ""):
            try:
                number = check_case_number(candidate)
            except DomainError:
                continue
            if number not in numbers:
                numbers.append(number)
    return [n for n in numbers if not _looks_like_a_date(n)] + [
        n for n in numbers if _looks_like_a_date(n)
    ]


def text_of(raw: bytes) -> str:
    """The readable text of a message (its plain part, else its HTML without tags),
    at most :data:`TEXT_LIMIT` characters; what cannot be decoded is left out."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(raw)
        part = message.get_body(preferencelist=("plain", "html"))
        if part is None:
            return ""
        try:
            content = part.get_content()
        except (LookupError, ValueError):
            payload = part.get_payload(decode=True)
            content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
        if not isinstance(content, str):
            return ""
        if part.get_content_subtype() == "html":
            content = re.sub(r"<[^>]*>", " ", content)
        return content[:TEXT_LIMIT]
    except Exception as exc:  # a malformed message has no numbers, never a traceback
        log.info("a reply's text could not be read (%s)", type(exc).__name__)
        return ""


@dataclass(frozen=True)
class Headers:
    """The fields of a message the match needs."""

    message_id: str
    in_reply_to: str | None
    references: str | None
    sender: str | None
    subject: str | None
    date: datetime | None


def _field(message: Message, name: str) -> str | None:
    try:
        value = message.get(name)
    except Exception:  # a header the policy cannot parse: as if absent
        return None
    return None if value is None else " ".join(str(value).split())


def parse_headers(raw: bytes) -> Headers:
    """The header fields of ``raw`` (RFC 2047 words decoded). A message without a
    Message-ID gets one made from its header, so that it is recognised when seen again."""
    message = BytesHeaderParser(policy=policy.default).parsebytes(raw)
    found = message_ids(_field(message, "Message-ID"))
    own = found[0] if found else f"<fara-message-id.{sha256(raw).hexdigest()[:40]}@imap>"
    sender = parseaddr(_field(message, "From") or "")[1] or None
    moment = None
    try:
        text = _field(message, "Date")
        moment = parsedate_to_datetime(text) if text else None
    except (TypeError, ValueError, IndexError):
        moment = None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    subject = _field(message, "Subject")
    return Headers(
        message_id=own,
        in_reply_to=_field(message, "In-Reply-To"),
        references=_field(message, "References"),
        sender=sender[:254] if sender else None,
        subject=subject[:300] if subject else None,
        date=moment,
    )


# ---- the IMAP adapter -----------------------------------------------------------------


class MailboxUnavailable(Exception):
    """The mailbox could not be read; the message (Romanian) names the server and the
    step, never the password."""

    code = Code.MAILBOX_UNAVAILABLE

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def imap_date(day: date) -> str:
    """``SEARCH SINCE``'s date (RFC 3501 ``date``: ``23-Nov-2026``), whatever the locale."""
    return f"{day.day}-{_MONTHS[day.month - 1]}-{day.year}"


_INTERNALDATE = re.compile(
    rb'INTERNALDATE "\s?(\d{1,2})-([A-Za-z]{3})-(\d{4}) '
    rb'(\d\d):(\d\d):(\d\d) ([-+])(\d\d)(\d\d)"'
)


def internal_date(response: bytes) -> datetime | None:
    """The ``INTERNALDATE`` of a FETCH response, aware (imaplib's own helper answers in
    the process's local time)."""
    found = _INTERNALDATE.search(response)
    if found is None:
        return None
    day, month, year, hour, minute, second, sign, zone_h, zone_m = (
        g.decode() for g in found.groups()
    )
    try:
        offset = timedelta(hours=int(zone_h), minutes=int(zone_m))
        zone = timezone(-offset if sign == "-" else offset)
        return datetime(
            int(year),
            _MONTHS.index(month.capitalize()) + 1,
            int(day),
            int(hour),
            int(minute),
            int(second),
            tzinfo=zone,
        )
    except ValueError:
        return None


@dataclass(frozen=True)
class Fetched:
    uid: bytes
    internal_date: datetime | None
    data: bytes


class RegistryMailbox:
    """One read-only IMAP session: ``with RegistryMailbox(settings) as box: ...``.

    It offers reading alone: ``EXAMINE`` (the mailbox opened read-only), ``UID SEARCH
    SINCE``, ``UID FETCH`` of ``BODY.PEEK`` sections. No method stores a flag, copies,
    moves or expunges."""

    def __init__(self, settings: MailboxSettings):
        self.settings = settings
        self._imap: imaplib.IMAP4 | None = None
        self._step = "conectarea"

    def __enter__(self) -> "RegistryMailbox":
        cfg = self.settings
        try:
            context = ssl.create_default_context(cafile=cfg.ca_file)
            imap: imaplib.IMAP4
            if cfg.security == "ssl":
                imap = imaplib.IMAP4_SSL(
                    cfg.host, cfg.port, ssl_context=context, timeout=cfg.timeout
                )
            else:
                imap = imaplib.IMAP4(cfg.host, cfg.port, timeout=cfg.timeout)
            self._imap = imap
            if cfg.security == "starttls":
                self._step = "negocierea TLS"
                imap.starttls(ssl_context=context)
            self._step = "autentificarea"
            imap.login(cfg.user, cfg.secret())
            self._step = f"deschiderea dosarului {cfg.folder}"
            status, _ = imap.select(_quoted(cfg.folder), readonly=True)  # EXAMINE
            if status != "OK":
                raise imaplib.IMAP4.error("EXAMINE refused")
            self._step = "citirea mesajelor"
        except Exception as exc:
            self._close()
            raise self._unavailable(exc) from None
        except BaseException:
            self._close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self._imap is not None:
                self._imap.logout()  # no CLOSE: nothing to expunge, nothing asked
        except (imaplib.IMAP4.error, OSError):
            pass
        self._close()

    def _close(self) -> None:
        if self._imap is not None:
            with contextlib.suppress(OSError):
                self._imap.shutdown()
            self._imap = None

    def _open(self) -> imaplib.IMAP4:
        if self._imap is None:
            raise RuntimeError("the mailbox is used outside its with block")
        return self._imap

    def since(self, day: date) -> list[bytes]:
        """UIDs of the messages the server received on ``day`` or after."""
        try:
            status, data = self._open().uid("SEARCH", "SINCE", imap_date(day))
        except (imaplib.IMAP4.error, OSError) as exc:
            raise self._unavailable(exc) from None
        if status != "OK":
            raise MailboxUnavailable(self._text("căutarea mesajelor a fost refuzată"))
        return [uid for chunk in data if chunk for uid in chunk.split()]

    def headers(self, uids: list[bytes]) -> Iterator[Fetched]:
        """The header fields the match needs, and the day received, of ``uids``."""
        query = f"(UID INTERNALDATE BODY.PEEK[HEADER.FIELDS ({HEADER_FIELDS})])"
        for start in range(0, len(uids), 200):
            yield from self._fetch(uids[start : start + 200], query)

    def beginning(self, uid: bytes) -> bytes:
        """The first :data:`FETCH_LIMIT` bytes of one message (its text, not its
        attachments), unread it stays."""
        for item in self._fetch([uid], f"(UID BODY.PEEK[]<0.{FETCH_LIMIT}>)"):
            return item.data
        return b""

    def _fetch(self, uids: list[bytes], query: str) -> Iterator[Fetched]:
        if not uids:
            return
        try:
            status, data = self._open().uid("FETCH", b",".join(uids).decode(), query)
        except (imaplib.IMAP4.error, OSError) as exc:
            raise self._unavailable(exc) from None
        if status != "OK":
            raise MailboxUnavailable(self._text("citirea mesajelor a fost refuzată"))
        for item in data:
            if not isinstance(item, tuple):
                continue  # the closing b")" of a response, or an untagged FLAGS line
            prefix, body = item
            uid = re.search(rb"UID (\d+)", prefix)
            if uid is None:
                continue
            yield Fetched(uid.group(1), internal_date(prefix), body)

    def _text(self, what: str) -> str:
        cfg = self.settings
        return f"căsuța {cfg.user} de la {cfg.where}: {what}"

    def _unavailable(self, exc: Exception) -> MailboxUnavailable:
        cfg = self.settings
        if isinstance(exc, MailboxUnavailable):
            return exc
        if isinstance(exc, TimeoutError | socket.timeout):
            what = f"serverul nu a răspuns în {cfg.timeout:g} secunde ({self._step})"
        elif isinstance(exc, ConnectionRefusedError):
            what = "serverul refuză conexiunea"
        elif isinstance(exc, socket.gaierror):
            what = f"numele serverului „{cfg.host}” nu poate fi găsit"
        elif isinstance(exc, ssl.SSLError):
            what = f"conexiunea securizată a eșuat ({self._step}, {type(exc).__name__})"
        elif isinstance(exc, FileNotFoundError | PermissionError):
            what = "fișierul parolei (password_file) nu poate fi citit"
        elif isinstance(exc, imaplib.IMAP4.error) and self._step == "autentificarea":
            what = "serverul a refuzat autentificarea (utilizatorul sau parola)"
        elif isinstance(exc, imaplib.IMAP4.error) and self._step.startswith("deschiderea"):
            what = f"dosarul „{cfg.folder}” nu poate fi deschis"
        else:
            what = f"comunicarea a eșuat la {self._step} ({type(exc).__name__})"
        return MailboxUnavailable(self._text(what))


def _quoted(folder: str) -> str:
    """A mailbox name as an IMAP quoted string (INBOX stays an atom)."""
    if re.fullmatch(r"[A-Za-z0-9_.\-]+", folder):
        return folder
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True)
class IncomingReply:
    """A message of the mailbox that answers one of the directorate's filings: only
    what is kept, and the numbers read from it (its text is not kept)."""

    filing_id: int
    answers: str
    headers: Headers
    received_at: datetime | None
    numbers: list[str]


@dataclass
class MailboxRead:
    read: int = 0  # messages looked at
    replies: list[IncomingReply] = field(default_factory=list)


def read_mailbox(box: RegistryMailbox, since: date, known: Mapping[str, int]) -> MailboxRead:
    """Read the messages received since ``since`` and keep those that answer a
    Message-ID of ``known`` (ours, to their filing). Only a matched message is fetched
    beyond its header fields, and only its beginning, and only to read numbers."""
    result = MailboxRead()
    seen: set[str] = set()
    for item in box.headers(box.since(since)):
        result.read += 1
        headers = parse_headers(item.data)
        match = answered(headers.in_reply_to, headers.references, known)
        if match is None or headers.message_id in seen:
            continue
        seen.add(headers.message_id)
        filing_id, ours = match
        numbers = case_numbers(headers.subject or "", text_of(box.beginning(item.uid)))
        received = item.internal_date or headers.date
        result.replies.append(IncomingReply(filing_id, ours, headers, received, numbers))
    return result


# ---- the service ----------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """What a run of one directorate needs before the mailbox is read."""

    directorate_id: int
    code: str
    since: date
    known: dict[str, int]  # our Message-ID -> its filing


@dataclass
class RunResult:
    code: str
    read: int = 0
    matched: int = 0
    new: int = 0
    proposed: int = 0
    lines: list[str] = field(default_factory=list)
    error: str | None = None


def system_actor(directorate_id: int) -> Actor:
    return Actor(
        kind="system",
        id=0,
        name="răspunsuri registratură",
        directorate_id=directorate_id,
        role=Role.CASE_SYSTEM,
    )


def plan(
    session: Session,
    code: str,
    today: date,
    *,
    since: date | None = None,
    days: int = 14,
) -> Plan | None:
    """The directorate of ``code`` (None if it is not in the database), the day to read
    from (``since``; else the day before the last run, since ``SEARCH SINCE`` counts
    whole days of the server's zone; else ``days`` before ``today``) and the Message-IDs
    of its sent filings."""
    directorate = session.scalar(select(Directorate).where(Directorate.code == code))
    if directorate is None:
        return None
    if since is None:
        last = ((directorate.settings or {}).get(SETTINGS_KEY) or {}).get("read_at")
        try:
            since = datetime.fromisoformat(last).date() - timedelta(days=1) if last else None
        except (TypeError, ValueError):
            since = None
    if since is None:
        since = today - timedelta(days=days)
    rows = session.execute(
        select(Filing.id, Filing.message_ids)
        .join(Case, Filing.case_id == Case.id)
        .where(Case.directorate_id == directorate.id, Filing.sent_at.is_not(None))
    )
    known = {mid: filing_id for filing_id, ids in rows for mid in (ids or [])}
    return Plan(directorate.id, code, since, known)


def record(uow: UnitOfWork, found: Plan, read: MailboxRead, now: datetime) -> RunResult:
    """Store the replies ``read`` found (one row per message and filing, whatever the
    number of runs), audited, and the moment of this run (flushed; the caller commits)."""
    session = uow.session
    actor = system_actor(found.directorate_id)
    result = RunResult(found.code, read=read.read, matched=len(read.replies))
    for incoming in read.replies:
        exists = session.scalar(
            select(FilingReply.id).where(
                FilingReply.filing_id == incoming.filing_id,
                FilingReply.message_id == incoming.headers.message_id,
            )
        )
        if exists is not None:
            continue
        reply = _new_reply(session, actor, incoming, now)
        if reply is None:
            continue  # a concurrent run stored it a moment ago
        result.new += 1
        line = f"cererea {incoming.filing_id}: răspuns nou al registraturii"
        if reply.proposed_number:
            result.proposed += 1
            line += f", număr propus {reply.proposed_number}"
            if len(incoming.numbers) > 1:
                line += (
                    f" ({Code.SEVERAL_NUMBERS}: s-a propus primul dintre "
                    + ", ".join(incoming.numbers)
                    + "; verificați-l înainte de confirmare)"
                )
        else:
            line += ", fără număr de dosar"
        result.lines.append(line)
    directorate = session.get(Directorate, found.directorate_id)
    if directorate is not None:
        directorate.settings = {
            **(directorate.settings or {}),
            SETTINGS_KEY: {"read_at": now.isoformat()},
        }
    uow.flush()
    return result


def _new_reply(
    session: Session, actor: Actor, incoming: IncomingReply, now: datetime
) -> FilingReply | None:
    filing = session.get(Filing, incoming.filing_id)
    if filing is None:
        return None
    headers = incoming.headers
    reply = FilingReply(
        filing_id=incoming.filing_id,
        message_id=headers.message_id,
        answers=incoming.answers,
        sender=headers.sender,
        subject=headers.subject,
        received_at=incoming.received_at,
        proposed_number=incoming.numbers[0] if incoming.numbers else None,
        state=ReplyState.PROPOSED,
        created_at=now,
    )
    try:
        with session.begin_nested():
            session.add(reply)
    except IntegrityError:
        return None
    audit.record(
        session,
        actor,
        "create",
        "filing_reply",
        reply.id,
        case_id=filing.case_id,
        changes={
            "filing_id": filing.id,
            "answers": reply.answers,
            "proposed_number": reply.proposed_number,
            "numbers_found": list(incoming.numbers),
        },
    )
    return reply


def list_replies(session: Session, actor: Actor, filing_id: int) -> list[FilingReply]:
    filing = load_filing(session, actor, filing_id)
    return list(
        session.scalars(
            select(FilingReply)
            .where(FilingReply.filing_id == filing.id)
            .order_by(FilingReply.received_at, FilingReply.id)
        )
    )


def _pending(session: Session, actor: Actor, filing_id: int, reply_id: int) -> FilingReply:
    filing = load_filing(session, actor, filing_id)  # another directorate's: 404
    reply = session.scalar(
        select(FilingReply).where(
            FilingReply.id == reply_id, FilingReply.filing_id == filing.id
        )
    )
    if reply is None:
        raise NotFound("Răspunsul registraturii")
    require(actor, "file")
    if reply.state != ReplyState.PROPOSED:
        raise Conflict(
            f"Răspunsul registraturii este deja {STATE_LABELS[ReplyState(reply.state)]}.",
            field="state",
        )
    return reply


def confirm(
    uow: UnitOfWork,
    actor: Actor,
    filing_id: int,
    reply_id: int,
    now: datetime,
    *,
    number: str | None = None,
    on: date | None = None,
) -> FilingReply:
    """A person confirms the number of a reply (or corrects it): it becomes the
    filing's registration number (``court_side.register``: ECRIS form, the filing sent,
    the case's number) and the reply is ``confirmat``."""
    session = uow.session
    reply = _pending(session, actor, filing_id, reply_id)
    chosen = number or reply.proposed_number
    if not chosen:
        raise DomainError(
            "Răspunsul registraturii nu conține un număr de dosar: indicați numărul în "
            "câmpul registration_number.",
            field="registration_number",
            code=Code.REPLY_NUMBER_MISSING,
        )
    if on is None and reply.received_at is not None:
        on = min(_local(reply.received_at, now.tzinfo).date(), now.date())
    court_side.register(uow, actor, filing_id, chosen, now, on)
    reply.state = ReplyState.CONFIRMED
    reply.decided_by, reply.decided_at = actor.label, now
    audit.record(
        session,
        actor,
        "confirm",
        "filing_reply",
        reply.id,
        case_id=reply.filing.case_id,
        changes={
            "state": [str(ReplyState.PROPOSED), str(ReplyState.CONFIRMED)],
            "registration_number": chosen,
            "proposed_number": reply.proposed_number,
        },
    )
    uow.flush()
    return reply


def reject(
    uow: UnitOfWork, actor: Actor, filing_id: int, reply_id: int, now: datetime
) -> FilingReply:
    """A person rejects a reply (not the registry's number, or not this filing's): the
    filing stays as it was."""
    session = uow.session
    reply = _pending(session, actor, filing_id, reply_id)
    reply.state = ReplyState.REJECTED
    reply.decided_by, reply.decided_at = actor.label, now
    audit.record(
        session,
        actor,
        "reject",
        "filing_reply",
        reply.id,
        case_id=reply.filing.case_id,
        changes={"state": [str(ReplyState.PROPOSED), str(ReplyState.REJECTED)]},
    )
    uow.flush()
    return reply


def _local(moment: datetime, zone) -> datetime:
    if moment.tzinfo is None:  # SQLite gives back naive UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone or UTC)


def run_all(
    codes: Iterable[str],
    mailboxes: Mapping[str, MailboxSettings],
    *,
    read_plan: Callable[[str], Plan | None],
    save: Callable[[Plan, MailboxRead], RunResult],
    connect: Callable[[MailboxSettings], RegistryMailbox] = RegistryMailbox,
) -> list[RunResult]:
    """One run per directorate in ``codes``: its plan (one unit of work, closed), its
    mailbox (no transaction open), what it found (a unit of work the caller commits in
    ``save``). A mailbox that cannot be read is reported and the others go on."""
    results = []
    for code in codes:
        found = read_plan(code)
        if found is None:
            results.append(RunResult(code, error="direcția nu există în baza de date"))
            continue
        try:
            with connect(mailboxes[code]) as box:
                read = read_mailbox(box, found.since, found.known)
        except MailboxUnavailable as exc:
            log.warning("registry mailbox of %s could not be read", code)
            results.append(RunResult(code, error=exc.message))
            continue
        except Exception as exc:  # one directorate's fault must not stop the others
            log.warning("reading the mailbox of %s failed (%s)", code, type(exc).__name__)
            results.append(
                RunResult(code, error=f"eroare neașteptată la citire ({type(exc).__name__})")
            )
            continue
        results.append(save(found, read))
    return results
