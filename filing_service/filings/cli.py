"""Scheduled commands: ``filing-service filings sync-portal`` (run it from cron, e.g. every
morning), ``filing-service filings retry-sends`` (every few minutes) and
``filing-service filings fetch-replies`` (the registries' replies, e.g. hourly)."""

from datetime import datetime

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select

from .. import adapters
from ..auth.actor import Actor
from ..auth.roles import Role
from ..clock import now
from ..db import unit_of_work
from ..errorcodes import Code
from ..errors import Conflict, DomainError
from ..models import Case, Filing
from ..storage import store
from . import court_side, delivery, replies

# AppGroup: each command runs inside the app's context, like the built-in ones.
filings_cli = AppGroup(
    "filings",
    help="Cererile către instanță: sincronizare cu portalul, reîncercarea trimiterilor, "
    "răspunsurile registraturilor.",
)


def _actor_for(session, filing_id: int, name: str) -> Actor:
    directorate_id = session.scalar(
        select(Case.directorate_id)
        .join(Filing, Filing.case_id == Case.id)
        .where(Filing.id == filing_id)
    )
    return Actor(
        kind="system", id=0, name=name, directorate_id=directorate_id, role=Role.CASE_SYSTEM
    )


@filings_cli.command("sync-portal")
def sync_portal():
    """Aduce din portalul instanțelor termenele, soluțiile și căile de atac."""
    client = adapters.current().portal()
    with unit_of_work() as uow:
        ids = court_side.filings_to_sync(uow.session)
    failures = 0
    for filing_id in ids:  # one unit of work a filing: one failure spoils no other
        with unit_of_work() as uow:
            actor = _actor_for(uow.session, filing_id, "sincronizare portal")
            result = court_side.sync_filing(uow, actor, filing_id, client, now())
            uow.commit()
        failures += not result.ok
        status = "ok" if result.ok else "EROARE"
        click.echo(
            f"cererea {filing_id}: {status}: {result.message}"
            + (f"; termene noi: {result.hearings}" if result.hearings else "")
            + (f"; evenimente: {', '.join(result.events)}" if result.events else "")
        )
    click.echo(f"{len(ids)} cereri verificate, {failures} cu erori.")
    if failures:
        raise SystemExit(1)


@filings_cli.command("retry-sends")
def retry_sends():
    """Reîncearcă trimiterile eșuate al căror termen de așteptare a trecut."""
    config = current_app.config
    policy = delivery.Policy(
        retries=0,
        backoff_base=float(config["FILING_RETRY_BASE_SECONDS"]),
        later_base=float(config["FILING_RETRY_LATER_SECONDS"]),
        allow_unverified=bool(config["FILING_ALLOW_UNVERIFIED_EMAIL"]),
    )
    with unit_of_work() as uow:
        ids = [f.id for f in delivery.due_for_retry(uow.session, now())]
    for filing_id in ids:
        with unit_of_work() as uow:
            actor = _actor_for(uow.session, filing_id, "reîncercare trimitere")
        try:
            delivery.send(
                unit_of_work,
                actor,
                filing_id,
                store=store(),
                smtp=adapters.current().mailer.settings,
                policy=policy,
                now=now,
            )
            click.echo(f"cererea {filing_id}: trimisă")
        except (delivery.DeliveryFailed, DomainError, Conflict) as exc:
            click.echo(f"cererea {filing_id}: netrimisă: {exc}")
    click.echo(f"{len(ids)} trimiteri reîncercate.")


def _day(_ctx, _param, value: str | None):
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(
            f"„{value}” nu este o dată de forma AAAA-LL-ZZ (de exemplu 2026-11-23)."
        ) from None


@filings_cli.command("fetch-replies")
@click.option(
    "--directorate",
    "code",
    metavar="COD",
    help="Doar direcția cu acest cod (de exemplu CJ); implicit toate cele configurate.",
)
@click.option(
    "--since",
    metavar="AAAA-LL-ZZ",
    callback=_day,
    help="Citește mesajele primite din această zi; implicit de la rularea precedentă.",
)
def fetch_replies(code: str | None, since):
    """Citește răspunsurile registraturilor din căsuța poștală a direcției (fără a le
    marca citite) și propune numerele de dosar din ele."""
    config = current_app.config
    mailboxes = adapters.current().mailboxes
    if code is not None:
        code = code.strip().upper()
        if code not in mailboxes:
            raise click.UsageError(
                f"Direcția {code} nu are o căsuță poștală în REGISTRY_MAILBOXES "
                f"({Code.MAILBOX_CONFIG_INVALID})."
            )
    codes = [code] if code else sorted(mailboxes)
    if not codes:
        click.echo("Nicio direcție nu are configurată o căsuță poștală (REGISTRY_MAILBOXES).")
        return

    def read_plan(one: str):
        with unit_of_work() as uow:  # read only, closed before the mailbox is opened
            return replies.plan(
                uow.session,
                one,
                now().date(),
                since=since,
                days=int(config["REGISTRY_REPLIES_DAYS"]),
            )

    def save(found, read):
        with unit_of_work() as uow:  # one commit per directorate
            result = replies.record(uow, found, read, now())
            uow.commit()
        return result

    results = replies.run_all(codes, mailboxes, read_plan=read_plan, save=save)
    failures = 0
    for result in results:
        if result.error is not None:
            failures += 1
            click.echo(f"{result.code}: EROARE ({Code.MAILBOX_UNAVAILABLE}): {result.error}")
            continue
        for line in result.lines:
            click.echo(f"{result.code}: {line}")
        click.echo(
            f"{result.code}: mesaje citite: {result.read}; răspunsuri la cereri trimise: "
            f"{result.matched} (noi: {result.new}); numere propuse: {result.proposed}."
        )
    if failures:
        raise SystemExit(1)
