"""The 119 line: reports of children at risk become cases at the competent directorate.

Who may send. The 119 call centres sit inside each of the 47 directorates, and calls are
allocated by county from the *caller's* location (the STS note on the 119 line),
so a call centre regularly takes a report about a child in another county. We therefore
let **any directorate's token** (its case system or call-centre software; any role that
may edit) submit a report, and route the report by the place of the child (art. 96
alin. 1) to the competent directorate, where the case opens. A dedicated national token
kind would have needed a new kind of actor in every tenant check; this way the sender
stays an ordinary actor of its own directorate, and tenancy holds unchanged: the sender
gets back the report's number, the code of the directorate it went to and what is
missing, but never the other directorate's case (its ids are given only when the report
stays home), and every read of reports and cases filters by the reader's directorate.

What cannot be routed (no place, an unknown county, Bucharest without a sector) waits
in the routing queue, never dropped: the national dispatcher (an API token granted with
``filing-service grant-dispatcher``) sees the whole queue; a directorate's administrators
see what their own call centre sent. Either routes a report to a directorate by hand.

Layout: ``forms``, ``routing`` and ``report`` are the domain (plain Python);
``service`` stores and routes (one transaction with every case it opens);
``worklists`` holds what people work from (the queue, urgent reports, match
suggestions); ``api`` and ``xml`` are the doors.
"""

import click
from flask import Flask
from flask.cli import with_appcontext
from sqlalchemy import select

from ..db import unit_of_work
from ..models import ApiToken
from .service import grant_dispatcher


def init_app(app: Flask) -> None:
    """Register the intake's command (granting the dispatcher's token)."""
    app.cli.add_command(grant_dispatcher_command)


@click.command("grant-dispatcher")
@with_appcontext
@click.option(
    "--token-id",
    type=int,
    required=True,
    help="Identificatorul tokenului (afișat de issue-token)",
)
def grant_dispatcher_command(token_id: int):
    """Let an API token route the 119 routing queue of every directorate."""
    with unit_of_work() as uow:
        if uow.session.scalar(select(ApiToken.id).where(ApiToken.id == token_id)) is None:
            raise click.BadParameter(f"tokenul {token_id} nu există", param_hint="--token-id")
        grant_dispatcher(uow.session, token_id)
        uow.commit()
    click.echo(f"Tokenul {token_id} este acum al dispecerului național 119.")
