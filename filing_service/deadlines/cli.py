"""``filing-service deadlines ...``: the daily digest, recomputation, calendar addresses."""

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select

from .. import adapters
from ..auth.actor import Actor
from ..auth.roles import Role
from ..clock import today
from ..db import unit_of_work
from ..models import Directorate, User
from . import digest, feeds, mailer, service

group = AppGroup("deadlines", help="Termenele: rezumatul zilnic, recalculare, calendar.")


@group.command("digest")
@click.option(
    "--date",
    "on_day",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Ziua rezumatului (implicit azi, ora României)",
)
@click.option(
    "--working-days",
    default=3,
    show_default=True,
    help="Câte zile lucrătoare înainte cuprinde rezumatul",
)
@click.option(
    "--no-recompute",
    is_flag=True,
    help="Nu recalcula termenele înainte (implicit se recalculează)",
)
def digest_command(on_day, working_days, no_recompute):
    """Send each user the deadlines due soon and those overdue (run daily by a timer).

    First every directorate's deadlines are recomputed, so that a quarter's review
    (art. 72 alin. 1) appears when the quarter begins even if the case did not change."""
    day = on_day.date() if on_day else today()
    with unit_of_work() as uow:
        if not no_recompute:
            for directorate_id in uow.session.scalars(select(Directorate.id)):
                service.recompute_directorate(
                    uow.session,
                    directorate_id,
                    Actor(
                        kind="system",
                        id=0,
                        name="rezumat zilnic",
                        directorate_id=directorate_id,
                        role=Role.CASE_SYSTEM,
                    ),
                    as_of=day,
                )
            uow.commit()
        found = digest.digests(uow.session, day, working_days)
        messages = [
            digest.message(d, day, current_app.config["DEADLINES_FROM_ADDRESS"]) for d in found
        ]
    sent = mailer.send(messages, adapters.current().mailer)
    click.echo(f"Rezumate trimise: {sent}.")


@group.command("recompute")
@click.option("--directorate", required=True, help="Codul direcției (CJ, B3, ...)")
def recompute_command(directorate):
    """Recompute every deadline of a directorate (after a change of the rules)."""
    with unit_of_work() as uow:
        found = uow.session.scalar(
            select(Directorate).where(Directorate.code == directorate.upper())
        )
        if found is None:
            raise click.BadParameter(f"direcția {directorate} nu există")
        actor = Actor(
            kind="system", id=0, name="cli", directorate_id=found.id, role=Role.CASE_SYSTEM
        )
        changed = service.recompute_directorate(uow.session, found.id, actor)
        uow.commit()
    click.echo(f"Termene modificate: {changed}.")


@group.command("feed")
@click.option("--username", required=True)
@click.option("--revoke", is_flag=True, help="Dezactivează adresa existentă")
@click.option("--base-url", default="http://127.0.0.1:8000", show_default=True)
def feed_command(username, revoke, base_url):
    """Print a new secret calendar address for a user (the old one stops working)."""
    with unit_of_work() as uow:
        user = uow.session.scalar(select(User).where(User.username == username))
        if user is None:
            raise click.BadParameter(f"utilizatorul {username} nu există")
        admin = Actor(
            kind="system",
            id=0,
            name="cli",
            directorate_id=user.directorate_id,
            role=Role.ADMINISTRATOR,
        )
        if revoke:
            feeds.revoke_feed(uow, admin, user.id)
            uow.commit()
            click.echo("Adresa calendarului a fost dezactivată.")
            return
        address = feeds.issue_feed(uow, admin, user.id, base_url)
        uow.commit()
        click.echo(address)
