"""Sending a signed package to the court's registry by e-mail: once, whole, and with a
record of every message.

- Idempotent: the package's key names its messages (``Message-ID``); a send first claims
  the filing with a conditional UPDATE, so a double click or a concurrent retry finds it
  taken (409) and a repeat after success answers with the filing already sent.
- Nothing lost: each message is recorded as accepted the moment the server takes it; a
  retry sends only the messages not yet accepted, with the same Message-IDs.
- No half-sent filing is marked sent: the status becomes ``trimis`` only when every
  message was accepted; otherwise the attempt is recorded ``partial`` or ``esuat`` and
  retried with back-off (inline for a transient failure, then by
  ``filing-service filings retry-sends``).
- Several transactions by design, the network between them: ``send`` owns them (it is
  handed ``open_uow``) and commits each: the claim, the attempt, every acceptance, the
  outcome, the release of the claim. No transaction is open while the SMTP server is
  talked to (on SQLite an open one holds the write lock); the steps only flush.
"""

import logging
import secrets
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage

from sqlalchemy import or_, select, update

from .. import audit, mail
from ..auth.actor import Actor
from ..db import UnitOfWork
from ..errorcodes import Code
from ..errors import Conflict, DomainError
from ..models import Court, Filing, SendAttempt
from ..storage import ContentStore
from . import message, sheet, timeline
from .court_rules import Channel
from .domain import (
    SHEET_POSITION,
    Attachment,
    Status,
    TooLarge,
    backoff_seconds,
    message_groups,
)
from .service import load_filing, problems_of, require

log = logging.getLogger(__name__)

STALE_CLAIM = timedelta(minutes=15)  # a claim older than this belonged to a dead worker

OpenUow = Callable[[], AbstractContextManager[UnitOfWork]]


class DeliveryFailed(Exception):
    """The registry's server did not take every message; nothing was marked sent."""

    def __init__(self, message: str, filing_id: int):
        super().__init__(message)
        self.message, self.filing_id = message, filing_id


@dataclass(frozen=True)
class Policy:
    """How hard to try: inline retries, their back-off, and whether an unverified
    registry address may be used (tests and demonstrations only)."""

    retries: int = 2
    backoff_base: float = 2.0  # seconds between inline retries: 2, 4, ...
    later_base: float = 300.0  # seconds before the scheduled retry: 5, 10, 20 min ...
    allow_unverified: bool = False


def send(
    open_uow: OpenUow,
    actor: Actor,
    filing_id: int,
    *,
    store: ContentStore,
    smtp: mail.SmtpSettings,
    policy: Policy,
    now: Callable[[], datetime],
    sheet_tools: sheet.SheetTools,
    request_key: str | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Filing:
    """Deliver the package of ``filing_id``; return the filing, sent. Where the court
    takes the signatures' validation sheet (``attach_validation_sheet``), the first
    message carries it as its last attachment, made with ``sheet_tools``.

    Raises ``DomainError`` (the package or the address is not ready), ``Conflict``
    (another send holds the filing) or :class:`DeliveryFailed` (the server did not take
    every message: recorded, retried later)."""
    claim = secrets.token_hex(16)
    with open_uow() as uow:
        filing = load_filing(uow.session, actor, filing_id)
        require(actor, "file")
        if filing.channel == Channel.REJUST:
            raise DomainError(
                "Cererea se depune prin registratura electronică (registratura.rejust.ro), "
                "nu prin e-mail: descărcați pachetul pentru registratura electronică, "
                "încărcați-l în portal și înregistrați apoi dovada depunerii.",
                field="channel",
                code=Code.REJUST_CHANNEL,
            )
        if request_key and filing.idempotency_key and request_key != filing.idempotency_key:
            raise Conflict(
                "Cheia de idempotență nu corespunde acestui pachet.", field="Idempotency-Key"
            )
        if Status(filing.status) not in (Status.SIGNED,):
            if filing.sent_at is not None:
                return filing  # already delivered: a repeat changes nothing
            raise DomainError(
                "Pachetul trebuie verificat și semnat înainte de trimitere "
                "(starea actuală: " + filing.status + ").",
                field="status",
                code=Code.NOT_READY,
            )
        court = uow.session.get(Court, filing.court_id)
        if court is None:  # the filing's foreign key keeps it; a deleted court is a bug
            raise LookupError(f"court {filing.court_id} of filing {filing.id} is gone")
        _check_address(court, policy)
        _claim(uow, filing, claim, now())
        uow.commit()
    try:
        return _deliver(
            open_uow, actor, filing_id, claim, store, smtp, policy, now, sleep, sheet_tools
        )
    finally:
        with open_uow() as uow:
            uow.session.execute(
                update(Filing)
                .where(Filing.id == filing_id, Filing.send_claim == claim)
                .values(send_claim=None, send_claimed_at=None)
            )
            uow.commit()


def _check_address(court: Court, policy: Policy) -> None:
    if not court.email_verified and not policy.allow_unverified:
        raise DomainError(
            f"Adresa registraturii pentru {court.name} ({court.registry_email}) nu este "
            "confirmată. Administratorul direcției trebuie să o verifice cu instanța și să "
            "o marcheze confirmată în lista instanțelor înainte de orice trimitere.",
            field="court.registry_email",
            code=Code.ADDRESS_UNCONFIRMED,
        )


def _claim(uow: UnitOfWork, filing: Filing, claim: str, moment: datetime) -> None:
    """Take the filing for this send, or find that another send holds it."""
    result = uow.session.execute(
        update(Filing)
        .where(
            Filing.id == filing.id,
            Filing.status == Status.SIGNED,
            or_(Filing.send_claim.is_(None), Filing.send_claimed_at < moment - STALE_CLAIM),
        )
        .values(send_claim=claim, send_claimed_at=moment)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]  # an UPDATE's CursorResult
        raise Conflict(
            "Pachetul este deja în curs de trimitere; reîncercați peste câteva "
            "momente pentru a vedea rezultatul.",
            field="status",
        )


def _plan(filing: Filing, court: Court, sender: str) -> list[dict]:
    """The messages of the package, fixed at the first attempt and reused by every
    retry (so that a limit changed later cannot re-split what was partly sent)."""
    if filing.attempts and filing.attempts[0].messages:
        return [dict(m, state=m["state"]) for m in _merged(filing.attempts)]
    items = [Attachment(d.position, d.file_name, d.size) for d in filing.documents]
    reserved = (
        Attachment(SHEET_POSITION, sheet.sheet_name(filing, court), sheet.SHEET_RESERVE_BYTES)
        if court.attach_validation_sheet
        else None
    )
    try:
        # One message per case file: the check refused a package over the limit.
        groups = message_groups(
            items,
            court.max_message_bytes,
            one_message=court.one_message_per_case,
            sheet=reserved,
        )
    except TooLarge as exc:
        raise DomainError(
            f"Documentul {exc.attachment.file_name} depășește singur limita "
            f"de {exc.limit} octeți a instanței pentru un mesaj.",
            field="documents",
            code=Code.FILE_TOO_LARGE,
        ) from None
    domain = sender.rpartition("@")[2] or "dgaspc.invalid"
    total = len(groups)
    return [
        {
            "message_id": f"<{(filing.idempotency_key or str(filing.id))[:40]}.{i}-{total}"
            f"@{domain}>",
            "positions": [a.position for a in group if a is not reserved],
            "size": sum(a.size for a in group),
            "state": "de_trimis",
            # The sheet goes with the first message (its size above is the reserve).
            "validation_sheet": reserved is not None and i == 1,
        }
        for i, group in enumerate(groups, start=1)
    ]


def _merged(attempts: list[SendAttempt]) -> list[dict]:
    """The plan with what every attempt so far achieved."""
    plan = {m["message_id"]: dict(m) for m in attempts[0].messages}
    for attempt in attempts:
        for m in attempt.messages:
            if m["state"] == "acceptat":
                plan[m["message_id"]]["state"] = "acceptat"
                plan[m["message_id"]]["accepted_at"] = m.get("accepted_at")
    return list(plan.values())


def _deliver(
    open_uow, actor, filing_id, claim, store, smtp, policy, now, sleep, sheet_tools
) -> Filing:
    failures = 0
    while True:
        with open_uow() as uow:
            session = uow.session
            filing = load_filing(session, actor, filing_id)
            problems = [p for p in problems_of(session, filing, store, now()) if p.blocking]
            if problems:
                raise DomainError(
                    "Pachetul nu mai trece verificarea: "
                    + "; ".join(p.message for p in problems),
                    field="documents",
                    code=Code.CHECK_FAILED,
                )
            court = session.get(Court, filing.court_id)
            plan = _plan(filing, court, smtp.sender)
            # Made before the attempt is added: nothing is written while LibreOffice works.
            validation_sheet = _sheet_for(session, filing, court, plan, sheet_tools)
            attempt = SendAttempt(
                filing_id=filing.id,
                started_at=now(),
                messages=[dict(m) for m in plan],
                outcome="in_curs",
            )
            session.add(attempt)
            outgoing = _compose(filing, court, plan, store, smtp, validation_sheet)
            uow.commit()  # the attempt is on record before its first message leaves
        already = sum(1 for m in plan if m["state"] == "acceptat")
        error = _send_messages(open_uow, attempt.id, plan, outgoing, smtp, now)
        with open_uow() as uow:
            filing = load_filing(uow.session, actor, filing_id)
            attempt = uow.session.get(SendAttempt, attempt.id)
            if error is None:
                _mark_sent(uow, actor, filing, attempt, now())
                uow.commit()
                return filing
            transient = mail.is_transient(error)
            text = mail.describe(error, smtp)
            _record_failure(uow, actor, filing, attempt, already, text, policy, now())
            uow.commit()
            failures += 1
            log.warning(
                "filing %s: send attempt %s failed (%s)",
                filing.id,
                attempt.id,
                type(error).__name__,
            )
        if not transient or failures > policy.retries:
            raise DeliveryFailed(text, filing_id)
        sleep(backoff_seconds(failures, policy.backoff_base))


def _sheet_for(session, filing, court, plan, tools) -> tuple[str, bytes] | None:
    """(attachment name, PDF) of the validation sheet, if a message still to send carries
    it; made afresh for each attempt (an accepted message is never sent again)."""
    if not any(m.get("validation_sheet") and m["state"] != "acceptat" for m in plan):
        return None
    return sheet.sheet_name(filing, court), sheet.make(session, filing, tools)


def _compose(
    filing, court, plan, store, smtp, validation_sheet=None
) -> list[tuple[dict, EmailMessage]]:
    """Every message not yet accepted, whole, with the entry of the plan it fulfils:
    made while the filing is loaded, so that sending needs no database. The validation
    sheet, where the plan gives it to a message, is that message's last attachment."""
    by_position = {d.position: d for d in filing.documents}
    pending = [m for m in plan if m["state"] != "acceptat"]
    total = len(plan)
    outgoing = []
    for entry in pending:
        index = plan.index(entry) + 1
        docs = [by_position[p] for p in entry["positions"]]
        attachments = [(d.file_name, store.get(d.sha256), "application/pdf") for d in docs]
        if index == 1 and court.attach_manifest:
            attachments.append(
                ("manifest.xml", store.get(filing.manifest_sha256), "application/xml")
            )
        sheet_name = None
        if entry.get("validation_sheet") and validation_sheet is not None:
            sheet_name, sheet_pdf = validation_sheet
            attachments.append((sheet_name, sheet_pdf, "application/pdf"))
        outgoing.append(
            (
                entry,
                mail.compose(
                    sender=smtp.sender,
                    recipient=court.registry_email,
                    subject=message.subject(filing, index, total),
                    message_id=entry["message_id"],
                    body=message.body(filing, docs, index, total, sheet_name=sheet_name),
                    attachments=attachments,
                ),
            )
        )
    return outgoing


def _send_messages(open_uow, attempt_id, plan, outgoing, smtp, now) -> BaseException | None:
    """Send the messages outside any transaction; record each acceptance at once, in a
    transaction of its own."""
    try:
        with mail.Mailbox(smtp) as box:
            for entry, message in outgoing:
                box.send(message)
                entry["state"] = "acceptat"
                entry["accepted_at"] = now().isoformat()
                with open_uow() as uow:
                    attempt = uow.session.get(SendAttempt, attempt_id)
                    attempt.messages = [dict(m) for m in plan]  # a new list: JSON change seen
                    uow.commit()
    except Exception as exc:  # every failure is recorded; none escapes unrecorded
        return exc
    return None


def _mark_sent(uow, actor, filing: Filing, attempt: SendAttempt, moment: datetime) -> None:
    session = uow.session
    attempt.outcome, attempt.finished_at = "reusit", moment
    filing.message_ids = [m["message_id"] for m in attempt.messages]
    filing.sent_at = moment
    filing.last_error, filing.next_send_at = None, None
    timeline.move(
        session,
        actor,
        filing,
        Status.SENT,
        moment.date(),
        moment,
        f"{len(filing.message_ids)} mesaj(e) acceptate de serviciul de e-mail",
    )
    timeline.case_changed(session, filing.case)
    uow.flush()


def _record_failure(uow, actor, filing, attempt, already, text, policy, moment) -> None:
    """Record a failed attempt: ``partial`` if it delivered some messages, ``esuat`` if
    none; the filing keeps its status and learns when to try again."""
    session = uow.session
    accepted = sum(1 for m in attempt.messages if m["state"] == "acceptat")
    attempt.outcome = "partial" if accepted > already else "esuat"
    attempt.finished_at, attempt.error = moment, text
    filing.send_failures += 1
    filing.last_error = (
        f"Trimitere {attempt.outcome}: {accepted} din "
        f"{len(attempt.messages)} mesaje acceptate; {text}."
    )
    filing.next_send_at = moment + timedelta(
        seconds=backoff_seconds(filing.send_failures, policy.later_base)
    )
    audit.record(
        session,
        actor,
        "send_failed",
        "filing",
        filing.id,
        case_id=filing.case_id,
        changes={"attempt": attempt.id, "outcome": attempt.outcome, "error": text},
    )
    uow.flush()


def due_for_retry(session, moment: datetime) -> list[Filing]:
    """Signed e-mail filings whose last send failed and whose back-off has run out (a
    filing for registratura.rejust.ro is never sent by the service)."""
    return list(
        session.scalars(
            select(Filing)
            .where(
                Filing.status == Status.SIGNED,
                Filing.channel != str(Channel.REJUST),  # a person files it on the portal
                Filing.next_send_at.is_not(None),
                Filing.next_send_at <= moment,
            )
            .order_by(Filing.next_send_at)
        )
    )
