"""Scheduled commands: ``filing-service filings sync-portal`` (run it from cron, e.g. every
morning), ``filing-service filings retry-sends`` (every few minutes) and
``filing-service filings fetch-replies`` (the registries' replies, e.g. hourly); and by
hand, ``filing-service filings export-rejust FILING_ID DIR`` (the package for
registratura.rejust.ro)."""

from datetime import datetime
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select

from .. import adapters
from ..auth.actor import Actor
from ..auth.roles import Role
from ..clock import now
from ..db import unit_of_work
from ..documents.converter import ConversionFailed
from ..errorcodes import Code
from ..errors import Conflict, DomainError, NotFound
from ..models import Case, Filing
from ..storage import store
from . import court_side, delivery, rejust, replies, sheet

# AppGroup: each command runs inside the app's context, like the built-in ones.
filings_cli = AppGroup(
    "filings",
    help="Cererile către instanță: sincronizare cu portalul, reîncercarea trimiterilor, "
    "pachetul pentru registratura electronică, răspunsurile registraturilor.",
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
    started = now()  # the start of this run: where each court's sync moves to
    with unit_of_work() as uow:
        courts = court_side.courts_to_sync(uow.session)
    asked = failures = incremental = changed = splits = 0
    for group in courts:  # one unit of work a filing: one failure spoils no other
        result = court_side.sync_court(unit_of_work, group, client, started)
        incremental += result.incremental
        splits += result.splits
        for error in result.errors:
            click.echo(f"instanța {result.court}: EROARE: {error}")
        failures += len(result.errors)
        for outcome in result.filings:
            failures += not outcome.ok
            status = "ok" if outcome.ok else "EROARE"
            click.echo(
                f"cererea {outcome.filing_id}: {status}: {outcome.message}"
                + (f"; termene noi: {outcome.hearings}" if outcome.hearings else "")
                + (f"; termene modificate: {outcome.updated}" if outcome.updated else "")
                + (f"; evenimente: {', '.join(outcome.events)}" if outcome.events else "")
            )
        asked += len({outcome.filing_id for outcome in result.filings})
        changed += len({outcome.filing_id for outcome in result.filings if outcome.changed})
    click.echo(f"{asked} cereri verificate, {failures} cu erori.")
    click.echo(
        f"Instanțe interogate incremental: {incremental}; cereri modificate: {changed}; "
        f"interogări împărțite: {splits}."
    )
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
                sheet_tools=sheet.app_tools(),
            )
            click.echo(f"cererea {filing_id}: trimisă")
        except (delivery.DeliveryFailed, DomainError, Conflict, ConversionFailed) as exc:
            click.echo(f"cererea {filing_id}: netrimisă: {exc}")
    click.echo(f"{len(ids)} trimiteri reîncercate.")


@filings_cli.command("export-rejust")
@click.argument("filing_id", type=click.IntRange(1, 2**31 - 1))
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
def export_rejust(filing_id: int, folder: Path):
    """Scrie în DIR (nou sau gol) fișierele pachetului pentru registratura.rejust.ro,
    în ordinea și cu denumirile instanței, și opisul lor (Opis.pdf, Opis.txt)."""
    if folder.exists() and any(folder.iterdir()):
        raise click.ClickException(f"Dosarul {folder} nu este gol.")
    try:
        with unit_of_work() as uow:
            actor = _actor_for(uow.session, filing_id, "export registratura electronică")
            if actor.directorate_id is None:
                raise NotFound("Cererea către instanță")
            package = rejust.build_package(
                uow.session,
                actor,
                filing_id,
                store=store(),
                converter=adapters.current().converter,
            )
            uow.commit()  # the export's audit entry
    except (DomainError, NotFound, ConversionFailed) as exc:
        raise click.ClickException(getattr(exc, "message", None) or str(exc)) from None
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in package.entries():
        (folder / name).write_bytes(data)
    for f in package.files:
        click.echo(f"{f.number}. {f.name} ({f.size} octeți, SHA-256 {f.sha256})")
    click.echo(f"Opisul: {rejust.COVER_PDF} și {rejust.COVER_TEXT}.")
    click.echo(
        f"{len(package.files)} fișiere scrise în {folder}. Încărcați-le în "
        f"{rejust.PORTAL}, apoi înregistrați dovada depunerii primită de la portal "
        f"(POST /api/v1/filings/{filing_id}/rejust-sent)."
    )


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
