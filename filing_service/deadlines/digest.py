"""The daily e-mail digest: to each active user of a directorate who works on cases, what
falls due in the next working days and what is overdue. Composed here, sent by
``mailer``; run by ``filing-service deadlines digest`` from a daily timer.

Mail leaves the directorate's systems, so it names cases by reference only, never a
child.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from ..auth.roles import Role
from ..law.dates import format_date_ro
from ..models import User
from ..models.deadline import Deadline
from . import catalogue
from .calendar import WorkCalendar
from .service import OPEN

RECIPIENT_ROLES = (Role.LEGAL_COUNSEL, Role.CASE_MANAGER, Role.DIRECTOR)


@dataclass(frozen=True)
class Digest:
    user: User
    due_soon: list[Deadline]
    overdue: list[Deadline]
    until: date


def digests(session: Session, on_day: date, working_days: int = 3) -> list[Digest]:
    """One digest per user who has something due by the ``working_days``-th working day
    after ``on_day`` or overdue; users with nothing to do get nothing."""
    until = WorkCalendar().add_working_days(on_day, working_days)
    users = session.scalars(
        select(User)
        .where(User.active.is_(True), User.email.is_not(None), User.role.in_(RECIPIENT_ROLES))
        .order_by(User.id)
    ).all()
    by_directorate: dict[int, Sequence[Deadline]] = {}
    out = []
    for user in users:
        if user.directorate_id not in by_directorate:
            by_directorate[user.directorate_id] = session.scalars(
                select(Deadline)
                .options(joinedload(Deadline.case))
                .where(
                    Deadline.directorate_id == user.directorate_id,
                    Deadline.status == OPEN,
                    Deadline.due_date <= until,
                )
                .order_by(Deadline.due_date, Deadline.id)
            ).all()
        pending = by_directorate[user.directorate_id]
        if pending:
            out.append(
                Digest(
                    user,
                    [d for d in pending if d.due_date >= on_day],
                    [d for d in pending if d.due_date < on_day],
                    until,
                )
            )
    return out


def _line(deadline: Deadline) -> str:
    rule = catalogue.get(deadline.rule_id)
    title = rule.title if rule else deadline.rule_id
    return (
        f"- {format_date_ro(deadline.due_date)}: {title} — cauza "
        f"{deadline.case.reference} ({deadline.article})\n"
        f"  {deadline.explanation or ''}"
    )


def message(digest: Digest, on_day: date, sender: str) -> EmailMessage:
    """The digest as an e-mail in Romanian."""
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = digest.user.email
    mail["Subject"] = (
        f"Termene: {len(digest.overdue)} depășite, {len(digest.due_soon)} "
        f"până la {format_date_ro(digest.until)}"
    )
    parts = [
        f"Bună ziua, {digest.user.full_name},",
        "",
        f"Situația termenelor la {format_date_ro(on_day)}.",
    ]
    if digest.overdue:
        parts += ["", "TERMENE DEPĂȘITE:"] + [_line(d) for d in digest.overdue]
    if digest.due_soon:
        parts += ["", f"DE ÎNDEPLINIT PÂNĂ LA {format_date_ro(digest.until).upper()}:"] + [
            _line(d) for d in digest.due_soon
        ]
    parts += [
        "",
        "Data din dreptul fiecărui termen este ultima zi în care actul mai poate fi făcut.",
        "Mesaj trimis automat de filing_service.",
    ]
    mail.set_content("\n".join(parts))
    return mail
